"""Shared fixtures: a small folder of articles and one report run over it (built once per session)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from sahyog.paths import example_article

EXAMPLE = example_article()

INJECTED = (
    "\nनई दिल्ली में <script>document.title='PWNED'</script> भारत और कजाकिस्तान ने व्यापार पर एक समझौता ज्ञापन पर "
    'हस्ताक्षर किए। <img src=x onerror="document.body.dataset.pwned=1"> दोनों देशों ने '
    '<a href="javascript:alert(1)">परिवहन</a> सहयोग पर सहमति व्यक्त की।\n'
    "शेयर बाजार में आज व्यापार तेज रहा।\n"  # a sector word outside any cooperation: context "mention"
)


@pytest.fixture(scope="session")
def corpus(tmp_path_factory) -> Path:
    """The example, a shortened variant, an article with injected markup, and one bad file."""
    folder = tmp_path_factory.mktemp("articles")
    text = EXAMPLE.read_text(encoding="utf-8")
    (folder / "a_example.txt").write_text(text, encoding="utf-8")
    lines = text.split("\n")
    (folder / "b_short.txt").write_text("\n".join(lines[:3]) + "\n", encoding="utf-8")
    (folder / "c_injected.txt").write_text(lines[0] + INJECTED + "\n".join(lines[6:]), encoding="utf-8")
    (folder / "d_bad.txt").write_bytes("Café".encode("latin-1"))
    return folder


@pytest.fixture(scope="session")
def built(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("reports")
    proc = subprocess.run(
        [sys.executable, "-m", "sahyog", "report", str(corpus), "--out", str(out), "--quiet"],
        capture_output=True,
        text=True,
        timeout=900,
    )
    return out, proc

"""The generated pages in a real browser (headless Chromium): they load, run no injected script,
and their screenshots are kept under reports/screenshots/ for a person to look at.

Chromium is installed by ``make test`` where it can be (root with apt); elsewhere these tests are
skipped with a message saying so.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from sahyog.paths import REPORTS_DIR

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="SKIPPED browser checks: Chromium is not installed and could not be (needs root + apt)"
)
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars"]


def _chromium(page: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run(
            [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0",
             "--virtual-time-budget=3000", *extra, page.resolve().as_uri()],
            capture_output=True, text=True, timeout=120,
        )


def _console_errors(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines()
            if "CONSOLE" in line and ("Uncaught" in line or "Error" in line or "Refused" in line)]


@pytest.mark.parametrize("page", ["index.html", "c_injected/02_sectors.html", "a_example/04_entities.html"])
def test_page_loads_without_script_errors_and_injected_code_does_not_run(built, page):
    out, _ = built
    proc = _chromium(out / page, "--dump-dom")
    dom = proc.stdout
    assert "<main>" in dom, proc.stderr[-2000:]
    assert "PWNED" not in dom.split("</title>")[0]
    assert "data-pwned" not in dom
    assert _console_errors(proc.stderr) == []


@pytest.mark.parametrize("page", ["index.html", "a_example/02_sectors.html", "a_example/03_agreements.html",
                                  "a_example/04_entities.html"])
def test_screenshots_for_people(built, page):
    out, _ = built
    shots = REPORTS_DIR / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    target = shots / (page.replace("/", "__").replace(".html", ".png"))
    proc = _chromium(out / page, f"--screenshot={target}", "--window-size=1280,2400")
    assert target.exists() and target.stat().st_size > 20_000, proc.stderr[-2000:]
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

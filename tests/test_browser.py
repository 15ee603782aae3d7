"""The generated pages in a real browser (headless Chromium) at a desktop's and a phone's width: they
load without script errors or network requests, run no injected script, never scroll sideways, and
the index's brief names the example's parties in Hindi and English. Screenshots are kept (outside the
repository) in ``$SAHYOG_SCREENSHOTS`` or ``<temp>/sahyog-screenshots`` for a person to look at.

Chromium is installed by ``make test`` where it can be (root with apt); elsewhere these tests are
skipped with a message saying so.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def _skip_reason() -> str:
    """Why Chromium is missing, as ``make browser`` (scripts/install-chromium.sh) found out."""
    note = Path(sys.prefix) / "browser-skip-reason.txt"
    if not note.is_file():
        return "SKIPPED browser checks: Chromium is not installed (make browser installs it where it can)"
    reason = note.read_text(encoding="utf-8").strip()
    return f"SKIPPED browser checks: {reason}"


pytestmark = pytest.mark.skipif(CHROMIUM is None, reason=_skip_reason())
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
]
SCREENSHOTS = Path(os.environ.get("SAHYOG_SCREENSHOTS") or Path(tempfile.gettempdir()) / "sahyog-screenshots")
PAGES = [
    "index.html",
    "a_example/index.html",
    "a_example/01_tokenise.html",
    "a_example/02_sectors.html",
    "a_example/03_agreements.html",
    "a_example/04_entities.html",
    "corpus/05_corpus.html",
]
WIDTHS = {"desktop": 1400, "phone": 400}


def _chromium(target: str, *extra: str) -> subprocess.CompletedProcess[str]:
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run(
            [
                CHROMIUM,
                *FLAGS,
                f"--user-data-dir={profile}",
                "--enable-logging=stderr",
                "--v=0",
                "--virtual-time-budget=3000",
                *extra,
                target,
            ],
            capture_output=True,
            text=True,
            timeout=120,
        )


def _console_errors(stderr: str) -> list[str]:
    return [
        line
        for line in stderr.splitlines()
        if "CONSOLE" in line and ("Uncaught" in line or "Error" in line or "Refused" in line)
    ]


def _requested(net_log: Path) -> set[str]:
    """Every http(s) URL in a Chromium net log, without its query (the browser's own calls vary it)."""
    urls = re.findall(r'"url":"(https?://[^"]+)"', net_log.read_text(encoding="utf-8", errors="replace"))
    return {f"{urlsplit(u).scheme}://{urlsplit(u).netloc}{urlsplit(u).path}" for u in urls}


@pytest.fixture(scope="module")
def browser_own_requests(tmp_path_factory) -> set[str]:
    """What Chromium itself asks for when showing an empty local page (update checks and the like)."""
    folder = tmp_path_factory.mktemp("blank")
    (folder / "blank.html").write_text("<!DOCTYPE html><title>blank</title>", encoding="utf-8")
    _chromium((folder / "blank.html").as_uri(), f"--log-net-log={folder / 'net.json'}", "--dump-dom")
    return _requested(folder / "net.json")


@pytest.mark.parametrize(
    "page", ["index.html", "c_injected/02_sectors.html", "a_example/04_entities.html", "corpus/05_corpus.html"]
)
def test_page_loads_offline_without_script_errors_and_injected_code_does_not_run(
    built, page, tmp_path, browser_own_requests
):
    out, _ = built
    proc = _chromium((out / page).resolve().as_uri(), f"--log-net-log={tmp_path / 'net.json'}", "--dump-dom")
    dom = proc.stdout
    assert "<main>" in dom, proc.stderr[-2000:]
    assert "PWNED" not in dom.split("</title>")[0]
    assert "data-pwned" not in dom
    assert _console_errors(proc.stderr) == []
    assert _requested(tmp_path / "net.json") - browser_own_requests == set(), "the page asked the network"


def _measure(page: Path, width: int, tmp: Path, expression: str) -> Any:
    """The JSON value of a JavaScript ``expression`` over ``d`` (the document of ``page`` shown ``width`` pixels
    wide), read from a harness page (the report pages themselves allow no scripts)."""
    harness = tmp / f"measure-{width}.html"
    harness.write_text(
        f'<!DOCTYPE html><html><body style="margin:0"><iframe id="f" src="{page.resolve().as_uri()}" '
        f'style="width:{width}px;height:2000px;border:0"></iframe><script>'
        'document.getElementById("f").onload=function(){var d=this.contentDocument;'
        f"document.title=JSON.stringify({expression});}};</script></body></html>",
        encoding="utf-8",
    )
    proc = _chromium(harness.as_uri(), "--allow-file-access-from-files", "--window-size=1600,2000", "--dump-dom")
    m = re.search(r"<title>(\[.*?\])</title>", proc.stdout)
    assert m, proc.stderr[-2000:]
    return json.loads(m.group(1))


def _page_width(page: Path, width: int, tmp: Path) -> tuple[int, int]:
    """``(scrollWidth, clientWidth)`` of ``page`` shown ``width`` pixels wide."""
    e = "d.documentElement"
    return tuple(_measure(page, width, tmp, f"[{e}.scrollWidth,{e}.clientWidth]"))


@pytest.mark.parametrize("device", WIDTHS)
@pytest.mark.parametrize("page", PAGES)
def test_page_never_scrolls_sideways(built, page, device, tmp_path):
    out, _ = built
    scroll, client = _page_width(out / page, WIDTHS[device], tmp_path)
    assert client == WIDTHS[device] and scroll <= client, f"{page} is {scroll}px wide at {client}px"


@pytest.mark.parametrize("page", ["a_example/01_tokenise.html", "a_example/04_entities.html", "corpus/05_corpus.html"])
def test_a_phone_wraps_narrow_tables_instead_of_hiding_a_column(built, page, tmp_path):
    """A table of two or three columns (sentences and their tokens, routes, the corpus's articles) fits a phone's
    width: its long cells wrap between words, so no column is cut off inside a box that scrolls sideways, and no
    word is broken in its middle (the folded appendix's file names may scroll in their box)."""
    out, _ = built
    tables = 'd.querySelectorAll(".table-wrap > table:not(.stack)")'
    shown = f'[].filter.call({tables},function(t){{return !t.closest("details");}})'
    sizes = _measure(
        out / page,
        400,
        tmp_path,
        f"{shown}.map(function(t){{return [t.parentNode.scrollWidth,t.parentNode.clientWidth];}})",
    )
    assert sizes and all(scroll <= client for scroll, client in sizes), sizes


def test_a_phone_fits_the_opened_appendixs_parameters_table(built, tmp_path):
    """The folded appendix, opened on a phone: its parameters table (names, values, long meanings) fits its box."""
    out, _ = built
    opened = '[].map.call(d.querySelectorAll("details.appendix"),function(x){x.open=true;return 0;})'
    tables = 'd.querySelectorAll("details.appendix .table-wrap > table:not(.stack)")'
    box = "function(t){return [t.parentNode.scrollWidth,t.parentNode.clientWidth];}"
    page = out / "a_example" / "02_sectors.html"
    sizes = _measure(page, 400, tmp_path, f"({opened}).concat([].map.call({tables},{box}))")
    boxes = [s for s in sizes if isinstance(s, list)]
    assert boxes and all(scroll <= client for scroll, client in boxes), boxes


def _chart_sizes(page: Path, width: int, tmp: Path) -> list[list[int]]:
    """``[naturalWidth, clientWidth]`` of each chart image of ``page`` shown ``width`` pixels wide."""
    images = 'd.querySelectorAll("figure.chart img")'
    return _measure(page, width, tmp, f"[].map.call({images},function(i){{return [i.naturalWidth,i.clientWidth];}})")


def test_a_phone_shows_charts_laid_out_for_it(built, tmp_path):
    """A desk chart on a phone is shrunk to a third (labels 6-8 px); the phone layout to half at most (11 px+)."""
    out, _ = built
    page = out / "a_example" / "02_sectors.html"
    desk, phone = _chart_sizes(page, 1400, tmp_path), _chart_sizes(page, 400, tmp_path)
    assert len(desk) == len(phone) >= 2
    for (desk_px, _), (phone_px, shown) in zip(desk, phone, strict=True):
        assert phone_px < desk_px and shown / phone_px >= 0.45, (desk_px, phone_px, shown)


def test_brief_names_the_parties_in_hindi_and_english(built):
    out, _ = built
    dom = _chromium((out / "index.html").resolve().as_uri(), "--dump-dom").stdout
    brief = dom.split('<section class="brief">', 1)[1].split("</section>", 1)[0]
    who = brief.split("who met", 1)[1].split("agreed", 1)[0]
    for name in ("पाकिस्तान", "Pakistan", "कज़ाखस्तान", "Kazakhstan"):
        assert name in who, name
    assert "Islamabad" in brief and "इस्लामाबाद" in brief


@pytest.mark.parametrize("device", WIDTHS)
@pytest.mark.parametrize("page", PAGES)
def test_screenshots_for_people(built, page, device):
    out, _ = built
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    target = SCREENSHOTS / f"{page.replace('/', '__').replace('.html', '')}-{device}.png"
    size = "1400,2000" if device == "desktop" else "400,3000"
    proc = _chromium((out / page).resolve().as_uri(), f"--screenshot={target}", f"--window-size={size}")
    assert target.exists() and target.stat().st_size > 20_000, proc.stderr[-2000:]
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

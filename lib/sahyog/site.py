"""The report site's HTML: pages, navigation, the brief, the index, tables for people, marked text.

Pages are self-contained (inline CSS, no scripts, no CDN, images inline), readable at 400 px
without scripts (a table of four or more columns shows each row as a card of labelled values, a narrower
one scrolls in its own box; the navigation wraps, images scale), and
every piece of article text in them is escaped. :mod:`sahyog.report` runs the notebooks and calls
this module; notebooks use :class:`Table` and the highlighting functions to show their results.
"""

from __future__ import annotations

import copy
import html
import math
import os
import re
import tempfile
import threading
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pandas as pd

from . import __version__
from .present import (
    Link,
    Marked,
    agreement_details,
    agreement_what,
    bilingual,
    category_label,
    date_text,
    sort_newest_first,
)

e = html.escape

CSS = """
:root { --ink:#1d2a33; --muted:#5b6b76; --line:#d9e1e6; --accent:#2f6f8f; --bad:#b3261e; --bg:#fbfcfd;
  --chip:#e8f1f5; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin:0; background:var(--bg); color:var(--ink); line-height:1.55; overflow-wrap:break-word;
  font-family: "Noto Sans", "Noto Sans Devanagari", "Nirmala UI", "Mangal", "Kohinoor Devanagari",
  "Segoe UI", system-ui, sans-serif; }
header.top { background:#fff; border-bottom:1px solid var(--line); padding:.45rem 1rem; }
nav.chapters { display:flex; flex-wrap:wrap; gap:.2rem 1rem; }
nav.chapters a { color:var(--accent); text-decoration:none; white-space:nowrap; }
nav.chapters a.current { font-weight:700; color:var(--ink); }
main { max-width:1100px; margin:0 auto; padding:.8rem 1rem 2rem; }
footer { max-width:1100px; margin:0 auto; padding:1rem; border-top:1px solid var(--line); color:var(--muted);
  font-size:.85rem; }
h1 { font-size:1.6rem; line-height:1.3; margin:.8rem 0 .3rem; }
h2 { font-size:1.25rem; margin-top:2rem; border-bottom:1px solid var(--line); padding-bottom:.2rem; }
a.anchor-link { display:none; }
.table-wrap { max-width:100%; overflow-x:auto; margin:.6rem 0 1rem; }
table { border-collapse:collapse; font-size:.92rem; background:#fff; }
th, td { border:1px solid var(--line); padding:.3rem .55rem; text-align:left; vertical-align:top; max-width:22rem; }
thead th { background:#eef3f6; }
td.num, th.num { text-align:right; font-variant-numeric:tabular-nums; white-space:nowrap; }
td.text { min-width:16rem; max-width:34rem; }
img { max-width:100%; height:auto; }
figure.chart { margin:1rem 0; }
figure.chart figcaption { color:var(--muted); font-size:.9rem; }
pre { font-family: "Noto Sans Mono", "DejaVu Sans Mono", "Noto Sans Devanagari", monospace; background:#f3f6f8;
  padding:.6rem .8rem; overflow-x:auto; white-space:pre-wrap; font-size:.85rem; }
p code, li code, td code { font-family: inherit; background:#eef2f5; padding:0 .25em; border-radius:3px; }
.output_stderr { display:none; }
mark { padding:0 .1rem; border-radius:3px; background:#ffe08a; }
.muted { color:var(--muted); font-size:.9rem; }
.status-ok { color:#1b6e3a; } .status-failed { color:var(--bad); font-weight:600; }
section.brief { background:#fff; border:1px solid var(--line); border-left:4px solid var(--accent);
  padding:.6rem 1rem; margin:.6rem 0 1rem; }
section.brief h1, section.brief h2 { margin:.1rem 0 .3rem; border:0; font-size:1.35rem; line-height:1.35; }
section.brief p { margin:.25rem 0; }
section.brief ul.agreed { margin:.3rem 0; padding-left:1.1rem; }
.chips { display:flex; flex-wrap:wrap; gap:.3rem; margin:.3rem 0; padding:0; list-style:none; }
.chips li, .chip { background:var(--chip); border-radius:1rem; padding:.05rem .6rem; font-size:.88rem; }
.label { color:var(--muted); font-size:.85rem; margin-right:.3rem; }
div.who { display:flex; flex-wrap:wrap; align-items:baseline; gap:0 .3rem; margin:.2rem 0; }
div.who .chips { margin:.1rem 0; }
.chips.countries li { background:#fdebd3; font-size:.95rem; }
section.brief h1 a, section.brief h2 a, section.brief p.h a { color:var(--ink);
  text-decoration:none; }
section.brief p.h { font-weight:600; font-size:1.05rem; }
section.brief h1 a:hover, section.brief h2 a:hover { text-decoration:underline; }
.cards { display:grid; gap:1rem; }
details.appendix { margin-top:2.5rem; border-top:1px solid var(--line); padding-top:.6rem; }
details.appendix summary { cursor:pointer; font-weight:600; color:var(--muted); }
nav.pager { display:flex; justify-content:space-between; flex-wrap:wrap; gap:.5rem; margin:2rem 0 .5rem; }
nav.pager a { color:var(--accent); }
ul.files { columns:2 16rem; }
section.pair h3 { margin:1.1rem 0 .3rem; font-size:1.05rem; }
ol.timeline { list-style:none; margin:.2rem 0 .6rem .3rem; padding:0 0 0 .8rem; border-left:2px solid var(--line); }
ol.timeline li { margin:.15rem 0 .45rem; }
ol.timeline .when { color:var(--muted); font-variant-numeric:tabular-nums; margin-right:.3rem; }
ol.timeline .where { color:var(--muted); margin-right:.3rem; }
ol.timeline details { margin:.1rem 0 0; } ol.timeline summary { cursor:pointer; color:var(--ink); }
ol.timeline details p { margin:.2rem 0 .2rem 1rem; color:var(--muted); }
@media (max-width: 600px) {
  /* narrow tables (under STACK_COLUMNS): as wide as the screen, long cells wrapped between words (a column keeps its
     longest word: an unbroken file name in the folded appendix may still scroll in its box) */
  .table-wrap > table:not(.stack) { width:100%; }
  .table-wrap > table:not(.stack) td, .table-wrap > table:not(.stack) th { max-width:none; overflow-wrap:break-word; }
  /* the folded appendix's tables (parameters: names, paths) may break a long word rather than scroll */
  details.appendix .table-wrap > table:not(.stack) td { overflow-wrap:anywhere; }
  /* wide tables: one block per row, each value under its column's name, nothing hidden sideways */
  table.stack, table.stack tbody, table.stack tr, table.stack td { display:block; width:100%; max-width:none; }
  table.stack thead { position:absolute; width:1px; height:1px; overflow:hidden; clip:rect(0 0 0 0); }
  table.stack tr { border:1px solid var(--line); margin:0 0 .6rem; }
  table.stack td, table.stack td.text { border:0; border-top:1px solid var(--line); min-width:0;
    text-align:left !important; padding:.2rem .6rem; }
  table.stack td:first-child { border-top:0; font-weight:600; }
  table.stack td[rowspan] { border-top:1px solid var(--line); }
  /* the column's name on the left of its value, wrapped (not nowrap as numbers are), the row as tall as it */
  table.stack td { display:flow-root; padding-left:7.4rem; }
  table.stack td::before { content:attr(data-label); float:left; margin-left:-6.8rem; width:6.2rem;
    color:var(--muted); font-size:.8rem; font-weight:400; padding-top:.1rem; overflow-wrap:anywhere;
    white-space:normal; }
  table.stack td.text { padding-left:.6rem; }  /* a sentence: its name above it, the full width for the text */
  table.stack td.text::before { float:none; margin-left:0; display:block; width:auto; }
  table.stack td:empty { display:none; }
  table.stack td.dup:not(:empty) { display:flow-root !important; }
  main { padding:.5rem .7rem 1.5rem; }
  h1 { font-size:1.3rem; }
  section.brief { padding:.5rem .7rem; }
  td.text { min-width:0; }
}
"""

DEVANAGARI_RUN = re.compile(
    r"[\u0900-\u097f\u200c\u200d][\u0900-\u097f\u200c\u200d\s·,()/–—-]*[\u0900-\u097f]"
    r"|[\u0900-\u097f]"
)


def hi(text: str) -> str:
    """``text`` escaped, with every run of Devanagari in a ``<span lang="hi">`` (the page itself is English)."""
    out, pos = [], 0
    for m in DEVANAGARI_RUN.finditer(text):
        out.append(e(text[pos : m.start()]))
        out.append(f'<span lang="hi">{e(m.group())}</span>')
        pos = m.end()
    out.append(e(text[pos:]))
    return "".join(out)


def _is_hindi(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum("\u0900" <= c <= "\u097f" for c in letters) > len(letters) / 2


# --- tables for people -----------------------------------------------------------------------------


def _cell_text(value: Any) -> str:
    """A cell as text: lists joined, missing values empty."""
    if isinstance(value, list | tuple | set):
        return ", ".join(_cell_text(v) for v in value)
    if value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value)


def marked_html(m: Marked) -> str:
    """A :class:`~sahyog.present.Marked` sentence with its spans in ``<mark>`` (tooltip: the note), escaped."""
    out, pos = [], 0
    for start, end, note in m.spans:
        out.append(e(m.text[pos:start]))
        out.append(f'<mark title="{e(note)}">{e(m.text[start:end])}</mark>')
        pos = end
    out.append(e(m.text[pos:]))
    return "".join(out)


def _td(value: Any, numeric: bool, rowspan: int = 1, label: str = "", dup: bool = False) -> str:
    """One cell; ``label``: its column's name (shown beside the value, above a long text, when a narrow screen
    stacks the row); ``dup``: a copy of a merged cell, ``hidden`` but in the stacked layout (each card then
    carries its evidence)."""
    span = f' rowspan="{rowspan}"' if rowspan > 1 else ""
    span += f' data-label="{e(label)}"' if label else ""
    span += " hidden" if dup else ""
    extra = " dup" if dup else ""
    if isinstance(value, Marked):
        return f'<td class="text{extra}" lang="hi"{span}>{marked_html(value)}</td>'
    if isinstance(value, Link):
        cls_attr = f' class="{extra.strip()}"' if extra else ""
        return f'<td{cls_attr}{span}><a href="{e(value.href)}">{hi(value.text)}</a></td>'
    text = _cell_text(value)
    if numeric:
        return f'<td class="num{extra}"{span}>{e(text)}</td>'
    cls = ("text" if _is_hindi(text) and len(text) > 60 else "") + extra
    cls_attr = f' class="{cls.strip()}"' if cls.strip() else ""
    if _is_hindi(text):
        return f'<td lang="hi"{cls_attr}{span}>{e(text)}</td>'
    return f"<td{cls_attr}{span}>{hi(text)}</td>"


def _run_lengths(values: Sequence[Any]) -> list[int]:
    """For merging equal neighbours: the row span at each run's first row, 0 on the rows it covers."""
    spans = [1] * len(values)
    start = 0
    for i in range(1, len(values) + 1):
        if i == len(values) or values[i] != values[start]:
            spans[start] = i - start
            for k in range(start + 1, i):
                spans[k] = 0
            start = i
    return spans


# Record columns whose contract names read as code: the words a reader sees in a table's head instead (the CSVs
# and Parquet files keep the contract's names)
HEADERS = {"n_tokens": "tokens", "n_sources": "sources", "n_reports": "reports", "name_en": "name (English)",
           "name_hi": "name (Hindi)", "sentence_id": "sentence", "doc_id": "article"}  # fmt: skip


def header(column: Any) -> str:
    """What a table's head shows for ``column``: :data:`HEADERS`' word, else the column's own name."""
    return HEADERS.get(str(column), str(column))


STACK_COLUMNS = 4  # a table this wide becomes one card per row on a phone (each value beside its column's name)


def table_html(df: pd.DataFrame, merge: Sequence[str] = (), index: bool = False, caption: str = "") -> str:
    """``df`` as a plain, escaped HTML table; on a narrow screen a table of :data:`STACK_COLUMNS` columns or more
    shows each row as a block of labelled values (a merged cell copied into every row it covers), a narrower one
    scrolls sideways in its box.

    No positional index (unless ``index``: then the index is the first column), empty cells empty,
    lists as text, numbers right-aligned, Hindi cells marked ``lang="hi"``, :class:`Marked` cells with
    their words marked; equal neighbouring cells of the ``merge`` columns become one cell.
    """
    if index:
        df = df.reset_index()
    cols = list(df.columns)
    numeric = [pd.api.types.is_numeric_dtype(df[c]) and not pd.api.types.is_bool_dtype(df[c]) for c in cols]
    merged = [c for c in merge if c in cols]  # a later column merges only within the earlier ones' runs
    spans = {
        c: _run_lengths(list(zip(*(df[m].map(str) for m in merged[: k + 1]), strict=True)))
        for k, c in enumerate(merged)
    }
    num = ' class="num"'
    head = "".join(f"<th{num if n else ''}>{hi(header(c))}</th>" for c, n in zip(cols, numeric, strict=True))
    stack = len(cols) >= STACK_COLUMNS
    body = []
    for i, row in enumerate(df.itertuples(index=False, name=None)):
        cells = [
            _td(v, n, spans[c][i] if c in spans else 1, header(c), dup=c in spans and not spans[c][i])
            for c, v, n in zip(cols, row, numeric, strict=True)
            if stack or c not in spans or spans[c][i]
        ]
        body.append(f"<tr>{''.join(cells)}</tr>")
    cap = f"<caption>{hi(caption)}</caption>" if caption else ""
    cls = ' class="stack"' if stack else ""
    return (
        f'<div class="table-wrap"><table{cls}>{cap}<thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table></div>"
    )


class Table:
    """A DataFrame shown for people in a notebook (``display(site.Table(df))``) and in the report; ``empty``: the
    sentence shown instead of an empty table (``no agreements found in this article``); ``note``: a line after it
    (what the table leaves out)."""

    def __init__(self, df: pd.DataFrame, merge: Sequence[str] = (), index: bool = False, caption: str = "",
                 empty: str = "(nothing to show)", note: str = "") -> None:  # fmt: skip
        self.df, self.merge, self.index, self.caption, self.empty = df, tuple(merge), index, caption, empty
        self.note = note

    def _repr_html_(self) -> str:
        after = f'<p class="muted">{hi(self.note)}</p>' if self.note else ""
        if self.df.empty:
            return f'<p class="muted">{e(self.empty)}</p>' + after
        return aligned(table_html(self.df, self.merge, self.index, self.caption)) + after


_CELL = re.compile(r"<(td|th)\b([^>]*)>")
_DUP = re.compile(r'class="[^"]*\bdup\b')


def aligned(table: str) -> str:
    """``table`` with each cell's alignment inline (text left, numbers right, top-aligned), so it reads
    the same in JupyterLab, whose stylesheet right-aligns every cell, as in the report."""

    def style(m: re.Match[str]) -> str:
        side = "right" if 'class="num' in m[2] else "left"
        hidden = "display:none;" if _DUP.search(m[2]) else ""  # JupyterLab has no site CSS to hide the copies
        return f'<{m[1]}{m[2]} style="{hidden}text-align:{side};vertical-align:top">'

    return _CELL.sub(style, table)


# --- the article, marked -------------------------------------------------------------------------------

CONTEXT_COLOURS = {"agreement": "#ffd59e", "cooperation": "#bfe3f5", "portfolio": "#e3e3e3", "mention": "#ece4f7",
                   "conflict": "#f5c6c6"}  # fmt: skip
CONTEXT_LABELS = {
    "agreement": "agreed",
    "cooperation": "discussed",
    "portfolio": "ministry title",
    "mention": "mentioned only",
    "conflict": "conflict or restriction",
}


def highlight_sentences(record: Mapping[str, Any], spans: Sequence[tuple[int, int, str, str]]) -> str:
    """The article as HTML, one paragraph per sentence (with its number), ``spans`` marked.

    ``spans`` are ``(start, end, tooltip, colour)`` in original offsets; overlapping spans after the
    first are dropped. Every piece of article text is escaped: it is data, never markup.
    """
    ordered = sorted(spans, key=lambda s: (s[0], -s[1]))
    parts = []
    for sent in record["sentences"]:
        pos, out, base = sent["start"], [], sent["start"]
        text = sent["text"]
        for start, end, tip, colour in ordered:
            if start < pos or start >= sent["end"]:
                continue
            end = min(end, sent["end"])
            out.append(e(text[pos - base : start - base]))
            out.append(
                f'<mark title="{e(tip)}" style="background:{e(colour)}">{e(text[start - base : end - base])}</mark>'
            )
            pos = end
        out.append(e(text[pos - base :]))
        parts.append(f'<p id="s{sent["id"]}"><span class="muted" lang="en">[{sent["id"]}]</span> {"".join(out)}</p>')
    legend = " ".join(f'<mark style="background:{c}">{e(CONTEXT_LABELS[k])}</mark>' for k, c in CONTEXT_COLOURS.items())
    return f'<p class="muted">{legend}</p><div class="article" lang="hi">{"".join(parts)}</div>'


def sector_highlights(record: Mapping[str, Any]) -> str:
    """The article with every sector word marked, coloured by context, sector in the tooltip."""
    from .present import sector_label

    spans = [
        (
            m["start"],
            m["end"],
            f"{sector_label(m['sector'])} · {CONTEXT_LABELS.get(m['context'], m['context'])}",
            CONTEXT_COLOURS.get(m["context"], "#eee"),
        )
        for m in record["sectors"]
    ]
    return highlight_sentences(record, spans)


class HTML:
    """Raw HTML for ``display()`` (like IPython's, without needing IPython here)."""

    def __init__(self, markup: str) -> None:
        self.markup = markup

    def _repr_html_(self) -> str:
        return self.markup


# --- the brief -----------------------------------------------------------------------------------------


def _pair(p: Mapping[str, str] | None) -> str:
    return hi(bilingual(p.get("hi"), p.get("en"))) if p else ""


def brief_html(b: Mapping[str, Any], short: bool = False, link: str = "", heading: str = "h1") -> str:
    """The brief of one article: headline, when and where, who met, what was agreed, sectors.

    ``short`` gives the chapters' version (counts by category instead of one line per agreement);
    ``link`` makes the headline a link (the index).
    """
    title = hi(b.get("headline") or b.get("doc_id", ""))
    if link:
        title = f'<a href="{e(link)}">{title}</a>'
    kind = "" if b.get("is_title") else '<span class="label">lead:</span>'
    where = _pair(b.get("place")) or "place not given"
    when = hi(date_text(b))
    met = "".join(f"<li><strong>{_pair(c)}</strong></li>" for c in b.get("countries", []))
    met = f'<ul class="chips countries">{met}</ul>' if met else "no country named"
    who = "who met" if b.get("agreements") or b.get("talks") else "countries named"  # no event: nobody met
    cls = ' class="h"' if heading == "p" else ""
    parts = [
        f'<section class="brief"><{heading}{cls}>{kind}{title}</{heading}>',
        f'<p><span class="label">when</span>{when} <span class="label">where</span>{where}</p>',
        f'<div class="who"><span class="label">{who}</span>{met}</div>',
    ]
    if b.get("others") and not short:
        parts.append(f'<p><span class="label">also named</span>{", ".join(_pair(c) for c in b["others"])}</p>')
    parts.append(_agreed_html(b, short))
    if b.get("talks"):
        parts.append(_talks_html(b["talks"], short))
    if b.get("sectors") and heading != "p":  # a chapter's own brief leaves the sectors to the chapters
        chips = "".join(
            f'<li>{hi(s["label"])} <span class="muted">{s["n"]}</span></li>' for s in b["sectors"][: 5 if short else 12]
        )
        parts.append(f'<p class="label">sectors (mentions)</p><ul class="chips">{chips}</ul>')
    parts.append("</section>")
    return "\n".join(parts)


def _agreed_html(b: Mapping[str, Any], short: bool) -> str:
    items = b.get("agreements", [])
    if not items:
        return '<p><span class="label">agreed</span>nothing found</p>'
    if short:  # one chip per event, with the number of documents the article states (22 agreements: "× 22")
        chips = "".join(f"<li>{hi(a['label'])}{_times(a.get('count'))}</li>" for a in items)
        return f'<div class="who"><span class="label">agreed</span><ul class="chips">{chips}</ul></div>'
    lines = "".join(f"<li>{_agreement_li(a)}</li>" for a in items)
    n = len(items)
    return f'<p class="label">agreed ({n} event{"" if n == 1 else "s"})</p><ul class="agreed">{lines}</ul>'


def _talks_html(items: Sequence[Mapping[str, Any]], short: bool = False) -> str:
    """The talks held (:mod:`sahyog.talks`): between whom, when and where, with their sentences linked; ``short``:
    one chip per meeting naming its sides."""
    if short:
        chips = "".join(f"<li>{hi(a.get('sides') or ' – '.join(a['parties']))}</li>" for a in items)
        return f'<div class="who"><span class="label">talks held</span><ul class="chips">{chips}</ul></div>'
    lines = "".join(f"<li>{_agreement_li(a)}</li>" for a in items)
    return f'<p class="label">talks held</p><ul class="agreed">{lines}</ul>'


def _times(count: Any) -> str:
    """`` × 22`` for a stated number of documents above one, as :func:`sahyog.present.agreement_what` writes it;
    nothing for one (a chip is one event) or when the article states none (None, or NaN: ``NaN > 1`` is false)."""
    return f" <strong>× {int(count)}</strong>" if isinstance(count, int | float) and count > 1 else ""


def _agreement_li(a: Mapping[str, Any]) -> str:
    """One event line with its category in bold and its sentences linked to the marked article (02)."""
    details = agreement_details(a)
    ids = [int(i) for i in a.get("sentences") or [a["sentence"]]]
    links = ", ".join(f'<a href="02_sectors.html#s{i}">{i}</a>' for i in ids)
    link = ("sentences " if len(ids) > 1 else "sentence ") + links
    return f"<strong>{hi(agreement_what(a))}</strong> — " + (f"{hi(details)} — " if details else "") + link


def category_counts_html(categories: Mapping[str, int]) -> str:
    """Agreement categories with their counts as chips (``समझौता ज्ञापन · MoU 2``), escaped."""
    chips = "".join(f"<li>{hi(category_label(c))} <strong>{n}</strong></li>" for c, n in categories.items())
    return f'<ul class="chips">{chips}</ul>' if chips else "—"


# --- pages -----------------------------------------------------------------------------------------------


def footer_html(when: datetime | None = None) -> str:
    """``generated on 2026-11-29 18:40 UTC by Sahyog 0.1.0``."""
    when = when or datetime.now(UTC)
    return f"generated on {when:%Y-%m-%d %H:%M} UTC by Sahyog {e(__version__)}"


def page(title: str, body: str, nav: str = "") -> str:
    """A complete, self-contained HTML page around ``body`` (``title`` is escaped here).

    The page's language is English; Hindi elements carry ``lang="hi"`` themselves.
    """
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data: 'self'; "
        "style-src 'unsafe-inline'\">\n"
        f"<title>{e(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        f'<header class="top"><nav class="chapters">{nav}</nav></header>\n<main>\n{body}\n</main>\n'
        f"<footer>{footer_html()}</footer>\n</body>\n</html>\n"
    )


def chapter_label(name: str, title: str = "") -> str:
    """``02 · Sectors`` from the notebook name ``02_sectors`` or its H1 ``02 · Sectors: which …``."""
    if title:
        return title.split(":", 1)[0].strip()
    num, _, rest = name.partition("_")
    return f"{num} · {rest.replace('_', ' ').capitalize()}"


def chapter_nav(
    chapters: Sequence[tuple[str, str]],
    current: str | None = None,
    up: str = "../index.html",
    article: str | None = "index.html",
) -> str:
    """Top navigation: all articles, this article, then each chapter ``(name, label)``."""
    links = [f'<a href="{e(up)}">← all articles</a>']
    if article:
        cls = ' class="current"' if current == "index" else ""
        links.append(f'<a{cls} href="{e(article)}">brief</a>')
    for name, label in chapters:
        cls = ' class="current"' if name == current else ""
        links.append(f'<a{cls} href="{e(quote(name))}.html">{e(label)}</a>')
    return "".join(links)


def pager_html(chapters: Sequence[tuple[str, str]], current: str) -> str:
    """Previous / next chapter links at the end of a chapter."""
    names = [n for n, _ in chapters]
    i = names.index(current)
    prev = (
        f'<a rel="prev" href="{e(quote(names[i - 1]))}.html">← {e(chapters[i - 1][1])}</a>'
        if i > 0
        else '<a rel="prev" href="index.html">← brief</a>'
    )
    nxt = (
        f'<a rel="next" href="{e(quote(names[i + 1]))}.html">{e(chapters[i + 1][1])} →</a>'
        if i + 1 < len(names)
        else '<a href="../index.html">all articles →</a>'
    )
    return f'<nav class="pager">{prev}{nxt}</nav>'


# --- chapters from executed notebooks ---------------------------------------------------------------------

APPENDIX_TAGS = {"appendix", "parameters", "injected-parameters"}


def _is_appendix(cell: Mapping[str, Any]) -> bool:
    return bool(APPENDIX_TAGS & set(cell.get("metadata", {}).get("tags", [])))


_EXPORTER: list[Any] = []  # the process's one HTML exporter (building one loads its templates: slow)
_EXPORT_LOCK = threading.Lock()


def _export(nb: Any, show_code: bool) -> str:
    """A notebook's cells as HTML (nbconvert's ``basic`` template), by the process's one exporter."""
    with _EXPORT_LOCK:  # report threads share it; the GIL serialises the export anyway
        if not _EXPORTER:
            from nbconvert import HTMLExporter

            _EXPORTER.append(HTMLExporter(template_name="basic"))
        exporter = _EXPORTER[0]
        exporter.exclude_input = not show_code
        exporter.exclude_input_prompt = True
        exporter.exclude_output_prompt = True
        body, _ = exporter.from_notebook_node(nb)
    return body


def _read(nb: Path | Any) -> Any:
    """A notebook node: ``nb`` itself, or the notebook file at ``nb`` read."""
    import nbformat

    return nbformat.read(nb, as_version=4) if isinstance(nb, str | Path) else nb


def notebook_title(path: Path | Any) -> str:
    """The H1 title of a notebook (a file or a notebook node; its first ``# `` line), or ""."""
    for cell in _read(path).cells:
        if cell.cell_type == "markdown":
            first = cell.source.lstrip().split("\n", 1)[0]
            if first.startswith("# "):
                return first[2:].strip()
    return ""


def notebook_parts(executed: Path | Any, show_code: bool = False) -> tuple[str, str, str]:
    """An executed notebook (file or node) as ``(title, reader HTML, appendix HTML)``.

    Cells tagged ``appendix`` (and the parameters cells) go to the appendix; the rest is the chapter.
    """
    nb = _read(executed)
    title = notebook_title(nb)
    reader, appendix = copy.copy(nb), copy.copy(nb)
    reader.cells = [c for c in nb.cells if not _is_appendix(c)]
    appendix.cells = [
        c
        for c in nb.cells
        if _is_appendix(c)
        and c.cell_type == "code"
        and "parameters" not in c.get("metadata", {}).get("tags", [])
        and "injected-parameters" not in c.get("metadata", {}).get("tags", [])
    ]
    return title, _export(reader, show_code), _export(appendix, show_code) if appendix.cells else ""


_FIGCAPTION = re.compile(r"<figcaption>")
_CODE_HI = re.compile(r"<code>(?=[^<]*[\u0900-\u097f])")
_IPYNB_LINK = re.compile(r'href="(?:\.\./notebooks/|\./)?(\d\d_[A-Za-z0-9_]+)\.ipynb(#[^"]*)?"')
_DATAFRAME = re.compile(r'(<table[^>]*class="dataframe"[^>]*>.*?</table>)', re.S)
_SCOPED_STYLE = re.compile(r"<style scoped>.*?</style>", re.S)


def polish(body: str, pages: Mapping[str, str]) -> str:
    """Reader fixes on exported HTML: number figures, mark Hindi code, turn chapter ``.ipynb`` links into
    the site's pages (``pages``: notebook name → URL; unknown chapters lose the link), box stray tables."""
    counter = iter(range(1, 1000))
    body = _FIGCAPTION.sub(lambda m: f"<figcaption><strong>Figure {next(counter)}.</strong> ", body)
    body = _CODE_HI.sub('<code lang="hi">', body)

    def link(m: re.Match[str]) -> str:
        url = pages.get(m.group(1))
        return f'href="{e(url)}{m.group(2) or ""}"' if url else 'class="nolink"'

    body = _IPYNB_LINK.sub(link, body)
    body = _SCOPED_STYLE.sub("", body)
    return _DATAFRAME.sub(r'<div class="table-wrap">\1</div>', body)


def parameters_table(executed: Path | Any, declared: Mapping[str, Mapping[str, Any]] | None = None) -> str:
    """The chapter's parameters as run: name, value, meaning (from papermill's record in the notebook).

    ``declared``: the notebook's parameters as ``papermill.inspect_notebook`` gives them, if known already."""
    given = _read(executed).metadata.get("papermill", {}).get("parameters", {})
    if declared is None:
        import papermill

        declared = papermill.inspect_notebook(str(executed))
    rows = [
        {
            "parameter": name,
            "value": shown_value(given.get(name, p.get("default"))),
            "meaning": p.get("help", "").replace("`", ""),  # the comment's code marks, not shown as code here
        }
        for name, p in declared.items()
    ]
    return table_html(pd.DataFrame(rows, columns=["parameter", "value", "meaning"]))


def shown_value(value: Any) -> Any:
    """A parameter's value as a reader sees it: a path by its last part, not a path on the machine that built
    the page; the build's staging folder is this page's folder, a temporary folder says so."""
    if not isinstance(value, str) or not os.path.isabs(value):
        return value
    path = Path(value)
    if path.name.startswith(".") and ".tmp-" in path.name:
        return "(this page's folder)"
    if path.parent == Path(tempfile.gettempdir()) and path.name.startswith("sahyog-"):
        return "(a temporary folder of the run)"
    return path.name


_FILE_KINDS = ((".csv", "tables as CSV (UTF-8)"), (".png", "charts as PNG"), (".json", "the record as JSON"))


def files_html(folder: Path, prefix: str, base: str = "") -> str:
    """Links to the CSV tables and PNG charts in ``folder`` whose names start with ``prefix``."""
    files = sorted(p.name for p in folder.glob(f"{prefix}*") if p.suffix in (".csv", ".png", ".json"))
    if not files:
        return ""
    items = "".join(f'<li><a href="{e(quote(base + f))}">{e(f)}</a></li>' for f in files)
    kinds = {Path(f).suffix for f in files}
    said = [w for k, w in _FILE_KINDS if k in kinds]
    note = ", ".join(said)
    return f'<p class="muted">{e(note[:1].upper() + note[1:])}.</p><ul class="files">{items}</ul>'


def appendix_html(params: str, files: str, checks: str) -> str:
    """The folded appendix: parameters, files written, and the notebook's own checks."""
    parts = ['<details class="appendix"><summary>Appendix: parameters, files and checks</summary>']
    if params:
        parts.append(f"<h3>Parameters</h3>{params}")
    if files:
        parts.append(f"<h3>Files</h3>{files}")
    if checks:
        parts.append(f"<h3>Run log and checks</h3>{checks}")
    parts.append("</details>")
    return "\n".join(parts)


def chapter_page(
    executed: Path,
    folder: Path,
    name: str,
    chapters: Sequence[tuple[str, str]],
    b: Mapping[str, Any] | None,
    pages: Mapping[str, str],
    show_code: bool = False,
    doc_id: str = "",
    declared: Mapping[str, Mapping[str, Any]] | None = None,
) -> str:
    """One chapter's page: short brief, the chapter, pager, folded appendix, footer. ``executed``: the
    executed notebook's file or node; ``declared``: its parameters, if known (else read from it)."""
    nb = _read(executed)
    title, reader, checks = notebook_parts(nb, show_code)
    body = [
        brief_html(b, short=True, link="index.html", heading="p") if b else "",
        polish(reader, pages),
        appendix_html(
            parameters_table(nb if declared is not None else executed, declared),
            files_html(folder, name.split("_", 1)[0] + "_"),
            polish(checks, pages),
        ),
        pager_html(chapters, name),
    ]
    heading = f"{doc_id} · {chapter_label(name, title)}" if doc_id else chapter_label(name, title)
    return _here(page(heading, "\n".join(body), nav=chapter_nav(chapters, current=name)), folder)


def _here(html_page: str, folder: Path) -> str:
    """The page with the folder it was built in (a staging folder, renamed once the run is done) written as ``.``:
    what the notebooks print of their output folder is a path on the machine that built the page."""
    where = str(Path(folder).resolve())
    return html_page.replace(where + "/", "./").replace(where, ".")


def corpus_page(executed: Path, folder: Path, show_code: bool = False, up: str = "../index.html") -> str:
    """The corpus chapter's page: the chapter, the folded appendix, a link back to the index (``up``, if any)."""
    title, reader, checks = notebook_parts(executed, show_code)
    back = f'<a href="{e(up)}">← all articles</a>' if up else ""
    body = [
        polish(reader, {}),
        appendix_html(parameters_table(executed), files_html(folder, "05_"), polish(checks, {})),
        f'<nav class="pager">{back}</nav>',
    ]
    return _here(
        page(
            chapter_label("05_corpus", title),
            "\n".join(body),
            nav=f'{back}<a class="current" href="05_corpus.html">corpus</a>',
        ),
        folder,
    )


def article_page(b: Mapping[str, Any], chapters: Sequence[tuple[str, str, str]], folder: Path) -> str:
    """An article's front page: the full brief, then its chapters with what each tells."""
    items = "".join(
        f'<li><a href="{e(quote(name))}.html">{e(label)}</a>{": " + hi(rest) if rest else ""}</li>'
        for name, label, rest in chapters
    )
    files = files_html(folder, "")
    body = (
        brief_html(b)
        + f"<h2>Chapters</h2><ul>{items}</ul>"
        + (f'<details class="appendix"><summary>All files of this report</summary>{files}</details>' if files else "")
    )
    nav = chapter_nav([(n, lab) for n, lab, _ in chapters], current="index")
    return page(f"{b.get('doc_id', '')} · brief", body, nav=nav)


# --- the index ---------------------------------------------------------------------------------------------


def index_card(row: Mapping[str, Any], pages: Sequence[tuple[str, str]], out_dir: Path) -> str:
    """One article on the index: its brief (short) with links to its chapters, or why it failed."""
    doc = row["doc_id"]
    b = row.get("summary", {}).get("brief") or {"doc_id": doc, "headline": doc}
    links = " · ".join(
        f'<a href="{e(quote(doc))}/{e(quote(n))}.html">{e(label)}</a>'
        for n, label in pages
        if (out_dir / doc / f"{n}.html").exists()
    )
    front = f"{quote(doc)}/index.html" if (out_dir / doc / "index.html").exists() else ""
    if row["ok"]:
        status = ""
    else:
        kept = " (previous report kept)" if row.get("kept") else ""
        status = f'<p><span class="status-failed">failed</span>: {e(row.get("error") or "")}{kept}</p>'
    card = (
        brief_html(b, short=True, link=front, heading="h2")
        if row.get("summary", {}).get("brief")
        else (f'<section class="brief"><h2>{e(doc)}</h2></section>')
    )
    ok = '<span class="status-ok">ok</span>' if row["ok"] else ""
    return (
        f'<article class="card" id="{e(doc)}">{card}{status}'
        f'<p class="muted">{e(doc)} {ok} · {links or "no pages"}</p></article>'
    )


def index_page(
    rows: Sequence[Mapping[str, Any]], pages: Sequence[tuple[str, str]], out_dir: Path, corpus_link: str = ""
) -> str:
    """The index: one card per article, newest first, the corpus chapter first when there is one."""
    by_id = {r["doc_id"]: r for r in rows}
    briefs = [r.get("summary", {}).get("brief") or {"doc_id": r["doc_id"]} for r in rows]
    ordered = [by_id[b["doc_id"]] for b in sort_newest_first(briefs)]
    n_ok = sum(bool(r["ok"]) for r in rows)
    corpus = (
        (
            f'<p class="brief-corpus"><a href="{e(corpus_link)}"><strong>The corpus: every article below '
            "together</strong></a> — sectors, agreements over time, country pairs</p>"
        )
        if corpus_link
        else ""
    )
    failed = f", {len(rows) - n_ok} failed" if n_ok < len(rows) else ""
    body = (
        f'<h1>Sahyog reports · <span lang="hi">सहयोग</span></h1>\n'
        f'<p class="muted">{len(rows)} article(s){failed}, newest first. Who met, where and when, what they '
        "agreed; open an article for its chapters.</p>\n"
        f'{corpus}<div class="cards">{"".join(index_card(r, pages, out_dir) for r in ordered)}</div>'
    )
    return page(
        "Sahyog reports",
        body,
        nav='<a class="current" href="index.html">all articles</a>'
        + (f'<a href="{e(corpus_link)}">corpus</a>' if corpus_link else ""),
    )


def iter_chapter_titles(chapters: Iterable[tuple[str, str]]) -> list[tuple[str, str, str]]:
    """``(name, short label, the rest of the H1)`` from ``(name, H1 title)`` pairs."""
    out = []
    for name, title in chapters:
        label = chapter_label(name, title)
        rest = title.split(":", 1)[1].strip() if ":" in title else ""
        out.append((name, label, rest))
    return out


# --- charts in pages -------------------------------------------------------------------------------------


PHONE_MAX_PX = 600  # screens up to this wide show charts laid out for a phone (as tables become cards)


class Chart:
    """A saved chart shown as a numbered figure: the image (alt text = its title), a caption, a link to the PNG.

    The page numbers the figures (:func:`polish`); in JupyterLab the same markup shows the chart.
    """

    def __init__(self, png: bytes, title: str, file_name: str, phone_png: bytes = b"") -> None:
        self.png, self.title, self.file_name, self.phone_png = png, title, file_name, phone_png

    def _repr_png_(self) -> tuple[bytes, dict[str, str]]:
        return self.png, {"alt": self.title}

    def _repr_html_(self) -> str:
        import base64

        from .charts import SAVE_DPI, SCREEN_DPI

        data = base64.b64encode(self.png).decode("ascii")
        width = int.from_bytes(self.png[16:20], "big") * SCREEN_DPI // SAVE_DPI  # PNG header: pixel width
        phone = ""
        if self.phone_png:  # a narrow screen takes the chart laid out for it (sahyog.charts.phone_png)
            small = base64.b64encode(self.phone_png).decode("ascii")
            phone = f'<source media="(max-width: {PHONE_MAX_PX}px)" srcset="data:image/png;base64,{small}">'
        return (
            f'<figure class="chart"><a href="{e(quote(self.file_name))}"><picture>{phone}'
            f'<img src="data:image/png;base64,{data}" width="{width}" alt="{e(self.title)}"></picture></a>'
            f'<figcaption>{hi(self.title)} <span class="muted">(tap or click for the full-size PNG)</span>'
            "</figcaption></figure>"
        )


def show_chart(fig: Any, path: str | Path) -> Chart:
    """Save a matplotlib figure as PNG at ``path``, close it, and return it for display as a figure."""
    import matplotlib.pyplot as plt

    from .charts import phone_png, save

    title = fig.axes[0].get_title(loc="left") if fig.axes else ""
    saved = save(fig, path)
    phone = phone_png(fig)
    plt.close(fig)
    return Chart(saved.read_bytes(), title, chart_link(saved), phone)


def chart_link(png: Path) -> str:
    """The caption's link to a saved chart, relative to where it is viewed: a report page sits beside its
    PNG (the file name); a notebook run by hand writes to ``paths.lab_dir()`` and is viewed from
    ``notebooks/`` in JupyterLab (the path from there)."""
    from .paths import NOTEBOOKS_DIR, lab_dir

    png = Path(png).resolve()
    if png.is_relative_to(lab_dir().resolve()):
        return Path(os.path.relpath(png, NOTEBOOKS_DIR)).as_posix()
    return png.name

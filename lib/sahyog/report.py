"""The report site: every article notebook run with papermill, exported to HTML, plus an index.

Layout: ``OUT/index.html`` and ``OUT/<doc_id>/<notebook>.html`` with the notebooks' CSV tables and
PNG charts beside them. Each article is built in a temporary folder and moved into place only when
all its notebooks succeeded, so a failed or interrupted run never destroys an earlier report.
Pages are self-contained (inline CSS, no scripts, no CDN) and every piece of article text in them is
escaped.
"""

from __future__ import annotations

import ast
import difflib
import html
import json
import os
import shutil
import sys
import threading
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from .agreements import category_label
from .errors import InputError, SahyogError
from .files import make_staging_dir, replace_dir, write_text_atomic
from .paths import NOTEBOOKS_DIR, doc_id_for
from .tables import span_text

# The kernel's own log lines (a TCP-transport warning at start, a KeyboardInterrupt at shutdown) are noise.
KERNEL_ARGS = ["--IPKernelApp.log_level=CRITICAL"]
# Parameters the report command sets itself for every notebook.
RESERVED = ("input_path", "output_dir")


@dataclass(frozen=True)
class Parameter:
    """A notebook parameter as papermill reads it from the ``parameters`` cell."""

    name: str
    type_name: str
    default: str
    help: str


@dataclass(frozen=True)
class NotebookSpec:
    """An article notebook (one that declares ``input_path``) and its parameters."""

    path: Path
    parameters: Mapping[str, Parameter]

    @property
    def name(self) -> str:
        return self.path.stem


def discover_notebooks(notebooks_dir: Path = NOTEBOOKS_DIR) -> list[NotebookSpec]:
    """The numbered article notebooks (``NN_name.ipynb`` declaring ``input_path``), in chapter order.

    Notebooks without an ``input_path`` parameter (e.g. the corpus chapter) are not per-article.
    """
    import papermill

    specs = []
    for path in sorted(notebooks_dir.glob("[0-9][0-9]_*.ipynb")):
        params = {
            name: Parameter(name, str(p.get("inferred_type_name", "None")), str(p.get("default", "")),
                            str(p.get("help", "")))
            for name, p in papermill.inspect_notebook(str(path)).items()
        }
        if "input_path" in params:
            specs.append(NotebookSpec(path, params))
    if not specs:
        raise SahyogError(f"{notebooks_dir}: no article notebooks (NN_name.ipynb with an input_path parameter)")
    return specs


def parse_parameters(pairs: Sequence[str]) -> dict[str, str]:
    """``["top_n=15", ...]`` from the command line as a dict of raw strings."""
    out: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise InputError(f"-p {pair}", "a parameter must be written NAME=VALUE")
        out[name.strip()] = value
    return out


_TRUE, _FALSE = {"true", "1", "yes", "on"}, {"false", "0", "no", "off"}


def _convert(value: Any, param: Parameter) -> Any:
    """``value`` as the parameter's declared type; raise :class:`InputError` if it does not fit."""
    kind = param.type_name
    try:
        if kind == "bool":
            if isinstance(value, bool):
                return value
            low = str(value).strip().lower()
            if low in _TRUE | _FALSE:
                return low in _TRUE
            raise ValueError
        if kind == "int":
            if isinstance(value, bool):
                raise ValueError
            return int(str(value).strip())
        if kind == "float":
            return float(str(value).strip())
        if kind == "str":
            return str(value)
        return ast.literal_eval(value) if isinstance(value, str) else value
    except (ValueError, SyntaxError):
        if kind == "None":
            return value
        raise InputError(f"-p {param.name}={value}", f"{param.name} takes a value of type {kind}"
                         f" (default {param.default})") from None


def validate_parameters(raw: Mapping[str, Any], notebooks: Sequence[NotebookSpec],
                        base: Path | None = None) -> dict[str, Any]:
    """Check every given parameter against what the notebooks declare; return them with their types.

    Unknown names are an error listing the valid names and the closest match (papermill only warns).
    A ``*_path`` parameter is a file the user names: relative to ``base`` (the caller's folder), made
    absolute for the notebooks, and it must exist.
    """
    declared: dict[str, Parameter] = {}
    for nb in notebooks:
        for name, p in nb.parameters.items():
            declared.setdefault(name, p)
    valid = sorted(n for n in declared if n not in RESERVED)
    out = {}
    for name, value in raw.items():
        if name in RESERVED:
            raise InputError(f"-p {name}", f"{name} is set by the report command for each article")
        if name not in declared:
            close = difflib.get_close_matches(name, valid, n=1)
            hint = f"; did you mean {close[0]}?" if close else ""
            raise InputError(f"-p {name}", f"no notebook has this parameter (valid: {', '.join(valid)}){hint}")
        out[name] = _convert(value, declared[name])
        if name.endswith("_path") and isinstance(out[name], str) and out[name]:
            path = (base or Path.cwd()) / Path(out[name]).expanduser()
            if not path.is_file():
                raise InputError(path, f"no such file (given as -p {name}={value})")
            out[name] = str(path.resolve())
    return out


# --------------------------------------------------------------------------------------------------
# Running


@dataclass
class ArticleResult:
    """What happened to one article: its report folder, or why it failed, and an index summary."""

    path: Path
    doc_id: str
    ok: bool = False
    error: str | None = None
    pages: list[str] = field(default_factory=list)
    summary: dict[str, Any] = field(default_factory=dict)


@dataclass
class ReportResult:
    out_dir: Path
    articles: list[ArticleResult]

    @property
    def ok(self) -> bool:
        return all(a.ok for a in self.articles)

    @property
    def index(self) -> Path:
        return self.out_dir / "index.html"


def _use_project_kernel() -> None:
    """Make the kernel ``python3`` this environment's Python, even if the user registered another one."""
    share = Path(sys.prefix) / "share" / "jupyter"
    if (share / "kernels" / "python3").exists():
        parts = [p for p in os.environ.get("JUPYTER_PATH", "").split(os.pathsep) if p]
        if str(share) not in parts:
            os.environ["JUPYTER_PATH"] = os.pathsep.join([str(share), *parts])


def _one_line(exc: BaseException) -> str:
    ename = getattr(exc, "ename", type(exc).__name__)
    evalue = getattr(exc, "evalue", str(exc))
    text = f"{ename}: {evalue}".replace("\n", " ").strip()
    return text[:300] + ("…" if len(text) > 300 else "")


def notebook_html(executed: Path, show_code: bool) -> str:
    """The body HTML of an executed notebook (nbconvert's ``basic`` template: no scripts, no CDN)."""
    import nbformat
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="basic")
    exporter.exclude_input = not show_code
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    body, _ = exporter.from_notebook_node(nbformat.read(executed, as_version=4))
    return body


SUMMARY_FILE = "summary.json"


def run_article(path: Path, notebooks: Sequence[NotebookSpec], out_dir: Path, parameters: Mapping[str, Any],
                show_code: bool = False, on_notebook: Callable[[], None] | None = None,
                summary: Mapping[str, Any] | None = None) -> ArticleResult:
    """Run every notebook for one article into a staging folder, export HTML, then swap it into place.

    Any failure (a notebook's error, the export, the swap) leaves the earlier report as it was and
    is returned as a one-line error naming the article file.
    """
    import papermill

    doc_id = doc_id_for(path)
    result = ArticleResult(path=path, doc_id=doc_id, summary=dict(summary or {}))
    tmp = make_staging_dir(out_dir / doc_id)
    pages = [nb.name for nb in notebooks]
    step = "setup"
    try:
        for nb in notebooks:
            step = nb.name
            params = {k: v for k, v in parameters.items() if k in nb.parameters}
            params.update(input_path=str(path), output_dir=str(tmp))
            executed = tmp / f"{nb.name}.ipynb"
            try:
                # no cwd=: papermill's chdir is process-wide and articles run in parallel threads
                papermill.execute_notebook(str(nb.path), str(executed), parameters=params, kernel_name="python3",
                                           progress_bar=False, extra_arguments=KERNEL_ARGS)
            finally:
                if on_notebook:
                    on_notebook()
            body = notebook_html(executed, show_code)
            write_text_atomic(tmp / f"{nb.name}.html", page(f"{doc_id} · {nb.name}", body,
                                                            nav=_nav(pages, current=nb.name)))
        step = "saving the report"
        write_text_atomic(tmp / SUMMARY_FILE, json.dumps(
            {"doc_id": doc_id, "source": str(path), "pages": pages, **result.summary}, ensure_ascii=False, indent=1))
        replace_dir(tmp, out_dir / doc_id)
        result.ok, result.pages = True, pages
    except Exception as exc:  # papermill wraps the notebook's own error; anything else is reported too
        result.error = f"{path}: {step}: {_one_line(exc)}"
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return result


def _summary(path: Path, lexicon: Any = None) -> dict[str, Any]:
    """The index row of one article, from the ``extract`` record (fast, no notebook needed)."""
    from .extract import extract_file

    rec = extract_file(path, lexicon=lexicon)
    sectors = Counter(m["sector"] for m in rec["sectors"] if m["context"] != "portfolio")
    agreements = Counter(a["category"] for a in rec["agreements"])
    return {"dateline": rec["dateline"], "n_sentences": len(rec["sentences"]),
            "top_sectors": sectors.most_common(3), "agreements": dict(agreements.most_common())}


def build_reports(paths: Sequence[Path], out_dir: Path, parameters: Mapping[str, Any] | None = None,
                  show_code: bool = False, quiet: bool = False, workers: int | None = None,
                  notebooks_dir: Path = NOTEBOOKS_DIR) -> ReportResult:
    """Build reports for ``paths`` under ``out_dir`` and write the index; see the module docstring."""
    from tqdm.auto import tqdm

    from .text import load_article

    notebooks = discover_notebooks(notebooks_dir)
    params = validate_parameters(parameters or {}, notebooks)
    out_dir = Path(out_dir).resolve()
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError(out_dir, "exists and is not a folder")
    paths = [Path(p).resolve() for p in paths]
    seen: dict[str, Path] = {}
    for p in paths:
        if doc_id_for(p) in seen:
            raise InputError(p, f"same article id as {seen[doc_id_for(p)]}: rename one of them")
        seen[doc_id_for(p)] = p
    out_dir.mkdir(parents=True, exist_ok=True)
    _use_project_kernel()

    results: list[ArticleResult] = []
    runnable: list[ArticleResult] = []
    lexicon = None
    if params.get("lexicon_path"):
        from .sectors import load_lexicon

        lexicon = load_lexicon(params["lexicon_path"])
    for p in paths:  # bad inputs are found before anything runs
        res = ArticleResult(path=p, doc_id=doc_id_for(p))
        try:
            load_article(p)
            res.summary = _summary(p, lexicon)
            runnable.append(res)
        except SahyogError as exc:
            res.error = str(exc)
        results.append(res)

    bar = tqdm(total=len(runnable) * len(notebooks), unit="notebook", desc="reports", disable=quiet)
    lock = threading.Lock()

    def tick() -> None:
        with lock:
            bar.update(1)

    def work(res: ArticleResult) -> None:
        done = run_article(res.path, notebooks, out_dir, params, show_code, on_notebook=tick, summary=res.summary)
        res.ok, res.error, res.pages = done.ok, done.error, done.pages

    n = workers or os.cpu_count() or 1
    try:
        with ThreadPoolExecutor(max_workers=max(1, min(n, len(runnable) or 1))) as pool:
            list(pool.map(work, runnable))
    finally:
        bar.close()
    write_index(out_dir, results, [nb.name for nb in notebooks])
    for res in results:
        if not res.ok:
            print(f"sahyog: error: {res.error}", file=sys.stderr)
    return ReportResult(out_dir, results)


# --------------------------------------------------------------------------------------------------
# HTML

CSS = """
:root { --ink:#1d2a33; --muted:#5b6b76; --line:#d9e1e6; --accent:#2f6f8f; --bad:#b3261e; --bg:#fbfcfd; }
* { box-sizing: border-box; }
body { margin:0; background:var(--bg); color:var(--ink); line-height:1.55;
  font-family: "Noto Sans", "Noto Sans Devanagari", "Nirmala UI", "Mangal", "Kohinoor Devanagari",
  "Segoe UI", system-ui, sans-serif; }
header.top { background:#fff; border-bottom:1px solid var(--line); padding:.6rem 1.5rem; position:sticky; top:0; }
header.top nav a { margin-right:1rem; color:var(--accent); text-decoration:none; }
header.top nav a.current { font-weight:700; color:var(--ink); }
main { max-width:1100px; margin:0 auto; padding:1rem 1.5rem 3rem; }
h1 { font-size:1.7rem; margin:.8rem 0 .3rem; } h2 { font-size:1.25rem; margin-top:2rem;
  border-bottom:1px solid var(--line); padding-bottom:.2rem; }
a.anchor-link { display:none; }
table { border-collapse:collapse; margin:.6rem 0 1rem; font-size:.92rem; background:#fff; }
th, td { border:1px solid var(--line); padding:.3rem .55rem; text-align:left; vertical-align:top; }
thead th { background:#eef3f6; }
tbody tr:nth-child(even) { background:#f7fafb; }
.output_area img, img { max-width:100%; height:auto; }
pre { font-family: "Noto Sans Mono", "DejaVu Sans Mono", "Noto Sans Devanagari", "Nirmala UI", monospace; }
p code, li code { font-family: inherit; background:#eef2f5; padding:0 .25em; border-radius:3px; }
pre { background:#f3f6f8; padding:.6rem .8rem; overflow-x:auto; white-space:pre-wrap; font-size:.85rem; }
.input_area pre { background:#eef2f5; }
.output_stderr { display:none; }
mark { padding:0 .1rem; border-radius:3px; }
.status-ok { color:#1b6e3a; } .status-failed { color:var(--bad); font-weight:600; }
td.num { text-align:right; font-variant-numeric:tabular-nums; }
.muted { color:var(--muted); font-size:.9rem; }
"""


def page(title: str, body: str, nav: str = "") -> str:
    """A complete, self-contained HTML page around ``body`` (``title`` is escaped here)."""
    return (
        "<!DOCTYPE html>\n<html lang=\"hi\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data: 'self'; "
        "style-src 'unsafe-inline'\">\n"
        f"<title>{html.escape(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        f"<header class=\"top\"><nav>{nav}</nav></header>\n<main>\n{body}\n</main>\n</body>\n</html>\n"
    )


def _nav(pages: Sequence[str], current: str | None = None, prefix: str = "") -> str:
    links = [f'<a href="{prefix}../index.html">← all articles</a>' if current else ""]
    for name in pages:
        cls = ' class="current"' if name == current else ""
        links.append(f'<a{cls} href="{prefix}{html.escape(name)}.html">{html.escape(name)}</a>')
    return "".join(links)


CONTEXT_COLOURS = {"agreement": "#ffd59e", "cooperation": "#bfe3f5", "portfolio": "#e3e3e3"}


def highlight_sentences(record: Mapping[str, Any], spans: Sequence[tuple[int, int, str, str]]) -> str:
    """The article as HTML, one paragraph per sentence (with its id), ``spans`` marked.

    ``spans`` are ``(start, end, tooltip, colour)`` in original offsets; overlapping spans after the
    first are dropped. Every piece of article text is escaped: it is data, never markup.
    """
    e = html.escape
    ordered = sorted(spans, key=lambda s: (s[0], -s[1]))
    parts = []
    for sent in record["sentences"]:
        pos, out = sent["start"], []
        for start, end, tip, colour in ordered:
            if start < pos or start >= sent["end"]:
                continue
            end = min(end, sent["end"])
            out.append(e(span_text(record, pos, start)))
            out.append(f'<mark title="{e(tip)}" style="background:{e(colour)}">{e(span_text(record, start, end))}'
                       "</mark>")
            pos = end
        out.append(e(span_text(record, pos, sent["end"])))
        parts.append(f'<p><span class="muted">[{sent["id"]}]</span> {"".join(out)}</p>')
    legend = " ".join(f'<mark style="background:{c}">{e(k)}</mark>' for k, c in CONTEXT_COLOURS.items())
    return f'<div class="article" lang="hi"><p class="muted">{legend}</p>{"".join(parts)}</div>'


def sector_highlights(record: Mapping[str, Any]) -> str:
    """The article with every sector mention marked, coloured by context, sector in the tooltip."""
    spans = [(m["start"], m["end"], f'{m["sector"]} · {m["context"]}', CONTEXT_COLOURS.get(m["context"], "#eee"))
             for m in record["sectors"]]
    return highlight_sentences(record, spans)


def index_rows(out_dir: Path, results: Sequence[ArticleResult]) -> list[dict[str, Any]]:
    """Every report under ``out_dir`` (from its ``summary.json``), updated by this run's results.

    Earlier runs' reports stay listed; an article that failed now but has an earlier report keeps
    its old summary and is marked failed, with the earlier report still linked.
    """
    rows: dict[str, dict[str, Any]] = {}
    for f in sorted(out_dir.glob(f"*/{SUMMARY_FILE}")):
        try:
            rows[f.parent.name] = {"doc_id": f.parent.name, "summary": json.loads(f.read_text(encoding="utf-8")),
                                   "ok": True, "error": None, "kept": False}
        except (OSError, ValueError):
            continue
    for r in results:
        earlier = rows.get(r.doc_id)
        if r.ok or earlier is None:
            rows[r.doc_id] = {"doc_id": r.doc_id, "summary": r.summary, "ok": r.ok, "error": r.error, "kept": False}
        else:
            earlier.update(ok=False, error=r.error, kept=True)
    return [rows[k] for k in sorted(rows)]


def index_html(rows: Sequence[Mapping[str, Any]], pages: Sequence[str], out_dir: Path) -> str:
    """The index page: one row per article with dateline, sentences, top sectors, agreements, links."""
    e = html.escape
    body_rows = []
    for r in rows:
        s, doc = r["summary"], r["doc_id"]
        sectors = "<br>".join(f"{e(name)} ({n})" for name, n in s.get("top_sectors", [])) or "—"
        agreements = "<br>".join(f"{e(category_label(cat))}: {n}" for cat, n in s.get("agreements", {}).items()) or "—"
        if r["ok"]:
            status = '<span class="status-ok">ok</span>'
        else:
            kept = " (previous report kept)" if r["kept"] else ""
            status = f'<span class="status-failed">failed</span>: {e(r["error"] or "")}{kept}'
        links = " · ".join(f'<a href="{e(quote(doc))}/{e(quote(p))}.html">{e(p)}</a>'
                           for p in pages if (out_dir / doc / f"{p}.html").exists())
        body_rows.append(
            f"<tr><td>{e(doc)}</td><td>{e(s.get('dateline') or '—')}</td>"
            f"<td class=\"num\">{e(str(s.get('n_sentences', '—')))}</td><td>{sectors}</td><td>{agreements}</td>"
            f"<td>{links or '—'}</td><td>{status}</td></tr>"
        )
    n_ok = sum(bool(r["ok"]) for r in rows)
    body = (
        "<h1>Sahyog reports · सहयोग</h1>\n"
        f"<p class=\"muted\">{len(rows)} article(s): {n_ok} ok, {len(rows) - n_ok} failed in the last run. "
        "Top sectors leave out ministry titles (portfolio mentions); agreements are counted by category.</p>\n"
        "<table>\n<thead><tr><th>article</th><th>dateline</th><th>sentences</th><th>top sectors</th>"
        "<th>agreements</th><th>reports</th><th>status</th></tr></thead>\n<tbody>\n"
        + "\n".join(body_rows) + "\n</tbody>\n</table>"
    )
    return page("Sahyog reports", body)


def write_index(out_dir: Path, results: Sequence[ArticleResult], pages: Sequence[str]) -> Path:
    """Write ``index.html`` (atomically) listing every report in ``out_dir`` and this run's failures."""
    return write_text_atomic(out_dir / "index.html", index_html(index_rows(out_dir, results), pages, out_dir))

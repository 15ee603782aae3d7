"""The report site: every article notebook run with papermill, exported to HTML, plus an index.

Layout: ``OUT/index.html`` and ``OUT/<doc_id>/<notebook>.html`` with the notebooks' CSV tables and
PNG charts beside them. Each article is built in a temporary folder and moved into place only when
all its notebooks succeeded, so a failed or interrupted run never destroys an earlier report.
Pages are self-contained (inline CSS, no scripts, no CDN) and every piece of article text in them is
escaped.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from . import params, site
from .errors import InputError, SahyogError
from .files import (
    MARKER,
    check_output_dir,
    claim_output_dir,
    make_staging_dir,
    marker_text,
    remove_stale,
    replace_dir,
    write_text_atomic,
)
from .kernels import WarmKernel, run_pool
from .paths import LAB_DIR, NOTEBOOKS_DIR, check_unique_ids, doc_id_for

# The kernel's own log lines (a TCP-transport warning at start, a KeyboardInterrupt at shutdown) are noise.
KERNEL_ARGS = ["--IPKernelApp.log_level=CRITICAL"]
RECORD_FILE = "record.json"


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

    @cached_property
    def title(self) -> str:
        """The notebook's H1 title (read once)."""
        return site.notebook_title(self.path)

    @property
    def label(self) -> str:
        """``02 · Sectors``: the chapter's short name, from its H1 title."""
        return site.chapter_label(self.name, self.title)

    @property
    def declared(self) -> dict[str, dict[str, str]]:
        """The parameters as ``papermill.inspect_notebook`` gives them (default, help), for the pages."""
        return {n: {"default": p.default, "help": p.help} for n, p in self.parameters.items()}


def discover_notebooks(notebooks_dir: Path = NOTEBOOKS_DIR) -> list[NotebookSpec]:
    """The numbered article notebooks (``NN_name.ipynb`` declaring ``input_path``), in chapter order.

    Notebooks without an ``input_path`` parameter (e.g. the corpus chapter) are not per-article.
    """
    import papermill

    specs = []
    for path in sorted(notebooks_dir.glob("[0-9][0-9]_*.ipynb")):
        params = {
            name: Parameter(
                name, str(p.get("inferred_type_name", "None")), str(p.get("default", "")), str(p.get("help", ""))
            )
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


def validate_parameters(
    raw: Mapping[str, Any], notebooks: Sequence[NotebookSpec], base: Path | None = None
) -> dict[str, Any]:
    """Check every given parameter with :mod:`sahyog.params` (the same check the notebooks run); return
    them with their types.

    Unknown names are an error listing the valid names and the closest match (papermill only warns).
    A path parameter is taken from ``base`` (the caller's folder), made absolute for the notebooks,
    and must exist.
    """
    declared = {name for nb in notebooks for name in nb.parameters}
    valid = [n for n in params.PARAMETERS if n in declared and n not in params.RESERVED]
    out = {}
    for name, value in raw.items():
        if name in params.RESERVED:
            raise params.ParameterError(name, "is set by the report command for each article")
        params.unknown([name], valid)
        out[name] = params.convert(name, value, base or Path.cwd())
    return out


def load_lexicon_parameter(params: Mapping[str, Any]) -> Any:
    """The sector lexicon a ``lexicon_path`` parameter names, read and checked now, before any notebook
    runs (a bad lexicon is one :class:`InputError` naming the file and line); None for the built-in."""
    if not params.get("lexicon_path"):
        return None
    from .bundle import load_lexicon_arg

    return load_lexicon_arg(params["lexicon_path"])


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
    record: dict[str, Any] | None = field(default=None, repr=False)
    interrupted: bool = False


@dataclass
class ReportResult:
    out_dir: Path
    articles: list[ArticleResult]
    corpus_error: str | None = None
    interrupted: bool = False

    @property
    def ok(self) -> bool:
        return all(a.ok for a in self.articles) and not self.corpus_error

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


SUMMARY_FILE = "summary.json"


class _Cancelled(Exception):
    """The run was interrupted: stop this article before it replaces anything."""


def run_article(
    path: Path,
    notebooks: Sequence[NotebookSpec],
    out_dir: Path,
    parameters: Mapping[str, Any],
    show_code: bool = False,
    on_notebook: Callable[[], None] | None = None,
    summary: Mapping[str, Any] | None = None,
    record: Mapping[str, Any] | None = None,
    corpus: bool = False,
    cancelled: Callable[[], bool] | None = None,
    kernel: WarmKernel | None = None,
) -> ArticleResult:
    """Run every notebook for one article into a staging folder, export HTML, then swap it into place.

    The article's ``record`` (extracted once by :func:`build_reports`) is written into the staging
    folder and every notebook reads it (``record_path``), so all chapters agree. Any failure (a
    notebook's error, the export, the swap) leaves the earlier report as it was and is returned as a
    one-line error naming the article file; so does ``cancelled()`` turning true (Ctrl-C).
    ``corpus``: the run also builds the corpus chapter (link to it). ``kernel``: run the notebooks in this
    warm kernel (see :mod:`sahyog.kernels`) instead of a new kernel per notebook.
    """
    from .extract import extract_file, write_record

    doc_id = doc_id_for(path)
    result = ArticleResult(path=path, doc_id=doc_id, summary=dict(summary or {}))
    pages = [nb.name for nb in notebooks]
    step = "setup"
    tmp: Path | None = None
    executed: dict[str, Any] = {}
    try:
        tmp = make_staging_dir(out_dir / doc_id)
        record_path = write_record(dict(record) if record is not None else extract_file(path), tmp / RECORD_FILE)
        for nb in notebooks:
            step = nb.name
            if cancelled and cancelled():
                raise _Cancelled("interrupted")
            params = {k: v for k, v in parameters.items() if k in nb.parameters}
            params.update(input_path=str(path), output_dir=str(tmp))
            if "record_path" in nb.parameters:
                params["record_path"] = str(record_path)
            target = tmp / f"{nb.name}.ipynb"
            try:
                # no cwd=: papermill's chdir is process-wide and articles run in parallel threads
                executed[nb.name] = (kernel.execute if kernel else _execute_cold)(nb.path, target, params)
            finally:
                if on_notebook:
                    on_notebook()
        step = "writing the pages"
        _write_pages(tmp, notebooks, result.summary.get("brief"), show_code, doc_id, corpus, executed)
        step = "saving the report"
        if cancelled and cancelled():
            raise _Cancelled("interrupted")
        write_text_atomic(
            tmp / SUMMARY_FILE,
            json.dumps(
                {"doc_id": doc_id, "source": str(path), "pages": pages, **result.summary}, ensure_ascii=False, indent=1
            ),
        )
        replace_dir(tmp, out_dir / doc_id)
        result.ok, result.pages = True, pages
    except Exception as exc:  # papermill wraps the notebook's own error; anything else is reported too
        result.error = f"{path}: {step}: {_one_line(exc)}"
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
    return result


def _execute_cold(notebook: Path, output: Path, parameters: Mapping[str, Any]) -> Any:
    """Run ``notebook`` with papermill in a kernel of its own (started and stopped for it)."""
    import papermill

    return papermill.execute_notebook(
        str(notebook),
        str(output),
        parameters=dict(parameters),
        kernel_name="python3",
        progress_bar=False,
        extra_arguments=KERNEL_ARGS,
    )


def _write_pages(
    folder: Path,
    notebooks: Sequence[NotebookSpec],
    brief: Mapping[str, Any] | None,
    show_code: bool,
    doc_id: str,
    corpus: bool = False,
    executed: Mapping[str, Any] | None = None,
) -> None:
    """Each chapter's HTML page and the article's front page (``index.html``) in ``folder``; ``executed``:
    the executed notebooks by name, as papermill returned them (else they are read from ``folder``)."""
    chapters = [(nb.name, nb.label) for nb in notebooks]
    links = {nb.name: f"{nb.name}.html" for nb in notebooks}
    if corpus:
        links[CORPUS_NOTEBOOK] = f"../{CORPUS_DIR}/{CORPUS_NOTEBOOK}.html"
    for nb in notebooks:
        source = (executed or {}).get(nb.name) or folder / f"{nb.name}.ipynb"
        html_page = site.chapter_page(
            source, folder, nb.name, chapters, brief, links, show_code, doc_id, declared=nb.declared
        )
        write_text_atomic(folder / f"{nb.name}.html", html_page)
    titles = site.iter_chapter_titles((nb.name, nb.title) for nb in notebooks)
    write_text_atomic(folder / "index.html", site.article_page(brief or {"doc_id": doc_id}, titles, folder))


def _summary(record: Mapping[str, Any], text: str = "", all_agreements: bool = False) -> dict[str, Any]:
    """The index entry of one article: its brief (who met, where, when, what was agreed), from the record."""
    from .present import brief

    b = brief(record, text, all_agreements=all_agreements)
    return {"dateline": record["dateline"], "n_sentences": len(record["sentences"]), "brief": b}


def _is_legacy_report_dir(folder: Path) -> bool:
    """A report folder written before folders carried Sahyog's marker (its index is Sahyog's), or one that
    holds only the folder notebooks run by hand write to (``lab/``: ``reports/`` after JupyterLab)."""
    names = {p.name for p in folder.iterdir()} - {".gitkeep", ".keep", ".DS_Store"}
    if names == {LAB_DIR} and (folder / LAB_DIR).is_dir():
        return True
    try:
        return "<title>Sahyog reports</title>" in (folder / "index.html").read_text(encoding="utf-8")[:4000]
    except (OSError, UnicodeDecodeError):
        return False


def _run_all(
    runnable: Sequence[ArticleResult],
    notebooks: Sequence[NotebookSpec],
    out_dir: Path,
    params: Mapping[str, Any],
    show_code: bool,
    quiet: bool,
    workers: int | None,
    corpus: bool = False,
) -> bool:
    """Build the articles in parallel worker threads, each with its own warm kernel (see
    :mod:`sahyog.kernels`); on Ctrl-C start nothing new, let no unfinished article replace its earlier
    report, stop the kernels, and return True (interrupted). ``corpus``: the pages link the corpus chapter."""
    from tqdm.auto import tqdm

    stop = threading.Event()
    bar = tqdm(total=len(runnable) * len(notebooks), unit="notebook", desc="reports", disable=quiet or not runnable)
    lock = threading.Lock()

    def tick() -> None:
        with lock:
            bar.update(1)

    def work(res: ArticleResult, kernel: WarmKernel) -> None:
        done = run_article(
            res.path,
            notebooks,
            out_dir,
            params,
            show_code,
            on_notebook=tick,
            summary=res.summary,
            record=res.record,
            corpus=corpus,
            cancelled=stop.is_set,
            kernel=kernel,
        )
        res.ok, res.error, res.pages = done.ok, done.error, done.pages
        res.record = None  # the report folder holds it now

    n = max(1, min(workers or os.cpu_count() or 1, len(runnable) or 1))
    try:
        run_pool(runnable, work, n, stop, "python3", KERNEL_ARGS)
    except KeyboardInterrupt:
        for res in runnable:
            res.interrupted = not res.ok
        return True
    finally:
        bar.close()
    return False


def build_reports(
    paths: Sequence[Path],
    out_dir: Path,
    parameters: Mapping[str, Any] | None = None,
    show_code: bool = False,
    quiet: bool = False,
    workers: int | None = None,
    notebooks_dir: Path = NOTEBOOKS_DIR,
    force: bool = False,
) -> ReportResult:
    """Build reports for ``paths`` under ``out_dir`` and write the index; see the module docstring.

    Everything that can be checked is checked before any notebook runs: parameters and their ranges,
    the lexicon, article ids, the output folder (Sahyog's own, or ``force``), each article. When no article
    can be built and the folder holds no earlier report, nothing is written. Stale temporary folders of
    killed runs are removed. On Ctrl-C the index lists what was completed.
    """
    notebooks = discover_notebooks(notebooks_dir)
    params = validate_parameters(parameters or {}, notebooks)
    lexicon = load_lexicon_parameter(params)
    paths = [Path(p).resolve() for p in paths]
    check_unique_ids(paths)
    out_dir = Path(out_dir).resolve()
    check_output_dir(out_dir, "report", force, legacy=_is_legacy_report_dir)
    results, runnable = _prepare(paths, params, out_dir, lexicon)
    if not runnable and not (out_dir / MARKER).is_file():  # nothing to build and no earlier report: write nothing
        for res in results:
            print(f"sahyog: error: {res.error}", file=sys.stderr)
        return ReportResult(out_dir, results)
    claim_output_dir(out_dir, "report", force, legacy=_is_legacy_report_dir)
    remove_stale(out_dir)
    _use_project_kernel()
    corpus = len({p.parent.name for p in site_records(out_dir)} | {r.doc_id for r in runnable}) > 1
    interrupted = _run_all(runnable, notebooks, out_dir, params, show_code, quiet, workers, corpus)
    corpus_error = None
    try:
        if corpus and not interrupted:
            corpus_error = _corpus_chapter(out_dir, show_code, bool(params.get("all_agreements")))
    except KeyboardInterrupt:  # the articles are built: keep them, and list them in the index below
        interrupted = True
    write_index(out_dir, [r for r in results if not r.interrupted], [(nb.name, nb.label) for nb in notebooks])
    for res in results:
        if not res.ok and not res.interrupted:
            print(f"sahyog: error: {res.error}", file=sys.stderr)
    if corpus_error:
        print(f"sahyog: error: {corpus_error}", file=sys.stderr)
    return ReportResult(out_dir, results, corpus_error, interrupted)


def _prepare(
    paths: Sequence[Path], params: Mapping[str, Any], out_dir: Path, lexicon: Any = None
) -> tuple[list[ArticleResult], list[ArticleResult]]:
    """Every article loaded and extracted once (with the run's lexicon), before any notebook runs:
    ``(all results, the runnable ones)``; a bad input, or a folder in its place that Sahyog did not
    write, is a failed result with its one-line error."""
    from .extract import extract_text
    from .text import load_article

    results: list[ArticleResult] = []
    runnable: list[ArticleResult] = []
    for p in paths:
        res = ArticleResult(path=p, doc_id=doc_id_for(p))
        target = out_dir / res.doc_id
        try:
            if target.exists() and not (target / SUMMARY_FILE).is_file():
                raise InputError(
                    target,
                    "exists and is not a Sahyog report (no summary.json): move it away;"
                    " Sahyog never deletes a folder it did not write",
                )
            text = load_article(p)
            res.record = extract_text(text, res.doc_id, str(p), lexicon)
            res.summary = _summary(res.record, text, bool(params.get("all_agreements")))
            runnable.append(res)
        except SahyogError as exc:
            res.error = str(exc)
        results.append(res)
    return results, runnable


# --------------------------------------------------------------------------------------------------
# The index

CORPUS_DIR = "corpus"
CORPUS_NOTEBOOK = "05_corpus"


def index_rows(out_dir: Path, results: Sequence[ArticleResult]) -> list[dict[str, Any]]:
    """Every report under ``out_dir`` (from its ``summary.json``), updated by this run's results.

    Earlier runs' reports stay listed; an article that failed now but has an earlier report keeps
    its old summary and is marked failed, with the earlier report still linked.
    """
    rows: dict[str, dict[str, Any]] = {}
    for f in sorted(out_dir.glob(f"*/{SUMMARY_FILE}")):
        try:
            rows[f.parent.name] = {
                "doc_id": f.parent.name,
                "summary": json.loads(f.read_text(encoding="utf-8")),
                "ok": True,
                "error": None,
                "kept": False,
            }
        except (OSError, ValueError):
            continue
    for r in results:
        earlier = rows.get(r.doc_id)
        if r.ok or earlier is None:
            rows[r.doc_id] = {"doc_id": r.doc_id, "summary": r.summary, "ok": r.ok, "error": _reader_error(r, out_dir),
                              "kept": False}  # fmt: skip
        else:
            earlier.update(ok=False, error=_reader_error(r, out_dir), kept=True)
    return [rows[k] for k in sorted(rows)]


def _reader_error(r: ArticleResult, out_dir: Path) -> str | None:
    """The one-line error as the index shows it: the article by its file name and the report's own folders by
    their names, not by paths on this machine (both paths come resolved from :func:`build_reports`)."""
    if not r.error:
        return r.error
    return r.error.replace(str(r.path), r.path.name).replace(f"{out_dir}{os.sep}", "")


def write_index(out_dir: Path, results: Sequence[ArticleResult], pages: Sequence[tuple[str, str]]) -> Path:
    """Write ``index.html`` (atomically) listing every report in ``out_dir`` and this run's failures."""
    corpus = out_dir / CORPUS_DIR / f"{CORPUS_NOTEBOOK}.html"
    link = f"{CORPUS_DIR}/{CORPUS_NOTEBOOK}.html" if corpus.exists() else ""
    rows = [r for r in index_rows(out_dir, results) if r["doc_id"] != CORPUS_DIR]
    return write_text_atomic(out_dir / "index.html", site.index_page(rows, pages, out_dir, link))


# --------------------------------------------------------------------------------------------------
# The corpus chapter


def corpus_page(
    tables_dir: Path,
    report_dir: Path,
    show_code: bool = False,
    up: str = "../index.html",
    notebooks_dir: Path = NOTEBOOKS_DIR,
    article_pages: str = "",
) -> Path:
    """Run ``05_corpus`` over a corpus output folder and put its page (``05_corpus.html`` and charts) at
    ``report_dir``, built aside and swapped in only when complete; return the page's path. ``up`` links
    back to a site's index ("" for none); ``article_pages``: the folder of the articles' pages from the chapter
    (``../`` in a report site: the headlines link to them; "" for none)."""
    import papermill

    _use_project_kernel()
    tmp = make_staging_dir(report_dir)
    try:
        (tmp / MARKER).write_text(marker_text("corpus page"), encoding="utf-8")
        executed = tmp / f"{CORPUS_NOTEBOOK}.ipynb"
        papermill.execute_notebook(
            str(notebooks_dir / f"{CORPUS_NOTEBOOK}.ipynb"),
            str(executed),
            parameters={"tables_dir": str(tables_dir), "output_dir": str(tmp), "article_pages": article_pages},
            kernel_name="python3",
            progress_bar=False,
            extra_arguments=KERNEL_ARGS,
        )
        write_text_atomic(tmp / f"{CORPUS_NOTEBOOK}.html", site.corpus_page(executed, tmp, show_code, up))
        replace_dir(tmp, report_dir)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return report_dir / f"{CORPUS_NOTEBOOK}.html"


def site_records(out_dir: Path) -> list[Path]:
    """The records of every article report in the site ``out_dir`` (this run's and earlier runs')."""
    return [p for p in sorted(out_dir.glob(f"*/{RECORD_FILE}")) if p.parent.name != CORPUS_DIR]


def _corpus_chapter(out_dir: Path, show_code: bool, all_agreements: bool = False) -> str | None:
    """The corpus chapter over every article the site holds -- the articles its index lists, this run's and
    earlier runs' -- from their records (no second extraction); its agreements are those the default tables
    count unless ``all_agreements``.

    Returns a one-line error instead of raising: the articles' reports stand on their own.
    """
    import tempfile

    from .corpus import write_records
    from .record import read_record

    try:
        records = [read_record(p) for p in site_records(out_dir)]
        if len(records) < 2:  # this run's articles all failed: the site holds one at most
            return None
        dates = {r["doc_id"]: r.get("article_date") for r in records}  # each article's own date (name, dateline)
        with tempfile.TemporaryDirectory(prefix="sahyog-corpus-") as tables:
            write_records(records, tables, {k: _iso_date(v) for k, v in dates.items()}, all_agreements)
            corpus_page(Path(tables), out_dir / CORPUS_DIR, show_code, article_pages="../")
    except Exception as exc:
        return f"corpus chapter: {_one_line(exc)}"
    return None


def _iso_date(value: str | None) -> Any:
    from datetime import date

    return date.fromisoformat(value) if value else None

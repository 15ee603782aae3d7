"""The ``sahyog`` command: ``extract``, ``report`` and ``corpus``.

Every user error (bad file, option, parameter, lexicon, output folder, scheduler) ends as one line
``sahyog: error: WHAT: problem`` on stderr and an exit status of :mod:`sahyog.errors`; nothing
half-written is left behind. :func:`main` is the one place errors become lines and statuses.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from .errors import (
    EXIT_ARTICLES_FAILED,
    EXIT_ERROR,
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_OK,
    InputError,
    Interrupted,
    SahyogError,
)
from .paths import article_files, check_unique_ids


def expand_paths(paths: Sequence[str | Path]) -> tuple[list[Path], list[InputError]]:
    """Expand the command line's PATHs: a folder means every ``.txt`` file in it, sorted by name.

    A folder without articles is one failed input (returned as an error), not the end of the run."""
    out: list[Path] = []
    bad: list[InputError] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = article_files(p)
            if not found:
                bad.append(InputError(p, "folder has no .txt articles"))
            out.extend(found)
        elif str(p) != STDIN and not p.exists():
            bad.append(InputError(p, "no such file"))
        else:
            out.append(p)
    return out, bad


def article_paths(paths: Sequence[str | Path]) -> list[Path]:
    """:func:`expand_paths` for callers that take no failed inputs: the first one is raised."""
    out, bad = expand_paths(paths)
    if bad:
        raise bad[0]
    return out


def _error(message: object) -> None:
    text = " ".join(str(message).split("\n"))
    print(f"sahyog: error: {text}", file=sys.stderr)


_EXTRACT_TABLES = ("documents", "sentences", "sectors", "agreements", "entities", "entity_mentions")


def _is_legacy_extract_dir(folder: Path) -> bool:
    """A CSV folder written by ``extract`` before folders carried Sahyog's marker: all of its tables,
    and nothing else (a folder with only a ``documents.csv`` of the user's own is not ours)."""
    names = {e.name for e in os.scandir(folder) if not e.name.startswith(".")}
    tables = {f"{t}.csv" for t in _EXTRACT_TABLES}
    return tables <= names and all(n.endswith(".csv") for n in names)


STDIN = "-"


def _load_lexicon(path: str | None) -> object:
    """The sector lexicon ``--lexicon`` names, read and checked before any article (None: the built-in)."""
    if not path:
        return None
    from .bundle import load_lexicon_arg

    return load_lexicon_arg(path)


def _extract_one(path: Path, lexicon: object, date: str | None = None) -> dict:
    """One article's record: from a file, or from standard input for ``-`` (id ``stdin``)."""
    from .extract import extract_file, extract_text
    from .text import check_hindi, decode_bytes

    if str(path) != STDIN:
        return extract_file(path, lexicon, date=date)
    text = check_hindi(decode_bytes(sys.stdin.buffer.read(), "<stdin>"), "<stdin>")
    return extract_text(text, "stdin", "<stdin>", lexicon, date=date)


def cmd_extract(args: argparse.Namespace) -> int:
    """Print one JSON object per article (or write CSV tables with ``--format csv --out DIR``), each
    article's as soon as it is done (:mod:`sahyog.streaming`): a run never holds the whole corpus."""
    from .files import claim_output_dir, first_missing, release_output_dir
    from .streaming import CsvTables

    lexicon = _load_lexicon(args.lexicon)
    paths, bad = expand_paths(args.paths)
    check_unique_ids([p for p in paths if str(p) != STDIN])
    for exc in bad:
        _error(exc)
    if not paths:  # every input failed: no output folder is made
        return EXIT_ARTICLES_FAILED
    made = first_missing(Path(args.out)) if args.format == "csv" else None  # what claiming the folder creates
    if args.format == "csv":  # the folder is checked (and claimed) before any article is read
        claim_output_dir(Path(args.out), "extract", args.force, legacy=_is_legacy_extract_dir)
    tables_out = CsvTables(args.out) if args.format == "csv" else None
    try:
        failed, done = _extract_each(paths, lexicon, args, tables_out)
        written = tables_out.close() if tables_out else []
    finally:
        if tables_out:
            tables_out.discard()
    if written:
        _done(args, f"wrote {len(written)} CSV tables of {done} article(s) to {Path(args.out).resolve()}/")
    elif made is not None:  # no article read: the folders this run made go again
        release_output_dir(Path(args.out), made)
    return EXIT_ARTICLES_FAILED if failed or bad else EXIT_OK


def _extract_each(paths: list[Path], lexicon: object, args: argparse.Namespace, tables_out: Any) -> tuple[int, int]:
    """Extract each article and write it at once (a JSON line, or rows appended to the CSV tables);
    returns how many failed and how many were written."""
    from .record import reported
    from .streaming import write_json_line

    failed = done = 0
    for path in paths:
        try:
            (record,) = reported(_extract_one(path, lexicon, args.date), args.all_agreements)
        except SahyogError as exc:
            _error(exc)
            failed += 1
            continue
        if tables_out is None:
            write_json_line(record, sys.stdout)
        else:
            tables_out.add(record)
        done += 1
        del record  # the next article's extraction needs the memory
    return failed, done


def _done(args: argparse.Namespace, what: str) -> None:
    """The closing line (stderr): what was written where; ``--quiet`` keeps errors and warnings only."""
    if not args.quiet:
        print(f"sahyog: {what}", file=sys.stderr)


def cmd_report(args: argparse.Namespace) -> int:
    """Run every notebook for every article and build the HTML report site; ``-`` reads one article
    from standard input into a temporary ``stdin.txt`` (id ``stdin``, as for ``extract``)."""
    import tempfile

    if STDIN not in args.paths:
        return _report(args, args.paths or [_default_seeds()])
    with tempfile.TemporaryDirectory(prefix="sahyog-stdin-") as tmp:
        return _report(args, [_stdin_article(Path(tmp)) if str(p) == STDIN else p for p in args.paths])


def _stdin_article(folder: Path) -> Path:
    """Standard input, checked like any article, written to ``folder/stdin.txt`` for the notebooks."""
    from .text import check_hindi, decode_bytes

    text = check_hindi(decode_bytes(sys.stdin.buffer.read(), "<stdin>"), "<stdin>")
    path = folder / "stdin.txt"
    path.write_text(text, encoding="utf-8")
    return path


def _report(args: argparse.Namespace, inputs: Sequence[str | Path]) -> int:
    """``sahyog report`` over the given inputs (files or folders)."""
    from .report import build_reports, parse_parameters

    params = parse_parameters(args.param)
    if args.all_agreements:
        params["all_agreements"] = "true"
    paths, bad = expand_paths(inputs)
    if not paths:  # every input failed: nothing to build
        for exc in bad:
            _error(exc)
        return EXIT_ARTICLES_FAILED
    result = build_reports(
        paths,
        out_dir=Path(args.out),
        parameters=params,
        show_code=args.show_code,
        quiet=args.quiet,
        workers=args.workers,
        force=args.force,
    )
    built = sum(a.ok for a in result.articles)
    stopped = sum(a.interrupted for a in result.articles)
    if result.interrupted:
        raise Interrupted(
            f"interrupted: {built} of {len(result.articles)} article(s) built, {stopped} stopped or"
            f" not started (their earlier reports kept); index rewritten: {result.index}"
        )
    for exc in bad:
        _error(exc)
    failed = len(result.articles) - built + len(bad)
    if built:
        _done(args, f"built {built} report(s){f', {failed} input(s) failed' if failed else ''}: open {result.index}")
    return EXIT_OK if result.ok and not bad else EXIT_ARTICLES_FAILED


def _default_seeds() -> Path:
    from .paths import SEEDS_DIR

    return SEEDS_DIR


def cmd_corpus(args: argparse.Namespace) -> int:
    """Process a folder / JSON Lines / CSV corpus on Dask and write Parquet tables."""
    from .corpus import run_corpus
    from .files import check_output_dir

    lexicon = _load_lexicon(args.lexicon)  # checked before the run, like the page's folder
    if args.report:  # checked before the run, which may take hours
        _apart(Path(args.out), Path(args.report))
        check_output_dir(
            Path(args.report), "corpus page", args.force, legacy=lambda folder: (folder / "05_corpus.html").is_file()
        )
    summary = run_corpus(
        args.input,
        args.out,
        scheduler=args.scheduler,
        workers=args.workers,
        text_column=args.text_column,
        date_column=args.date_column,
        source_column=args.source_column,
        id_column=args.id_column,
        partition_size=args.partition_size,
        progress=not args.quiet,
        all_agreements=args.all_agreements,
        force=args.force,
        connect_timeout=args.connect_timeout,
        lexicon=lexicon,
        export=args.export or (),
    )
    page = None
    if args.report:
        from .report import corpus_page

        page = corpus_page(Path(args.out).resolve(), Path(args.report).resolve(), up="")
    for line in summary_warnings(summary, args.out):
        print(f"sahyog: warning: {line}", file=sys.stderr)
    out = Path(args.out).resolve()
    _done(
        args,
        f"read {summary['articles']} article(s) ({summary['ok']} usable) into {out}/ (Parquet tables, summary.json)"
        + (f"; page: {page}" if page else ""),
    )
    return EXIT_OK  # bad articles are data (documents.error), not a failed run


def _apart(out: Path, page: Path) -> None:
    """Refuse a corpus page folder that is the tables' folder, inside it or around it: building the page would
    replace the tables just written (or the tables the page)."""
    a, b = out.resolve(), page.resolve()
    if a == b or a.is_relative_to(b) or b.is_relative_to(a):
        raise InputError("--report", f"{page} must be a folder apart from --out {out} (one would replace the other)")


def summary_warnings(summary: dict, out: str) -> list[str]:
    """Warnings about a finished corpus run: articles with errors, dates that could not be read."""
    lines = []
    if summary["errors"]:
        lines.append(f"{summary['errors']} of {summary['articles']} articles had errors (see documents.error in {out})")
    bad_dates = summary.get("dates", {}).get("invalid", 0)
    if bad_dates:
        first = summary["dates"].get("first_invalid") or ""
        lines.append(f"{bad_dates} article(s) have a date that is not YYYY-MM-DD, left empty ({first})")
    events = summary.get("events") or {}
    for name, n in (events.get("exports") or {}).items():
        left = events.get("events", 0) - n
        if left:  # PLOVER requires a date (the event's own, else its first report's) and a party
            lines.append(
                f"{left} of {events['events']} events are not in {name}: they have no date (none in the text, no"
                " article date: give the articles dates, a date column or file names starting YYYY-MM-DD) or no party"
            )
    return lines


def _number(value: str, convert: Callable[[str], float], kind: str, least: float, strict: bool) -> float:
    """``value`` as a number (``convert``) of at least ``least``, or above it when ``strict``; else an
    argparse error naming the rule (``--workers 0`` or ``-1`` is an error, not a hang)."""
    try:
        x = convert(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not {kind}") from None
    if x < least or (strict and x == least):
        raise argparse.ArgumentTypeError(f"{value} is not a number {'above' if strict else 'of at least'} {least}")
    return x


def positive_int(value: str) -> int:
    """argparse type: a whole number of at least 1."""
    return int(_number(value, int, "a whole number", 1, strict=False))


def iso_date(value: str) -> str:
    """An article date given on the command line: ``YYYY-MM-DD``."""
    from .dates import caller_date

    try:
        return caller_date(value) or ""
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date YYYY-MM-DD: {value!r}") from None


def positive_float(value: str) -> float:
    """argparse type: a number of seconds above 0."""
    return _number(value, float, "a number", 0, strict=True)


class _Parser(argparse.ArgumentParser):
    """argparse with Sahyog's one-line errors (``sahyog: error: ...``) and exit status 2."""

    def error(self, message: str) -> NoReturn:
        _error(message)
        raise SystemExit(EXIT_ERROR)


_MAIN_EXAMPLES = """examples:
  sahyog extract seeds/                      one JSON record per article on standard output
  sahyog report seeds/ --out reports/        the HTML report site: open reports/index.html
  sahyog corpus news.jsonl --out corpus_out/ --report corpus_page/ --export plover

'sahyog COMMAND --help' lists a command's options; README.md explains the record, the tables and the rules."""
_CORPUS_EXAMPLES = """examples:
  sahyog corpus my_articles/ --out corpus_out/                 .txt files; a name starting YYYY-MM-DD dates one
  sahyog corpus news.jsonl --out corpus_out/ --workers 2       one JSON object per line: text, date, source, doc_id
  sahyog corpus news.csv --out corpus_out/ --text-column body --date-column published
  sahyog corpus news.jsonl --out corpus_out/ --report corpus_page/ --export plover

The tables are Parquet files in --out (documents, sectors, agreements, entities, entity_mentions, events,
event_sources) with summary.json; README.md ("A whole corpus on Dask") explains them."""
_LEXICON_HELP = (
    "a sector lexicon CSV of your own (columns sector,term), or a folder of lexicon files (cues.csv, agreements.csv,"
    " ... see the README), checked before any article is read"
)
_ALL_HELP = (
    "also list agreements that are only planned or not between governments (default: government-level "
    "agreements that were agreed)"
)


def build_parser() -> argparse.ArgumentParser:
    from . import __version__, params

    parser = _Parser(
        prog="sahyog",
        description="Hindi diplomacy news into tables, charts and reports.",
        epilog=_MAIN_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"sahyog {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND", parser_class=_Parser)

    ex = sub.add_parser("extract", help="print one JSON object per article (or CSV tables)")
    ex.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="article files, or folders of .txt files; - reads one from standard input",
    )
    ex.add_argument(
        "--format",
        choices=("json", "csv"),
        default="json",
        help="json: one object per line on stdout (default); csv: tables in --out",
    )
    ex.add_argument("--out", default=None, help="folder for --format csv")
    ex.add_argument("--lexicon", default=None, metavar="CSV|DIR", help=_LEXICON_HELP)
    ex.add_argument("--quiet", action="store_true", help="no closing line; errors only")
    ex.add_argument("--all-agreements", action="store_true", help=_ALL_HELP)
    ex.add_argument(
        "--force", action="store_true", help="write into an existing --out folder that Sahyog did not create"
    )
    ex.add_argument(
        "--date",
        type=iso_date,
        default=None,
        help="the articles' date, YYYY-MM-DD (else from each file name or dateline)",
    )
    ex.set_defaults(func=cmd_extract)

    rp = sub.add_parser(
        "report",
        help="build HTML reports (one per article and notebook) and an index",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="notebook parameters (-p NAME=VALUE; booleans true or false):\n" + params.describe(),
    )
    rp.add_argument(
        "paths", nargs="*", metavar="PATH", help="article files or folders, or - for standard input (default: seeds/)"
    )
    rp.add_argument("--out", default="reports", help="report folder (default: reports/)")
    rp.add_argument(
        "-p",
        "--param",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="notebook parameter, e.g. -p top_n=15 (repeatable)",
    )
    rp.add_argument("--show-code", action="store_true", help="keep code cells in the HTML")
    rp.add_argument("--quiet", action="store_true", help="no progress bar and no closing line; errors only")
    rp.add_argument("--workers", type=positive_int, default=None, help="parallel notebook runs (default: cores)")
    rp.add_argument("--all-agreements", action="store_true", help=_ALL_HELP + "; the same as -p all_agreements=true")
    rp.add_argument(
        "--force", action="store_true", help="write into an existing --out folder that Sahyog did not create"
    )
    rp.set_defaults(func=cmd_report)

    cp = sub.add_parser(
        "corpus",
        help="process many articles on Dask into Parquet tables",
        epilog=_CORPUS_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    cp.add_argument("input", help="folder of .txt, a .jsonl file, or a .csv file")
    cp.add_argument("--out", required=True, help="output folder for the Parquet tables")
    cp.add_argument("--scheduler", default=None, help="address of a Dask scheduler, e.g. tcp://host:8786")
    cp.add_argument("--workers", type=positive_int, default=None, help="local worker processes (default: cores)")
    cp.add_argument(
        "--connect-timeout",
        type=positive_float,
        default=10.0,
        metavar="SECONDS",
        help="give up connecting to --scheduler after this long (default: 10)",
    )
    cp.add_argument("--force", action="store_true", help="replace an existing --out folder that Sahyog did not create")
    cp.add_argument(
        "--text-column", default="text", metavar="NAME", help="JSONL/CSV column of the article text (default: text)"
    )
    cp.add_argument(
        "--date-column", default="date", metavar="NAME", help="column of the date, YYYY-MM-DD (default: date)"
    )
    cp.add_argument(
        "--source-column", default="source", metavar="NAME", help="column naming the source (default: source)"
    )
    cp.add_argument(
        "--id-column",
        default="doc_id",
        metavar="NAME",
        help="column of the article id (default: doc_id; else FILE-LINE)",
    )
    cp.add_argument(
        "--partition-size",
        type=positive_int,
        default=None,
        help="articles per Dask task (default: sized to the input and the workers, at most 200)",
    )
    cp.add_argument(
        "--quiet", action="store_true", help="no progress bar and no closing line; errors and warnings only"
    )
    cp.add_argument("--lexicon", default=None, metavar="CSV|DIR", help=_LEXICON_HELP)
    cp.add_argument("--all-agreements", action="store_true", help=_ALL_HELP)
    cp.add_argument(
        "--report",
        default=None,
        metavar="DIR",
        help="also build the corpus chapter's HTML page (05_corpus.html and charts) in DIR",
    )
    cp.add_argument(
        "--export",
        action="append",
        choices=["plover"],
        help="also write the events as PLOVER JSON Lines (events.plover.jsonl in --out); events with no date"
        " (none in the text, no article date) or no party are left out, and a warning counts them",
    )
    cp.set_defaults(func=cmd_corpus)
    return parser


def _check_param_style(parser: argparse.ArgumentParser, argv: Sequence[str]) -> None:
    """``-p top_n 10`` (papermill's style) is refused with the way Sahyog writes it, ``-p top_n=10``."""
    padded = [*argv, "", ""]
    for i, flag in enumerate(argv):
        name, value = padded[i + 1], padded[i + 2]
        if flag in ("-p", "--param") and name and "=" not in name:
            if value and not value.startswith("-"):
                parser.error(f"-p {name} {value}: write a parameter as NAME=VALUE: -p {name}={value}")
            parser.error(f"-p {name}: write a parameter as NAME=VALUE, e.g. -p {name}=VALUE")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; every failure ends here as one line on stderr and an exit status."""
    parser = build_parser()
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv:  # run bare: say what there is to do
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    _check_param_style(parser, argv)
    args = parser.parse_args(argv)
    if args.command == "extract" and args.format == "csv" and not args.out:
        parser.error("--format csv needs --out DIR")
    if args.command == "extract" and args.format == "json" and args.out:
        parser.error("--out is for --format csv (JSON goes to standard output)")
    try:
        return args.func(args)
    except SahyogError as exc:
        _error(exc)
        return EXIT_ERROR
    except Interrupted as exc:
        _error(exc)
        return EXIT_INTERRUPTED
    except KeyboardInterrupt:
        _error("interrupted; earlier outputs kept")
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # `sahyog extract ... | head`: the reader left; not an error of ours
        sys.stderr.close()
        return EXIT_OK
    except OSError as exc:
        where = exc.filename or "output"
        _error(f"{where}: {exc.strerror or exc}")
        return EXIT_ERROR
    except Exception as exc:  # a bug: still one line, and a distinct status
        _error(f"internal error ({type(exc).__name__}: {exc}); please report it")
        return EXIT_INTERNAL

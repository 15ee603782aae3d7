"""The ``sahyog`` command: ``extract``, ``report`` and ``corpus``.

Every user error (bad file, option, parameter, lexicon, output folder, scheduler) ends as one line
``sahyog: error: WHAT: problem`` on stderr and an exit status of :mod:`sahyog.errors`; nothing
half-written is left behind. :func:`main` is the one place errors become lines and statuses.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

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


def article_paths(paths: Sequence[str | Path]) -> list[Path]:
    """Expand the command line's PATHs: a folder means every ``.txt`` file in it, sorted by name."""
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = article_files(p)
            if not found:
                raise InputError(p, "folder has no .txt articles")
            out.extend(found)
        else:
            out.append(p)
    return out


def _error(message: object) -> None:
    text = " ".join(str(message).split("\n"))
    print(f"sahyog: error: {text}", file=sys.stderr)


def _check_csv_out(out: Path) -> None:
    """The CSV folder must be a folder we can write, before any article is read."""
    if out.exists() and not out.is_dir():
        raise InputError(out, "exists and is a file, not a folder (--out takes a folder)")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(out, f"cannot create the folder ({exc.strerror or exc})") from None
    if not os.access(out, os.W_OK | os.X_OK):
        raise InputError(out, "folder is not writable")


def cmd_extract(args: argparse.Namespace) -> int:
    """Print one JSON object per article (or write CSV tables with ``--format csv --out DIR``)."""
    from .extract import extract_file
    from .tables import reported

    paths = article_paths(args.paths)
    check_unique_ids(paths)
    if args.format == "csv":
        _check_csv_out(Path(args.out))
    records, failed = [], 0
    for path in paths:
        try:
            (record,) = reported(extract_file(path, date=args.date), args.all_agreements)
        except SahyogError as exc:
            _error(exc)
            failed += 1
            continue
        if args.format == "json":
            print(json.dumps(record, ensure_ascii=False), flush=True)
        records.append(record)
    if args.format == "csv" and records:
        from .tables import write_all_csv

        for p in write_all_csv(records, args.out):
            print(p)
    return EXIT_ARTICLES_FAILED if failed else EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    """Run every notebook for every article and build the HTML report site."""
    from .report import build_reports, parse_parameters

    params = parse_parameters(args.param)
    if args.all_agreements:
        params["all_agreements"] = "true"
    paths = article_paths(args.paths or [_default_seeds()])
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
    print(f"{result.index}: {len(result.articles)} article(s), {built} built, {len(result.articles) - built} failed")
    return EXIT_OK if result.ok else EXIT_ARTICLES_FAILED


def _default_seeds() -> Path:
    from .paths import SEEDS_DIR

    return SEEDS_DIR


def cmd_corpus(args: argparse.Namespace) -> int:
    """Process a folder / JSON Lines / CSV corpus on Dask and write Parquet tables."""
    from .corpus import run_corpus
    from .files import check_output_dir

    if args.report:  # checked before the run, which may take hours
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
        export=args.export or (),
    )
    if not args.quiet:
        print(json.dumps(summary, ensure_ascii=False, indent=1))
    if args.report:
        from .report import corpus_page

        print(corpus_page(Path(args.out).resolve(), Path(args.report).resolve(), up=""))
    for line in summary_warnings(summary, args.out):
        print(f"sahyog: warning: {line}", file=sys.stderr)
    return EXIT_OK  # bad articles are data (documents.error), not a failed run


def summary_warnings(summary: dict, out: str) -> list[str]:
    """Warnings about a finished corpus run: articles with errors, dates that could not be read."""
    lines = []
    if summary["errors"]:
        lines.append(f"{summary['errors']} of {summary['articles']} articles had errors (see documents.error in {out})")
    bad_dates = summary.get("dates", {}).get("invalid", 0)
    if bad_dates:
        first = summary["dates"].get("first_invalid") or ""
        lines.append(f"{bad_dates} article(s) have a date that is not YYYY-MM-DD, left empty ({first})")
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


_ALL_HELP = (
    "also list agreements that are only planned or not between governments (default: government-level "
    "agreements that were agreed)"
)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="sahyog", description="Hindi diplomacy news into tables, charts and reports.")
    sub = parser.add_subparsers(dest="command", required=True)

    ex = sub.add_parser("extract", help="print one JSON object per article (or CSV tables)")
    ex.add_argument("paths", nargs="+", metavar="PATH", help="article files, or folders of .txt files")
    ex.add_argument("--format", choices=("json", "csv"), default="json")
    ex.add_argument("--out", default=None, help="folder for --format csv")
    ex.add_argument("--all-agreements", action="store_true", help=_ALL_HELP)
    ex.add_argument(
        "--date",
        type=iso_date,
        default=None,
        help="the articles' date, YYYY-MM-DD (else from each file name or dateline)",
    )
    ex.set_defaults(func=cmd_extract)

    rp = sub.add_parser("report", help="build HTML reports (one per article and notebook) and an index")
    rp.add_argument("paths", nargs="*", metavar="PATH", help="article files or folders (default: seeds/)")
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
    rp.add_argument("--quiet", action="store_true", help="no progress bar")
    rp.add_argument("--workers", type=positive_int, default=None, help="parallel notebook runs (default: cores)")
    rp.add_argument("--all-agreements", action="store_true", help=_ALL_HELP + "; the same as -p all_agreements=true")
    rp.add_argument(
        "--force", action="store_true", help="write into an existing --out folder that Sahyog did not create"
    )
    rp.set_defaults(func=cmd_report)

    cp = sub.add_parser("corpus", help="process many articles on Dask into Parquet tables")
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
    cp.add_argument("--text-column", default="text")
    cp.add_argument("--date-column", default="date")
    cp.add_argument("--source-column", default="source")
    cp.add_argument("--id-column", default="doc_id")
    cp.add_argument(
        "--partition-size",
        type=positive_int,
        default=None,
        help="articles per Dask task (default: sized to the input and the workers, at most 200)",
    )
    cp.add_argument("--quiet", action="store_true")
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
        help="also write the events as PLOVER JSON Lines (events.plover.jsonl in --out)",
    )
    cp.set_defaults(func=cmd_corpus)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; every failure ends here as one line on stderr and an exit status."""
    parser = build_parser()
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

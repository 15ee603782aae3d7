"""The ``sahyog`` command: ``extract``, ``report`` and ``corpus``.

Every user error (bad file, bad parameter) ends as one line ``sahyog: error: FILE: problem`` on
stderr and a non-zero exit status; nothing half-written is left behind.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from .errors import InputError, SahyogError
from .paths import article_files


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
    print(f"sahyog: error: {message}", file=sys.stderr)


def cmd_extract(args: argparse.Namespace) -> int:
    """Print one JSON object per article (or write CSV tables with ``--format csv --out DIR``)."""
    from .extract import extract_file
    from .tables import reported

    records, failed = [], 0
    for path in article_paths(args.paths):
        try:
            (record,) = reported(extract_file(path), args.all_agreements)
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
    return 1 if failed else 0


def cmd_report(args: argparse.Namespace) -> int:
    """Run every notebook for every article and build the HTML report site."""
    from .report import build_reports, parse_parameters

    params = parse_parameters(args.param)
    if args.all_agreements:
        params["all_agreements"] = "true"
    paths = article_paths(args.paths or [_default_seeds()])
    result = build_reports(paths, out_dir=Path(args.out), parameters=params, show_code=args.show_code,
                           quiet=args.quiet, workers=args.workers)
    built = sum(a.ok for a in result.articles)
    print(f"{result.index}: {len(result.articles)} article(s), {built} built, {len(result.articles) - built} failed")
    return 0 if result.ok else 1


def _default_seeds() -> Path:
    from .paths import SEEDS_DIR

    return SEEDS_DIR


def cmd_corpus(args: argparse.Namespace) -> int:
    """Process a folder / JSON Lines / CSV corpus on Dask and write Parquet tables."""
    from .corpus import run_corpus

    summary = run_corpus(args.input, args.out, scheduler=args.scheduler, workers=args.workers,
                         text_column=args.text_column, date_column=args.date_column,
                         source_column=args.source_column, id_column=args.id_column,
                         partition_size=args.partition_size, progress=not args.quiet,
                         all_agreements=args.all_agreements)
    if not args.quiet:
        print(json.dumps(summary, ensure_ascii=False, indent=1))
    if args.report:
        from .report import corpus_page

        print(corpus_page(Path(args.out).resolve(), Path(args.report).resolve(), up=""))
    if summary["errors"]:
        # bad articles are data (documents.error), not a failed run: warn, exit 0
        print(f"sahyog: warning: {summary['errors']} of {summary['articles']} articles had errors"
              f" (see documents.error in {args.out})", file=sys.stderr)
    return 0


_ALL_HELP = ("also list agreements that are only planned or not between governments (default: government-level "
             "agreements that were agreed)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="sahyog", description="Hindi diplomacy news into tables, charts and reports.")
    sub = parser.add_subparsers(dest="command", required=True)

    ex = sub.add_parser("extract", help="print one JSON object per article (or CSV tables)")
    ex.add_argument("paths", nargs="+", metavar="PATH", help="article files, or folders of .txt files")
    ex.add_argument("--format", choices=("json", "csv"), default="json")
    ex.add_argument("--out", default=None, help="folder for --format csv")
    ex.add_argument("--all-agreements", action="store_true", help=_ALL_HELP)
    ex.set_defaults(func=cmd_extract)

    rp = sub.add_parser("report", help="build HTML reports (one per article and notebook) and an index")
    rp.add_argument("paths", nargs="*", metavar="PATH", help="article files or folders (default: seeds/)")
    rp.add_argument("--out", default="reports", help="report folder (default: reports/)")
    rp.add_argument("-p", "--param", action="append", default=[], metavar="NAME=VALUE",
                    help="notebook parameter, e.g. -p top_n=15 (repeatable)")
    rp.add_argument("--show-code", action="store_true", help="keep code cells in the HTML")
    rp.add_argument("--quiet", action="store_true", help="no progress bar")
    rp.add_argument("--workers", type=int, default=None, help="parallel notebook runs (default: cores)")
    rp.add_argument("--all-agreements", action="store_true", help=_ALL_HELP + "; the same as -p all_agreements=true")
    rp.set_defaults(func=cmd_report)

    cp = sub.add_parser("corpus", help="process many articles on Dask into Parquet tables")
    cp.add_argument("input", help="folder of .txt, a .jsonl file, or a .csv file")
    cp.add_argument("--out", required=True, help="output folder for the Parquet tables")
    cp.add_argument("--scheduler", default=None, help="address of a Dask scheduler, e.g. tcp://host:8786")
    cp.add_argument("--workers", type=int, default=None, help="local worker processes (default: cores)")
    cp.add_argument("--text-column", default="text")
    cp.add_argument("--date-column", default="date")
    cp.add_argument("--source-column", default="source")
    cp.add_argument("--id-column", default="doc_id")
    cp.add_argument("--partition-size", type=int, default=None,
                    help="articles per Dask task (default: sized to the input and the workers, at most 200)")
    cp.add_argument("--quiet", action="store_true")
    cp.add_argument("--all-agreements", action="store_true", help=_ALL_HELP)
    cp.add_argument("--report", default=None, metavar="DIR",
                    help="also build the corpus chapter's HTML page (05_corpus.html and charts) in DIR")
    cp.set_defaults(func=cmd_corpus)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
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
        return 2
    except KeyboardInterrupt:
        _error("interrupted")
        return 130

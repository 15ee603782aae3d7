"""Precision of the people (or organisations) Sahyog names on open news, judged by a reader (like ``open_sample.py``).

``draw``: extracts a half of ``../shared/data/news/open/editorials.jsonl`` (``--half held``: ``doc_id``
numbers 2 mod 4, the default; ``dev``: 0 mod 4), lists every entity of ``--type`` (``person``, the default,
or ``organisation``; one row each: its display name, its mentions, the sentence of its first mention with the
ones around it) and writes a bottom-k hash sample
of ``--n`` rows (``open_sample.stable_sample``: a rule change that drops a few people leaves the rest of the
sample as it was) to a sheet outside the project. With ``--known CSV ...`` the rows judged before are left
out of ``SHEET.todo.jsonl``. ``assemble`` and ``score`` are ``open_sample.py``'s (verdict CSVs of ids and
verdicts only, kept in ``benchmarks/judged/``). A person row is ``right`` when its item is a person's name as
the article writes it (full or surname alone), ``wrong`` when it is no person or holds words that are not the
name; an organisation row likewise for the name of an organisation (a body, company, party, institution).

Usage::

    python benchmarks/entity_sample.py draw --sheet /tmp/people.jsonl [--n 60] [--seed 15] [--half dev]
        [--type organisation] [--known CSV ...]
    python benchmarks/open_sample.py assemble /tmp/people.jsonl benchmarks/judged/people_X.csv VERDICTS.csv ...
    python benchmarks/open_sample.py score benchmarks/judged/people_X.csv
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from open_sample import OPEN, context, draw_parser, held_out, stable_sample, write_rows, write_todo

from sahyog.errors import SahyogError
from sahyog.extract import extract_text


def entity_rows(record: dict[str, Any], title: str, etype: str = "person") -> list[dict[str, Any]]:
    """One sheet row per entity of ``etype`` in a record: the name shown, every spelling, the first mention's
    sentence."""
    rows = []
    for e in record["entities"]:
        if e["type"] != etype or not e["mentions"]:
            continue
        sid = e["mentions"][0]["sentence_id"]
        spellings = " / ".join(sorted({m["text"] for m in e["mentions"]}))
        rows.append(
            {
                "kind": etype,
                "doc_id": record["doc_id"],
                "title": title,
                "sentence_id": sid,
                "item": e["name_hi"],
                "claim": f"a {etype} named {e['name_hi']} (written {spellings}; role {e.get('role') or '-'})",
                **context(record, sid),
            }
        )
    return rows


def draw(sheet: Path, n: int, seed: int, rest: int, known: list[Path] | None, etype: str = "person") -> None:
    """Write the sample of entity rows of one half to ``sheet`` (and the rows not judged yet to its todo file)."""
    rows: list[dict[str, Any]] = []
    for row in held_out(OPEN, rest):
        try:
            rows += entity_rows(extract_text(row["text"], row["doc_id"]), row.get("title", ""), etype)
        except SahyogError:
            continue
    picked = stable_sample(rows, n, seed)
    write_rows(sheet, picked)
    print(f"{etype} entities {len(rows)}; sheet of {len(picked)} → {sheet}")
    if known:
        write_todo(sheet, picked, known)


def main() -> None:
    """Command line: ``draw`` (assemble and score are open_sample.py's)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = draw_parser(sub)
    d.add_argument("--type", choices=("person", "organisation"), default="person")
    args = ap.parse_args()
    draw(args.sheet, args.n, args.seed, 2 if args.half == "held" else 0, args.known, args.type)


if __name__ == "__main__":
    main()

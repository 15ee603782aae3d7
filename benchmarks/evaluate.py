"""How the extractor behaves on real news beyond the example: figures to read, not a test.

Runs ``extract`` over ``../shared/data/news/diplomacy`` (bilateral visits, summits) and
``../shared/data/news/negative`` (sport and entertainment, some naming foreign countries and tours)
and prints, per folder: articles, sentences, sector mentions by context, agreements by category and
entities by type. A good extractor finds no agreements in the negative folder. ``--show`` prints
every agreement with its evidence sentence, for reading by eye.

Usage::

    python benchmarks/evaluate.py [--data ../shared/data/news] [--show]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from sahyog.errors import SahyogError
from sahyog.extract import extract_file
from sahyog.paths import REPO_ROOT


def summarise(folder: Path, show: bool) -> dict[str, object]:
    """Extract every ``.txt`` in ``folder`` and count what was found."""
    contexts: Counter[str] = Counter()
    categories: Counter[str] = Counter()
    types: Counter[str] = Counter()
    sectors: Counter[str] = Counter()
    n_docs = n_sent = errors = 0
    for path in sorted(folder.glob("*.txt")):
        try:
            rec = extract_file(path)
        except SahyogError as exc:
            print(f"  skipped: {exc}", file=sys.stderr)
            errors += 1
            continue
        n_docs += 1
        n_sent += len(rec["sentences"])
        contexts.update(m["context"] for m in rec["sectors"])
        sectors.update(m["sector"] for m in rec["sectors"] if m["context"] != "portfolio")
        categories.update(a["category"] for a in rec["agreements"])
        types.update(e["type"] for e in rec["entities"])
        if show:
            for a in rec["agreements"]:
                print(f"  {path.name} [{a['sentence_id']}] {a['category']} {a['sectors']} {a['parties']}: "
                      f"{a['text'][:160]}")
    return {"articles": n_docs, "unreadable": errors, "sentences": n_sent,
            "sector mentions": dict(contexts.most_common()), "top sectors": dict(sectors.most_common(6)),
            "agreements": sum(categories.values()), "by category": dict(categories.most_common()),
            "entities": dict(types.most_common())}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=REPO_ROOT.parent / "shared" / "data" / "news")
    ap.add_argument("--show", action="store_true", help="print every agreement with its evidence")
    args = ap.parse_args(argv)
    if not args.data.is_dir():
        print(f"evaluate: {args.data}: no such folder (the development corpus is not here)", file=sys.stderr)
        return 2
    for name in ("diplomacy", "negative"):
        print(f"== {name}")
        for key, value in summarise(args.data / name, args.show).items():
            print(f"  {key}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

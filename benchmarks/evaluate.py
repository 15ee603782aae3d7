"""How the extractor behaves on real news beyond the example: figures to read, not a test.

Runs ``extract`` over ``../shared/data/news/diplomacy`` (bilateral visits, summits) and
``../shared/data/news/negative`` (sport and entertainment, some naming foreign countries and tours)
and prints, per folder: articles, sentences, sector mentions by context, agreements by category,
level and status, and entities by type and actor type. A good extractor finds no agreements in the
negative folder. ``--show`` prints every agreement with its evidence sentence, for reading by eye.

With ``news/wire`` (short wire reports and hard negatives with gold labels in ``gold_docs.json``) it
also scores them like ``../shared/tools/score_news.py`` -- sectors in contexts other than ``portfolio``
and ``mention``, agreement categories of ``government`` + ``agreed`` agreements -- and prints the
figures beside the targets (sector F1 >= 0.90, category F1 >= 0.85, no negative with an agreement).

Usage::

    python benchmarks/evaluate.py [--data ../shared/data/news] [--show]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from sahyog.errors import SahyogError
from sahyog.extract import extract_file
from sahyog.outcomes import DEFAULT_LEVELS, DEFAULT_STATUSES
from sahyog.paths import REPO_ROOT

TARGETS = {"sector F1": 0.90, "agreement-category F1": 0.85}


def summarise(folder: Path, show: bool) -> dict[str, object]:
    """Extract every ``.txt`` in ``folder`` and count what was found."""
    contexts: Counter[str] = Counter()
    categories: Counter[str] = Counter()
    types: Counter[str] = Counter()
    sectors: Counter[str] = Counter()
    outcomes: Counter[str] = Counter()
    actors: Counter[str] = Counter()
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
        sectors.update(m["sector"] for m in rec["sectors"] if m["context"] not in ("portfolio", "mention"))
        categories.update(a["category"] for a in rec["agreements"])
        outcomes.update(f"{a['level']}+{a['status']}" for a in rec["agreements"])
        types.update(e["type"] for e in rec["entities"])
        actors.update(e["actor_type"] for e in rec["entities"] if e["actor_type"])
        if show:
            for a in rec["agreements"]:
                print(
                    f"  {path.name} [{a['sentence_id']}] {a['category']} {a['level']}/{a['status']} "
                    f"{a['sectors']} {a['parties']}: {a['text'][:160]}"
                )
    return {
        "articles": n_docs,
        "unreadable": errors,
        "sentences": n_sent,
        "sector mentions": dict(contexts.most_common()),
        "top sectors": dict(sectors.most_common(6)),
        "agreements": sum(categories.values()),
        "by category": dict(categories.most_common()),
        "by level+status": dict(outcomes.most_common()),
        "entities": dict(types.most_common()),
        "actor types": dict(actors.most_common()),
    }


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _predicted(rec: dict) -> tuple[set[str], set[str]]:
    """Sectors (not portfolio/mention) and categories (default level and status) of one record."""
    sectors = {m["sector"] for m in rec["sectors"] if m["context"] not in ("portfolio", "mention")}
    cats = {
        a["category"] for a in rec["agreements"] if a["level"] in DEFAULT_LEVELS and a["status"] in DEFAULT_STATUSES
    }
    return sectors, cats


def score_wire(folder: Path) -> int:
    """Score the wire reports against ``gold_docs.json`` and print the figures with the targets."""
    gold = json.loads((folder / "gold_docs.json").read_text(encoding="utf-8"))["docs"]
    st = {"s": [0, 0, 0], "c": [0, 0, 0]}
    neg_hits, n_neg = [], 0
    for rel, g in gold.items():
        ps, pc = _predicted(extract_file(folder / rel))
        if not g.get("is_diplomacy", True):
            n_neg += 1
            if pc:
                neg_hits.append(rel)
            continue
        for key, pred, want in (("s", ps, set(g["sectors"])), ("c", pc, set(g["agreement_categories"]))):
            st[key][0] += len(pred & want)
            st[key][1] += len(pred - want)
            st[key][2] += len(want - pred)
    sp, sr, sf = _prf(*st["s"])
    cp, cr, cf = _prf(*st["c"])
    print(f"  sector P/R/F1 {sp:.2f}/{sr:.2f}/{sf:.2f} (target F1 >= {TARGETS['sector F1']:.2f})")
    print(
        f"  agreement-category P/R/F1 {cp:.2f}/{cr:.2f}/{cf:.2f} (target F1 >= {TARGETS['agreement-category F1']:.2f})"
    )
    print(f"  negatives with a government+agreed agreement: {len(neg_hits)}/{n_neg} (target 0) {neg_hits}")
    met = sf >= TARGETS["sector F1"] and cf >= TARGETS["agreement-category F1"] and not neg_hits
    print(f"  targets met: {'yes' if met else 'NO'}")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    default = next(
        (
            p
            for p in (
                REPO_ROOT.parent / "shared" / "data" / "news",
                REPO_ROOT.parent.parent / "shared" / "data" / "news",
            )
            if p.is_dir()
        ),
        REPO_ROOT.parent / "shared" / "data" / "news",
    )  # a git worktree sits one level deeper
    ap.add_argument("--data", type=Path, default=default)
    ap.add_argument("--show", action="store_true", help="print every agreement with its evidence")
    args = ap.parse_args(argv)
    if not args.data.is_dir():
        print(f"evaluate: {args.data}: no such folder (the development corpus is not here)", file=sys.stderr)
        return 2
    for name in ("diplomacy", "negative"):
        print(f"== {name}")
        for key, value in summarise(args.data / name, args.show).items():
            print(f"  {key}: {value}")
    if (args.data / "wire" / "gold_docs.json").is_file():
        print("== wire (scored against gold_docs.json)")
        score_wire(args.data / "wire")
    return 0


if __name__ == "__main__":
    sys.exit(main())

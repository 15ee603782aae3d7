"""Precision on open news, judged by a reader: draw a fixed-seed sample, then score the verdicts.

``draw``: extracts the sample half of ``../shared/data/news/open/editorials.jsonl`` (``doc_id``
numbers 2 mod 4; the file holds only even numbers, and those 0 mod 4 are for development), lists
every agreement the default tables report (government + agreed) and every sector row in a counted
context (not ``portfolio``, ``mention`` or ``conflict``), draws ``--n`` of each with a fixed seed and
writes a judge's sheet (JSON Lines with the evidence sentence and its neighbours) to ``--sheet``, a
path outside the project: news text never goes into the repository. ``score``: reads a verdicts CSV
(``kind,doc_id,sentence_id,item,verdict``; ids and verdicts only, kept in ``benchmarks/judged/``) and
prints precision with a 95% Wilson interval. ``recall``: reads a CSV of real signings found by a
reader (``doc_id,start,end,category,parties``: the offsets of the sentence that reports each) and
prints how many of them a reported agreement covers (one whose sentence overlaps the reported one).

Usage::

    python benchmarks/open_sample.py draw --sheet /tmp/sheet.jsonl [--n 60] [--seed 15]
    python benchmarks/open_sample.py score benchmarks/judged/open_before.csv
    python benchmarks/open_sample.py recall benchmarks/judged/open_signings.csv
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import random
from pathlib import Path
from typing import Any

from sahyog.errors import SahyogError
from sahyog.extract import extract_text
from sahyog.paths import REPO_ROOT
from sahyog.tables import is_reported

OPEN = REPO_ROOT.parent / "shared" / "data" / "news" / "open" / "editorials.jsonl"
UNCOUNTED = {"portfolio", "mention", "conflict"}


def held_out(path: Path, rest: int = 2) -> list[dict[str, str]]:
    """The editorials numbered ``rest`` mod 4: 2 is the half the judged samples are drawn from, 0 development."""
    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    return [r for r in rows if int(r["doc_id"].rsplit("_", 1)[-1]) % 4 == rest]


def names(record: dict[str, Any]) -> dict[str, str]:
    """Entity id -> English name, to show parties as a reader knows them."""
    return {e["id"]: e.get("name_en") or e["id"] for e in record["entities"]}


def context(record: dict[str, Any], sid: int) -> dict[str, str]:
    """The evidence sentence with the one before and after it."""
    text = {s["id"]: s["text"] for s in record["sentences"]}
    return {"before": text.get(sid - 1, ""), "sentence": text.get(sid, ""), "after": text.get(sid + 1, "")}


def rows_of(record: dict[str, Any], title: str) -> tuple[list[dict], list[dict]]:
    """The reported agreements and counted sector rows of one record, as sheet rows."""
    who = names(record)
    agreements = [
        {
            "kind": "agreement",
            "doc_id": record["doc_id"],
            "title": title,
            "sentence_id": a["sentence_id"],
            "item": a["category"],
            "claim": f"{a['category']} agreed between governments: {', '.join(who.get(p, p) for p in a['parties'])}",
            **context(record, a["sentence_id"]),
        }
        for a in record["agreements"]
        if is_reported(a)
    ]
    sectors = [
        {
            "kind": "sector",
            "doc_id": record["doc_id"],
            "title": title,
            "sentence_id": m["sentence_id"],
            "item": m["sector"],
            "claim": f"cooperation between states in sector {m['sector']} (word: {m['term']}, context {m['context']})",
            **context(record, m["sentence_id"]),
        }
        for m in record["sectors"]
        if m["context"] not in UNCOUNTED
    ]
    return agreements, sectors


def draw(sheet: Path, n: int, seed: int) -> None:
    """Extract the held-out half and write a fixed-seed sample of each kind to ``sheet``."""
    agreements: list[dict] = []
    sectors: list[dict] = []
    for row in held_out(OPEN):
        try:
            rec = extract_text(row["text"], row["doc_id"])
        except SahyogError:
            continue
        a, s = rows_of(rec, row.get("title", ""))
        agreements += a
        sectors += s
    rng = random.Random(seed)
    picked = rng.sample(agreements, min(n, len(agreements))) + rng.sample(sectors, min(n, len(sectors)))
    with sheet.open("w", encoding="utf-8") as f:
        for r in picked:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    found = f"reported agreements {len(agreements)}, counted sector rows {len(sectors)}"
    print(f"{found}; sheet of {len(picked)} → {sheet}")


def wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """The 95% Wilson score interval of a proportion k/n."""
    if not n:
        return 0.0, 0.0
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def score(verdicts: Path) -> None:
    """Print precision per kind with its 95% interval."""
    by_kind: dict[str, list[bool]] = {}
    with verdicts.open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            by_kind.setdefault(r["kind"], []).append(r["verdict"].strip().lower() == "right")
    for kind, v in sorted(by_kind.items()):
        lo, hi = wilson(sum(v), len(v))
        print(f"{kind}: {sum(v)}/{len(v)} right = {sum(v) / len(v):.2f} (95% CI {lo:.2f}-{hi:.2f})")


def found(record: dict[str, Any], start: int, end: int) -> bool:
    """True when a reported agreement's sentence overlaps the span ``start``-``end``."""
    spans = {x["id"]: (x["start"], x["end"]) for x in record["sentences"]}
    return any(
        spans[a["sentence_id"]][0] < end and start < spans[a["sentence_id"]][1]
        for a in record["agreements"]
        if is_reported(a)
    )


def recall(signings: Path, half: str = "held", path: Path = OPEN) -> None:
    """Print how many of the reader's signings the extractor reports, with a 95% interval (``half``: ``held``
    reads the 2 mod 4 editorials, ``dev`` the 0 mod 4 ones of a development list)."""
    texts = {r["doc_id"]: r["text"] for r in held_out(path, 0 if half == "dev" else 2)}
    with signings.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    records = {d: extract_text(texts[d], d) for d in {r["doc_id"] for r in rows}}
    hits = [found(records[r["doc_id"]], int(r["start"]), int(r["end"])) for r in rows]
    for r, hit in zip(rows, hits, strict=True):
        print(f"{'found' if hit else 'MISSED'} {r['doc_id']}:{r['start']} {r['category']} {r['parties']}")
    lo, hi = wilson(sum(hits), len(hits))
    print(f"recall: {sum(hits)}/{len(hits)} = {sum(hits) / max(len(hits), 1):.2f} (95% CI {lo:.2f}-{hi:.2f})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("draw")
    d.add_argument("--sheet", type=Path, required=True)
    d.add_argument("--n", type=int, default=60)
    d.add_argument("--seed", type=int, default=15)
    s = sub.add_parser("score")
    s.add_argument("verdicts", type=Path)
    r = sub.add_parser("recall")
    r.add_argument("signings", type=Path)
    r.add_argument("--open", type=Path, default=OPEN, help="the editorials file (default ../shared/...)")
    r.add_argument("--half", choices=("held", "dev"), default="held", help="dev: the 0 mod 4 editorials")
    a = ap.parse_args()
    if a.cmd == "draw":
        draw(a.sheet, a.n, a.seed)
    elif a.cmd == "recall":
        recall(a.signings, a.half, a.open)
    else:
        score(a.verdicts)


if __name__ == "__main__":
    main()

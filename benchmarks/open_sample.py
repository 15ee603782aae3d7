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

``draw --stable`` keeps the rows of each kind with the ``--n`` smallest hashes of (seed, row key) instead
of a seeded shuffle: a rule change that drops or adds a few rows leaves the rest of the sample as it was,
so before and after are judged on mostly the same rows. ``--known CSV ...`` fills in verdicts already
given for a row key (kind, doc_id, sentence_id, item: the same sentence and claim) and writes the rows
still to read to ``SHEET.todo.jsonl``; ``assemble SHEET OUT CSV ...`` writes the verdicts of a sheet, in
its order, from judged CSVs. A census (every counted row of a half, no sampling error): ``draw --n 100000``
with ``--known``, have the todo rows read, then ``assemble`` and ``score``.

Usage::

    python benchmarks/open_sample.py draw --sheet /tmp/sheet.jsonl [--n 60] [--seed 15] [--stable] [--known CSV ...]
        [--half dev]
    python benchmarks/open_sample.py assemble /tmp/sheet.jsonl benchmarks/judged/open_X.csv VERDICTS.csv ...
    python benchmarks/open_sample.py score benchmarks/judged/open_before.csv
    python benchmarks/open_sample.py recall benchmarks/judged/open_signings.csv
"""

from __future__ import annotations

import argparse
import csv
import hashlib
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


def row_key(row: dict[str, Any]) -> tuple[str, str, str, str]:
    """What a verdict is about: the kind, the sentence and the claimed item."""
    return row["kind"], row["doc_id"], str(row["sentence_id"]), row["item"]


def stable_sample(rows: list[dict], n: int, seed: int) -> list[dict]:
    """The ``n`` rows with the smallest hash of (seed, key): a bottom-k sample, unchanged for the rows that
    stay when others come and go."""

    def rank(row: dict) -> str:
        return hashlib.sha256(f"{seed}|{'|'.join(row_key(row))}".encode()).hexdigest()

    return sorted(rows, key=rank)[:n]


def known_verdicts(paths: list[Path]) -> dict[tuple[str, ...], dict[str, str]]:
    """Verdicts already given, by row key (the first file that has a key wins)."""
    known: dict[tuple[str, ...], dict[str, str]] = {}
    for path in paths:
        with path.open(encoding="utf-8") as f:
            for r in csv.DictReader(f):
                known.setdefault(row_key(r), r)
    return known


def draw(sheet: Path, n: int, seed: int, stable: bool = False, known: list[Path] | None = None, rest: int = 2) -> None:
    """Extract the held-out half (``rest`` 0: the development half) and write a fixed-seed sample of each kind to
    ``sheet`` (``stable``: a bottom-k hash sample); with ``known`` verdict files, the rows not judged yet go to
    ``SHEET.todo.jsonl``."""
    agreements: list[dict] = []
    sectors: list[dict] = []
    for row in held_out(OPEN, rest):
        try:
            rec = extract_text(row["text"], row["doc_id"])
        except SahyogError:
            continue
        a, s = rows_of(rec, row.get("title", ""))
        agreements += a
        sectors += s
    if stable:
        picked = stable_sample(agreements, n, seed) + stable_sample(sectors, n, seed)
    else:
        rng = random.Random(seed)
        picked = rng.sample(agreements, min(n, len(agreements))) + rng.sample(sectors, min(n, len(sectors)))
    write_rows(sheet, picked)
    print(
        f"reported agreements {len(agreements)}, counted sector rows {len(sectors)}; sheet of {len(picked)} → {sheet}"
    )
    if known:
        write_todo(sheet, picked, known)


def write_todo(sheet: Path, picked: list[dict], known: list[Path]) -> None:
    """Write the rows of ``picked`` that no verdict file of ``known`` judges to ``SHEET.todo.jsonl``."""
    seen = known_verdicts(known)
    todo = [r for r in picked if row_key(r) not in seen]
    write_rows(sheet.with_suffix(".todo.jsonl"), todo)
    print(f"{len(picked) - len(todo)} rows judged before, {len(todo)} to read → {sheet.with_suffix('.todo.jsonl')}")


def write_rows(path: Path, rows: list[dict]) -> None:
    """Write sheet rows as JSON Lines."""
    with path.open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def assemble(sheet: Path, out: Path, verdicts: list[Path]) -> None:
    """Write the verdicts of every row of ``sheet``, in its order, from the judged CSVs ``verdicts``; refuse
    (and write nothing) when a row has none."""
    known = known_verdicts(verdicts)
    rows = [json.loads(line) for line in sheet.open(encoding="utf-8") if line.strip()]
    missing = [row_key(r) for r in rows if row_key(r) not in known]
    if missing:
        raise SystemExit(f"open_sample: error: {len(missing)} rows have no verdict, first {missing[0]}")
    fields = ["kind", "doc_id", "sentence_id", "item", "verdict", "parties", "reason"]
    with out.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(fields)
        for r in rows:
            v = known[row_key(r)]
            w.writerow([*row_key(r), v["verdict"], v.get("parties", ""), v.get("reason", "")])
    print(f"{len(rows)} verdicts → {out}")


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


def draw_parser(sub: Any) -> argparse.ArgumentParser:
    """The ``draw`` subcommand's options shared by the samplers: sheet, size, seed, verdicts known, half."""
    d = sub.add_parser("draw")
    d.add_argument("--sheet", type=Path, required=True)
    d.add_argument("--n", type=int, default=60)
    d.add_argument("--seed", type=int, default=15)
    d.add_argument("--known", type=Path, nargs="*", default=[], help="verdict CSVs already judged")
    d.add_argument("--half", choices=("held", "dev"), default="held", help="dev: the 0 mod 4 editorials")
    return d


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = draw_parser(sub)
    d.add_argument("--stable", action="store_true", help="a bottom-k hash sample (stable under rule changes)")
    m = sub.add_parser("assemble")
    m.add_argument("sheet", type=Path)
    m.add_argument("out", type=Path)
    m.add_argument("verdicts", type=Path, nargs="+")
    s = sub.add_parser("score")
    s.add_argument("verdicts", type=Path)
    r = sub.add_parser("recall")
    r.add_argument("signings", type=Path)
    r.add_argument("--open", type=Path, default=OPEN, help="the editorials file (default ../shared/...)")
    r.add_argument("--half", choices=("held", "dev"), default="held", help="dev: the 0 mod 4 editorials")
    a = ap.parse_args()
    if a.cmd == "draw":
        draw(a.sheet, a.n, a.seed, a.stable, a.known, 0 if a.half == "dev" else 2)
    elif a.cmd == "assemble":
        assemble(a.sheet, a.out, a.verdicts)
    elif a.cmd == "recall":
        recall(a.signings, a.half, a.open)
    else:
        score(a.verdicts)


if __name__ == "__main__":
    main()

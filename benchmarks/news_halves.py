"""Score ``extract`` on the curated wire sets by halves, the way ``../shared/tools/score_news.py`` does.

Tune to the rules, not to the files: each set's files (diplomacy and negatives separately, sorted by name)
are split into half A (1st, 3rd, 5th ...) and half B (2nd, 4th ...); a rule written looking at one half is
kept only if the other does not get worse. Sectors: contexts other than ``portfolio``, ``mention`` and
``conflict``; categories: agreements of level ``government`` and status ``agreed``.

    python benchmarks/news_halves.py [--data ../shared/data/news] [--sets wire wire2] [-v]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from sahyog.extract import extract_file

OFF_CONTEXTS = ("portfolio", "mention", "conflict")


def _halves(gold: dict) -> dict[str, str]:
    """File -> ``A`` or ``B``: alternate files of each folder in sorted order."""
    out: dict[str, str] = {}
    for folder in sorted({rel.split("/")[0] for rel in gold}):
        files = sorted(rel for rel in gold if rel.split("/")[0] == folder)
        out.update({rel: "AB"[n % 2] for n, rel in enumerate(files)})
    return out


def _prf(tp: int, fp: int, fn: int) -> str:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"{p:.2f}/{r:.2f}/{f:.2f}"


def score(data: Path, name: str, verbose: bool) -> None:
    """Print sector and category P/R/F1 and negatives with agreements for each half and in all."""
    gold = json.loads((data / name / "gold_docs.json").read_text(encoding="utf-8"))["docs"]
    half = _halves(gold)
    counts = {h: [0] * 6 + [0, 0] for h in ("A", "B", "all")}
    for rel, g in sorted(gold.items()):
        rec = extract_file(data / name / rel)
        ps = {m["sector"] for m in rec["sectors"] if m["context"] not in OFF_CONTEXTS}
        pc = {a["category"] for a in rec["agreements"] if a["level"] == "government" and a["status"] == "agreed"}
        for h in (half[rel], "all"):
            c = counts[h]
            if not g.get("is_diplomacy", True):
                c[6] += 1
                c[7] += bool(pc)
                continue
            gs, gc = set(g["sectors"]), set(g["agreement_categories"])
            for n, (p_, g_) in enumerate(((ps, gs), (pc, gc))):
                c[3 * n] += len(p_ & g_)
                c[3 * n + 1] += len(p_ - g_)
                c[3 * n + 2] += len(g_ - p_)
        if verbose and (ps ^ set(g.get("sectors", [])) or pc ^ set(g.get("agreement_categories", []))):
            gs, gc = set(g.get("sectors", [])), set(g.get("agreement_categories", []))
            diff = f"sectors +{sorted(ps - gs)} -{sorted(gs - ps)} cats +{sorted(pc - gc)} -{sorted(gc - pc)}"
            print(f"  {half[rel]} {rel} {diff}")
    for h, c in counts.items():
        print(f"{name} {h:>3}: sector {_prf(*c[0:3])}  category {_prf(*c[3:6])}  negatives {c[7]}/{c[6]}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    here = Path(__file__).resolve().parents[1]
    default = next((p for p in (here.parent / "shared/data/news", here.parents[1] / "shared/data/news") if p.exists()),
                   here.parent / "shared/data/news")  # fmt: skip
    ap.add_argument("--data", type=Path, default=default)
    ap.add_argument("--sets", nargs="+", default=["wire", "wire2"])
    ap.add_argument("-v", action="store_true")
    a = ap.parse_args()
    for name in a.sets:
        score(a.data, name, a.v)


if __name__ == "__main__":
    main()

"""Parties of the agreements reported on the development clusters, by halves (odd / even file numbers).

Usage (project root): python benchmarks/cluster_parties.py [CLUSTERS_DIR] [-v]
For each dev file of ``clusters/gold.json`` (every file reports one event between the gold ``parties``),
extracts the text and counts the reported agreements (government, agreed) whose state parties are exactly
the gold parties, one state missing or extra, or other; and the files with no reported agreement.
"""

import json
import sys
from pathlib import Path

from sahyog.extract import extract_text
from sahyog.tables import is_reported

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = next(
    (d / "shared" / "data" / "news" / "clusters" for d in (ROOT.parent, ROOT.parent.parent) if (d / "shared").is_dir()),
    ROOT.parent / "shared" / "data" / "news" / "clusters",
)


def verdict(parties: list[str], gold: set[str]) -> str:
    """``exact``, ``partly`` (one state missing or extra) or ``wrong``, over the country codes among ``parties``."""
    states = {p for p in parties if len(p) == 2 and p.isupper()}
    if states == gold:
        return "exact"
    return "partly" if len(states ^ gold) == 1 else "wrong"


def main() -> None:
    args = [a for a in sys.argv[1:] if a != "-v"]
    clusters = Path(args[0]) if args else DEFAULT
    gold = json.loads((clusters / "gold.json").read_text(encoding="utf-8"))
    keys = {**gold["events"], **gold["distractors"]}
    tally = {h: {"exact": 0, "partly": 0, "wrong": 0, "no agreement": 0} for h in ("odd", "even")}
    for f, k in sorted(gold["files"].items()):
        if keys[k].get("split") != "dev":
            continue
        half = "odd" if int(f.split(".")[0]) % 2 else "even"
        rec = extract_text((clusters / "texts" / f).read_text(encoding="utf-8"), f)
        rows = [a for a in rec["agreements"] if is_reported(a)]
        if not rows:
            tally[half]["no agreement"] += 1
        for a in rows:
            v = verdict(a["parties"], set(keys[k]["parties"]))
            tally[half][v] += 1
            if "-v" in sys.argv and v != "exact":
                print(f"  {half} {f} sentence {a['sentence_id']}: {v} {a['parties']} (gold {keys[k]['parties']})")
    for half, t in tally.items():
        n = t["exact"] + t["partly"] + t["wrong"]
        print(f"[{half}] reported {n}: parties exact {t['exact']}, partly {t['partly']}, wrong {t['wrong']}; "
              f"files with no agreement {t['no agreement']}")  # fmt: skip


if __name__ == "__main__":
    main()

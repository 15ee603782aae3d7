"""Score the development clusters in two halves (odd / even file numbers) to tune rules on one half only.

Usage (project root): python benchmarks/cluster_halves.py [CLUSTERS_DIR] [-v]
Copies each half's texts and a filtered gold.json into a temporary folder and runs
`../shared/tools/score_clusters.py` on it; prints one line per half and one for all files.
"""

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# ``../shared`` beside the project, else one level up (worktrees under a folder of their own)
DEFAULT = next(
    (d / "shared" / "data" / "news" / "clusters" for d in (ROOT.parent, ROOT.parent.parent) if (d / "shared").is_dir()),
    ROOT.parent / "shared" / "data" / "news" / "clusters",
)
SCORER_NAME = Path("tools") / "score_clusters.py"


def _half(gold: dict, parity: int) -> dict:
    """Gold restricted to the dev files whose number has the given parity."""
    keys = {**gold["events"], **gold["distractors"]}
    files = {
        f: k for f, k in gold["files"].items() if keys[k].get("split") == "dev" and int(f.split(".")[0]) % 2 == parity
    }
    return {**gold, "files": files}


def _score(clusters: Path, gold: dict, verbose: bool) -> str:
    """Run the shared scorer over a copy of the files named in gold."""
    tmp = Path(tempfile.mkdtemp(prefix="sahyog-halves-"))
    (tmp / "texts").mkdir()
    for f in gold["files"]:
        shutil.copy(clusters / "texts" / f, tmp / "texts" / f)
    (tmp / "gold.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    scorer = clusters.parent.parent.parent / SCORER_NAME
    cmd = [sys.executable, str(scorer), str(tmp), "--split", "dev"] + (["-v"] if verbose else [])
    out = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT).stdout
    shutil.rmtree(tmp, ignore_errors=True)
    return out.strip()


def main() -> None:
    """Print the scorer's line for the odd half, the even half and all dev files."""
    args = [a for a in sys.argv[1:] if a != "-v"]
    clusters = Path(args[0]) if args else DEFAULT
    gold = json.loads((clusters / "gold.json").read_text(encoding="utf-8"))
    for name, part in (("odd", _half(gold, 1)), ("even", _half(gold, 0))):
        print(f"[{name}] " + _score(clusters, part, "-v" in sys.argv))


if __name__ == "__main__":
    main()

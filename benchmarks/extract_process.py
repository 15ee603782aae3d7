"""``sahyog extract DIR`` as users run it (a whole process: start-up, imports, tables, output) beside a bare
indic-nlp pass (normalise + sentence_split + trivial_tokenize) as a process over the same files.

The articles are the first N editorials of ``../shared/data/news/open/editorials.jsonl`` written as
``.txt`` files to a temporary folder (the news never enters the project). Each command runs ``--runs``
times; the best wall and CPU times (the process and its children, ``getrusage``) are reported. Target:
Sahyog at most 3x the bare pass. ``--python`` times another checkout's interpreter (before/after).

Usage::

    python benchmarks/extract_process.py [--articles 2000] [--runs 2] [--python PATH]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED = next(
    (p / "shared" / "data" for p in REPO_ROOT.parents if (p / "shared" / "data").is_dir()),
    REPO_ROOT.parent / "shared" / "data",
)
EDITORIALS = SHARED / "news" / "open" / "editorials.jsonl"
TARGET = 3.0

BARE = """\
import sys
from pathlib import Path
from indicnlp.normalize.indic_normalize import DevanagariNormalizer
from indicnlp.tokenize.indic_tokenize import trivial_tokenize
from indicnlp.tokenize.sentence_tokenize import sentence_split
normalizer = DevanagariNormalizer(lang="hi")
n = 0
for f in sorted(Path(sys.argv[1]).glob("*.txt")):
    text = f.read_text(encoding="utf-8")
    n += sum(len(trivial_tokenize(s, lang="hi")) for s in sentence_split(normalizer.normalize(text), lang="hi"))
print(n)
"""


def write_articles(n: int, folder: Path) -> float:
    """The first ``n`` editorials as ``.txt`` files in ``folder``; their size in MB (UTF-8)."""
    size = 0
    with EDITORIALS.open(encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i >= n:
                break
            row = json.loads(line)
            data = row["text"].encode("utf-8")
            (folder / f"{row['doc_id']}.txt").write_bytes(data)
            size += len(data)
    return size / 1e6


def timed(cmd: list[str], runs: int) -> tuple[float, float]:
    """Best wall and best CPU seconds of ``runs`` runs of ``cmd`` (output discarded)."""
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True, env={**os.environ, "PYTHONWARNINGS": "ignore"})
        walls.append(time.perf_counter() - t0)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return min(walls), min(cpus)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--runs", type=int, default=2)
    ap.add_argument("--python", default=sys.executable, help="interpreter whose sahyog is timed")
    args = ap.parse_args()
    if not EDITORIALS.exists():
        print(f"no {EDITORIALS}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        mb = write_articles(args.articles, folder)
        sahyog = timed([args.python, "-m", "sahyog", "extract", str(folder)], args.runs)
        bare = timed([args.python, "-c", BARE, str(folder)], args.runs)
    print(f"python: {args.python}; {args.articles} articles, {mb:.1f} MB; best of {args.runs}")
    print("| process | wall s | MB/s (wall) | CPU s | MB/s (CPU) |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, (wall, cpu) in (("sahyog extract DIR", sahyog), ("indic-nlp bare pass", bare)):
        print(f"| {name} | {wall:.1f} | {mb / wall:.2f} | {cpu:.1f} | {mb / cpu:.2f} |")
    print(f"\nsahyog / bare: {sahyog[0] / bare[0]:.2f}x wall, {sahyog[1] / bare[1]:.2f}x CPU (target <= {TARGET:.0f}x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

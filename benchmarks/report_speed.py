"""Time of ``sahyog report`` per article: the whole site (every notebook, HTML, index) for N articles.

Wall time and CPU time (of the command and everything it starts: kernels, workers; steadier than
wall time on a shared machine). The articles are the first N of ``../shared/data/news/diplomacy``
(copied to a temporary folder; the news never enters the project). ``--python`` picks the
interpreter, so the same script times another checkout (its ``.venv/bin/python``) for a
before/after comparison in one sitting.

Usage::

    python benchmarks/report_speed.py [--articles 10] [--python PATH] [--workers N]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

NEWS = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "news" / "diplomacy"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=10)
    ap.add_argument("--python", default=sys.executable, help="interpreter whose sahyog is timed")
    ap.add_argument("--workers", type=int, default=None, help="report --workers (default: the command's)")
    ap.add_argument("--news", type=Path, default=NEWS, help="folder of .txt articles")
    args = ap.parse_args()
    files = sorted(args.news.glob("*.txt"))[: args.articles]
    if not files:
        print(f"no articles in {args.news}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "in", Path(tmp) / "out"
        src.mkdir()
        for f in files:
            shutil.copy(f, src / f.name)
        cmd = [args.python, "-m", "sahyog", "report", str(src), "--out", str(out), "--quiet"]
        if args.workers:
            cmd += ["--workers", str(args.workers)]
        env = {**os.environ, "PYTHONWARNINGS": "ignore"}
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
        seconds = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    print(f"python: {args.python}")
    print(f"articles: {len(files)}, exit status {proc.returncode}")
    print(f"wall: {seconds:.1f} s, per article: {seconds / len(files):.2f} s")
    print(f"CPU (the command, its kernels and workers): {cpu:.1f} s, per article: {cpu / len(files):.2f} s")
    if proc.returncode:
        print(proc.stderr[-2000:], file=sys.stderr)
    return proc.returncode


if __name__ == "__main__":
    raise SystemExit(main())

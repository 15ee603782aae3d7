"""Where a report notebook's time goes: kernel start and set-up, imports, execution, HTML export.

Runs ``sahyog report`` over a folder (a temporary output), then reads the executed notebooks the site
keeps beside each chapter: papermill stamps each one with its duration and each cell with its own, so
"kernel and set-up" is the notebook's duration minus its cells', "imports" the first code cell after the
parameters (each notebook's ``from sahyog import ...``) and "execution" the other cells. "Export" is
measured afterwards in this process: the chapter pages rebuilt from the executed notebooks. ``--python``
times another checkout's interpreter (for before/after in one sitting); the export step then imports
``sahyog`` from the environment this script runs in unless ``PYTHONPATH`` says otherwise.

Usage::

    python benchmarks/report_profile.py FOLDER [--python PATH] [--workers N]
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


def notebook_times(nb: dict) -> dict[str, float]:
    """``{total, kernel, imports, execution}`` seconds of one executed notebook, from papermill's metadata."""
    total = float(nb["metadata"].get("papermill", {}).get("duration") or 0.0)
    cells = [c for c in nb["cells"] if c["cell_type"] == "code"]
    durs = [float(c["metadata"].get("papermill", {}).get("duration") or 0.0) for c in cells]
    tags = [set(c["metadata"].get("tags", [])) for c in cells]
    first = next(i for i, t in enumerate(tags) if not t & {"parameters", "injected-parameters"})
    return {
        "total": total,
        "kernel": total - sum(durs),
        "imports": durs[first],
        "execution": sum(durs) - durs[first],
    }


def export_seconds(out: Path) -> tuple[float, int]:
    """Seconds to rebuild every chapter page of the site at ``out`` from its executed notebooks."""
    from sahyog import report, site

    notebooks = report.discover_notebooks()
    chapters = [(nb.name, nb.label) for nb in notebooks]
    n = 0
    t0 = time.perf_counter()
    for folder in sorted(p for p in out.iterdir() if (p / report.SUMMARY_FILE).is_file()):
        for nb in notebooks:
            site.chapter_page(folder / f"{nb.name}.ipynb", folder, nb.name, chapters, None, {}, False, folder.name)
            n += 1
    return time.perf_counter() - t0, n


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folder", type=Path, help="folder of .txt articles")
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("--workers", type=int, default=None)
    ap.add_argument("--keep", type=Path, default=None, help="write the site here instead of a temporary folder")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = args.keep or Path(tmp) / "out"
        cmd = [args.python, "-m", "sahyog", "report", str(args.folder), "--out", str(out), "--quiet"]
        if args.workers:
            cmd += ["--workers", str(args.workers)]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "PYTHONWARNINGS": "ignore"})
        wall = time.perf_counter() - t0
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        n_articles = len(list(args.folder.glob("*.txt")))
        print(f"python: {args.python}\nexit status {proc.returncode}; {n_articles} articles")
        print(
            f"wall {wall:.1f} s ({wall / n_articles:.2f} s/article); CPU {cpu:.1f} s ({cpu / n_articles:.2f} s/article)"
        )
        sums: dict[str, float] = {}
        n = 0
        for f in sorted(out.glob("*/[0-9][0-9]_*.ipynb")):
            for k, v in notebook_times(json.loads(f.read_text(encoding="utf-8"))).items():
                sums[k] = sums.get(k, 0.0) + v
            n += 1
        exp, n_exp = export_seconds(out)
        print(f"per notebook, mean over {n} (seconds; with --workers > 1 they overlap):")
        for k in ("total", "kernel", "imports", "execution"):
            print(f"  {k:10s} {sums.get(k, 0.0) / max(n, 1):.3f}")
        print(f"  {'export':10s} {exp / max(n_exp, 1):.3f}  (chapter page from the executed notebook, this process)")
        if proc.returncode:
            print(proc.stderr[-2000:], file=sys.stderr)
    return proc.returncode


if __name__ == "__main__":
    raise SystemExit(main())

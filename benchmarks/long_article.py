"""Long articles: time and peak memory of one extraction as the article grows (1 MB and 8 MB by default).

An article of N MB is the example's dateline line followed by its body repeated until the text has N MB
of UTF-8 (a concatenated daily file or a transcript looks like this). Each size runs in a fresh
subprocess, so its peak RSS (``ru_maxrss``) is its own; the baseline is the RSS after importing Sahyog and
building its tables on a short article. Targets: the MB/s of the largest size within 1.5x of the smallest
(linear time) and under 250 MB peak RSS for 8 MB. ``--profile`` prints cProfile's top functions instead.

Run it with another checkout's venv to measure that code (the script imports whichever ``sahyog`` the
interpreter has installed)::

    python benchmarks/long_article.py [--sizes 1 8] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import resource
import subprocess
import sys
import time


def long_article(mb: float) -> str:
    """The example's first line, then its body repeated to ``mb`` megabytes of UTF-8."""
    from sahyog.paths import example_article
    from sahyog.text import load_article

    raw = load_article(example_article())
    head, body = raw.split("\n", 1)
    body = body.strip("\n") + "\n"
    reps = max(1, round(mb * 1e6 / len(body.encode("utf-8"))))
    return head + "\n" + body * reps


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def run_one(mb: float, profile: bool = False) -> dict[str, float]:
    """Extract one article of ``mb`` megabytes in this process; figures as a dict."""
    from sahyog.extract import extract_text

    extract_text(long_article(0.01), "warm-up")  # imports, gazetteer tables, lexicons
    baseline = _rss_mb()
    text = long_article(mb)
    size = len(text.encode("utf-8")) / 1e6
    prof = cProfile.Profile() if profile else None
    t0 = time.perf_counter()
    if prof:
        prof.enable()
    record = extract_text(text, "long")
    if prof:
        prof.disable()
        pstats.Stats(prof, stream=sys.stderr).sort_stats("tottime").print_stats(20)
    seconds = time.perf_counter() - t0
    return {"mb": round(size, 2), "seconds": round(seconds, 2), "mb_per_s": round(size / seconds, 2),
            "peak_rss_mb": round(_rss_mb()), "baseline_rss_mb": round(baseline),
            "n_tokens": record["n_tokens"], "entities": len(record["entities"])}  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=float, nargs="+", default=[1, 8], help="article sizes in MB")
    ap.add_argument("--profile", action="store_true", help="cProfile each size (stderr) instead of clean timing")
    ap.add_argument("--one", type=float, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.one is not None:
        print(json.dumps(run_one(args.one, args.profile)), flush=True)
        return 0
    print("| article MB | seconds | MB/s | peak RSS MB | RSS after imports MB | tokens |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: |", flush=True)
    rates = []
    for mb in args.sizes:
        cmd = [sys.executable, __file__, "--one", str(mb), *(["--profile"] if args.profile else [])]
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, text=True, check=True)
        r = json.loads(proc.stdout.strip().splitlines()[-1])
        rates.append(r["mb_per_s"])
        print(
            f"| {r['mb']} | {r['seconds']} | {r['mb_per_s']} | {r['peak_rss_mb']} | {r['baseline_rss_mb']} "
            f"| {r['n_tokens']:,} |",
            flush=True,
        )
    if len(rates) > 1:
        slowdown = rates[0] / rates[-1]
        verdict = "met" if slowdown <= 1.5 else "MISSED"
        print(f"\nMB/s of the smallest / the largest = {slowdown:.2f} (target <= 1.5): {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

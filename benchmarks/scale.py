"""Scaling of ``sahyog corpus``: 1k, 5k and 20k articles with 1 and 2 local worker processes.

Each configuration runs in a fresh subprocess with its own Dask ``LocalCluster`` (processes, one
thread each) so peak memory is per run: the largest worker's ``ru_maxrss`` (read with ``client.run``)
and the client's own. Corpora are JSON Lines files from ``make_corpus.py`` (client reads, ships text).
Targets: time linear in articles, 2 workers >= 1.6x one, peak memory flat as the corpus grows.
Issue 17 (corpus events): the merge of article events into events (``summary["events"]["seconds"]``) adds at
most 5 % to the run, and the events are the same (a hash of ``event_sources``' event id, doc id and article
event id) with 1 and 2 workers and with the input lines shuffled (``--shuffled``).

Usage::

    python benchmarks/scale.py [--sizes 1000 5000 20000] [--workers 1 2] [--partition-size N] [--dir /tmp/sahyog-scale]
        [--shuffled]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _peak_rss_mb() -> float:
    """This program's peak resident memory: ``VmHWM`` of ``/proc/self/status`` where there is one. ``ru_maxrss``
    keeps the parent's high-water mark across fork and exec, so a run started right after generating a corpus
    in the parent reported the parent's memory (318 MB at 20,000 articles)."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024  # kB
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def run_one(corpus_path: Path, out: Path, workers: int, partition_size: int | None = None) -> dict[str, float]:
    """One measured run on a fresh cluster of ``workers`` processes; figures as a dict."""
    from distributed import LocalCluster

    from sahyog.corpus import run_corpus

    with LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=40
    ) as cluster:
        from distributed import Client

        t0 = time.perf_counter()
        summary = run_corpus(
            corpus_path, out, scheduler=cluster.scheduler_address, progress=False, partition_size=partition_size
        )
        wall = time.perf_counter() - t0
        with Client(cluster) as client:
            worker_peaks = client.run(_peak_rss_mb)
    client_peak = round(_peak_rss_mb())  # before the events hash below reads a table in this process
    events = summary.get("events") or {}
    return {
        "articles": summary["articles"],
        "events": events.get("events", 0),
        "article_events": events.get("article_events", 0),
        "merge_seconds": events.get("seconds", 0.0),
        "events_hash": events_hash(out),
        "workers": workers,
        "seconds": round(wall, 1),
        "articles_per_s": round(summary["articles"] / wall, 1),
        "worker_peak_mb": round(max(worker_peaks.values())),
        "client_peak_mb": client_peak,
        "errors": summary["errors"],
    }


def events_hash(out: Path) -> str:
    """A hash of the merge's result that does not depend on row order: sorted (event id, doc id, article event id)."""
    import pyarrow.parquet as pq

    path = out / "event_sources.parquet"
    if not path.exists():
        return "-"
    t = pq.ParquetFile(path).read(columns=["event_id", "doc_id", "article_event_id"]).to_pylist()
    rows = sorted(f"{r['event_id']}\t{r['doc_id']}\t{r['article_event_id']}" for r in t)
    return hashlib.sha1("\n".join(rows).encode("utf-8")).hexdigest()[:12]


def shuffled_copy(path: Path) -> Path:
    """The corpus with its lines in another (seeded) order."""
    out = path.with_name(path.stem + "-shuffled.jsonl")
    if not out.exists():
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        random.Random(17).shuffle(lines)
        out.write_text("".join(lines), encoding="utf-8")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 20000])
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--partition-size", type=int, default=None, help="articles per task (default: sahyog's)")
    ap.add_argument("--dir", type=Path, default=Path("/tmp/sahyog-scale"))
    ap.add_argument("--shuffled", action="store_true", help="also run each size with its lines shuffled")
    ap.add_argument("--one", nargs=2, metavar=("CORPUS", "WORKERS"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.one:
        corpus_path = Path(args.one[0])
        result = run_one(corpus_path, corpus_path.with_suffix(".out"), int(args.one[1]), args.partition_size)
        print(json.dumps(result), flush=True)
        return 0

    args.dir.mkdir(parents=True, exist_ok=True)
    print(
        "| articles | input | workers | seconds | articles/s | speed-up | largest worker peak MB | client peak MB "
        "| article events | events | merge s | merge % | events hash |"
    )
    print("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |", flush=True)
    for n in args.sizes:
        path = args.dir / f"corpus-{n}.jsonl"
        if not path.exists():
            subprocess.run([sys.executable, str(HERE / "make_corpus.py"), str(n), str(path)], check=True)
        base = None
        inputs = [("lines in order", path)] + ([("shuffled", shuffled_copy(path))] if args.shuffled else [])
        for label, src in inputs:
            for w in args.workers:
                size = ["--partition-size", str(args.partition_size)] if args.partition_size else []
                proc = subprocess.run(
                    [sys.executable, __file__, "--one", str(src), str(w), *size],
                    capture_output=True,
                    text=True,
                    check=True,
                )
                r = json.loads(proc.stdout.strip().splitlines()[-1])
                base = base or r["seconds"]
                print(
                    f"| {r['articles']} | {label} | {w} | {r['seconds']} | {r['articles_per_s']} "
                    f"| {base / r['seconds']:.2f} | {r['worker_peak_mb']} | {r['client_peak_mb']} "
                    f"| {r['article_events']} | {r['events']} | {r['merge_seconds']} "
                    f"| {100 * r['merge_seconds'] / r['seconds']:.2f} | {r['events_hash']} |",
                    flush=True,
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())

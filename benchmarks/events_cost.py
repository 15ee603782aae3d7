"""What the events layer (article date, events with their dates and places) adds to extraction time.

Runs ``extract_text`` over the articles of ``throughput.py`` (best of ``--runs``) twice in one process: as it
is, and with :func:`sahyog.events.find_events` and :func:`sahyog.dates.article_date` replaced by no-ops, so
load on the machine affects both alike. Target (issue 16): the full extraction within 10% of the latter.

Usage::

    python benchmarks/events_cost.py [--articles 200] [--runs 5]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_corpus import text_pool

from sahyog import dates, events, extract
from sahyog.corpus import make_articles


def best_time(texts: list[str], runs: int) -> float:
    """Best wall time of extracting every text, over ``runs`` runs."""
    best = float("inf")
    for _ in range(runs):
        t0 = time.perf_counter()
        for n, text in enumerate(texts):
            extract.extract_text(text, f"a{n}")
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--runs", type=int, default=5)
    a = ap.parse_args()
    texts = [text for _, _, text in make_articles(text_pool(), a.articles)]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    with_events = best_time(texts, a.runs)
    find_events, article_date = events.find_events, dates.article_date
    events.find_events = lambda record, text: []  # type: ignore[assignment]
    dates.article_date = lambda *args, **kw: (None, None)  # type: ignore[assignment]
    try:
        without = best_time(texts, a.runs)
    finally:
        events.find_events, dates.article_date = find_events, article_date
    with_events = min(with_events, best_time(texts, a.runs))  # again, after: the same warm state for both
    print(f"{len(texts)} articles, {mb:.2f} MB, best of {a.runs} runs")
    print("| extraction | s | MB/s |\n| --- | ---: | ---: |")
    print(f"| without events and dates | {without:.3f} | {mb / without:.2f} |")
    print(f"| with events and dates | {with_events:.3f} | {mb / with_events:.2f} |")
    cost = with_events / without - 1
    print(f"events cost {cost:+.1%} (target <= +10%): {'met' if cost <= 0.10 else 'MISSED'}")


if __name__ == "__main__":
    main()

"""What the events layer (article date, events with their dates and places) adds to extraction time.

Runs ``extract_text`` over the articles of ``throughput.py`` in one process, alternately as it is and with
:func:`sahyog.events.find_events` and :func:`sahyog.dates.article_date` replaced by no-ops (best of ``--runs``
each), so load on the machine affects both alike. Target (issue 16): the full extraction within 10% of the latter.

Usage::

    python benchmarks/events_cost.py [--articles 200] [--runs 7]
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


def one_run(texts: list[str]) -> float:
    """CPU time of this process for extracting every text once (other sessions on the machine do not count)."""
    t0 = time.process_time()
    for n, text in enumerate(texts):
        extract.extract_text(text, f"a{n}")
    return time.process_time() - t0


def without_events(texts: list[str]) -> float:
    """One run with the events layer and the article date replaced by no-ops."""
    find_events, article_date = events.find_events, dates.article_date
    events.find_events = lambda record, text, prefix="e", by_sides=False: []  # type: ignore[assignment]
    dates.article_date = lambda *args, **kw: (None, None)  # type: ignore[assignment]
    try:
        return one_run(texts)
    finally:
        events.find_events, dates.article_date = find_events, article_date


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--runs", type=int, default=7)
    a = ap.parse_args()
    texts = [text for _, _, text in make_articles(text_pool(), a.articles)]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    one_run(texts)  # warm the caches (lexicons, gazetteer) once
    with_times, without_times = [], []
    for _ in range(a.runs):  # alternate, so a busy spell of the machine hits both alike
        with_times.append(one_run(texts))
        without_times.append(without_events(texts))
    with_best, without_best = min(with_times), min(without_times)
    print(f"{len(texts)} articles, {mb:.2f} MB, best of {a.runs} alternating runs")
    print("| extraction | s | MB/s |\n| --- | ---: | ---: |")
    print(f"| without events and dates | {without_best:.3f} | {mb / without_best:.2f} |")
    print(f"| with events and dates | {with_best:.3f} | {mb / with_best:.2f} |")
    cost = with_best / without_best - 1
    print(f"events cost {cost:+.1%} (target <= +10%): {'met' if cost <= 0.10 else 'MISSED'}")


if __name__ == "__main__":
    main()

"""Extraction stays linear in the article's length: a guard against quadratic paths coming back.

A ratio with a wide margin, not an absolute time: an article 4x longer may take at most 8x as long
(CPU time, best of two, so other processes on the machine matter little).
"""

from __future__ import annotations

import re
import time

from sahyog.extract import extract_text
from sahyog.paths import example_article
from sahyog.text import load_article


def _article(reps: int) -> str:
    head, body = load_article(example_article()).split("\n", 1)
    return head + "\n" + (body.strip("\n") + "\n") * reps


def _cpu_seconds(text: str) -> float:
    best = float("inf")
    for _ in range(2):
        t0 = time.process_time()
        extract_text(text, "scaling")
        best = min(best, time.process_time() - t0)
    return best


def test_four_times_longer_takes_at_most_eight_times_as_long() -> None:
    extract_text(_article(1), "warm-up")  # tables and lexicons built outside the measurement
    short, long_ = _article(40), _article(160)
    record = extract_text(long_, "check")
    assert len(record["sentences"]) > 1000 and record["entities"]
    ratio = _cpu_seconds(long_) / _cpu_seconds(short)
    assert ratio <= 8, f"4x the text took {ratio:.1f}x the time: a quadratic path?"


def _unpunctuated(reps: int) -> str:
    """The example's body repeated, every sentence end and line break a space: one sentence."""
    head, body = load_article(example_article()).split("\n", 1)
    return head + "\n" + re.sub(r"[।?!.\n]+", " ", (body.strip("\n") + "\n") * reps)


def test_a_sentence_without_ends_four_times_longer_takes_at_most_eight_times_as_long() -> None:
    extract_text(_article(1), "warm-up")
    short, long_ = _unpunctuated(10), _unpunctuated(40)
    record = extract_text(long_, "check")
    assert len(record["sentences"]) == 1 and record["agreements"]  # one sentence, and the rules still ran on it
    ratio = _cpu_seconds(long_) / _cpu_seconds(short)
    assert ratio <= 8, f"a 4x longer sentence took {ratio:.1f}x the time: a quadratic path?"

"""Time ``extract`` on a long article with and without sentence ends: no step may grow with the square of a
sentence's length (issue 15: a 5 MB article without sentence ends ran for over 300 s).

The example article's body is repeated to ``--mb`` megabytes; the unpunctuated copy has every sentence end
(``।``, ``?``, ``!``, ``.``) and line break replaced by a space, so the whole article is one sentence.
Prints seconds (wall and CPU) for both and their ratio (target: at most 2).

    python benchmarks/long_sentence.py [--mb 5]
"""

from __future__ import annotations

import argparse
import re
import time

from sahyog.extract import extract_text
from sahyog.paths import example_article
from sahyog.text import load_article


def _texts(mb: float) -> tuple[str, str]:
    head, body = load_article(example_article()).split("\n", 1)
    body = body.strip("\n") + "\n"
    reps = max(1, int(mb * 1e6 / len(body.encode("utf-8"))))
    text = body * reps
    flat = re.sub(r"[।?!.\n]+", " ", text)
    return head + "\n" + text, head + "\n" + flat


def _time(text: str) -> tuple[float, float, int]:
    t0, c0 = time.perf_counter(), time.process_time()
    rec = extract_text(text, "long")
    return time.perf_counter() - t0, time.process_time() - c0, len(rec["sentences"])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=5.0)
    a = ap.parse_args()
    extract_text(load_article(example_article()), "warm-up")
    punctuated, flat = _texts(a.mb)
    size = len(flat.encode("utf-8")) / 1e6
    wall_p, cpu_p, n_p = _time(punctuated)
    wall_f, cpu_f, n_f = _time(flat)
    print(f"{size:.1f} MB with sentence ends ({n_p} sentences): {wall_p:.1f} s wall, {cpu_p:.1f} s CPU")
    print(f"{size:.1f} MB without ({n_f} sentence): {wall_f:.1f} s wall, {cpu_f:.1f} s CPU")
    print(f"ratio without/with (CPU): {cpu_f / cpu_p:.2f}")


if __name__ == "__main__":
    main()

"""Speed of the full extraction on one core, beside indic-nlp's and spaCy's basic steps on the same text.

Three pipelines run on the same articles (built by ``make_corpus.py``'s pool, article by article):

- ``sahyog extract_text``: normalise, dateline, sentences, tokens, sectors, agreements, entities;
- ``indic-nlp``: ``DevanagariNormalizer.normalize`` + ``sentence_split`` + ``trivial_tokenize`` per sentence;
- ``spaCy blank('hi')``: the tokenizer alone.

MB/s is UTF-8 megabytes over the best of ``--runs`` wall times. Targets: the full extraction at least
1/3 of indic-nlp's speed and faster than spaCy's tokenizer. ``--profile`` prints cProfile's top functions.

Usage::

    python benchmarks/throughput.py [--articles 200] [--runs 3] [--cpu] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_corpus import text_pool

from sahyog.corpus import make_articles

TARGET_VS_INDIC = 1 / 3


def make_pipelines() -> dict[str, Callable[[str], object]]:
    """The pipelines compared, each a function of one article's text."""
    import spacy
    from indicnlp.normalize.indic_normalize import DevanagariNormalizer
    from indicnlp.tokenize.indic_tokenize import trivial_tokenize
    from indicnlp.tokenize.sentence_tokenize import sentence_split

    from sahyog.extract import extract_text

    normalizer = DevanagariNormalizer(lang="hi")
    nlp = spacy.blank("hi")

    def indic(text: str) -> object:
        return [trivial_tokenize(s, lang="hi") for s in sentence_split(normalizer.normalize(text), lang="hi")]

    return {
        "sahyog extract_text (full)": lambda text: extract_text(text, "bench"),
        "indic-nlp normalise+split+trivial_tokenize": indic,
        "spaCy blank('hi') tokenizer": nlp.tokenizer,
    }


def best_time(fn: Callable[[str], object], texts: Sequence[str], runs: int,
              clock: Callable[[], float] = time.perf_counter) -> float:  # fmt: skip
    """Best time of ``runs`` passes of ``fn`` over all ``texts`` (one warm-up pass first) by ``clock``."""
    for t in texts[:20]:
        fn(t)
    best = float("inf")
    for _ in range(runs):
        t0 = clock()
        for t in texts:
            fn(t)
        best = min(best, clock() - t0)
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--profile", action="store_true", help="cProfile the full extraction and print hot spots")
    ap.add_argument(
        "--cpu",
        action="store_true",
        help="CPU time of this process instead of wall time (less disturbed by other jobs on a shared machine)",
    )
    args = ap.parse_args(argv)

    texts = [t for _, _, t in make_articles(text_pool(), args.articles, seed=0)]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    clock = time.process_time if args.cpu else time.perf_counter
    print(
        f"{len(texts)} articles, {mb:.2f} MB UTF-8, best of {args.runs} runs, one core, "
        f"{'CPU' if args.cpu else 'wall'} time\n"
    )
    pipes = make_pipelines()
    speed = {name: mb / best_time(fn, texts, args.runs, clock) for name, fn in pipes.items()}
    full, indic, spacy_ = (speed[n] for n in pipes)
    print(f"| {'pipeline':<44} | {'MB/s':>7} | {'articles/s':>10} | {'full / this':>11} |")
    print(f"| {'-' * 44} | {'-' * 7}: | {'-' * 10}: | {'-' * 11}: |")
    for name, s in speed.items():
        print(f"| {name:<44} | {s:7.2f} | {s / mb * len(texts):10.0f} | {full / s:11.2f} |")
    print(
        f"\nfull / indic-nlp = {full / indic:.2f} (target >= {TARGET_VS_INDIC:.2f}): "
        f"{'met' if full / indic >= TARGET_VS_INDIC else 'MISSED'}"
    )
    print(f"full / spaCy tokenizer = {full / spacy_:.2f} (target > 1): {'met' if full > spacy_ else 'MISSED'}")
    if args.profile:
        from sahyog.extract import extract_text

        prof = cProfile.Profile()
        prof.enable()
        for t in texts:
            extract_text(t, "bench")
        prof.disable()
        pstats.Stats(prof).sort_stats("tottime").print_stats(25)
        pstats.Stats(prof).sort_stats("cumulative").print_stats("sahyog", 30)
    return 0


if __name__ == "__main__":
    sys.exit(main())

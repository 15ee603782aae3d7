"""Which engine should run Sahyog's phrase matcher? A dict over key tuples vs two Aho-Corasick automata.

The job (:class:`sahyog.matching.PhraseMatcher`): in each sentence's list of token keys, find the
non-overlapping phrases of a lexicon, leftmost then longest first, as token ranges. Three engines on the
same sentences (the benchmark corpus of ``make_corpus.py``, 200 articles) and the same three lexicons
(sector terms, agreement triggers, the gazetteer's exact names with every inflected/spelling variant):

- ``dict``: Sahyog's engine. One C-level pass finds the tokens that begin some phrase; at each, key tuples
  are looked up longest first in a dict (``PhraseMatcher.scan``).
- ``pyahocorasick``: an automaton over the keys joined with a separator (each key wrapped as
  ``\\x1fkey\\x1f`` so matches stay on token boundaries and never overlap), ``iter_long`` for
  leftmost-longest matches, character offsets mapped back to token indices.
- ``ahocorasick-rs``: the same with ``MatchKind.LeftmostLongest``.

It checks that all engines give the same matches, then prints build time and scan time (best of
``--runs``, CPU time). The Aho-Corasick packages are only needed here: install them with
``pip install pyahocorasick ahocorasick-rs``; a missing one is skipped.

Usage::

    python benchmarks/matcher.py [--articles 200] [--runs 5]
"""

from __future__ import annotations

import argparse
import sys
import time
from bisect import bisect_right
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_corpus import text_pool

from sahyog.agreements import load_triggers
from sahyog.corpus import make_articles
from sahyog.entities import _tables
from sahyog.matching import PhraseMatcher
from sahyog.sectors import load_lexicon
from sahyog.text import build_document

SEP = "\x1f"  # whitespace to the tokenizer, so no token key contains it
Match = tuple[int, int, Any]
Engine = Callable[[list[str]], list[Match]]


def _wrapped(keys: Sequence[str]) -> str:
    return "".join(f"{SEP}{k}{SEP}" for k in keys)


def _token_index(keys: Sequence[str]) -> list[int]:
    """Character offset in the wrapped haystack where each token starts."""
    out, pos = [], 0
    for k in keys:
        out.append(pos)
        pos += len(k) + 2
    return out


def dict_engine(matcher: PhraseMatcher[Any]) -> Engine:
    return matcher.scan


def pyahocorasick_engine(matcher: PhraseMatcher[Any]) -> Engine | None:
    try:
        import ahocorasick
    except ImportError:
        return None
    auto = ahocorasick.Automaton()
    for key, payload in matcher.phrases.items():
        auto.add_word(_wrapped(key), (len(key), payload))
    auto.make_automaton()

    def scan(keys: list[str]) -> list[Match]:
        if not keys:
            return []
        starts = _token_index(keys)
        out = []
        for end, (n, payload) in auto.iter_long(_wrapped(keys)):
            j = bisect_right(starts, end)  # the token holding the match's last character, + 1
            out.append((j - n, j, payload))
        return out

    return scan


def ahocorasick_rs_engine(matcher: PhraseMatcher[Any]) -> Engine | None:
    try:
        import ahocorasick_rs
    except ImportError:
        return None
    items = list(matcher.phrases.items())
    leftmost_longest = ahocorasick_rs.MatchKind.LeftmostLongest
    ac = ahocorasick_rs.AhoCorasick([_wrapped(k) for k, _ in items], matchkind=leftmost_longest)

    def scan(keys: list[str]) -> list[Match]:
        if not keys:
            return []
        starts = _token_index(keys)
        out = []
        for idx, start, _end in ac.find_matches_as_indexes(_wrapped(keys)):
            key, payload = items[idx]
            i = bisect_right(starts, start) - 1
            out.append((i, i + len(key), payload))
        return out

    return scan


ENGINES = {"dict": dict_engine, "pyahocorasick": pyahocorasick_engine, "ahocorasick-rs": ahocorasick_rs_engine}


def best_cpu(fn: Callable[[], object], runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        t0 = time.process_time()
        fn()
        best = min(best, time.process_time() - t0)
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args(argv)

    texts = [t for _, _, t in make_articles(text_pool(), args.articles, seed=0)]
    sentences = [d.keys[lo:hi] for d in map(build_document, texts) for lo, hi in d.bounds]
    n_tokens = sum(map(len, sentences))
    t = _tables()
    lexicons = {"sectors": load_lexicon().index, "agreement triggers": load_triggers(),
                "gazetteer (exact names)": t.exact_matcher}  # fmt: skip
    print(
        f"{len(texts)} articles, {len(sentences):,} sentences, {n_tokens:,} tokens; CPU seconds, best of {args.runs}\n"
    )
    print("| lexicon | phrases | engine | build s | scan s | tokens/s | same matches |")
    print("| --- | ---: | --- | ---: | ---: | ---: | --- |")
    for name, matcher in lexicons.items():
        reference = [matcher.scan(keys) for keys in sentences]
        for engine_name, make in ENGINES.items():
            t0 = time.process_time()
            scan = make(matcher)
            build = time.process_time() - t0
            if scan is None:
                print(f"| {name} | {len(matcher.phrases):,} | {engine_name} | not installed | | | |")
                continue
            same = [scan(keys) for keys in sentences] == reference
            seconds = best_cpu(lambda scan=scan: [scan(keys) for keys in sentences], args.runs)
            print(
                f"| {name} | {len(matcher.phrases):,} | {engine_name} | {build:.3f} | {seconds:.4f} "
                f"| {n_tokens / seconds:,.0f} | {'yes' if same else 'NO'} |",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())

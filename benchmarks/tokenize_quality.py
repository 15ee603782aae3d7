"""Tokeniser quality and speed: Sahyog's ``tokenize`` against indic-nlp and spaCy on UD Hindi HDTB.

Quality is token F1 over character spans against the gold tokens of the HDTB dev split. That file
has no ``# text`` lines, so each sentence is rebuilt by joining its gold tokens with single spaces;
this measures over-splitting (``डॉ.``, ``१,२७,३५७``, ``८.५``), not how spaces are restored.
Speed is MB/s (UTF-8 bytes / seconds, best of N runs) tokenising all sentences joined one per line
as a single string.

Usage::

    python benchmarks/tokenize_quality.py [--data PATH] [--runs 5] [--errors]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "data" / "ud" / "hi_hdtb2015-ud-dev.conllu"

Spans = list[tuple[int, int]]


def read_conllu(path: Path) -> list[list[str]]:
    """Gold tokens (column 2) of each sentence; multiword ranges (1-2) and empty nodes (1.1) skipped."""
    sentences: list[list[str]] = []
    current: list[str] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip():
                if current:
                    sentences.append(current)
                    current = []
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) < 2 or "-" in cols[0] or "." in cols[0]:
                continue
            current.append(cols[1])
    if current:
        sentences.append(current)
    return sentences


def gold_spans(tokens: list[str]) -> tuple[str, Spans]:
    """The sentence rebuilt with single spaces, and the gold tokens' spans in it."""
    spans, pos = [], 0
    for tok in tokens:
        spans.append((pos, pos + len(tok)))
        pos += len(tok) + 1
    return " ".join(tokens), spans


def locate(text: str, pieces: list[str]) -> Spans:
    """Spans of ``pieces`` found in ``text`` in order (for tokenisers that return strings only)."""
    spans, pos = [], 0
    for piece in pieces:
        i = text.find(piece, pos)
        if i < 0:  # the tokeniser changed the text; count the piece as wrong
            spans.append((-1, -1))
            continue
        spans.append((i, i + len(piece)))
        pos = i + len(piece)
    return spans


def make_tokenizers() -> dict[str, tuple[Callable[[str], object], Callable[[str], Spans]]]:
    """name -> (raw tokenise function for timing, function returning spans for scoring)."""
    import spacy
    from indicnlp.tokenize.indic_tokenize import trivial_tokenize

    from sahyog.text import tokenize

    nlp = spacy.blank("hi")
    sp_tok = nlp.tokenizer

    def sahyog_spans(text: str) -> Spans:
        return [(t.start, t.end) for t in tokenize(text)]

    def trivial(text: str) -> list[str]:
        return trivial_tokenize(text, "hi")

    def trivial_spans(text: str) -> Spans:
        return locate(text, trivial(text))

    def spacy_spans(text: str) -> Spans:
        return [(t.idx, t.idx + len(t.text)) for t in sp_tok(text) if not t.is_space]

    return {
        "sahyog.tokenize": (tokenize, sahyog_spans),
        "indic-nlp trivial_tokenize": (trivial, trivial_spans),
        "spaCy blank('hi')": (sp_tok, spacy_spans),
    }


def score(sents: list[tuple[str, Spans]], spans_of: Callable[[str], Spans]) -> tuple[float, float, float, Counter]:
    """Micro precision, recall, F1 over spans for the whole file, and the missed gold tokens."""
    tp = n_pred = n_gold = 0
    missed: Counter = Counter()
    for text, gold in sents:
        pred = set(spans_of(text))
        gold_set = set(gold)
        tp += len(pred & gold_set)
        n_pred += len(pred)
        n_gold += len(gold_set)
        for s, e in gold_set - pred:
            missed[text[s:e]] += 1
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f, missed


def throughput(fn: Callable[[str], object], text: str, runs: int) -> float:
    """MB/s (10^6 UTF-8 bytes per second) tokenising ``text`` in one call, best of ``runs``."""
    nbytes = len(text.encode("utf-8"))
    best = float("inf")
    for _ in range(runs):
        t0 = time.perf_counter()
        fn(text)
        best = min(best, time.perf_counter() - t0)
    return nbytes / best / 1e6


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help=f"CoNLL-U file (default: {DEFAULT_DATA})")
    ap.add_argument("--runs", type=int, default=5, help="timing runs; the best counts (default 5)")
    ap.add_argument("--errors", action="store_true", help="print the 20 gold tokens each tokeniser misses most")
    args = ap.parse_args(argv)

    if not args.data.is_file():
        print(
            f"error: gold data not found: {args.data}\n"
            "This benchmark needs the UD Hindi HDTB dev file from the shared data directory "
            "(../shared/data next to the repository); pass its path with --data.",
            file=sys.stderr,
        )
        return 2

    sents = [gold_spans(toks) for toks in read_conllu(args.data)]
    lines = [text for text, _ in sents]
    n_gold = sum(len(g) for _, g in sents)
    joined = "\n".join(lines)  # one sentence per line: the speed test's input
    nbytes = len(joined.encode("utf-8"))
    print(f"data: {args.data.name}: {len(sents)} sentences, {n_gold} gold tokens, {nbytes / 1e6:.2f} MB")
    print()

    results = {}
    errors = {}
    for name, (raw, spans_of) in make_tokenizers().items():
        p, r, f, missed = score(sents, spans_of)
        mbs = throughput(raw, joined, args.runs)
        results[name] = (p, r, f, mbs)
        errors[name] = missed

    print(f"{'tokeniser':<28} {'P':>7} {'R':>7} {'F1':>7} {'MB/s':>7}")
    for name, (p, r, f, mbs) in results.items():
        print(f"{name:<28} {p:7.4f} {r:7.4f} {f:7.4f} {mbs:7.2f}")
    sah, triv = results["sahyog.tokenize"], results["indic-nlp trivial_tokenize"]
    print()
    print(f"speed ratio sahyog / trivial_tokenize: {sah[3] / triv[3]:.2f}x")
    best_other = max(v[2] for k, v in results.items() if k != "sahyog.tokenize")
    print(
        f"targets: F1 >= {best_other:.4f}: {'ok' if sah[2] >= best_other else 'MISSED'}; "
        f"speed >= 0.5x trivial: {'ok' if sah[3] >= 0.5 * triv[3] else 'MISSED'}"
    )

    if args.errors:
        for name, missed in errors.items():
            print()
            print(f"{name}: top missed gold tokens ({sum(missed.values())} missed in all)")
            for tok, n in missed.most_common(20):
                print(f"  {n:5d}  {tok}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

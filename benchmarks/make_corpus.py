"""Build a benchmark corpus of N Hindi articles, deterministically, from real text.

The pool of texts: the example article(s) in ``seeds/``, the sentences of the UD Hindi HDTB dev split
(tokens joined with spaces, grouped 20 sentences to a text, one sentence a line) and the diplomacy news
of ``../shared/data/news/diplomacy`` when present. Articles are varied with
:func:`sahyog.corpus.make_articles` and dated evenly over a year.

Usage::

    python benchmarks/make_corpus.py N OUT [--format jsonl|folder] [--seed 0]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sahyog.corpus import make_articles, write_corpus
from sahyog.paths import SEEDS_DIR

REPO_ROOT = Path(__file__).resolve().parent.parent
# ../shared/data next to the repository (or next to a folder of worktrees above it)
SHARED = next(
    (p / "shared" / "data" for p in REPO_ROOT.parents if (p / "shared" / "data").is_dir()),
    REPO_ROOT.parent / "shared" / "data",
)
TREEBANK = SHARED / "ud" / "hi_hdtb2015-ud-dev.conllu"
NEWS = SHARED / "news" / "diplomacy"
SENTENCES_PER_TEXT = 20


def treebank_texts(path: Path = TREEBANK, per_text: int = SENTENCES_PER_TEXT) -> list[str]:
    """The treebank's sentences (column 2 tokens joined by spaces), ``per_text`` lines to a text."""
    if not path.exists():
        return []
    sentences: list[str] = []
    current: list[str] = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        cols = line.split("\t")
        if len(cols) > 1 and cols[0].isdigit():
            current.append(cols[1])
        elif not line.strip() and current:
            sentences.append(" ".join(current))
            current = []
    if current:
        sentences.append(" ".join(current))
    return ["\n".join(sentences[i : i + per_text]) for i in range(0, len(sentences), per_text)]


def text_pool() -> list[str]:
    """Every source text available on this machine (seeds always; shared data when present)."""
    pool = [p.read_text(encoding="utf-8") for p in sorted(SEEDS_DIR.glob("*.txt"))]
    pool += treebank_texts()
    if NEWS.is_dir():
        pool += [p.read_text(encoding="utf-8") for p in sorted(NEWS.glob("*.txt"))]
    return pool


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, help="number of articles")
    ap.add_argument("out", help="output: a .jsonl file or a folder")
    ap.add_argument("--format", choices=("jsonl", "folder"), default="jsonl")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    pool = text_pool()
    path = write_corpus(make_articles(pool, args.n, seed=args.seed), args.out, args.format)
    print(f"{args.n} articles from {len(pool)} source texts -> {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

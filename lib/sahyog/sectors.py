"""Sectors of cooperation (trade, energy, visas ...) found in an article by a readable lexicon.

The lexicon (``data/sectors.csv``: ``sector,term``) lists base forms; inflected forms (plural, oblique),
nukta variants and the dropped ``ा`` after ``्र`` of some papers are generated here by rule, and matching
is by whole tokens on normalised text, longest term first, so ``व्यापारियों`` matches ``व्यापारी`` but
``जलवायु`` never matches ``जल``. Rows with sector ``ignore`` are phrases that shadow a sector word used
in another sense (``नई ऊर्जा``, ``सुरक्षा परिषद``).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeVar

from .paths import DATA_DIR
from .text import Article, normalize, normalize_with_offsets, tokenize

if TYPE_CHECKING:
    from .agreements import Agreement

SECTORS: tuple[str, ...] = (
    "trade",
    "investment",
    "economy",
    "finance",
    "transport",
    "energy",
    "water",
    "agriculture",
    "industry",
    "technology",
    "education",
    "culture",
    "tourism",
    "health",
    "defence",
    "security",
    "environment",
    "mobility",
)
CONTEXTS = ("agreement", "portfolio", "cooperation")
IGNORE = "ignore"

# ---------------------------------------------------------------------------------------------
# Tokens of normalised text, as matching keys


@dataclass(frozen=True)
class SentenceTokens:
    """Token keys of one sentence (normalised, nukta-folded, lowercased) and their original spans."""

    keys: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]


def tokenize_keys(text: str) -> list[tuple[str, int, int]]:
    """Matching keys of ``text`` (already normalised): :func:`sahyog.text.tokenize`'s tokens, lowercased."""
    return [(t.text.lower(), t.start, t.end) for t in tokenize(text)]


@lru_cache(maxsize=8192)
def _sentence_tokens_rel(text: str) -> SentenceTokens:
    norm = normalize_with_offsets(text, fold_nukta=True)
    keys, spans = [], []
    for key, s, e in tokenize_keys(norm.text):
        keys.append(key)
        spans.append(norm.to_original(s, e))
    return SentenceTokens(tuple(keys), tuple(spans))


def sentence_tokens(text: str, offset: int = 0) -> SentenceTokens:
    """Tokens of a sentence for matching; spans are shifted by ``offset`` (the sentence's start)."""
    rel = _sentence_tokens_rel(text)
    if not offset:
        return rel
    return SentenceTokens(rel.keys, tuple((s + offset, e + offset) for s, e in rel.spans))


# ---------------------------------------------------------------------------------------------
# Inflection by rule

_AA, _I, _II, _U, _UU, _E = "\u093e", "\u093f", "\u0940", "\u0941", "\u0942", "\u0947"
_CONSONANT = re.compile("[\u0915-\u0939\u0958-\u095f]$")


def inflect(word: str) -> set[str]:
    """Plural and oblique forms of a normalised Hindi word, by its ending (over-generation is harmless).

    ``-ा`` → ``-े -ों -ाएं -ाओं``; ``-ी``/``-ि`` → ``-ियों -ियां``; ``-ु``/``-ू`` → ``-ुओं -ुएं``;
    consonant-final → ``-ों -ें``; ``-े`` (oblique given) → ``-ा -ों``.
    """
    forms = {word}
    if not word or not ("\u0900" <= word[-1] <= "\u097f"):
        if word.isascii() and word.isalpha() and len(word) > 3:
            forms.add(word + "s")
        return forms
    last, stem = word[-1], word[:-1]
    if last == _AA:
        forms |= {stem + _E, stem + "ों", word + "एं", word + "एँ", word + "ओं"}
    elif last in (_II, _I):
        forms |= {stem + "ियों", stem + "ियां", stem + "ियाँ", stem + "ियो"}
    elif last in (_U, _UU):
        forms |= {stem + "ुओं", stem + "ुएं", stem + "ुएँ"}
    elif last == _E:
        forms |= {stem + _AA, stem + "ों"}
    elif last == "ई":
        forms |= {stem + "इयों", stem + "इयां"}
    elif _CONSONANT.search(word):
        forms |= {word + "ों", word + "ें", word + "ो"}
    return forms


def _spelling_variants(form: str) -> set[str]:
    """Chandrabindu written as anusvara, and the dropped ``ा`` after ``्र`` (``यात्र`` for ``यात्रा``)."""
    out = {form, form.replace("ँ", "ं")}
    for f in list(out):
        if "्रा" in f:
            out.add(f.replace("्रा", "्र"))
    return out


def term_keys(term: str) -> set[tuple[str, ...]]:
    """All token-key sequences a lexicon term matches: last word inflected, hyphen variants, spellings."""
    norm = normalize(term, fold_nukta=True)
    variants = {norm}
    if "-" in norm:
        variants |= {norm.replace("-", " "), norm.replace("-", "")}
    out: set[tuple[str, ...]] = set()
    for v in variants:
        toks = [k for k, _, _ in tokenize_keys(v)]
        if not toks:
            continue
        for last in inflect(toks[-1]):
            for spelled in _spelling_variants(" ".join([*toks[:-1], last])):
                out.add(tuple(spelled.split(" ")))
    return out


# ---------------------------------------------------------------------------------------------
# Longest-match phrase index

P = TypeVar("P")


@dataclass(frozen=True, eq=False)
class PhraseIndex(Generic[P]):
    """Token-sequence lookup: ``phrases`` maps key tuples to a payload; ``longest`` bounds the search."""

    phrases: dict[tuple[str, ...], P]
    longest: dict[str, int]

    @classmethod
    def build(cls, items: Iterable[tuple[tuple[str, ...], P]]) -> PhraseIndex[P]:
        """Index key tuples; the first payload given for a key wins (list more specific entries first)."""
        phrases: dict[tuple[str, ...], P] = {}
        longest: dict[str, int] = {}
        for key, payload in items:
            phrases.setdefault(key, payload)
            longest[key[0]] = max(longest.get(key[0], 0), len(key))
        return cls(phrases, longest)

    def scan(self, keys: Sequence[str]) -> list[tuple[int, int, P]]:
        """Non-overlapping matches ``(i, j, payload)`` over ``keys[i:j]``, leftmost then longest first."""
        out: list[tuple[int, int, P]] = []
        phrases, longest = self.phrases, self.longest
        i, n = 0, len(keys)
        while i < n:
            width = longest.get(keys[i])
            if width:
                for w in range(min(width, n - i), 0, -1):
                    payload = phrases.get(tuple(keys[i : i + w]))
                    if payload is not None:
                        out.append((i, i + w, payload))
                        i += w
                        break
                else:
                    i += 1
            else:
                i += 1
        return out


# ---------------------------------------------------------------------------------------------
# Lexicon


@dataclass(frozen=True, eq=False)
class Lexicon:
    """Sector terms as read from the CSV and the index built from them (payload: ``(sector, term)``)."""

    entries: tuple[tuple[str, str], ...]
    index: PhraseIndex[tuple[str, str]] = field(repr=False)

    def terms(self, sector: str) -> list[str]:
        """The lexicon terms of one sector, in file order."""
        return [t for s, t in self.entries if s == sector]


def read_terms(path: Path, group: str, allowed: Iterable[str]) -> list[dict[str, str]]:
    """Rows of a ``group,term,...`` CSV with whitespace trimmed; unknown groups are an error."""
    allowed = set(allowed)
    rows = []
    with open(path, encoding="utf-8", newline="") as f:
        for lineno, row in enumerate(csv.DictReader(f), start=2):
            row = {k: (v or "").strip() for k, v in row.items() if k}
            if not row.get("term"):
                continue
            if row[group] not in allowed:
                raise ValueError(f"{path}:{lineno}: unknown {group} {row[group]!r}")
            rows.append(row)
    return rows


@lru_cache(maxsize=8)
def load_lexicon(path: str | Path | None = None) -> Lexicon:
    """Read ``sector,term`` rows (default ``data/sectors.csv``) and build the matcher once per path."""
    rows = read_terms(Path(path) if path else DATA_DIR / "sectors.csv", "sector", (*SECTORS, IGNORE))
    entries = tuple((r["sector"], r["term"]) for r in rows)
    items = [(key, (s, t)) for s, t in entries for key in sorted(term_keys(t))]
    return Lexicon(entries, PhraseIndex.build(items))


@lru_cache(maxsize=1)
def sector_labels() -> dict[str, dict[str, str]]:
    """Labels per sector id, in :data:`SECTORS` order: ``{id: {label_hi, label_en, description}}``."""
    with open(DATA_DIR / "sector_labels.csv", encoding="utf-8", newline="") as f:
        rows = {r["sector"]: {k: r[k] for k in ("label_hi", "label_en", "description")} for r in csv.DictReader(f)}
    return {s: rows[s] for s in SECTORS}


# ---------------------------------------------------------------------------------------------
# Mentions


@dataclass(frozen=True)
class SectorMention:
    """A sector term in a sentence; ``start``/``end`` are offsets into the original article text."""

    sentence_id: int
    sector: str
    term: str
    start: int
    end: int
    context: str


def _words(*items: str) -> frozenset[str]:
    return frozenset(k for w in items for key in term_keys(w) for k in key)


# Nouns of an office: a sector term before one of them (possibly through a list) names a portfolio.
TITLES = _words("मंत्री", "मंत्रालय", "राज्यमंत्री", "सचिव", "विभाग", "प्रभारी", "मिनिस्टर", "मिनिस्ट्री", "minister", "ministry")
_TITLE_FILLERS = frozenset(
    {"के", "की", "का", "लिए", "मामलों", "मामले", "संघीय", "केंद्रीय", "केन्द्रीय", "राज्य", "उप", "कैबिनेट", "संयुक्त"}
)
_LIST_GLUE = frozenset({",", "और", "तथा", "एवं", "व", "/", "-", "&", "and"})
_NOT_TITLE_AFTER = frozenset({"स्तरीय", "स्तर"})


def portfolio_flags(keys: Sequence[str], matches: Sequence[tuple[int, int, object]]) -> list[bool]:
    """For each match, True if it is part of an office title: ``परिवहन मंत्री``, ``संचार के लिए संघीय मंत्री``,
    ``व्यापार, परिवहन और ऊर्जा मंत्रालयों`` (a list of terms that ends in a title)."""
    starts = {i: j for i, j, _ in matches}
    n = len(keys)
    flags = []
    for _, j, _ in matches:
        pos, steps, found = j, 0, False
        while pos < n and steps < 14:
            k = keys[pos]
            if pos in starts:
                pos = starts[pos]
            elif k in TITLES:
                found = pos + 1 >= n or keys[pos + 1] not in _NOT_TITLE_AFTER
                break
            elif k in _LIST_GLUE or k in _TITLE_FILLERS:
                pos += 1
            else:
                break
            steps += 1
        flags.append(found)
    return flags


def find_sectors(article: Article, lexicon: Lexicon | None = None) -> list[SectorMention]:
    """Sector mentions of every sentence, context ``portfolio`` (part of an office title) or ``cooperation``."""
    lex = lexicon or load_lexicon()
    out: list[SectorMention] = []
    for sent in article.sentences:
        toks = sentence_tokens(sent.text, sent.start)
        matches = lex.index.scan(toks.keys)
        flags = portfolio_flags(toks.keys, matches)
        for (i, j, (sector, term)), is_portfolio in zip(matches, flags, strict=True):
            if sector == IGNORE:
                continue
            start, end = toks.spans[i][0], toks.spans[j - 1][1]
            out.append(SectorMention(sent.id, sector, term, start, end, "portfolio" if is_portfolio else "cooperation"))
    return out


def with_agreement_context(mentions: Sequence[SectorMention], agreements: Sequence[Agreement]) -> list[SectorMention]:
    """Mark ``cooperation`` mentions in sentences that report an agreement as ``agreement``; keep portfolios."""
    agreed = {a.sentence_id for a in agreements}
    return [
        replace(m, context="agreement") if m.context == "cooperation" and m.sentence_id in agreed else m
        for m in mentions
    ]

"""Matching lexicon terms against a document's token keys: inflection, term keys and one phrase matcher.

Terms are matched as sequences of whole-token keys (:func:`sahyog.text.token_key`: normalised,
nukta-folded, lower-cased), like spaCy's ``PhraseMatcher`` on ``NORM``. A lexicon lists base forms;
:func:`term_keys` generates the plural and oblique forms, hyphen and spelling variants by rule.
:class:`PhraseMatcher` finds them leftmost-longest, without overlaps; sectors, agreement triggers and
the entity gazetteer all use it. Its engine (a dict from key tuples, entered only at tokens that begin
some phrase) was chosen by measurement over Aho-Corasick automata: see ``benchmarks/README.md``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import compress
from typing import Generic, TypeVar

from .text import normalize, tokenize

# ---------------------------------------------------------------------------------------------
# Keys and inflection by rule

_AA, _I, _II, _U, _UU, _E = "\u093e", "\u093f", "\u0940", "\u0941", "\u0942", "\u0947"
_CONSONANT = re.compile("[\u0915-\u0939\u0958-\u095f]$")


def inflect(word: str) -> set[str]:
    """Plural and oblique forms of a normalised Hindi word, by its ending (over-generation is harmless).

    ``-ा`` → ``-े -ों -ाएं -ाओं``; ``-ी``/``-ि`` → ``-ियों -ियां``; ``-ु``/``-ू`` → ``-ुओं -ुएं``;
    consonant-final → ``-ों -ें``; ``-े`` (oblique given) → ``-ा -ों``.
    """
    if not word or not ("\u0900" <= word[-1] <= "\u097f"):
        return {word, word + "s"} if word.isascii() and word.isalpha() and len(word) > 3 else {word}
    return {word} | _hindi_forms(word)


def _hindi_forms(word: str) -> set[str]:
    last, stem = word[-1], word[:-1]
    if last == _AA:
        return {stem + _E, stem + "ों", word + "एं", word + "एँ", word + "ओं"}
    if last in (_II, _I):
        return {stem + "ियों", stem + "ियां", stem + "ियाँ", stem + "ियो"}
    if last in (_U, _UU):
        return {stem + "ुओं", stem + "ुएं", stem + "ुएँ"}
    if last == _E:
        return {stem + _AA, stem + "ों"}
    if last == "ई":
        return {stem + "इयों", stem + "इयां"}
    if _CONSONANT.search(word):
        return {word + "ों", word + "ें", word + "ो"}
    return set()


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
        toks = [t.text.lower() for t in tokenize(v)]
        if not toks:
            continue
        for last in inflect(toks[-1]):
            for spelled in _spelling_variants(" ".join([*toks[:-1], last])):
                out.add(tuple(spelled.split(" ")))
    return out


def plain_keys(*groups: str) -> frozenset[str]:
    """Keys of the whitespace-separated words in ``groups``, as written (no inflection)."""
    return frozenset(normalize(w, fold_nukta=True).lower() for g in groups for w in g.split())


def inflected_keys(*groups: str) -> frozenset[str]:
    """Like :func:`plain_keys`, plus each word's plural and oblique forms."""
    return frozenset(k for g in groups for w in g.split() for key in term_keys(w) for k in key)


# ---------------------------------------------------------------------------------------------
# The phrase matcher

P = TypeVar("P")


@dataclass(frozen=True, eq=False)
class PhraseMatcher(Generic[P]):
    """Key-sequence lookup: ``phrases`` maps key tuples to a payload; ``longest`` maps each key that
    begins a phrase to the length of the longest such phrase (which also bounds the search)."""

    phrases: dict[tuple[str, ...], P]
    longest: dict[str, int]

    @classmethod
    def build(cls, items: Iterable[tuple[tuple[str, ...], P]]) -> PhraseMatcher[P]:
        """Index key tuples; the first payload given for a key wins (list more specific entries first)."""
        phrases: dict[tuple[str, ...], P] = {}
        longest: dict[str, int] = {}
        for key, payload in items:
            phrases.setdefault(key, payload)
            longest[key[0]] = max(longest.get(key[0], 0), len(key))
        return cls(phrases, longest)

    def scan(self, keys: Sequence[str], lo: int = 0, hi: int | None = None) -> list[tuple[int, int, P]]:
        """Non-overlapping matches ``(i, j, payload)`` over ``keys[i:j]`` inside ``keys[lo:hi]``, leftmost
        then longest first. Only tokens that begin some phrase are looked at (one C-level pass finds them)."""
        hi = len(keys) if hi is None else hi
        longest, phrases = self.longest, self.phrases
        part = keys[lo:hi] if lo or hi != len(keys) else keys
        if longest.keys().isdisjoint(part):
            return []  # the common case, decided in one C-level pass
        out: list[tuple[int, int, P]] = []
        free = lo
        for i in compress(range(lo, hi), map(longest.__contains__, part)):
            if i < free:
                continue
            for w in range(min(longest[keys[i]], hi - i), 0, -1):
                payload = phrases.get(tuple(keys[i : i + w]))
                if payload is not None:
                    out.append((i, i + w, payload))
                    free = i + w
                    break
        return out

"""Sectors of cooperation (trade, energy, visas ...) found in an article by a readable lexicon.

The lexicon (``data/sectors.csv``: ``sector,term``) lists base forms; inflected forms (plural, oblique),
nukta variants and the dropped ``ा`` after ``्र`` of some papers are generated here by rule, and matching
is by whole tokens on normalised text, longest term first, so ``व्यापारियों`` matches ``व्यापारी`` but
``जलवायु`` never matches ``जल``. Rows with sector ``ignore`` are phrases that shadow a sector word used
in another sense (``नई ऊर्जा``, ``सुरक्षा परिषद``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from .lexicon import IGNORE, LexiconSchema, group_schema, read_lexicon
from .matching import PhraseMatcher, inflect, term_keys
from .paths import DATA_DIR, data_file
from .text import Article, as_document

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
CONTEXTS = ("agreement", "portfolio", "cooperation", "mention", "conflict")  # mention, conflict: sahyog.cooperation
__all__ = ["IGNORE", "SECTORS", "Lexicon", "SectorMention", "find_sectors", "inflect", "load_lexicon", "term_keys"]

# ---------------------------------------------------------------------------------------------
# Lexicon


@dataclass(frozen=True, eq=False)
class Lexicon:
    """Sector terms as read from the CSV and the matcher built from them (payload: ``(sector, term)``)."""

    entries: tuple[tuple[str, str], ...]
    index: PhraseMatcher[tuple[str, str]] = field(repr=False)

    def terms(self, sector: str) -> list[str]:
        """The lexicon terms of one sector, in file order."""
        return [t for s, t in self.entries if s == sector]


def load_lexicon(path: str | Path | None = None) -> Lexicon:
    """Read ``sector,term`` rows (default ``data/sectors.csv``, or a bundle's) and build the matcher once per path."""
    return _load_lexicon(Path(path) if path else data_file("sectors.csv"))


@lru_cache(maxsize=8)
def _load_lexicon(path: Path) -> Lexicon:
    rows = read_lexicon(path, group_schema("sector", (*SECTORS, IGNORE)))
    entries = tuple((r["sector"], r["term"]) for r in rows)
    items = [(key, (s, t)) for s, t in entries for key in sorted(term_keys(t))]
    return Lexicon(entries, PhraseMatcher.build(items))


_LABELS = LexiconSchema(
    ("sector", "label_hi", "label_en", "description"),
    required=("sector", "label_en"),
    allowed={"sector": frozenset(SECTORS)},
)


@lru_cache(maxsize=1)
def sector_labels() -> dict[str, dict[str, str]]:
    """Labels per sector id, in :data:`SECTORS` order: ``{id: {label_hi, label_en, description}}``."""
    rows = {r["sector"]: {k: r[k] for k in ("label_hi", "label_en", "description")}
            for r in read_lexicon(DATA_DIR / "sector_labels.csv", _LABELS)}  # fmt: skip
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
TITLES = _words(
    "मंत्री",
    "मंत्रालय",
    "राज्यमंत्री",
    "सचिव",
    "विभाग",
    "प्रभारी",
    "मिनिस्टर",
    "मिनिस्ट्री",
    "minister",
    "ministry",
    # the name of a commission, council or board is no cooperation either (README of the wire gold)
    "आयोग",
    "समिति",
    "परिषद",
    "प्राधिकरण",
    "निगम",
    "बोर्ड",
    "कमीशन",
    "काउंसिल",
    "commission",
)
_TITLE_FILLERS = frozenset(
    {
        "के",
        "की",
        "का",
        "लिए",
        "मामलों",
        "मामले",
        "संघीय",
        "केंद्रीय",
        "राज्य",
        "उप",
        "कैबिनेट",
        "संयुक्त",
        "कल्याण",
        "विकास",
        "सहकारिता",
        "उपभोक्ता",
        "सार्वजनिक",
        "वितरण",
        "नागरिक",
    }
)
LIST_GLUE = frozenset({",", "और", "तथा", "एवं", "व", "/", "-", "&", "and"})  # joins the items of a list
_NOT_TITLE_AFTER = frozenset({"स्तरीय", "स्तर"})


def portfolio_flags(
    keys: Sequence[str], matches: Sequence[tuple[int, int, object]], n: int | None = None
) -> list[bool]:
    """For each match, True if it is part of an office title: ``परिवहन मंत्री``, ``संचार के लिए संघीय मंत्री``,
    ``व्यापार, परिवहन और ऊर्जा मंत्रालयों`` (a list of terms that ends in a title). ``n``: where the sentence's
    keys end (default ``len(keys)``)."""
    starts = {i: j for i, j, _ in matches}
    n = len(keys) if n is None else n
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
            elif k in LIST_GLUE or k in _TITLE_FILLERS:
                pos += 1
            else:
                break
            steps += 1
        flags.append(found)
    return flags


def find_sectors(article: Article, lexicon: Lexicon | None = None) -> list[SectorMention]:
    """Sector mentions of every sentence, context ``portfolio`` (part of an office title) or ``cooperation``.

    ``article``: a :class:`~sahyog.text.Document` (any other :class:`~sahyog.text.Article` is built into one).
    """
    lex = lexicon or load_lexicon()
    doc = as_document(article)
    tokens, keys = doc.tokens, doc.keys
    out: list[SectorMention] = []
    for sent, (lo, hi) in zip(doc.sentences, doc.bounds, strict=True):
        matches = lex.index.scan(keys, lo, hi)
        flags = portfolio_flags(keys, matches, hi)
        for (i, j, (sector, term)), is_portfolio in zip(matches, flags, strict=True):
            if sector == IGNORE:
                continue
            context = "portfolio" if is_portfolio else "cooperation"
            out.append(SectorMention(sent.id, sector, term, tokens[i].start, tokens[j - 1].end, context))
    return out


class _InSentence(Protocol):
    sentence_id: int


def with_agreement_context(mentions: Sequence[SectorMention], agreements: Iterable[_InSentence]) -> list[SectorMention]:
    """Mark ``cooperation`` mentions in sentences that report an agreement between governments (anything with a
    ``sentence_id``, and a ``level`` if known) as ``agreement``; keep portfolios. A domestic or institutional
    agreement (a loan to farmers) gives its sentence's sectors no context: see :mod:`sahyog.cooperation`."""
    agreed = {a.sentence_id for a in agreements if getattr(a, "level", "government") == "government"}
    return [
        replace(m, context="agreement") if m.context == "cooperation" and m.sentence_id in agreed else m
        for m in mentions
    ]

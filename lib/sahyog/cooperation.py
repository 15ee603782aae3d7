"""Which sector words describe cooperation between states; elsewhere a sector word is a ``mention`` or, in
talk of conflict, a ``conflict``.

A sector word counts for the sector tables only where cooperation, an agreement or talks *between states*
are described: a cooperation cue (``सहयोग``, ``समझौता``, ``वार्ता``, ``दोनों देश`` ... cue ``cooperation`` of
``data/cues.csv``) near it that links two state actors -- two countries, IGOs or government bodies acting
(a country as a place, ``चीन में``, or inside a company or product name, ``चीनी मिल``, is none), one of
them with a state word (``प्रधानमंत्री``), or one with ``के साथ``/``के बीच``, or ``दोनों देश``/``द्विपक्षीय``
-- or a sentence naming an organisation that is a party to one of the article's agreements. Two countries
named is not enough.
Conflict, sanctions, restrictions and comparisons (cue ``conflict``: ``युद्ध``, ``प्रतिबंध``, ``तुलना`` ...)
without a cooperation cue make the context ``conflict``; anything else is ``mention``. ``mention``,
``conflict`` and ``portfolio`` stay out of the default sector tables and charts. "Near" is the sentence, up to
``sentence_window`` keys either side (``data/settings.csv``), so a sentence without ends costs no more.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from .agreements import STATE_LEVEL, is_party
from .cues import has_cue
from .sectors import SectorMention
from .sentence_index import SentenceIndex, build_index, in_range
from .settings import window
from .text import Article, Document, as_document

MENTION = "mention"
CONFLICT = "conflict"
COOPERATION = "cooperation"
OFF_CONTEXTS = ("portfolio", MENTION, CONFLICT)  # left out of the default sector tables and charts


def is_cooperation_sentence(keys: Sequence[str], n_states: int) -> bool:
    """True if ``keys`` describe cooperation between states: a cooperation cue and two state actors
    (``n_states``: countries or IGOs acting, a state word counting as one), or ``दोनों देश``/``द्विपक्षीय``, or
    one state with the other side implied by ``के साथ``/``के बीच`` (news of a state's own government)."""
    if not has_cue("cooperation", keys):
        return False
    if n_states >= 2 or has_cue("both_states", keys) or has_cue("bilateral", keys):
        return True
    return n_states == 1 and has_cue("between", keys)  # "ओमान के सुल्तान के साथ": the other side is the speaker's


def context_of(keys: Sequence[str], n_states: int) -> str:
    """``cooperation``, ``conflict`` or ``mention`` for a sector word whose sentence (window) is ``keys``."""
    if is_cooperation_sentence(keys, n_states):
        return COOPERATION
    if has_cue("conflict", keys) and not has_cue("cooperation", keys):
        return CONFLICT
    return MENTION


def n_states(doc: Document, idx: SentenceIndex, sid: int, lo: int, hi: int) -> int:
    """Distinct sides acting in sentence ``sid`` between its keys ``lo`` and ``hi``: countries and IGOs, plus
    one for the paper's own government when only its office holders or a state word (``प्रधानमंत्री``) show
    it (two ministers of one country are one side)."""
    keys = idx.sentence_keys(doc, sid)
    acting = [a for a in in_range(idx, sid, lo, hi) if a.actor_type in STATE_LEVEL and is_party(keys, a)]
    sides = {a.country or (a.id if a.actor_type == "igo" else None) for a in acting} - {None}
    home = any(a.actor_type == "government" and not a.country for a in acting) or has_cue("state", keys, lo, hi)
    return len(sides) + home


def mark_mentions(mentions: Sequence[SectorMention], contexts: Mapping[int, str]) -> list[SectorMention]:
    """``cooperation`` mentions get the context ``contexts[n]`` given for their position ``n`` (default: kept)."""
    return [
        replace(m, context=contexts[n]) if m.context == COOPERATION and contexts.get(n, COOPERATION) != m.context else m
        for n, m in enumerate(mentions)
    ]


def party_sentences(entities: Iterable[Any], agreements: Iterable[Any]) -> set[int]:
    """Sentences that name an organisation which is a party to one of the ``agreements``."""
    parties = {p for a in agreements for p in a.parties}
    return {m.sentence_id for e in entities if e.type == "organisation" and e.id in parties for m in e.mentions}


def with_mention_context(
    mentions: Sequence[SectorMention], article: Article, entities: Sequence[Any], agreements: Iterable[Any] = (),
    index: SentenceIndex | None = None,
) -> list[SectorMention]:  # fmt: skip
    """Mark sector words outside cooperation between states as ``mention`` or ``conflict`` (see the module
    docstring); ``index``: the sentence index, if built already."""
    doc = as_document(article)
    idx = index if index is not None else build_index(doc, entities)
    belongs = party_sentences(entities, agreements)
    w = window("sentence_window")
    contexts: dict[int, str] = {}
    for n, m in enumerate(mentions):
        if m.context != COOPERATION or m.sentence_id in belongs:
            continue
        keys = idx.sentence_keys(doc, m.sentence_id)
        i = _token_at(doc, m)
        lo, hi = max(0, i - w), min(len(keys), i + w)
        contexts[n] = context_of(keys[lo:hi], _states_near(doc, idx, m.sentence_id, lo, hi))
    return mark_mentions(mentions, contexts)


def _states_near(doc: Document, idx: SentenceIndex, sid: int, lo: int, hi: int) -> int:
    """State actors of the window, or of the sentence before when the sentence opens by referring back to it
    (``इस मुलाकात का उद्देश्य ...``, ``इनमें ...``) and names fewer than two itself."""
    n = n_states(doc, idx, sid, lo, hi)
    keys = idx.sentence_keys(doc, sid)
    if n >= 2 or sid == 0 or lo > 0 or not has_cue("refer_back", keys, 0, min(len(keys), 2)):
        return n
    prev = idx.sentence_keys(doc, sid - 1)
    end = min(len(prev), 2 * window("sentence_window"))
    if has_cue("both_states", prev, 0, end) or has_cue("bilateral", prev, 0, end):
        return 2
    return max(n, n_states(doc, idx, sid - 1, 0, end))


def _token_at(doc: Document, m: SectorMention) -> int:
    """The position of a sector mention's first token within its sentence."""
    from bisect import bisect_left

    lo, hi = doc.bounds[m.sentence_id]
    return bisect_left(doc.tokens, m.start, lo, hi, key=lambda t: t.start) - lo

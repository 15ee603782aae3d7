"""Which sentences describe cooperation between states, so that a sector word elsewhere is a mere ``mention``.

A sector word counts for the sector tables only where cooperation, an agreement or talks between states are
described: in a sentence with a cooperation cue (``सहयोग``, ``समझौता``, ``वार्ता``, ``दोनों देश`` ... from
``data/cues.csv``, cue ``cooperation``), naming two or more countries (or their places), or belonging
to an agreement by naming an organisation that is one of its parties (``आईपीजीएल ... निवेश करेगा``). Elsewhere
(``यह शेयर बाजार के लिए अच्छा संकेत है``) its context becomes ``mention``; ``mention`` and ``portfolio`` stay
out of the default sector tables and charts.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from .outcomes import has_cue
from .sectors import SectorMention
from .text import Article, as_document

MENTION = "mention"


def is_cooperation_sentence(keys: Sequence[str], n_countries: int) -> bool:
    """True if a sentence (its token keys) describes cooperation between states: a cue word, or two countries."""
    return n_countries >= 2 or has_cue("cooperation", keys)


def countries_by_sentence(entities: Iterable[Any]) -> dict[int, set[str]]:
    """Sentence id -> the countries named there: country entities and the countries of places and demonyms."""
    out: dict[int, set[str]] = {}
    for ent in entities:
        if str(getattr(ent, "type", "")) not in ("country", "place"):
            continue
        country = getattr(ent, "country", None) or (ent.id if ent.type == "country" else None)
        for m in getattr(ent, "mentions", ()):
            if country:
                out.setdefault(m.sentence_id, set()).add(country)
    return out


def mark_mentions(mentions: Sequence[SectorMention], cooperative: Mapping[int, bool]) -> list[SectorMention]:
    """``cooperation`` mentions in sentences that are not cooperative (``cooperative[sid]`` False) -> ``mention``."""
    return [
        replace(m, context=MENTION) if m.context == "cooperation" and not cooperative.get(m.sentence_id, True) else m
        for m in mentions
    ]


def party_sentences(entities: Iterable[Any], agreements: Iterable[Any]) -> set[int]:
    """Sentences that name an organisation which is a party to one of the ``agreements``."""
    parties = {p for a in agreements for p in a.parties}
    return {m.sentence_id for e in entities if e.type == "organisation" and e.id in parties for m in e.mentions}


def with_mention_context(
    mentions: Sequence[SectorMention], article: Article, entities: Sequence[Any], agreements: Iterable[Any] = ()
) -> list[SectorMention]:
    """Mark sector words outside cooperation sentences as ``mention`` (see the module docstring)."""
    doc = as_document(article)
    countries = countries_by_sentence(entities)
    belongs = party_sentences(entities, agreements)
    sids = {m.sentence_id for m in mentions if m.context == "cooperation"} - belongs
    cooperative = {sid: is_cooperation_sentence(doc.sentence_keys(sid), len(countries.get(sid, ()))) for sid in sids}
    return mark_mentions(mentions, cooperative)

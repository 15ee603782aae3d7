"""Actor types: what kind of party an entity or a word names (a state, a ministry, a company, a university ...).

Types follow the CAMEO/PLOVER actor-type idea (GOV, BUS, EDU, LAB, PTY, IGO ...; the mapping is in the
README). They come from the gazetteer type (a country is a ``state``), from an editable lexicon of words
(``data/actors.csv``: ``लिमिटेड`` -> company, ``विश्वविद्यालय`` -> education, ``मंत्रालय`` -> government), and
in a name from its head: the longest lexicon term that ends furthest right decides, because Hindi names end
in their head noun (``विश्वविद्यालय अनुदान आयोग`` is a commission).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from .lexicon import LexiconSchema, read_lexicon
from .matching import PhraseMatcher, term_keys
from .paths import data_file
from .text import token_key, tokenize

ACTOR_TYPES: tuple[str, ...] = (
    "state", "government", "subnational", "igo", "company", "education", "union", "party", "sport", "media", "other",
)  # fmt: skip
# Types whose agreements are agreements between states (the level "government").
# A subnational government (a state government, a chief minister, a prefecture) is no party between states.
NON_STATE_TYPES = frozenset({"company", "education", "union", "party", "sport", "media", "subnational"})
# CAMEO / PLOVER actor codes for each type (documented in the README).
CAMEO_CODES: dict[str, str] = {
    "state": "<ISO3> (country)", "government": "GOV", "subnational": "GOV (subnational)", "igo": "IGO",
    "company": "BUS", "education": "EDU",
    "union": "LAB", "party": "PTY", "sport": "CVL (sport)", "media": "MED", "other": "CVL",
}  # fmt: skip
# Readable labels for tables and charts.
ACTOR_LABELS: dict[str, str] = {
    "state": "state", "government": "government body", "subnational": "subnational government",
    "igo": "intergovernmental organisation",
    "company": "company", "education": "university / institute", "union": "trade union",
    "party": "political party", "sport": "sports body", "media": "media", "other": "other",
}  # fmt: skip


@dataclass(frozen=True)
class ActorTerm:
    """A lexicon row: the term as written, its actor type and (for one named body) its country."""

    term: str
    actor_type: str
    country: str | None


def text_keys(text: str) -> list[str]:
    """The matching keys of a text's tokens (a name, a sentence), as the annotators see them."""
    return [token_key(t.text) for t in tokenize(text)]


_SCHEMA = LexiconSchema(("term", "actor_type", "country"), frozenset({"country"}), ("term", "actor_type"),
                        {"actor_type": frozenset(ACTOR_TYPES)})  # fmt: skip


def load_actor_terms(path: str | Path | None = None) -> PhraseMatcher[ActorTerm]:
    """Read ``term,actor_type,country`` rows (default ``data/actors.csv``, or a bundle's) into a phrase
    matcher, once per file."""
    return _load_actor_terms(Path(path) if path else data_file("actors.csv"))


@lru_cache(maxsize=4)
def _load_actor_terms(path: Path) -> PhraseMatcher[ActorTerm]:
    rows = read_lexicon(path, _SCHEMA)
    items = []
    for r in rows:
        term = ActorTerm(r["term"], r["actor_type"], r["country"] or None)
        items.extend((key, term) for key in sorted(term_keys(r["term"])))
    return PhraseMatcher.build(items)


def actor_words(keys: Sequence[str]) -> list[tuple[int, int, ActorTerm]]:
    """Actor lexicon terms among token keys: ``(i, j, term)`` for ``keys[i:j]``, left to right."""
    return load_actor_terms().scan(keys)


def head_type(keys: Sequence[str]) -> ActorTerm | None:
    """The term that types a name given as token keys: the match that ends furthest right, else None."""
    hits = actor_words(keys)
    return max(hits, key=lambda h: (h[1], h[1] - h[0]))[2] if hits else None


def name_type(*names: str) -> ActorTerm | None:
    """The actor term of the first of ``names`` (Hindi, then English) that has one."""
    for name in names:
        if name:
            term = head_type(text_keys(name))
            if term is not None:
                return term
    return None


def entity_actor(entity: Any) -> tuple[str | None, str | None]:
    """``(actor_type, country)`` of an entity (an object with ``type``, ``id``, ``name_hi``, ``name_en``,
    ``role``, ``country``): countries are states, organisations and people are typed by the words of their
    name or role; places and regions are not parties (``None``)."""
    etype = str(getattr(entity, "type", "")).lower()
    country = getattr(entity, "country", None)
    if etype == "country":
        return "state", country or getattr(entity, "id", None)
    if etype in ("organisation", "organization", "org"):
        oid = str(getattr(entity, "id", "")).removeprefix("org:").replace("-", " ")
        term = name_type(getattr(entity, "name_hi", ""), getattr(entity, "name_en", ""), oid)
        if term is None:
            return "other", country
        return term.actor_type, country or term.country
    if etype == "person":
        term = name_type(getattr(entity, "role", None) or "")
        return (term.actor_type if term else "other"), country
    return None, country


def with_actor_types(entities: Sequence[Any]) -> list[Any]:
    """Copies of dataclass entities with ``actor_type`` set and ``country`` filled where the type gives one
    (an entity that already has both, as places and regions do, is kept: they are frozen dataclasses)."""
    out = []
    for e in entities:
        actor_type, country = entity_actor(e)
        same = actor_type == getattr(e, "actor_type", None) and country == getattr(e, "country", None)
        out.append(e if same else replace(e, actor_type=actor_type, country=country))
    return out

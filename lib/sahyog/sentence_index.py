"""One index per article, sentence by sentence, built once and read by the agreement and cooperation
annotators: who is mentioned where (countries, places, organisations, people, with their actor type and
country, as token ranges within the sentence) and which countries each sentence names.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .actors import entity_actor
from .text import Document

ROUTE_STOP_TYPES = ("country", "place")  # entity types that can be stops of a route (and go on a map)
PARTY_TYPES = frozenset({"country", "organisation", "organization", "org"})


@dataclass(frozen=True)
class ActorMention:
    """An entity mention in a sentence: token range ``[i, j)`` within the sentence, actor type, country,
    entity id and entity type; ``paired``: the second country of a pair written with a hyphen and no spaces
    (``भारत-बांग्लादेश``), which names a side even before ``में``."""

    i: int
    j: int
    actor_type: str | None
    country: str | None
    id: str = ""
    etype: str = ""
    paired: bool = False


@dataclass
class SentenceIndex:
    """Per sentence: actor mentions in order (token ranges), mappable marks by offset, countries named; per
    article: how many countries it names and its main countries (named twice or more)."""

    actors: dict[int, list[ActorMention]] = field(default_factory=dict)
    marks: dict[int, list[tuple[int, int, str, str]]] = field(default_factory=dict)  # start, end, id, type
    countries: dict[int, set[str]] = field(default_factory=dict)
    n_countries: int = 0
    home_countries: list[str] = field(default_factory=list)
    known: bool = True  # False: built without entities (no parties, level government)
    starts: dict[int, list[int]] = field(default_factory=dict)  # per sentence: the actors' first tokens

    recent: dict[int, list[str]] = field(default_factory=dict, repr=False)  # keys of the last sentences asked for

    def sentence_actors(self, sid: int) -> list[ActorMention]:
        """The actor mentions of sentence ``sid`` in text order."""
        return self.actors.get(sid, [])

    def sentence_keys(self, doc: Document, sid: int) -> list[str]:
        """The token keys of sentence ``sid``, copied once however often they are asked for (the annotators ask
        per trigger and per sector word: a copy each time would be quadratic in a sentence without ends)."""
        keys = self.recent.get(sid)
        if keys is None:
            if len(self.recent) >= 4:
                self.recent.clear()
            keys = self.recent[sid] = _names_blanked(doc.sentence_keys(sid), self.actors.get(sid, ()))
        return keys


# Names whose words are no cue words: a country's, a place's or an organisation of states' (संयुक्त राष्ट्र, खाड़ी
# सहयोग परिषद, सउदी अरब's अरब). A government body's name (भारत-नेपाल संयुक्त आयोग) says what it does and is kept.
NAME_TYPES = frozenset({"country", "region", "place"})


def _names_blanked(keys: list[str], actors: Sequence[ActorMention]) -> list[str]:
    """``keys`` with the words of every name of several words (:data:`NAME_TYPES`, or an IGO) blanked, so that no
    cue is read inside a name; a name's own mention, which the rules read by its range, is untouched."""
    for a in actors:
        if a.j - a.i >= 2 and (a.etype in NAME_TYPES or a.actor_type == "igo"):
            keys[a.i : a.j] = [""] * (a.j - a.i)
    return keys


def _actor(ent: Any) -> tuple[str | None, str | None]:
    """An entity's actor type and country: its own attributes if set, else :func:`sahyog.actors.entity_actor`."""
    actor_type = getattr(ent, "actor_type", None)
    return (actor_type, getattr(ent, "country", None)) if actor_type is not None else entity_actor(ent)


def build_index(doc: Document, entities: Iterable[Any] | None) -> SentenceIndex:
    """One pass over the entities' mentions, then one bisection per mention into its sentence's tokens."""
    idx = SentenceIndex(known=entities is not None)
    raw: dict[int, list[tuple[int, int, str | None, str | None, str, str]]] = {}
    count: Counter[str] = Counter()
    first: dict[str, int] = {}
    named: set[str] = set()
    for ent in entities or ():
        etype = str(getattr(ent, "type", "")).lower()
        actor_type, country = _actor(ent)
        for m in getattr(ent, "mentions", ()):
            sid = m.sentence_id
            if sid < 0:
                continue
            if etype in ROUTE_STOP_TYPES:
                idx.marks.setdefault(sid, []).append((m.start, m.end, ent.id, etype))
                if country:
                    idx.countries.setdefault(sid, set()).add(country)
                    named.add(country)
            if actor_type is not None or etype == "place":
                raw.setdefault(sid, []).append((m.start, m.end, actor_type, country, ent.id, etype))
            if etype == "country":
                count[ent.id] += 1
                first[ent.id] = min(first.get(ent.id, sid), sid)
    for sid, ms in raw.items():
        idx.actors[sid] = _token_ranges(doc, sid, ms)
        idx.starts[sid] = [m.i for m in idx.actors[sid]]
    main = sorted(count, key=lambda e: (-count[e], first[e]))[:2]
    idx.n_countries = len(named)
    idx.home_countries = [c for c in main if count[c] >= 2]
    return idx


def _token_ranges(doc: Document, sid: int, ms: Sequence[tuple[int, int, str | None, str | None, str, str]]
                  ) -> list[ActorMention]:  # fmt: skip
    """Mentions (character offsets) of one sentence as token ranges within it, in text order."""
    if sid >= len(doc.bounds):
        return []
    lo, hi = doc.bounds[sid]
    starts = [t.start for t in doc.tokens[lo:hi]]
    out: list[ActorMention] = []
    for start, end, actor_type, country, eid, etype in sorted(ms, key=lambda m: (m[0], m[1])):
        i, j = bisect_left(starts, start), bisect_left(starts, end)
        if i < j:
            paired = bool(out) and _hyphen_pair(doc, lo, out[-1], i, etype)
            out.append(ActorMention(i, j, actor_type, country, eid, etype, paired))
    return out


def _hyphen_pair(doc: Document, lo: int, prev: ActorMention, i: int, etype: str) -> bool:
    """A country starting at token ``i`` (of the sentence starting at ``lo``) right after ``prev``, a country,
    and a hyphen written with no spaces: ``भारत-बांग्लादेश`` (not ``नई दिल्ली - नेपाल``, a dash)."""
    if etype != "country" or prev.etype != "country" or i != prev.j + 1 or doc.keys[lo + prev.j] != "-":
        return False
    before, dash, after = doc.tokens[lo + prev.j - 1], doc.tokens[lo + prev.j], doc.tokens[lo + i]
    return before.end == dash.start and dash.end == after.start


def in_range(idx: SentenceIndex, sid: int, lo: int, hi: int) -> list[ActorMention]:
    """The actor mentions of sentence ``sid`` inside its token range ``[lo, hi)``, found by bisection."""
    actors, starts = idx.actors.get(sid, []), idx.starts.get(sid, [])
    out = []
    for m in actors[bisect_left(starts, lo) :]:
        if m.i >= hi:
            break
        if m.j <= hi:
            out.append(m)
    return out

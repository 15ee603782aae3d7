"""Agreements, MoUs, roadmaps, corridors, loans, next meetings and visits reported in an article.

Triggers come from ``data/agreements.csv`` (``category,term,requires``) and are matched like sector terms
(whole tokens, inflected forms, nukta-folded). ``requires`` names a check on the sentence that a weak
trigger must pass (``sense``: not ``X से समझौता`` = compromise; ``offer``: a loan is given, announced or
stated with an amount; ``invitation``: an invitation to a visit in a diplomatic sentence; ``meeting``: an
agreed *next* session with a date or a place; ``naming``: streets are named; ``diplomatic``: a diplomatic
cue word or a country in the sentence; ``signed``: signed, agreed or adopted in the sentence;
``programme``: a programme *of cooperation* that is signed or agreed; ``amount``: money stated just before it,
``500 करोड़ रुपये की सहायता``).

Decisions: a trigger that is negated in its clause (``कोई समझौता नहीं हुआ``) is dropped. Each agreement has
a ``status`` and a ``level`` (:mod:`sahyog.outcomes`): a future signing, a hope, an approval to sign or a
negotiation is ``planned``; an agreement only mentioned as background (concluded earlier, between third
countries) is dropped. A sentence with sports or film words yields no agreement except an explicit MoU.
One sentence gives at most one agreement per category.
"""

from __future__ import annotations

import itertools
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple, Protocol

from . import outcomes
from .actors import entity_actor
from .lexicon import IGNORE, group_schema, read_lexicon
from .matching import PhraseMatcher, inflected_keys, plain_keys, term_keys
from .paths import DATA_DIR
from .text import Article, Document, as_document, normalize

CATEGORIES: tuple[str, ...] = (
    "mou",
    "agreement",
    "roadmap",
    "treaty",
    "declaration",
    "corridor",
    "cultural_initiative",
    "financing",
    "next_meeting",
    "visit",
)
# Readable labels for charts and the report index: (Hindi, English).
CATEGORY_LABELS: dict[str, tuple[str, str]] = {
    "mou": ("समझौता ज्ञापन", "MoU"),
    "agreement": ("समझौता", "agreement"),
    "roadmap": ("रोडमैप", "roadmap"),
    "treaty": ("संधि", "treaty / protocol"),
    "declaration": ("संयुक्त घोषणा", "joint declaration"),
    "corridor": ("गलियारा", "corridor / route"),
    "cultural_initiative": ("सांस्कृतिक पहल", "cultural initiative"),
    "financing": ("ऋण / अनुदान", "loan / grant / credit"),
    "next_meeting": ("अगली बैठक", "next meeting"),
    "visit": ("यात्रा / निमंत्रण", "visit / invitation"),
}
REQUIRES = ("", "sense", "offer", "invitation", "meeting", "naming", "diplomatic", "signed", "programme", "amount")


def category_label(category: str) -> str:
    """``समझौता ज्ञापन · MoU`` for ``mou``: how charts and the index name a category."""
    hi, en = CATEGORY_LABELS.get(category, ("", category))
    return f"{hi} · {en}" if hi else en


@dataclass(frozen=True)
class Agreement:
    """Something agreed in one sentence: ``start``/``end`` locate the trigger in the original text."""

    sentence_id: int
    category: str
    sectors: list[str] = field(hash=False)
    parties: list[str] = field(hash=False)
    count: int | None
    text: str
    start: int
    end: int
    routes: list[list[RouteStop]] = field(default_factory=list, hash=False)
    level: str = "government"
    status: str = "agreed"


class RouteStop(NamedTuple):
    """One stop of a corridor's route: an entity id (country or place) and its mention's offsets."""

    id: str
    start: int
    end: int


@dataclass(frozen=True)
class Trigger:
    """A trigger row of the CSV: category, the term as written there, and its sentence check."""

    category: str
    term: str
    requires: str


# ---------------------------------------------------------------------------------------------
# Word sets (normalised and nukta-folded like the text; ``inflected`` adds plural/oblique forms)


_plain, _inflected = plain_keys, inflected_keys

NEGATION = _plain("नहीं", "नही", "न", "ना", "बिना", "इनकार", "इंकार", "खारिज", "not", "no")
_NOT_NEGATION_AFTER = _plain("केवल", "सिर्फ", "सिर्फ़", "तो", "सिर्फ़")
_BEFORE_DENIAL = _plain("बिना")
CLAUSE_BREAK = _plain(",", "।", "॥", ".", ";", "लेकिन", "जबकि", "बल्कि", "किंतु", "परंतु", "मगर")
# "इसे उपलब्धि करार दिया": करार = "called", not an agreement
_CALLED_AFTER = _plain("दिया", "दिए", "दी", "दे", "देते", "देना", "देने", "देता", "देकर", "दिये")
# "X से (कोई/किसी तरह का) समझौता" and "समझौता करना पड़ा" are compromises, not agreements.
_COMPROMISE_BEFORE = _plain("से")
_COMPROMISE_SKIP = _plain("कोई", "किसी", "भी", "तरह", "प्रकार", "का", "के", "की", "कतई", "हरगिज")
_COMPROMISE_AFTER = _plain("पड़ा", "पड़े", "पड़ी", "पड़ता", "पड़ते", "पड़ेगा", "पड़ेंगे", "पड़")
SPORTS = _inflected(
    "क्रिकेट मैच टेस्ट वनडे विकेट पारी बल्लेबाज गेंदबाज खिलाड़ी टीम कप्तान टूर्नामेंट सीरीज फुटबॉल "
    "हॉकी टेनिस ओलंपिक स्टेडियम कोच फिल्म अभिनेता अभिनेत्री बॉलीवुड गायक गायिका निर्देशक सिनेमा"
)
DIPLOMATIC = _inflected(
    "मंत्री प्रधानमंत्री राष्ट्रपति राजदूत उच्चायुक्त विदेश सरकार प्रतिनिधिमंडल शिष्टमंडल राजकीय "
    "द्विपक्षीय शिखर दूतावास राजनयिक कूटनीतिक देश चांसलर सुल्तान अमीर"
)
OFFER = _plain(
    "प्रदान पेशकश घोषणा मंजूरी मंजूर स्वीकृत स्वीकृति देने देगा देंगे देगी दिया दी दिए दिये सहमति "
    "हस्ताक्षर उपलब्ध मुहैया प्रतिबद्धता ऑफर offer offered granted extended announced"
)
# "50 करोड़ डॉलर का ऋण": a loan stated with an amount is a loan given
AMOUNT = _plain("करोड़ अरब खरब लाख मिलियन बिलियन million billion crore")
COOPERATION = _plain("सहयोग सहकार साझेदारी cooperation")
# a framework (रूपरेखा, फ्रेमवर्क) counts when it is signed, agreed or adopted in the sentence
SIGNED = _plain("हस्ताक्षर हस्ताक्षरित दस्तखत साइन सहमति सहमत अपनाया अपनाई अपनाए जारी तय स्वीकार signed agreed adopted")
VISIT = _inflected("यात्रा", "दौरा", "आने", "जाने", "आगमन", "स्वीकार", "visit") | _plain("दौरे", "दौरों")
AGREED = _plain("सहमति", "सहमत", "तय", "निर्णय", "फैसला", "फैसले", "निश्चय", "agreed", "decided")
FUTURE = _plain("होगी", "होगा", "होंगे", "होंगी", "जाएगा", "जाएगी", "जाएंगे", "जाएगे", "करेंगे", "करेगा", "करेगी")
NEXT = _plain("अगला", "अगले", "अगली", "आगामी", "next")
ORDINAL_SUFFIX = _plain("वें", "वीं", "वां", "वा", "वे", "th")
ORDINAL_WORDS = _plain("पहला पहली दूसरा दूसरी दूसरे तीसरा तीसरी तीसरे चौथा चौथी चौथे छठा छठी छठे first second third")
STREET = _inflected("सड़क", "मार्ग", "रोड", "स्ट्रीट", "चौक", "पार्क", "गली", "street", "road")
ROUTE = _inflected(
    "मार्ग", "रूट", "गलियारा", "कॉरिडोर", "रेल", "रेलवे", "सड़क", "राजमार्ग", "पाइपलाइन", "लिंक", "route", "corridor"
)
_CHAIN_GLUE = _plain("और", "तथा", "एवं", ",", "व", "या")
# Words that end a backward search for a count ("दो देशों ने समझौता" is not two agreements).
_COUNT_STOP = _plain("ने में को से पर के का की और तथा एवं या है हैं था थे थी ही भी ( ) , । - : कई अनेक विभिन्न दर्जनों")
_NUMBERS = (
    "एक:1 दो:2 तीन:3 चार:4 पांच:5 पाँच:5 छह:6 छः:6 छह:6 सात:7 आठ:8 नौ:9 दस:10 ग्यारह:11 बारह:12 "
    "तेरह:13 चौदह:14 पंद्रह:15 पन्द्रह:15 सोलह:16 सत्रह:17 अठारह:18 उन्नीस:19 बीस:20 पच्चीस:25 "
    "तीस:30 पचास:50 सौ:100 one:1 two:2 three:3 four:4 five:5 six:6 seven:7 eight:8 nine:9 ten:10"
)
NUMBER_WORDS = {normalize(w, fold_nukta=True): int(n) for w, n in (item.split(":") for item in _NUMBERS.split())}
COUNTRY_TYPES = frozenset({"country"})
PARTY_TYPES = frozenset({"country", "organisation", "organization", "org"})


# ---------------------------------------------------------------------------------------------
# Trigger lexicon


@lru_cache(maxsize=8)
def load_triggers(path: str | Path | None = None) -> PhraseMatcher[Trigger]:
    """Read ``category,term,requires`` rows (default ``data/agreements.csv``) into a phrase matcher, once."""
    schema = group_schema("category", (*CATEGORIES, IGNORE), extra={"requires": REQUIRES})
    rows = read_lexicon(Path(path) if path else DATA_DIR / "agreements.csv", schema)
    items = []
    for r in rows:
        trig = Trigger(r["category"], r["term"], r["requires"])
        items.extend((key, trig) for key in sorted(term_keys(r["term"])))
    return PhraseMatcher.build(items)


# ---------------------------------------------------------------------------------------------
# Checks on a trigger in its sentence


def _clause_after(keys: Sequence[str], j: int, width: int = 8) -> list[str]:
    out = []
    for k in keys[j : j + width]:
        if k in CLAUSE_BREAK:
            break
        out.append(k)
    return out


def is_negated(keys: Sequence[str], i: int, j: int) -> bool:
    """True if the trigger ``keys[i:j]`` is denied in its clause (``नहीं``, ``बिना``)."""
    after = _clause_after(keys, j)
    for n, k in enumerate(after):
        if k in NEGATION and not (n + 1 < len(after) and after[n + 1] in _NOT_NEGATION_AFTER):
            return True
    return any(k in _BEFORE_DENIAL for k in keys[max(0, i - 3) : i])


def is_compromise(keys: Sequence[str], i: int, j: int) -> bool:
    """``सुरक्षा से कोई समझौता नहीं``, ``गुणवत्ता से समझौता``, ``समझौता करना पड़ा``: compromise, not agreement;
    ``इसे सफलता करार दिया``: करार as "called"."""
    if j < len(keys) and keys[j] in _CALLED_AFTER:
        return True
    p = i - 1
    while p >= 0 and i - p <= 4 and keys[p] in _COMPROMISE_SKIP:
        p -= 1
    if p >= 0 and keys[p] in _COMPROMISE_BEFORE:
        return True
    return any(k in _COMPROMISE_AFTER for k in keys[j : j + 4])


def _is_ordinal_before(keys: Sequence[str], i: int) -> bool:
    for p in range(max(0, i - 3), i):
        k = keys[p]
        if k in ORDINAL_SUFFIX and p > 0 and keys[p - 1][:1].isdigit():
            return True
        if (k.endswith(("वें", "वीं")) and len(k) > 3) or k in ORDINAL_WORDS:
            return True
    return False


def is_next_meeting(keys: Sequence[str], i: int, words: frozenset[str]) -> bool:
    """A meeting word preceded by "next"/an ordinal/a year, in a sentence that agrees on it or states it will happen."""
    before = keys[max(0, i - 6) : i]
    local_next = any(k in NEXT for k in keys[max(0, i - 3) : i]) or _is_ordinal_before(keys, i)
    year = any(outcomes.is_year(k) for k in before)
    return (local_next or year) and bool(words & AGREED or words & FUTURE)


def stated_count(keys: Sequence[str], i: int) -> int | None:
    """The number written just before a trigger (``दो समझौता ज्ञापन`` → 2, ``12 समझौते`` → 12), else None."""
    for p in range(i - 1, max(-1, i - 4), -1):
        k = keys[p]
        if k in NUMBER_WORDS:
            return NUMBER_WORDS[k]
        if k.isdigit():
            n = int(k)
            return n if 0 < n < 1000 else None
        if k in _COUNT_STOP or k in ORDINAL_SUFFIX:
            return None
    return None


def route_chains(keys: Sequence[str], spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Token ranges of ``A-B-C(-D)`` name chains (three or more words, hyphens without spaces) next to a route
    word (``मार्गों``, ``गलियारा``, ``रेल``), directly or through a coordinated chain: ``A-B-C और A-D-C मार्गों``."""
    chains = []
    n, i = len(keys), 0
    while i < n:
        j = i
        while (
            j + 2 < n
            and keys[j + 1] == "-"
            and spans[j][1] == spans[j + 1][0]
            and spans[j + 1][1] == spans[j + 2][0]
            and keys[j + 2][:1].isalpha()
        ):
            j += 2
        if keys[i][:1].isalpha() and (j - i) // 2 + 1 >= 3:
            chains.append((i, j + 1))
        i = j + 1
    out: list[tuple[int, int]] = []
    next_ok: int | None = None  # start of the following qualifying chain
    for i, j in reversed(chains):
        near = set(keys[j : j + 3]) | set(keys[max(0, i - 2) : i])
        joined = next_ok is not None and next_ok - j <= 2 and all(k in _CHAIN_GLUE for k in keys[j:next_ok])
        if near & ROUTE or joined:
            out.append((i, j))
            next_ok = i
        else:
            next_ok = None
    return out[::-1]


# ---------------------------------------------------------------------------------------------
# Parties and route stops, from the entities (indexed once per article)

ROUTE_STOP_TYPES = ("country", "place")  # entity types that can be stops of a route (and go on a map)


class _Mention(Protocol):
    start: int
    end: int
    sentence_id: int


class _Entity(Protocol):
    id: str
    type: str
    mentions: Sequence[_Mention]


@dataclass
class _EntityIndex:
    """Per sentence: party ids in order, whether a country is named, and mappable mentions by offset."""

    parties: dict[int, list[str]] = field(default_factory=dict)
    country_sentences: set[int] = field(default_factory=set)
    marks: dict[int, list[tuple[int, int, str, str]]] = field(default_factory=dict)  # start, end, id, type
    main_countries: list[str] = field(default_factory=list)
    # start, end, actor type, country of each mention that can be a party or a place (for status and level)
    actors: dict[int, list[tuple[int, int, str | None, str | None]]] = field(default_factory=dict)
    n_countries: int = 0  # distinct countries named (or a place of) outside the dateline
    home_countries: list[str] = field(default_factory=list)  # main countries named twice or more


def _entity_index(entities: Iterable[_Entity] | None) -> _EntityIndex:
    """One pass over the entities' mentions (linear: looked up per sentence later)."""
    idx = _EntityIndex()
    country_count: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    countries: set[str] = set()
    for ent in entities or ():
        etype = str(getattr(ent, "type", "")).lower()
        actor_type, country = _actor(ent)
        for m in getattr(ent, "mentions", ()):
            sid = m.sentence_id
            if sid >= 0 and (actor_type is not None or etype == "place"):
                idx.actors.setdefault(sid, []).append((m.start, m.end, actor_type, country))
                if etype in ROUTE_STOP_TYPES and country:
                    countries.add(country)
            if etype in ROUTE_STOP_TYPES:
                idx.marks.setdefault(sid, []).append((m.start, m.end, ent.id, etype))
            if etype not in PARTY_TYPES:
                continue
            ids = idx.parties.setdefault(sid, [])
            if ent.id not in ids:
                ids.append(ent.id)
            if etype in COUNTRY_TYPES:
                idx.country_sentences.add(sid)
                country_count[ent.id] += 1
                first_seen[ent.id] = min(first_seen.get(ent.id, sid), sid)
    idx.main_countries = sorted(country_count, key=lambda e: (-country_count[e], first_seen[e]))[:2]
    idx.n_countries = len(countries)
    idx.home_countries = [c for c in idx.main_countries if country_count[c] >= 2]
    return idx


def _actor(ent: Any) -> tuple[str | None, str | None]:
    """An entity's actor type and country: its own attributes if set, else :func:`sahyog.actors.entity_actor`."""
    actor_type = getattr(ent, "actor_type", None)
    return (actor_type, getattr(ent, "country", None)) if actor_type is not None else entity_actor(ent)


def route_stops(text: str, sentence_text: str, sentence_start: int, marks: Sequence[tuple[int, int, str, str]]
                ) -> list[list[RouteStop]]:  # fmt: skip
    """The routes of a corridor sentence as ordered stops. A chain of names joined by hyphens
    (``कजाकिस्तान-उजबेकिस्तान-अफगानिस्तान-पाकिस्तान``) is a route in that order; otherwise the sentence's
    places in order of mention, with a country named as the way (``पाकिस्तान के माध्यम से``) put between
    the first and the rest."""
    marks = sorted(marks)
    chains, current = [], marks[:1]
    for prev, nxt in itertools.pairwise(marks):
        if text[prev[1] : nxt[0]] == "-":
            current.append(nxt)
        else:
            chains.append(current)
            current = [nxt]
    chains.append(current)
    routes = [[RouteStop(m[2], m[0], m[1]) for m in c] for c in chains if len(c) >= 2]
    if routes:
        return routes
    places = [m for m in marks if m[3] == "place"]
    if len(places) < 2:
        return []
    via = [m for m in marks if m[3] == "country" and sentence_text[m[1] - sentence_start :].startswith(" के माध्यम")]
    stops: dict[str, RouteStop] = {}
    for m in [places[0], *via, *places[1:]]:
        stops.setdefault(m[2], RouteStop(m[2], m[0], m[1]))
    return [list(stops.values())]


# ---------------------------------------------------------------------------------------------
# Main entry


def _has_amount_or_owner(keys: Sequence[str], i: int, countries: frozenset[int]) -> bool:
    """``50 करोड़ डॉलर का ऋण``: an amount in the sentence; ``भारत के अनुदान से``: a country's grant."""
    return bool(set(keys) & AMOUNT) or (i >= 2 and keys[i - 1] in ("के", "की", "का") and i - 2 in countries)


def _passes(trig: Trigger, keys: Sequence[str], i: int, j: int, words: frozenset[str], countries: frozenset[int]
            ) -> bool:  # fmt: skip
    """The trigger's own sentence check (see the module docstring); ``countries``: token indices of countries."""
    req = trig.requires
    diplomatic = bool(words & DIPLOMATIC) or bool(countries)
    if req == "sense":
        return not is_compromise(keys, i, j)
    if req == "offer":
        return bool(words & OFFER) or _has_amount_or_owner(keys, i, countries)
    if req == "invitation":  # "... आने का न्योता": a visit word just before the invitation is enough
        return bool(words & VISIT) and (diplomatic or bool(set(keys[max(0, i - 3) : i]) & VISIT))
    if req == "meeting":
        return is_next_meeting(keys, i, words)
    if req == "naming":
        return bool(set(keys[max(0, i - 4) : i]) & STREET)
    if req == "diplomatic":
        return diplomatic
    if req == "signed":
        return bool(words & SIGNED)
    if req == "programme":
        return bool(words & SIGNED) and bool(set(keys[max(0, i - 4) : i]) & COOPERATION)
    if req == "amount":
        return bool(set(keys[max(0, i - 5) : i]) & AMOUNT)
    return True


class _SectorMention(Protocol):
    sentence_id: int
    sector: str
    context: str


def _sectors_by_sentence(mentions: Iterable[_SectorMention]) -> dict[int, list[str]]:
    """Sentence id -> sectors named there other than in office titles or as mere mentions, in order of mention."""
    out: dict[int, list[str]] = {}
    for m in mentions:
        if m.context not in ("portfolio", "mention"):
            secs = out.setdefault(m.sentence_id, [])
            if m.sector not in secs:
                secs.append(m.sector)
    return out


def _sentence_hits(index: PhraseMatcher[Trigger], doc: Document, sid: int) -> list[tuple[int, int, Trigger]]:
    """Trigger matches and hyphenated route chains of one sentence, as positions within the sentence."""
    lo, hi = doc.bounds[sid]
    keys = doc.keys[lo:hi]
    hits = [(i - lo, j - lo, trig) for i, j, trig in index.scan(doc.keys, lo, hi)]
    if "-" in keys:  # a route chain needs hyphens: most sentences have none
        spans = [(t.start, t.end) for t in doc.tokens[lo:hi]]
        hits += [(i, j, Trigger("corridor", "-".join(keys[i:j:2]), "")) for i, j in route_chains(keys, spans)]
    return hits


def _party_positions(doc: Document, sid: int, mentions: Sequence[tuple[int, int, str | None, str | None]]
                     ) -> list[outcomes.PartyMention]:  # fmt: skip
    """Entity mentions of a sentence (character offsets) as token ranges within the sentence."""
    lo, hi = doc.bounds[sid]
    starts = [t.start for t in doc.tokens[lo:hi]]
    out = []
    for start, end, actor_type, country in mentions:
        i = bisect_left(starts, start)
        j = bisect_left(starts, end)
        if i < j:
            out.append(outcomes.PartyMention(i, j, actor_type, country))
    return out


@dataclass
class _Found:
    """The chosen trigger of one category in one sentence: token range, count and status."""

    i: int
    j: int
    count: int | None
    status: str


def _agreed(hits: list[tuple[int, int, Trigger]], keys: Sequence[str],
            parties: Sequence[outcomes.PartyMention] | None) -> dict[str, _Found]:  # fmt: skip
    """Category -> the trigger that passes its checks, is neither negated nor background, with the best status.

    ``parties`` None: no entities known (no date-or-place check for a next meeting)."""
    words = frozenset(keys)
    sporty = bool(words & SPORTS)
    countries = frozenset(k for p in parties or () if p.actor_type == "state" for k in range(p.i, p.j))
    found: dict[str, _Found] = {}
    for i, j, trig in sorted(hits, key=lambda h: h[0]):
        cat = trig.category
        if cat == IGNORE or (sporty and cat != "mou") or is_negated(keys, i, j):
            continue
        if not _passes(trig, keys, i, j, words, countries):
            continue
        if cat == "next_meeting" and not outcomes.has_date_or_place(keys, parties):
            continue
        status = outcomes.trigger_status(keys, i, j, cat)
        if status == outcomes.BACKGROUND:
            continue
        count = stated_count(keys, i) if cat != "next_meeting" else None
        old = found.get(cat)
        if old is None or outcomes.better_status(old.status, status):
            found[cat] = _Found(i, j, count if count is not None or old is None else old.count, status)
        elif old.count is None and count is not None:
            old.count = count
    return found


def find_agreements(
    article: Article, mentions: Iterable[_SectorMention], entities: Sequence[Any] | None = None
) -> list[Agreement]:
    """Agreements reported in the article, one per sentence and category, with sectors, parties, count,
    status and level (background agreements are left out; see :mod:`sahyog.outcomes`).

    ``entities`` (objects with ``.id``, ``.type``, ``.mentions[]`` of ``start``, ``end``, ``sentence_id``,
    optionally ``.actor_type`` and ``.country``) give the parties: the countries and organisations of the
    sentence, else the article's two most mentioned countries; None gives ``[]`` and level ``government``.
    They also give a corridor's route stops.
    """
    index = load_triggers()
    doc = as_document(article)
    ents = _entity_index(entities)
    sectors_by_sentence = _sectors_by_sentence(mentions)
    out: list[Agreement] = []
    for sent in doc.sentences:
        hits = _sentence_hits(index, doc, sent.id)
        if not hits:
            continue
        lo, hi = doc.bounds[sent.id]
        keys = doc.keys[lo:hi]
        actors = None if entities is None else _party_positions(doc, sent.id, ents.actors.get(sent.id, []))
        if actors is not None and ents.home_countries and outcomes.is_third_country(keys, actors, ents.home_countries):
            continue
        found = _agreed(hits, keys, actors)
        if not found:
            continue
        level = "government" if actors is None else outcomes.agreement_level(keys, actors, ents.n_countries)
        parties = [] if entities is None else list(ents.parties.get(sent.id, ())) or list(ents.main_countries)
        marks = ents.marks.get(sent.id, [])
        for cat, f in sorted(found.items(), key=lambda kv: kv[1].i):
            routes = route_stops(doc.text, sent.text, sent.start, marks) if cat == "corridor" else []
            start, end = doc.tokens[lo + f.i].start, doc.tokens[lo + f.j - 1].end
            out.append(Agreement(sent.id, cat, list(sectors_by_sentence.get(sent.id, ())), list(parties), f.count,
                                 sent.text, start, end, routes, level, f.status))  # fmt: skip
    statuses = outcomes.resolve_references((a.status for a in out), outcomes.has_cue("signing", doc.keys))
    return [
        a if st == a.status else replace(a, status=st)
        for a, st in zip(out, statuses, strict=True)
        if st != outcomes.BACKGROUND
    ]

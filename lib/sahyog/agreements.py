"""Agreements, MoUs, roadmaps, corridors, loans, next meetings and visits reported in an article.

Triggers come from ``data/agreements.csv`` (``category,term,requires``) and are matched like sector terms
(whole tokens, inflected forms, nukta-folded); verbs of agreeing (``सहमति जताई``, ``सहमत हुए``, ``हामी भरी``,
``मुहर लगाई``) are triggers too. ``requires`` names a check in :data:`CHECKS` that a weak trigger must pass
(``offer``: a loan is given, announced or stated with an amount; ``invitation``: an invitation to a visit in
a diplomatic sentence; ``meeting``: an agreed *next* session; ``naming``: streets are named; ``diplomatic``:
a diplomatic cue word or a country in the sentence; ``signed``: signed, agreed or adopted in the sentence;
``programme``: a programme *of cooperation* that is signed or agreed; ``amount``: money stated just before
it; ``states``: a state actor near it). Every trigger with rows in ``data/senses.csv`` is also checked for
its other senses (``X से समझौता`` = compromise, ``करार दिया`` = called, ``सुरक्षित गलियारा`` = passage).
Cue words are in ``data/cues.csv`` (:mod:`sahyog.cues`), windows in ``data/settings.csv``.

Parties come from the text around the trigger, never from the article's most-mentioned countries: the
countries acting and the organisations named in its clause (a comma does not end it, ``लेकिन`` does), or,
when the trigger refers back (``इस समझौते``, ``दोनों देशों``) and its clause names no state, those of the
sentence before. A demonym heading a company, product or currency (``अमेरिकी कंपनी``, ``चीनी मिल``,
``अमेरिकी डॉलर``) is no party. With no state actor (a country acting, an IGO, a state word such as
``प्रधानमंत्री``) the agreement is not at the ``government`` level. Status: see :mod:`sahyog.outcomes`
(negated, hypothetical, background and question mentions are dropped). A sentence with sports or film words
yields no agreement except an explicit MoU. One sentence gives at most one agreement per category.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, NamedTuple, Protocol

import regex

from . import outcomes
from .cues import clause_end, clause_start, cue_hits, has_cue
from .lexicon import IGNORE, LexiconSchema, group_schema, read_lexicon
from .matching import PhraseMatcher, inflected_keys, plain_keys, term_keys
from .paths import data_file
from .sentence_index import ROUTE_STOP_TYPES, ActorMention, SentenceIndex, build_index, in_range
from .settings import window
from .text import DATELINE_SENTENCE_ID, Article, Document, as_document, normalize, number_words

__all__ = ["ROUTE_STOP_TYPES", "Agreement", "find_agreements", "load_triggers", "route_stops"]

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
    "talks": ("वार्ता", "talks held"),  # sahyog.talks: the meeting itself, kept apart from what was agreed
}


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
# Word sets of counts and routes (the words of the rules are cue kinds in data/cues.csv)


_plain, _inflected = plain_keys, inflected_keys

ORDINAL_SUFFIX = _plain("वें", "वीं", "वां", "वा", "वे", "th")
ORDINAL_WORDS = _plain("पहला पहली दूसरा दूसरी दूसरे तीसरा तीसरी तीसरे चौथा चौथी चौथे छठा छठी छठे first second third")
ROUTE = _inflected(
    "मार्ग", "रूट", "गलियारा", "कॉरिडोर", "रेल", "रेलवे", "सड़क", "राजमार्ग", "पाइपलाइन", "लिंक", "route", "corridor"
)
_CASE_MARKERS = _plain("के", "की", "का", "से", "को", "पर", "में")
_CHAIN_GLUE = _plain("और", "तथा", "एवं", ",", "व", "या")
# Words that end a backward search for a count ("दो देशों ने समझौता" is not two agreements).
_COUNT_STOP = _plain("ने में को से पर के का की और तथा एवं या है हैं था थे थी ही भी ( ) , । - : कई अनेक विभिन्न दर्जनों")
NUMBER_WORDS = number_words()
# actor types of state actors: a country, an IGO, a government body or office holder (not a subnational one)
STATE_LEVEL = frozenset({"state", "igo", "government"})
PAIRED = frozenset({"financing"})  # categories between states only with two countries named (giver, receiver)


# ---------------------------------------------------------------------------------------------
# Trigger lexicon


def load_triggers(path: str | Path | None = None) -> PhraseMatcher[Trigger]:
    """Read ``category,term,requires`` rows (default ``data/agreements.csv``, or a bundle's) into a phrase
    matcher, once per file."""
    return _load_triggers(Path(path) if path else data_file("agreements.csv"))


@lru_cache(maxsize=8)
def _load_triggers(path: Path) -> PhraseMatcher[Trigger]:
    schema = group_schema("category", (*CATEGORIES, IGNORE), extra={"requires": REQUIRES})
    rows = read_lexicon(path, schema)
    items = []
    for r in rows:
        trig = Trigger(r["category"], r["term"], r["requires"])
        items.extend((key, trig) for key in sorted(term_keys(r["term"])))
    return PhraseMatcher.build(items)


# ---------------------------------------------------------------------------------------------
# Checks on a trigger in its sentence


_SENSE_SCHEMA = LexiconSchema(
    ("term", "sense", "where", "window", "words"),
    frozenset({"window", "words"}),
    ("term", "sense", "where"),
    {"where": frozenset({"just_before", "before", "after", "around", "no_state"})},
)
_SENSE_FILLERS = _plain("कोई", "किसी", "भी", "तरह", "प्रकार", "का", "के", "की", "कतई", "हरगिज")


@dataclass(frozen=True)
class Sense:
    """A row of ``data/senses.csv``: where to look and the words that show the trigger's other sense."""

    sense: str
    where: str
    width: int
    words: frozenset[str]


def load_senses(path: str | Path | None = None) -> dict[str, tuple[Sense, ...]]:
    """Trigger term (as written in agreements.csv) -> its other senses, from ``data/senses.csv`` (or a bundle's)."""
    return _load_senses(Path(path) if path else data_file("senses.csv"), data_file("settings.csv"))


@lru_cache(maxsize=4)
def _load_senses(path: Path, settings: Path) -> dict[str, tuple[Sense, ...]]:  # settings: the windows read
    out: dict[str, list[Sense]] = {}
    for r in read_lexicon(path, _SENSE_SCHEMA):
        width = int(r["window"]) if r["window"] else window("sense_window")
        out.setdefault(r["term"], []).append(Sense(r["sense"], r["where"], width, inflected_keys(r["words"])))
    return {k: tuple(v) for k, v in out.items()}


def _just_before(keys: Sequence[str], i: int, words: frozenset[str]) -> bool:
    p = i - 1
    while p >= 0 and i - p <= 4 and keys[p] in _SENSE_FILLERS:
        p -= 1
    return p >= 0 and keys[p] in words


def other_sense(term: str, keys: Sequence[str], i: int, j: int, has_state: Callable[[], bool]) -> str | None:
    """The other sense the trigger ``keys[i:j]`` (lexicon ``term``) is read in here, or None: ``X से समझौता``
    (compromise), ``सफलता करार दिया`` (called), ``सुरक्षित गलियारा`` (passage), a contract with no state near."""
    for s in load_senses().get(term, ()):
        lo, hi = clause_start(keys, i, s.width), clause_end(keys, j, s.width)
        found = {
            "just_before": lambda s=s: _just_before(keys, i, s.words),
            "before": lambda s=s, lo=lo: bool(s.words.intersection(keys[lo:i])),
            "after": lambda s=s, hi=hi: bool(s.words.intersection(keys[j:hi])),
            "around": lambda s=s, lo=lo, hi=hi: bool(s.words.intersection(keys[lo:hi])),
            "no_state": lambda: not has_state(),
        }[s.where]()
        if found:
            return s.sense
    return None


def _is_ordinal_before(keys: Sequence[str], i: int) -> bool:
    for p in range(max(0, i - 3), i):
        k = keys[p]
        if k in ORDINAL_SUFFIX and p > 0 and keys[p - 1][:1].isdigit():
            return True
        if (k.endswith(("वें", "वीं")) and len(k) > 3) or k in ORDINAL_WORDS:
            return True
    return False


def is_next_meeting(keys: Sequence[str], i: int) -> bool:
    """A meeting word preceded by "next"/an ordinal/a year, in a clause that agrees on it or states it will happen."""
    before = keys[max(0, i - 6) : i]
    local_next = has_cue("next", keys, max(0, i - 3), i) or _is_ordinal_before(keys, i)
    year = any(outcomes.is_year(k) for k in before)
    after = clause_end(keys, i)
    return (local_next or year) and (has_cue("agreed", keys, i, after) or has_cue("future", keys, i, after))


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


@dataclass
class Site:
    """A trigger ``keys[i:j]`` in its sentence window ``keys`` (which starts at sentence key ``lo``), with the
    actor mentions of the window; ``countries``: token indices of state actors, found when first asked for."""

    keys: Sequence[str]
    i: int
    j: int
    actors: Sequence[ActorMention] = ()
    lo: int = 0

    @cached_property
    def countries(self) -> frozenset[int]:
        """Token indices (in the window) of the countries acting in it, and of leaders standing as parties."""
        return _state_tokens(self.keys, self.actors, self.lo) | {a.i for a in leaders_in(self.keys, 0, len(self.keys))}

    def near(self, cue: str, width: int) -> bool:
        """A ``cue`` term within ``width`` keys before the trigger."""
        return has_cue(cue, self.keys, max(0, self.i - width), self.i)


def _has_amount_or_owner(s: Site) -> bool:
    """``50 करोड़ डॉलर का ऋण``: an amount in the sentence; ``भारत के अनुदान से``: a country's grant."""
    owner = s.i >= 2 and s.keys[s.i - 1] in ("के", "की", "का") and s.i - 2 in s.countries
    return has_cue("amount", s.keys) or owner


def _diplomatic(s: Site) -> bool:
    return has_cue("diplomatic", s.keys) or bool(s.countries)


# A trigger's own sentence check, by the name in the ``requires`` column of agreements.csv.
CHECKS: dict[str, Callable[[Site], bool]] = {
    "": lambda s: True,
    "sense": lambda s: True,  # every trigger with rows in data/senses.csv is checked for its other senses
    "offer": lambda s: has_cue("offer", s.keys) or _has_amount_or_owner(s),
    # "... आने का न्योता": a visit word just before the invitation is enough
    "invitation": lambda s: has_cue("visit", s.keys) and (_diplomatic(s) or s.near("visit", 3)),
    "meeting": lambda s: is_next_meeting(s.keys, s.i),
    "naming": lambda s: s.near("street", 4),
    "diplomatic": _diplomatic,
    "signed": lambda s: has_cue("signed", s.keys),
    "programme": lambda s: has_cue("signed", s.keys) and s.near("programme_of", 4),
    "amount": lambda s: s.near("amount", 5),
    "states": lambda s: bool(s.countries) or has_cue("both_states", s.keys) or has_cue("state", s.keys),
    # a verb of agreeing (सहमति जताई) between states, where no agreement noun says what was agreed
    "verb": lambda s: bool(s.countries) or has_cue("both_states", s.keys),
    # "बनी सहमति के आधार पर": a participle before the noun of agreeing, read as a noun phrase in a case role
    # (a headline's inverted "... पर बनी सहमति" says what was agreed with the noun it governs instead)
    "verb_np": lambda s: CHECKS["verb"](s) and s.j < len(s.keys) and s.keys[s.j] in _CASE_MARKERS,
}
REQUIRES = tuple(CHECKS)
HOME_STATE = "IN"  # Hindi news is written from India: an office holder with no country of their own is India's
VERBS = frozenset({"verb", "verb_np"})  # checks of verbs of agreeing (status from the verb group)


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


@dataclass
class Found:
    """The chosen trigger of one category in one sentence (positions in its window): status and count."""

    i: int
    j: int
    count: int | None
    status: str
    trig: Trigger
    lo: int  # where the window begins in the sentence


def _window(n: int, i: int, j: int) -> tuple[int, int]:
    """The stretch of a sentence of ``n`` keys that counts as the trigger ``[i, j)``'s sentence (long ones capped)."""
    w = window("sentence_window")
    return max(0, i - w), min(n, j + w)


def _state_tokens(keys: Sequence[str], actors: Sequence[ActorMention], lo: int) -> frozenset[int]:
    """Token indices (relative to ``lo``) of countries and IGOs that act in ``keys`` (``keys`` starts at ``lo``):
    an IGO acting (``दक्षेस ने ... सहमति जताई``) is its member states."""
    return frozenset(
        k - lo
        for a in actors
        if (a.actor_type == "state" or (a.actor_type == "igo" and _igo_acts(keys, a.j - lo))) and is_party(keys, a, lo)
        for k in range(a.i, a.j)
    )


_MEMBERS = _plain("देश", "देशों", "सदस्य", "सदस्यों", "राष्ट्र", "राष्ट्रों")


def _igo_acts(keys: Sequence[str], j: int) -> bool:
    """An IGO ending before ``keys[j]`` stands where a party stands (``दक्षेस ने``, ``सार्क देशों ने``), not as the
    owner of an instrument (``संयुक्त राष्ट्र के प्रोटोकॉल``)."""
    if j < len(keys) and keys[j] in _MEMBERS:
        j += 1
    return outcomes.is_party_position(keys, j) and not (j < len(keys) and keys[j] in ("के", "की", "का"))


def is_party(keys: Sequence[str], a: ActorMention, lo: int = 0) -> bool:
    """A country mention that can be a party: not followed by a company, product or currency head
    (``अमेरिकी कंपनी``, ``चीनी मिल``, ``अमेरिकी डॉलर``), and acting, not a location (``चीन में``; see
    :func:`sahyog.outcomes.is_acting`). ``keys`` start at sentence position ``lo``."""
    j = a.j - lo
    if has_cue("np_head", keys, j, min(len(keys), j + window("np_head"))):
        return False
    return outcomes.is_acting(keys, _as_party(a, lo))


def _check(hit: tuple[int, int, Trigger], keys: Sequence[str], actors: Sequence[ActorMention] | None, sporty: bool
           ) -> Found | None:  # fmt: skip
    """A trigger that passes its checks and its senses, with its status (None: not an agreement here;
    ``actors`` None: no entities known, no date-or-place check for a next meeting)."""
    i, j, trig = hit
    if trig.category == IGNORE or (sporty and trig.category != "mou"):
        return None
    lo, hi = _window(len(keys), i, j)
    win = keys[lo:hi]
    site = Site(win, i - lo, j - lo, actors or (), lo)
    if not CHECKS[trig.requires](site):
        return None

    def has_state() -> bool:
        return actors is None or bool(site.countries) or has_cue("state", win) or has_cue("both_states", win)

    if other_sense(trig.term, win, site.i, site.j, has_state) is not None:
        return None
    places = None if actors is None else _local(actors, lo)
    if trig.category == "next_meeting" and not outcomes.has_date_or_place(win, places):
        return None
    if trig.requires in VERBS:
        status = outcomes.verb_status(win, site.i, site.j)
    else:
        status = outcomes.trigger_status(win, site.i, site.j, trig.category)
    if status == outcomes.BACKGROUND:
        return None
    count = stated_count(win, site.i) if trig.category != "next_meeting" else None
    return Found(site.i, site.j, count, status, trig, lo)


def _as_party(a: ActorMention, lo: int) -> outcomes.PartyMention:
    """An actor mention as the party mention of :mod:`sahyog.outcomes`, its range relative to key ``lo``."""
    return outcomes.PartyMention(a.i - lo, a.j - lo, a.actor_type, a.country, a.paired)


def _local(actors: Sequence[ActorMention], lo: int) -> list[outcomes.PartyMention]:
    return [_as_party(a, lo) for a in actors]


def _agreed(hits: list[tuple[int, int, Trigger]], keys: Sequence[str], idx: SentenceIndex, sid: int
            ) -> dict[str, Found]:  # fmt: skip
    """Category -> the trigger that passes its checks, is neither negated nor background, with the best status."""
    sporty = has_cue("sports", keys) if len(keys) <= 2 * window("sentence_window") else False
    nouns = [h for h in hits if h[2].requires not in VERBS]
    found = _passing(nouns, keys, idx, sid, sporty)  # the noun says what was agreed (even in another sense) ...
    if found or any(h[2].requires in ("", "sense") and h[2].category != IGNORE for h in nouns):
        return found
    # ... a verb of agreeing counts where only weak nouns failing their checks are near ("वार्ता ... बनी सहमति")
    return _passing([h for h in hits if h[2].requires in VERBS], keys, idx, sid, sporty)


def _passing(hits: list[tuple[int, int, Trigger]], keys: Sequence[str], idx: SentenceIndex, sid: int, sporty: bool
             ) -> dict[str, Found]:  # fmt: skip
    """Category -> the first of ``hits`` that passes its checks, with the best status of the category."""
    found: dict[str, Found] = {}
    for hit in sorted(hits, key=lambda h: h[0]):
        lo, hi = _window(len(keys), hit[0], hit[1])
        f = _check(hit, keys, in_range(idx, sid, lo, hi) if idx.known else None, sporty)
        if f is None:
            continue
        old = found.get(f.trig.category)
        if old is None:
            found[f.trig.category] = f
            continue
        if outcomes.better_status(old.status, f.status):  # the first trigger of the category, the best status
            old.status = f.status
        if old.count is None and f.count is not None:
            old.count = f.count
    return found


@dataclass(frozen=True)
class Parties:
    """Who agreed: entity ids of the parties, and the state actors and whether they came from the sentence before."""

    ids: list[str]
    states: list[ActorMention]
    from_before: bool


def find_parties(doc: Document, idx: SentenceIndex, sid: int, i: int, j: int, home: str = HOME_STATE) -> Parties:
    """Parties of the trigger at sentence positions ``[i, j)``: countries acting and organisations in its
    clause; when it names fewer than two countries and refers back (``इस समझौते``, ``दोनों देशों``), also the
    countries acting in the sentence before."""
    keys = idx.sentence_keys(doc, sid)
    w = window("party_window")
    lo, hi = clause_start(keys, i, w, "party_break"), clause_end(keys, j, w, "party_break")
    hi = min(hi, clause_end(keys, j, w, "party_after"))
    near = in_range(idx, sid, lo, hi)
    states = [a for a in near if a.actor_type in STATE_LEVEL and (is_party(keys, a) or _owns(keys, a, i))
              and not _names_a_place(keys, a, near)]  # fmt: skip
    ids = _ids([a for a in near if (a.etype == "country" and a in states) or a.etype in ("organisation", "org")])
    bodies = _home_bodies(keys, near)
    lead = [*leaders_in(keys, lo, hi), *home_office(keys, (lo, hi), near, home)]
    lead += [ActorMention(a.i, a.j, "state", home, home, "country") for a in bodies]
    if len({a.country for a in [*states, *lead] if a.country}) >= 2:  # the leaders and bodies complete the sides
        states = [*states, *lead]
        ids = list(dict.fromkeys([*ids, *_ids(lead), *(a.country for a in states if a.country)]))
        ids = [x for x in ids if x not in {b.id for b in bodies}]  # a ministry stands for its state
    if len({a.country for a in states if a.country}) >= 2 or sid == 0 or not _refers_back(keys, i, lo, hi):
        return _article_pair(Parties(ids, states, False), keys, (lo, hi), idx, sid)
    prev_keys = idx.sentence_keys(doc, sid - 1)
    prev = [a for a in idx.sentence_actors(sid - 1) if a.actor_type in STATE_LEVEL and is_party(prev_keys, a)]
    lead = leaders_in(prev_keys, 0, len(prev_keys))  # "पुतिन की यात्रा के दौरान दोनों नेताओं ने" ... "इस समझौते"
    if len({a.country for a in [*prev, *states, *lead] if a.country}) >= 2:  # completing the sides, as above
        prev += lead
    ids = list(dict.fromkeys([*_ids(a for a in prev if a.etype == "country"), *ids]))
    return _article_pair(Parties(ids, prev + states, bool(prev) and not states), keys, (lo, hi), idx, sid)


def _article_pair(p: Parties, keys: Sequence[str], span: tuple[int, int], idx: SentenceIndex, sid: int
                  ) -> Parties:  # fmt: skip
    """``दोनों देशों के बीच``, ``दोनों नेताओं ने`` with fewer than two states found: the two countries the article
    is about (each named twice or more), when the states found and the countries the sentence names are among
    them (``फ्रांस के राष्ट्रपति की भारत यात्रा ... दोनों देशों`` is not about the article's other pair)."""
    pair = set(idx.home_countries)
    have = {a.country for a in p.states if a.country} | {c for c in p.ids if c in pair}
    named = have | set(idx.countries.get(sid, ()))
    if len(have) >= 2 or len(pair) != 2 or not named <= pair or not has_cue("both_states", keys, *span):
        return p
    pair = idx.home_countries
    return Parties(list(dict.fromkeys([*p.ids, *pair])), p.states, p.from_before)


def load_leaders(path: str | Path | None = None) -> dict[tuple[str, ...], str]:
    """Name words (one to three) -> the state their leader acts for (``data/leaders.csv``, or a bundle's)."""
    return _load_leaders(Path(path) if path else data_file("leaders.csv"))


_LEADERS_SCHEMA = LexiconSchema(("term", "country", "leader"), optional=frozenset({"leader"}),
                                required=("term", "country"))  # fmt: skip


def _leader_words(term: str) -> tuple[str, ...]:
    return tuple(normalize(w, fold_nukta=True).lower() for w in term.split())


@lru_cache(maxsize=4)
def _leader_rows(path: Path) -> tuple[tuple[tuple[str, ...], str, str], ...]:
    """``leaders.csv`` read once: (name words, country, leader) per spelling."""
    return tuple((_leader_words(r["term"]), r["country"], r["leader"] or r["term"])
                 for r in read_lexicon(path, _LEADERS_SCHEMA))  # fmt: skip


@lru_cache(maxsize=4)
def _load_leaders(path: Path) -> dict[tuple[str, ...], str]:
    return {words: country for words, country, _ in _leader_rows(path)}


def leader_state(names: Iterable[str]) -> str | None:
    """The state a person acts for when their names end in a leader's (``नरेंद्र मोदी``, ``मोदी``: India; one to three
    words of ``leaders.csv``), if all their names that do agree on one; else None (``मनमोहन सिंह`` is no ``मनमोहन``)."""
    table = load_leaders()
    found = set()
    for name in names:
        words = _leader_words(name)
        hit = next((table[words[-n:]] for n in (3, 2, 1) if len(words) >= n and words[-n:] in table), None)
        if hit:
            found.add(hit)
    return found.pop() if len(found) == 1 else None


# The offices of heads of state or government, as a person's role ends (``प्रधानमंत्री``, ``रूसी राष्ट्रपति``; not
# ``उपराष्ट्रपति``): only a person named in one of them is taken for the leader whose name theirs ends in.
HEAD_OFFICES = frozenset({"प्रधानमंत्री", "PM", "राष्ट्रपति", "चांसलर", "राजा", "सुल्तान", "अमीर", "युवराज", "सम्राट"})
HEAD_OFFICE_PHRASES = (("प्रधान", "मंत्री"), ("क्राउन", "प्रिंस"))


def is_head_office(role: str | None) -> bool:
    """``role`` names the office of a head of state or government (:data:`HEAD_OFFICES`)."""
    words = tuple((role or "").split())
    return bool(words) and (words[-1].upper() in HEAD_OFFICES or words[-2:] in HEAD_OFFICE_PHRASES)


def with_leader_states(entities: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The record's entities, people of no stated country named in a head's office (:func:`is_head_office`) whose
    name is a leader's (``leaders.csv``) given that state: ``प्रधानमंत्री नरेंद्र मोदी`` is India's in the entities
    table and on the map though no sentence says "India's Modi"; ``श्री नीरव मोदी`` or ``जनरल राहील शरीफ`` is not a
    leader. Applied to the finished record: the rules that found parties and events are untouched."""
    out = []
    for e in entities:
        names = [e.get("name_hi") or "", *(m["text"] for m in e.get("mentions", []))]
        head = e.get("type") == "person" and not e.get("country") and is_head_office(e.get("role"))
        state = leader_state(names) if head else None
        out.append({**e, "country": state} if state else e)
    return out


def leader_spellings(path: str | Path | None = None) -> list[tuple[tuple[str, ...], str]]:
    """Each spelling's words with the leader it names: the ``leader`` column (the leader's first spelling, for a
    spelling no fold joins: ``चिनफिंग`` is ``जिनपिंग``), else the spelling itself."""
    return [(words, leader) for words, _, leader in _leader_rows(Path(path) if path else data_file("leaders.csv"))]


@lru_cache(maxsize=4)
def _first_words(path: Path) -> frozenset[str]:
    """The first words of the leaders' names: only there can a name start (a scan checks a set, not every slice)."""
    return frozenset(words[0] for words in _load_leaders(path))


_HONORIFIC = _plain("जी", "साहब")
_MEETING = _plain("मुलाकात", "मुलाकातें", "मुलाकातों", "बातचीत", "वार्ता", "बैठक", "भेंट", "यात्रा", "दौरे", "दौरा")


def _leader_at(keys: Sequence[str], k: int, table: dict[tuple[str, ...], str] | None = None
               ) -> tuple[int, str] | None:  # fmt: skip
    """The end and state of a leader's name starting at ``k`` (the longest of up to three words), or None."""
    table = load_leaders() if table is None else table
    for n in (3, 2, 1):
        country = table.get(tuple(keys[k : k + n]))
        if country and k + n <= len(keys):
            return k + n, country
    return None


def leaders_in(keys: Sequence[str], lo: int, hi: int) -> list[ActorMention]:
    """Leaders standing where a party stands in ``keys[lo:hi]`` (``मोदी और शरीफ ने``, ``किम जोंग उन द्वारा``,
    ``मोदी और शरीफ की मुलाकात``, a meeting within a few words; not ``ट्रम्प की संरक्षणवादी प्रवृत्तियां``) as the
    states they act for."""

    def meets(k: int) -> bool:
        return (
            k + 2 < len(keys) and keys[k + 1] in ("का", "के", "की") and any(w in _MEETING for w in keys[k + 2 : k + 12])
        )

    def stands(j: int) -> bool:
        j = j + 1 if j < len(keys) and keys[j] in _HONORIFIC else j  # "देउबा जी और मैंने"
        return outcomes.is_party_position(keys, j) or meets(j - 1)

    out = []
    path = data_file("leaders.csv")
    table, firsts = _load_leaders(path), _first_words(path)
    for k in range(lo, hi):
        found = _leader_at(keys, k, table) if keys[k] in firsts else None
        if found and stands(found[0]):
            out.append(ActorMention(k, found[0], "state", found[1], found[1], "country"))
    return out


_TITLES = _plain("प्रधानमंत्री", "राष्ट्रपति", "पीएम", "PM")
_NAME_END = _plain("ने", "और", "तथा", "के", "की", "का", "से", "को", ",", "(", "द्वारा")


def home_state(entities: Sequence[Any] | None) -> str:
    """The state an article is written from: its dateline's country (``इस्लामाबाद:``), else :data:`HOME_STATE`."""
    for ent in entities or ():
        country = getattr(ent, "country", None)
        if country and any(m.sentence_id == DATELINE_SENTENCE_ID for m in getattr(ent, "mentions", ())):
            return str(country)
    return HOME_STATE


def home_office(keys: Sequence[str], span: tuple[int, int], near: Sequence[ActorMention], home: str
                ) -> list[ActorMention]:  # fmt: skip
    """An office holder with no country of their own standing as a party (``नेपाल यात्रा के दौरान प्रधानमंत्री ने``;
    not ``नेपाल के प्रधानमंत्री``, ``पाकिस्तानी प्रधानमंत्री``, ``प्रधानमंत्री शेख हसीना``) as the home state."""
    out = []
    for k in range(*span):
        if keys[k] not in _TITLES or (k and keys[k - 1] in ("के", "की", "का")) or any(a.j == k for a in near):
            continue
        name = list(itertools.takewhile(lambda w: w not in _NAME_END, keys[k + 1 : k + 4]))  # the name after it
        after = [a for a in near if k < a.i <= k + len(name)]
        named = [a.country for a in after] + [load_leaders().get((w,)) for w in name]
        if any(c and c != home for c in named):
            continue  # the title of a foreign leader named after it
        end = k + 1 + len(name)
        if outcomes.is_party_position(keys, end):
            out.append(ActorMention(k, k + 1, "state", home, home, "country"))
    return out


def _home_bodies(keys: Sequence[str], near: Sequence[ActorMention]) -> list[ActorMention]:
    """Government bodies with no country of their own standing as a party (``रक्षा मंत्रालय ने रूस के साथ ...``):
    the home state's, like a title (:func:`home_office`)."""
    return [a for a in near if a.actor_type == "government" and not a.country and a.etype in ("organisation", "org")
            and is_party(keys, a)]  # fmt: skip


def _names_a_place(keys: Sequence[str], a: ActorMention, near: Sequence[ActorMention]) -> bool:
    """A country that only locates a place is no party: before it with a genitive (``जर्मनी के हैंबर्ग में``)
    or in brackets right after it (``जेबेल अली (यूएई)``)."""
    starts = {p.i for p in near if p.etype == "place"}
    ends = {p.j for p in near if p.etype == "place"}
    before = a.j + 1 in starts and a.j < len(keys) and keys[a.j] in ("के", "की", "का")
    return before or (a.i >= 1 and keys[a.i - 1] == "(" and a.i - 1 in ends)


def _owns(keys: Sequence[str], a: ActorMention, i: int) -> bool:
    """``भारत के अनुदान``, ``जापान की सहायता``: the state whose the trigger at ``i`` is."""
    return a.j + 1 == i and keys[a.j] in ("के", "की", "का")


def _ids(actors: Iterable[ActorMention]) -> list[str]:
    out: list[str] = []
    for a in actors:
        if a.id and a.id not in out:
            out.append(a.id)
    return out


def _refers_back(keys: Sequence[str], i: int, lo: int, hi: int) -> bool:
    """``इस समझौते``, ``उक्त संधि``, ``दोनों देशों ने``: the trigger's parties are named before."""
    return has_cue("refer_back", keys, max(0, i - window("refer_back")), i) or has_cue("both_states", keys, lo, hi)


def agreement_level(doc: Document, idx: SentenceIndex, sid: int, f: Found, parties: Parties) -> str:
    """``government`` only with a state actor (a country acting, an IGO) in the clause or, referred back to,
    in the sentence before, or ``दोनों देश`` near the trigger, or a state word with a place of a country
    (``राष्ट्रपति ने सिडनी में``; a state word such as ``प्रधानमंत्री`` alone is not enough: a prime minister's
    domestic loan scheme); then the level of
    :func:`sahyog.outcomes.agreement_level` on the trigger's window."""
    keys = idx.sentence_keys(doc, sid)
    i, j = f.lo + f.i, f.lo + f.j
    lo, hi = _window(len(keys), i, j)
    win = keys[lo:hi]
    local = _local(in_range(idx, sid, lo, hi), lo)
    if outcomes.has_subnational_party(win, local):  # a state government or chief minister signs: not a state
        return "institutional" if idx.n_countries >= 2 else "domestic"
    abroad = has_cue("state", win) and any(a.etype == "place" and a.country for a in in_range(idx, sid, lo, hi))
    if not (parties.states or abroad or has_cue("both_states", win)):  # a state word alone is not enough
        non_state = outcomes.has_non_state_party(win, local)
        return "institutional" if non_state and idx.n_countries >= 2 else "domestic"
    if _announced_alone(keys, f, parties, abroad or has_cue("both_states", win) or has_cue("signed", win)):
        return "domestic"  # officials of no named state announcing (a prime minister's scheme): no side between states
    if f.trig.category in PAIRED and not _two_sides(parties, in_range(idx, sid, lo, hi), win):
        return "domestic"  # a loan or grant between states names the giver and the receiver
    if parties.from_before:
        return "government"
    sides = len({a.country for a in parties.states if a.country})  # leaders name states the article may not
    if not parties.from_before and any(a.actor_type == "igo" and _igo_acts(keys, a.j) for a in parties.states):
        sides = max(sides, 2)  # an IGO acting (दक्षेस ने) is its member states
    return outcomes.agreement_level(win, local, max(idx.n_countries, sides))


def _announced_alone(keys: Sequence[str], f: Found, parties: Parties, two_sided: bool) -> bool:
    """Officials of no named state (no country, IGO or leader's state among the parties) announce it, and
    nothing makes it two-sided: not a signing (``पीएम ने बताया कि ... हस्ताक्षर``, the article names the sides),
    not ``दोनों देश`` or a place abroad (``two_sided``), not a reference back (``ये तीन समझौते``)."""
    i = f.lo + f.i
    named = any(a.country or a.actor_type == "igo" for a in parties.states)
    return not (named or two_sided or _refers_back(keys, i, max(0, i - window("refer_back")), i))


def _two_sides(parties: Parties, near: Sequence[ActorMention], win: Sequence[str]) -> bool:
    """Two sides named: two countries or IGOs among the parties and the places near (``चाबहार बंदरगाह`` is in
    Iran), or ``दोनों देश``."""
    sides = {a.country or (a.id if a.actor_type == "igo" else None) for a in parties.states} - {None}
    sides |= {a.country for a in near if a.etype == "place" and a.country}
    return len(sides) >= 2 or has_cue("both_states", win)


def find_agreements(
    article: Article, mentions: Iterable[_SectorMention], entities: Sequence[Any] | None = None,
    index: SentenceIndex | None = None,
) -> list[Agreement]:  # fmt: skip
    """Agreements reported in the article, one per sentence and category, with sectors, parties, count,
    status and level (background agreements are left out; see :mod:`sahyog.outcomes`).

    ``entities`` (objects with ``.id``, ``.type``, ``.mentions[]`` of ``start``, ``end``, ``sentence_id``,
    optionally ``.actor_type`` and ``.country``) give the parties (see the module docstring) and a corridor's
    route stops; None gives ``[]`` and level ``government``. ``index``: the sentence index, if built already.
    """
    triggers = load_triggers()
    doc = as_document(article)
    idx = index if index is not None else build_index(doc, entities)
    sectors_by_sentence = _sectors_by_sentence(mentions)
    latest, home = latest_year(doc.keys), home_state(entities)
    out: list[Agreement] = []
    for sent in doc.sentences:
        hits = _sentence_hits(triggers, doc, sent.id)
        if not hits:
            continue
        lo = doc.bounds[sent.id][0]
        keys = idx.sentence_keys(doc, sent.id)
        if idx.known and idx.home_countries and _third_countries(keys, idx, sent.id):
            continue
        for cat, f in sorted(_agreed(hits, keys, idx, sent.id).items(), key=lambda kv: kv[1].i + kv[1].lo):
            i, j = f.lo + f.i, f.lo + f.j
            if dated_earlier(keys, i, latest, j):
                continue  # "पुतिन ने 2012 में इराक के साथ सौदा किया" in an article of 2015: history
            parties = find_parties(doc, idx, sent.id, i, j, home) if idx.known else Parties([], [], False)
            level = agreement_level(doc, idx, sent.id, f, parties) if idx.known else "government"
            marks = idx.marks.get(sent.id, [])
            routes = route_stops(doc.text, sent.text, sent.start, marks) if cat == "corridor" else []
            start, end = doc.tokens[lo + i].start, doc.tokens[lo + j - 1].end
            out.append(Agreement(sent.id, cat, list(sectors_by_sentence.get(sent.id, ())), parties.ids, f.count,
                                 sent.text, start, end, routes, level, f.status))  # fmt: skip
    out = inherit_parties(out)
    signed = outcomes.has_cue("signing", doc.keys)
    statuses = outcomes.resolve_references([a.status for a in out], signed, [a.sentence_id for a in out])
    kept = [
        a if st == a.status else replace(a, status=st)
        for a, st in zip(out, statuses, strict=True)
        if st != outcomes.BACKGROUND
    ]
    return generics_as_mous(_named_by_another(kept, doc.text))


_POINTING = _plain("इस", "यह", "उस", "इसी", "उसी")  # "इस समझौते": the one the sentence names
_NAMED = frozenset({"treaty", "mou", "roadmap", "declaration"})


_CALLED = regex.compile(r"\W{0,3}\s*(?:कहा|बताया|करार\s+दिया|माना|कहते|बताते)(?![\p{L}\p{M}])")


def _named_by_another(agreements: Sequence[Agreement], text: str) -> list[Agreement]:
    """A generic agreement pointed at as an object (``इस समझौते को``) that its sentence then calls a more exact
    instrument (``... "सबसे शक्तिशाली संधि" कहा``/``बताया``), at the same level and status, is that instrument, once:
    a treaty, not a treaty and an agreement. Two instruments signed together (``इस समझौते पर हस्ताक्षर किए और एक
    रोडमैप भी जारी किया``) or a list (``चार समझौते, जिनमें एक समझौता ज्ञापन``) keep both."""

    def called(a: Agreement) -> bool:
        before = text[max(0, a.start - 12) : a.start].split()
        if (
            a.category != "agreement"
            or not before
            or before[-1] not in _POINTING
            or text[a.end : a.end + 4].split()[:1] != ["को"]
        ):
            return False
        return any(b.category in _NAMED and (b.sentence_id, b.level, b.status) == (a.sentence_id, a.level, a.status)
                   and b.start > a.end and _CALLED.match(text, b.end) for b in agreements)  # fmt: skip

    return [a for a in agreements if not called(a)]


def _is_generic(a: Agreement) -> bool:
    """A generic ``agreement`` mention: no sectors and no number one (``इन समझौतों पर हस्ताक्षर``, ``6 समझौते``)."""
    return a.category == "agreement" and not a.sectors and a.count != 1


def generics_as_mous(agreements: Sequence[Agreement]) -> list[Agreement]:
    """Agreements named only generically in an article whose signing is of MoUs are those MoUs (the wire labelling
    rule: "when the text calls its समझौते MoUs, they are mou only"): every ``agreement`` mention of a level and
    status becomes ``mou`` when all of them are generic, an ``mou`` mention of that level and status exists and
    none shares its sentence (one sentence naming both, ``चार समझौते, जिनमें एक समझौता ज्ञापन``, keeps both)."""
    mou_sids: dict[tuple[str, str], set[int]] = {}
    for a in agreements:
        if a.category == "mou":
            mou_sids.setdefault((a.level, a.status), set()).add(a.sentence_id)
    generic: dict[tuple[str, str], list[Agreement]] = {}
    for a in agreements:
        if a.category == "agreement":
            generic.setdefault((a.level, a.status), []).append(a)
    as_mou = {
        key
        for key, group in generic.items()
        if key in mou_sids and all(map(_is_generic, group)) and not {a.sentence_id for a in group} & mou_sids[key]
    }
    return [replace(a, category="mou") if a.category == "agreement" and (a.level, a.status) in as_mou else a
            for a in agreements]  # fmt: skip


def latest_year(keys: Sequence[str]) -> int | None:
    """The latest year the article names (not a target, ``2030 तक``): the article's "now" when it has no date."""
    years = [int(k[:4]) for k, nxt in itertools.pairwise([*keys, ""]) if outcomes.is_year(k) and nxt != "तक"]
    return max(years, default=None)


def dated_earlier(keys: Sequence[str], i: int, latest: int | None, j: int | None = None) -> bool:
    """A year with ``में`` before the trigger at ``i`` in its clause (as far as its parties), or in a relative
    clause after the trigger ``[i, j)`` (``समझौता, जो 1914 में ... हुआ था``), earlier than the latest year the
    article names: an agreement told as history (news of a signing names the day, not a year)."""
    if latest is None:
        return False
    before = keys[clause_start(keys, i, window("party_window"), "party_break") : i]
    after: Sequence[str] = ()
    if j is not None:
        after = keys[j : clause_end(keys, j, window("party_window"), "party_break")]
        rel = cue_hits("relative", after)
        after = after[rel[0][0] :] if rel else ()
    return any(
        outcomes.is_year(k) and nxt == "में" and int(k[:4]) < latest
        for part in (before, after)
        for k, nxt in itertools.pairwise(part)
    )


def inherit_parties(agreements: Sequence[Agreement]) -> list[Agreement]:
    """A mention without a verb of its own (``जिनमें रक्षा पर समझौता ज्ञापन भी शामिल है``) and without parties of
    its own refers to the agreement before it: it takes that one's parties and level (so does a loan naming one
    side, see :func:`_completes`)."""
    out: list[Agreement] = []
    for a in agreements:
        prev = out[-1] if out else None
        near = prev is not None and a.sentence_id - prev.sentence_id <= window("refer_reach")
        up = prev is not None and prev.level == "government" and near  # a list of agreements after a signing
        if prev is not None and not a.parties and a.level != prev.level and (a.status in outcomes.REFERENCES or up):
            a = replace(a, parties=list(prev.parties), level=prev.level)
        elif prev is not None and _completes(prev, a):
            a = replace(a, parties=list(dict.fromkeys([*a.parties, *prev.parties])), level=prev.level)
        out.append(a)
    return out


def _completes(prev: Agreement, a: Agreement) -> bool:
    """A loan that names one side (``भारत ने चाबहार के लिए ऋण का ऑफर दिया``) after an agreement between
    governments in the article: the other side is that agreement's."""
    return a.category in PAIRED and bool(a.parties) and a.level != prev.level == "government"


def _third_countries(keys: Sequence[str], idx: SentenceIndex, sid: int) -> bool:
    """Two or more countries act in the sentence and none is one of the article's main countries."""
    if len(keys) > 2 * window("sentence_window"):
        return False  # a sentence this long is no one agreement's
    return outcomes.is_third_country(keys, _local(idx.sentence_actors(sid), 0), idx.home_countries)

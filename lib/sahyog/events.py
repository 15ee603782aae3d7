"""Events, not mentions: each agreement of an article once, with who, what, when and where.

An article mentions one signing many times (headline, lead, details, "ये समझौते ..."). One event is one
occasion x one category (nine agreements signed at one visit are one ``agreement`` event with count 9),
as in event data sets (ICEWS, POLECAT/PLOVER). Built from the record's agreement mentions, which stay
in the record as the evidence; the rules follow the event gold's (``EVENTS.md`` of the development data):

- mentions of one category, level and status join one event; a planned mention of an instrument the
  article reports as signed (``इस संधि पर ... जारी किया जाएगा``) joins the signed one;
- a sentence that only lists topics (``इनमें ... शामिल हैं``, ``जिसमें ... भी``, ``ये समझौते ...``) gives its
  sectors to the events of the sentence before it;
- ``count`` is the first number stated; ``parties`` the article's main states among the mentions' parties;
- ``date``: a date in the event's sentences, else the first in the article's lead or agreement sentences
  (relative words resolved against the article's date, :mod:`sahyog.dates`);
- ``place``: a city named as the venue (``इस्लामाबाद में``) in the event's sentences or the lead, else the
  dateline's city (unless a visit abroad says otherwise), else the destination of a visit (``नेपाल यात्रा``).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import regex as re

from . import dates as dates_mod
from .agreements import NUMBER_WORDS
from .event_leaders import amounts_named, leader_states, leaders_named
from .record import EVENT_KEYS

Record = Mapping[str, Any]

LEAD = 3  # sentences of the headline and lead
NEAR = 8  # sentences near the top that may tell of the occasion (the talks before a signing)
# A sentence listing the topics of an agreement reported just before.
_LISTING = re.compile(
    r"^\W*(?:इनमें|इसमें|जिनमें|जिसमें|इन\s+समझौतों|ये\s+समझौते|इन\s+करारों|ये\s+करार|समझौतों\s+में|इन\s+समझौता)"
    r"|(?:शामिल\s+(?:हैं|है|थे|था))|(?:जिसमें|जिनमें)",
)
DATELINE_LINES = 3  # a dateline opens one of the first lines (after a headline, a byline)
DATED_DATELINE_LINES = 6  # ... or, with its date, one of the first paragraphs (after a teaser)
# News agencies write the days one to nine as words (``रोम, तीन नवंबर``).
_DAY = r"(?:[0-9०-९]{1,2}|एक|दो|तीन|चार|पांच|पाँच|छह|सात|आठ|नौ|दस)"
_DATELINE_DATE = rf"[ \t]*,?[ \t]*{_DAY}[ \t]*[\p{{L}}\p{{M}}]+(?:[ \t]*,?[ \t]*[0-9०-९]{{4}})?"
_DATELINE_TAIL = re.compile(rf"(?:{_DATELINE_DATE})?[ \t]*(?:[|:।(\u0903]|\.(?!\d)|\n|$)")
_DATED_TAIL = re.compile(rf"[ \t]*,{_DATELINE_DATE}(?![\p{{L}}\p{{M}}])")


def _is_month(word: str) -> bool:
    return word.lower() in dates_mod.month_numbers()


# A lead sentence names the occasion's venue only when it tells of a meeting, visit, talks or signing.
_OCCASION = re.compile(
    r"बैठक|मुलाकात|मिले|वार्ता|बातचीत|समझौत|करार|हस्ताक्षर|यात्रा|दौर[ेा]|सम्मेलन|शिखर|सत्र|आयोग|पहुं|पहुँ|"
    r"कॉन्फ्रेंसिंग|कान्फ्रेंसिंग|meeting|summit|visit|talks|signed"
)
# A venue: a city followed by "में" (``दिल्ली के हैदराबाद हाउस में``), or the city a leader took part from by video
# conference (``नयी दिल्ली से विडियो कान्फ्रेंसिंग के माध्यम से``, ``नई दिल्ली से पीएम मोदी ... के साथ वीडियो
# कॉन्फ्रेंसिंग के जरिए``): a remote occasion happens where its leaders are, not where the report was filed. A video
# message or clip (``नई दिल्ली से ... एक वीडियो संदेश``) is no conference.
_VENUE_AFTER = re.compile(
    r"^\s*(?:(?:के\s+(?:[\p{L}\p{M}]+\s+){0,3})?में(?![\p{L}\p{M}])"
    r"|से\s+(?:[\p{L}\p{M}]+\s+){0,6}?(?:वीडियो|विडियो)\s+(?:कॉन्फ्रेंसिंग|कान्फ्रेंसिंग|कॉन्फ्रेंस|कान्फ्रेंस|लिंक)"
    r"(?![\p{L}\p{M}]))"
)
VENUE_REACH = 90  # characters after a city in which its venue words must stand
_VISIT_AFTER = re.compile(
    r"^\s*(?:की\s+(?:(?:राजकीय|आधिकारिक|सरकारी|पहली|दो|तीन|चार|पांच|[\p{L}\p{M}]+\s+दिवसीय)\s+)*(?:यात्रा|दौरे|दौरा)"
    r"|(?:यात्रा|दौरे)(?:\s+के\s+दौरान|\s+पर)|(?:पहुंचे|पहुँचे|पहुंची|पहुँची|पहुंचे।))"
)
# "X यात्रा" with nothing after it is the visit only as a leader's (state) visit: "देउबा की राजकीय भारत यात्रा",
# "मोदी की नेपाल यात्रा"; not "अपनी पिछली चीन यात्रा", "गैर-जरूरी पाकिस्तान यात्रा", "अमेरिका दौरा रद्द"
_BARE_VISIT = re.compile(r"^\s*(?:यात्रा|दौरे|दौरा)(?![\p{L}\p{M}])")
_BARE_VISIT_BEFORE = re.compile(r"(?:की|राजकीय|आधिकारिक|सरकारी)\s*$")
_VISIT_BEFORE = re.compile(r"(?:यात्रा|दौरे)\s+पर\s*$")
_VISIT_ARRIVE = re.compile(r"^\s*(?:आए|आये|आईं|आई|पहुंचे|पहुँचे|गए|गये|गई|गईं)")


@dataclass
class _Event:
    category: str
    level: str
    status: str
    mentions: list[Mapping[str, Any]] = field(default_factory=list)
    extra_sectors: set[str] = field(default_factory=set)
    extra_sentences: set[int] = field(default_factory=set)
    sides: tuple[str, ...] = ()  # talks: the parties their mentions name, one event per set of sides


def find_events(record: Record, text: str, prefix: str = "e", by_sides: bool = False) -> list[dict[str, Any]]:
    """The events of one article from its record (agreement mentions with ids, sentences, sectors,
    entities, ``article_date``) and its text; each a dict of :data:`sahyog.record.EVENT_KEYS`, with ids
    ``prefix`` and a number (``e1``; ``m1`` for the talks, given as the record's agreements with ``by_sides``:
    one event per set of parties the mentions name, which are its parties: a meeting's sides are named in its
    sentence, leaders' states included, and two meetings of one article are two occasions)."""
    agreements = record.get("agreements", [])
    if not agreements:
        return []
    groups = _group(agreements, by_sides)  # generic agreements of an MoU signing are MoUs already (generics_as_mous)
    _add_listed_sectors(groups, record)
    _share_sectors(groups)
    ctx = _Context.of(record, text)
    return [_event_dict(f"{prefix}{n + 1}", ev, ctx) for n, ev in enumerate(groups)]


def _group(agreements: Sequence[Mapping[str, Any]], by_sides: bool = False) -> list[_Event]:
    """One event per category, level and status (and set of parties, ``by_sides``), in order of first mention;
    planned mentions of a category also reported as agreed at the same level join the agreed event."""
    agreed = {(a["category"], a.get("level")) for a in agreements if a.get("status", "agreed") == "agreed"}
    events: dict[tuple[str, str, str, tuple[str, ...]], _Event] = {}
    for a in agreements:
        level, status = a.get("level", "government"), a.get("status", "agreed")
        if status != "agreed" and (a["category"], level) in agreed:
            status = "agreed"
        sides = tuple(sorted(a.get("parties") or ())) if by_sides else ()
        key = (a["category"], level, status, sides)
        events.setdefault(key, _Event(a["category"], level, status, sides=sides)).mentions.append(a)
    return list(events.values())


def _sids(ev: _Event) -> set[int]:
    return {a["sentence_id"] for a in ev.mentions}


def _share_sectors(groups: list[_Event]) -> None:
    """An event without sectors of its own takes those of the events reported in the same sentence
    (``28 समझौते या समझौता ज्ञापन``, ``इस संधि पर संयुक्त बयान``): they cover the same topics."""
    own = {id(ev): {s for a in ev.mentions for s in a.get("sectors", [])} | ev.extra_sectors for ev in groups}
    for ev in groups:
        if own[id(ev)]:
            continue
        for other in groups:
            if other is not ev and _sids(ev) & _sids(other):
                ev.extra_sectors |= own[id(other)]


def _add_listed_sectors(groups: list[_Event], record: Record) -> None:
    """A sentence without an agreement that lists topics gives its sectors to the events of the sentence
    (one or two) before it."""
    by_sentence: dict[int, list[_Event]] = {}
    for ev in groups:
        for a in ev.mentions:
            by_sentence.setdefault(a["sentence_id"], []).append(ev)
    sectors: dict[int, set[str]] = {}
    for m in record.get("sectors", []):
        if m.get("context") != "portfolio":
            sectors.setdefault(m["sentence_id"], set()).add(m["sector"])
    texts = {s["id"]: s["text"] for s in record.get("sentences", [])}
    candidates = {sid + k for sid in by_sentence for k in (1, 2)} - set(by_sentence)
    for sid in sorted(candidates):
        if sid not in sectors or sid not in texts or not _LISTING.search(texts[sid]):
            continue
        before = [s for s in (sid - 1, sid - 2) if s in by_sentence]
        for ev in by_sentence[before[0]] if before else ():
            ev.extra_sectors |= sectors[sid]
            ev.extra_sentences.add(sid)


# ---------------------------------------------------------------------------------------------
# What the whole article says: its states, dates and places


@dataclass
class _Context:
    """The article-wide facts events draw on."""

    text: str
    sentences: dict[int, Mapping[str, Any]]
    states: frozenset[str]
    core: list[str]
    places: dict[int, list[tuple[int, int, str, str]]]  # sentence id -> (start, end, entity id, type)
    article_date: str | None
    dateline: tuple[int, int, str, str] | None  # start, end, text, place entity id
    visit: tuple[int, int, str, str] | None
    countries: dict[str, str] = field(default_factory=dict)  # place entity id -> its country
    agreement_sids: list[int] = field(default_factory=list)
    # sentences that only agree on a next meeting: their date and place are the meeting's, not the occasion's
    meeting_sids: frozenset[int] = frozenset()
    dates: dict[int, list[dates_mod.DateMention]] = field(default_factory=dict)  # found per sentence, once
    venues: dict[int, tuple[int, int, str, str] | None] = field(default_factory=dict)  # the same for venues
    actors: dict[int, set[str]] = field(default_factory=dict)  # sentence id -> states named in it or by a leader

    def agreement_sentences(self) -> list[int]:
        """Ids of the sentences that report an agreement of the occasion (not those that only agree on a next
        meeting: ``2026 में अस्ताना में`` is where the next session meets, not where this one did)."""
        return [sid for sid in self.agreement_sids if sid not in self.meeting_sids]

    def place_country(self, ident: str) -> str | None:
        """The country of a place entity (a country's own id for a country)."""
        return self.countries.get(ident, ident if ident in self.states else None)

    @classmethod
    def of(cls, record: Record, text: str) -> _Context:
        ents = record.get("entities", [])
        states = frozenset(e["id"] for e in ents if e.get("type") == "country")
        places = _places(ents)
        ctx = cls(text, {s["id"]: s for s in record.get("sentences", [])}, states,
                  _core_states(record.get("agreements", []), states), places, record.get("article_date"),
                  None, None)  # fmt: skip
        ctx.countries = {e["id"]: e["country"] for e in ents if e.get("country")}
        ctx.actors = _sentence_actors(ents, states)
        ctx.agreement_sids = sorted({a["sentence_id"] for a in record.get("agreements", [])})
        ctx.meeting_sids = _only_meetings(record.get("agreements", []))
        ctx.dateline = _dateline_place(text, places)
        ctx.visit = _visit_destination(ctx)
        return ctx


def dateline_place(record: Record, text: str) -> str | None:
    """The entity id of the city the article is datelined from (:func:`_dateline_place`), if any: what the
    record's ``dateline_place`` holds, and what events and the brief read as the dateline's place."""
    found = _dateline_place(text, _places(record.get("entities", [])))
    return found[3] if found else None


def _places(ents: Sequence[Mapping[str, Any]]) -> dict[int, list[tuple[int, int, str, str]]]:
    """Sentence id -> (start, end, entity id, type) of each place and country mention."""
    places: dict[int, list[tuple[int, int, str, str]]] = {}
    for e in ents:
        if e.get("type") in ("place", "country"):
            for m in e.get("mentions", []):
                places.setdefault(m["sentence_id"], []).append((m["start"], m["end"], e["id"], e["type"]))
    return places


def _only_meetings(agreements: Sequence[Mapping[str, Any]]) -> frozenset[int]:
    """Sentences whose agreements are all next meetings."""
    by_sentence: dict[int, set[str]] = {}
    for a in agreements:
        by_sentence.setdefault(a["sentence_id"], set()).add(a["category"])
    return frozenset(sid for sid, cats in by_sentence.items() if cats == {"next_meeting"})


def _core_states(agreements: Sequence[Mapping[str, Any]], states: frozenset[str]) -> list[str]:
    """The states the article's agreements are between: those named as parties at least half as often as
    the most named one."""
    counts = Counter(p for a in agreements for p in a.get("parties", []) if p in states)
    if not counts:
        return []
    top = counts.most_common(1)[0][1]
    return sorted(p for p, n in counts.items() if n * 2 >= top)


def _dateline_place(text: str, places: Mapping[int, list[tuple[int, int, str, str]]]) -> tuple | None:
    """The dateline's city as (start, end, text, entity id): a city opening one of the first lines, followed by a
    colon, danda, bar or agency, maybe after a date (``इस्लामाबाद:``, ``नई दिल्ली |``, ``दोहा, 29 अक्टूबर (आईएएनएस)``),
    or opening one of the first paragraphs with a comma and a date (``रोम, तीन नवंबर ...``)."""
    head_end = dates_mod.line_end(text, DATELINE_LINES)
    dated_end = dates_mod.line_end(text, DATED_DATELINE_LINES)
    found = sorted(
        (s, e, ident) for ps in places.values() for s, e, ident, kind in ps if kind == "place" and s < dated_end
    )
    for s, e, ident in found:
        if text[text.rfind("\n", 0, s) + 1 : s].strip(" \t\ufeff") != "":
            continue
        plain = s < head_end and _DATELINE_TAIL.match(text, e)
        dated = _DATED_TAIL.match(text, e)
        if plain or (dated and any(_is_month(w.strip(",")) for w in dated.group().split())):
            return s, e, text[s:e], ident
    return None


def _visit_destination(ctx: _Context) -> tuple[int, int, str, str] | None:
    """The country a visit goes to (``मोदी की नेपाल यात्रा``, ``राजकीय भारत यात्रा``, ``दौरे पर भारत आए``), first in
    the article."""
    for sid in sorted(ctx.places):
        if sid < 0 or sid not in ctx.sentences:
            continue
        sent = ctx.sentences[sid]
        for s, e, ident, kind in ctx.places[sid]:
            if kind != "country":
                continue
            after = ctx.text[e : min(sent["end"], e + 60)]
            before = ctx.text[max(sent["start"], s - 30) : s]
            bare = _BARE_VISIT.match(after) and _BARE_VISIT_BEFORE.search(before)
            if _VISIT_AFTER.match(after) or bare or (_VISIT_BEFORE.search(before) and _VISIT_ARRIVE.match(after)):
                return s, e, ctx.text[s:e], ident
    return None


# ---------------------------------------------------------------------------------------------
# One event's fields


def _event_dict(ident: str, ev: _Event, ctx: _Context) -> dict[str, Any]:
    sids = sorted({a["sentence_id"] for a in ev.mentions} | ev.extra_sentences)
    counts = [c for c in (a.get("count") or _areas_count(ctx, a["sentence_id"]) for a in ev.mentions) if c]
    sectors = {s for a in ev.mentions for s in a.get("sectors", [])} | ev.extra_sectors
    date = _event_date(ev, ctx)
    place = _event_place(ev, ctx)
    parties = list(ev.sides) or _other_parties(ev, place, sids, ctx)
    out = {
        "id": ident,
        "category": ev.category,
        "count": next((c for c in counts if c > 1), counts[0]) if counts else None,
        "parties": parties,
        "level": ev.level,
        "status": ev.status,
        "sectors": sorted(sectors),
        "date": date.value if date else None,
        "date_precision": date.precision if date else None,
        "date_text": date.text if date else None,
        "date_start": date.start if date else None,
        "date_end": date.end if date else None,
        "place": place[3] if place else None,
        "place_text": place[2] if place else None,
        "place_start": place[0] if place else None,
        "place_end": place[1] if place else None,
        "mentions": [a["id"] for a in ev.mentions],
        "sentences": sids,
        "month_day": _month_day_of(date, ev, ctx),
        "weekday": _weekday_of(date, ev, ctx),
        "leaders": leaders_named(_occasion_texts(sids, ctx)),
        "amounts": amounts_named(ctx.sentences[i]["text"] for i in sids if i in ctx.sentences),
        **_meeting(ev, ctx),
    }
    assert tuple(out) == EVENT_KEYS
    return out


def _other_parties(ev: _Event, place: tuple | None, sids: Sequence[int], ctx: _Context) -> list[str]:
    """An agreement event's parties: the article's main states among its mentions' (:func:`_parties`), with the
    host, the signing pair, the visitor or the article's pair completing them."""
    parties = _with_host(_parties(ev, ctx), place, ev, ctx)
    return _signing_pair(ev, ctx) or _article_pair(_with_visitor(parties, sids, ev, ctx), ev, ctx)


def _occasion_texts(sids: Sequence[int], ctx: _Context) -> list[str]:
    """The sentences that tell of an event's occasion: its own and the headline and lead (the visit)."""
    return [ctx.sentences[i]["text"] for i in sorted(set(sids) | set(range(LEAD))) if i in ctx.sentences]


# "आठ (विभिन्न) क्षेत्रों में समझौतों पर हस्ताक्षर": agreements in eight areas are eight agreements.
_AREAS_COUNT = re.compile(
    r"(?<![\p{L}\p{M}\p{N}])(?P<n>[0-9०-९]{1,2}|[\p{L}\p{M}]+)\s+(?:(?:विभिन्न|अलग-अलग|अहम|प्रमुख|महत्वपूर्ण)\s+)?"
    r"क्षेत्रों\s+में\s+(?:[\p{L}\p{M}]+\s+){0,2}?(?:समझौत|करार|एमओयू|समझौता\s+ज्ञापन)"
)


def _areas_count(ctx: _Context, sid: int) -> int | None:
    """The number of areas an agreement sentence signs agreements in, when it states no other number."""
    sent = ctx.sentences.get(sid)
    m = _AREAS_COUNT.search(sent["text"]) if sent and "क्षेत्रों" in sent["text"] else None
    if not m:
        return None
    n = m["n"].translate(dates_mod.DEV_DIGITS)
    return int(n) if n.isdigit() else NUMBER_WORDS.get(n)


def _parties(ev: _Event, ctx: _Context) -> list[str]:
    """The article's main states among the mentions' parties; with fewer than two, the main states;
    without any state, the mentions' parties as they are (organisations)."""
    named = {p for a in ev.mentions for p in a.get("parties", [])}
    states = {p for p in named if p in ctx.states}
    main = states & set(ctx.core)
    if len(main) >= 2:
        return sorted(main)
    if len(ctx.core) >= 2 and ev.level == "government":
        return sorted(set(ctx.core) | main)
    return sorted(states or named)


def _with_host(parties: list[str], place: tuple | None, ev: _Event, ctx: _Context) -> list[str]:
    """A government event naming one state, held in a city of another state, is between the two: the host is the
    other party (``काठमांडू में ... भारत ने समझौता किया``); a country as the place, or a city of the party's own, adds
    nothing."""
    if ev.level != "government" or len(parties) != 1 or parties[0] not in ctx.states or not place:
        return parties
    if place[3] in ctx.states:
        return parties
    host = ctx.countries.get(place[3])
    if not host or host == parties[0] or host not in _known_states(ctx):
        return parties
    return sorted({parties[0], host})


def _with_visitor(parties: list[str], sids: Sequence[int], ev: _Event, ctx: _Context) -> list[str]:
    """A visit naming one state is between it and the state of the visiting leader its sentences or the lead name
    (``प्रधानमंत्री देउबा ... राजकीय भारत यात्रा``: Nepal, not only India), when they name leaders of exactly one
    other state (``..., जहां पुतिन भी मौजूद रहेंगे`` leaves the visitor unsaid)."""
    if ev.category != "visit" or ev.level != "government" or len(parties) != 1:
        return parties
    visitors = leader_states(leaders_named(_occasion_texts(sids, ctx))) - set(parties)
    return sorted({*parties, *visitors}) if len(visitors) == 1 else parties  # a leader in passing makes two: none


def _article_pair(parties: list[str], ev: _Event, ctx: _Context) -> list[str]:
    """A government event naming fewer than two states and no other party, in an article that names exactly two
    states, is between those two (``दोनों देशों के बीच आठ समझौते``, ``मोदी और नेपाल के प्रधानमंत्री``)."""
    if ev.level != "government" or len(parties) >= 2 or len(ctx.states) != 2:
        return parties
    named = {p for a in ev.mentions for p in a.get("parties", [])}
    if not named <= ctx.states:
        return parties
    return sorted(ctx.states)


# "दोनों नेताओं ने ... हस्ताक्षर किए": both leaders (countries, sides) signed.
_BOTH = re.compile(r"दोनों\s+(?:नेताओं|देशों|पक्षों|राष्ट्रों)\s+(?:ने|के\s+बीच)")
_BOTH_SIGNED = re.compile(_BOTH.pattern + r".*हस्ताक्षर")


def _sentence_actors(ents: Sequence[Mapping[str, Any]], states: frozenset[str]) -> dict[int, set[str]]:
    """Per sentence, the article's states named in it, as a country or through a person of that country."""
    out: dict[int, set[str]] = {}
    for e in ents:
        state = e["id"] if e.get("type") == "country" else e.get("country") if e.get("type") == "person" else None
        if state in states:
            for m in e.get("mentions", []):
                out.setdefault(m["sentence_id"], set()).add(state)
    return out


def _signing_pair(ev: _Event, ctx: _Context) -> list[str] | None:
    """A government event signed by "both" (``दोनों नेताओं ने ... हस्ताक्षर``) is between the two states that
    sentence names, as countries or through their leaders: a third state named elsewhere is no party. An event
    that speaks of "both" (``दोनों देशों के बीच``) naming only states of the article's signing pair takes that pair."""
    if ev.level != "government":
        return None
    sids = sorted({a["sentence_id"] for a in ev.mentions})
    own = _both_signed_pair(sids, ctx)
    if own:
        return own
    pair = _both_signed_pair(ctx.agreement_sids, ctx)
    texts = [ctx.sentences.get(sid, {}).get("text", "") for sid in sids]
    named = {p for a in ev.mentions for p in a.get("parties", [])}
    if pair and named <= set(pair) and any(_BOTH.search(t) for t in texts):
        return pair
    return None


def _both_signed_pair(sids: Sequence[int], ctx: _Context) -> list[str] | None:
    """The two states the first "both signed" sentence among ``sids`` names (None if none names exactly two)."""
    for sid in sids:
        pair = ctx.actors.get(sid, set())
        if len(pair) == 2 and _BOTH_SIGNED.search(ctx.sentences.get(sid, {}).get("text", "")):
            return sorted(pair)
    return None


def _known_states(ctx: _Context) -> frozenset[str]:
    """States the host rule may add: the article's states and any ISO2 country code."""
    return ctx.states | frozenset(c for c in ctx.countries.values() if len(c) == 2 and c.isupper())


def _dates_in(ctx: _Context, sid: int) -> list[dates_mod.DateMention]:
    if sid not in ctx.dates:
        sent = ctx.sentences.get(sid)
        ctx.dates[sid] = [] if sent is None else dates_mod.find_dates(sent["text"], sent["start"], ctx.article_date)
    return ctx.dates[sid]


def _event_date(ev: _Event, ctx: _Context) -> dates_mod.DateMention | None:
    """The first date in the event's sentences, else in the lead or any agreement sentence of the occasion (not a
    sentence that only agrees on a next meeting: its date is the meeting's)."""
    own = sorted({a["sentence_id"] for a in ev.mentions})
    for sid in own:
        found = _dates_in(ctx, sid)
        if found:
            return found[0]
    for sid in sorted(set(range(LEAD)) | set(ctx.agreement_sentences())):
        found = _dates_in(ctx, sid)
        if found:
            return found[0]
    return None


def _month_day_of(date: dates_mod.DateMention | None, ev: _Event, ctx: _Context) -> str | None:
    """``MM-DD`` of the event's day: of its date when dated to the day, none for a month or a year, else of a day
    and month without a year (:func:`_event_month_day`)."""
    if date is not None and date.value:
        return date.value[5:10] if date.precision == "day" else None
    return _event_month_day(ev, ctx)


def _weekday_of(date: dates_mod.DateMention | None, ev: _Event, ctx: _Context) -> int | None:
    """The weekday (Monday=0) of the event's day: of its date when dated to the day, none for a month or a year,
    else the first weekday named in its sentences, the lead or another agreement sentence (``शुक्रवार को``)."""
    if date is not None and date.value:
        return dt.date.fromisoformat(date.value).weekday() if date.precision == "day" else None
    own = sorted({a["sentence_id"] for a in ev.mentions})
    for sid in [*own, *sorted(set(range(LEAD)) | set(ctx.agreement_sentences()))]:
        found = next((d.weekday for d in _dates_in(ctx, sid) if d.weekday is not None), None)
        if found is not None:
            return found
    return None


def _event_month_day(ev: _Event, ctx: _Context) -> str | None:
    """For an event with no full date, the ``MM-DD`` of the first day and month without a year in its sentences,
    else in the lead or another agreement sentence (``4 दिसंबर को``): no year is invented, but two reports can
    still be compared."""
    own = sorted({a["sentence_id"] for a in ev.mentions})
    for sid in [*own, *sorted(set(range(LEAD)) | set(ctx.agreement_sentences()))]:
        found = next((d.month_day for d in _dates_in(ctx, sid) if d.month_day), None)
        if found:
            return found
    return None


MEETING_KEYS = ("meeting_date", "meeting_date_text", "meeting_place", "meeting_place_text")
_YEAR_IN = re.compile(r"(?<![\p{L}\p{M}\p{N}])[12१२][0-9०-९]{3}\s+में(?![\p{L}\p{M}])")  # "2026 में"


def _meeting(ev: _Event, ctx: _Context) -> dict[str, Any]:
    """When and where a next meeting agreed on meets (``2026 में अस्ताना में 14वें सत्र``): the first date (or a
    year with ``में``) and the last venue of its own sentences -- Hindi puts the meeting's place right before what
    is agreed, after the session's (``इस्लामाबाद में हुई बैठक में ... अस्ताना में``). None for other categories."""
    out: dict[str, Any] = dict.fromkeys(MEETING_KEYS)
    if ev.category != "next_meeting":
        return out
    for sid in sorted(_sids(ev)):
        if out["meeting_date"] is None:
            out["meeting_date"], out["meeting_date_text"] = _meeting_date(ctx, sid)
        venue = _last_venue(ctx, sid)
        if venue and out["meeting_place"] is None:
            out["meeting_place"], out["meeting_place_text"] = venue[3], venue[2]
    return out


def _meeting_date(ctx: _Context, sid: int) -> tuple[str | None, str | None]:
    """The last date of sentence ``sid`` -- a date mention or a year followed by ``में`` -- as (value, words):
    the meeting's date stands near what is agreed, after the telling's (``आज बताया कि ... अगले सप्ताह``)."""
    sent = ctx.sentences.get(sid)
    if sent is None:
        return None, None
    found = [(d.start, d.end, d.value, d.text) for d in _dates_in(ctx, sid)]
    for m in _YEAR_IN.finditer(sent["text"]):
        a, b = sent["start"] + m.start(), sent["start"] + m.end()
        if not any(s <= a < e for s, e, _, _ in found):  # "24 अगस्त 2017 में" is one date already
            found.append((a, b, m.group()[:4].translate(dates_mod.DEV_DIGITS), m.group()))
    found = [f for f in found if not _happened(ctx.text, f[1], sent["end"])]
    if not found:
        return None, None
    _, _, value, words = max(found, key=lambda f: f[0])
    return value, words


def _last_venue(ctx: _Context, sid: int) -> tuple[int, int, str, str] | None:
    """The last venue of sentence ``sid`` (:func:`_venues`) that is not of what happened (:func:`_happened`)."""
    end = ctx.sentences[sid]["end"] if sid in ctx.sentences else 0
    return next((v for v in reversed(_venues(ctx, sid)) if not _happened(ctx.text, v[1], end)), None)


_HAPPENED = re.compile(r"^(?:\s+[\p{L}\p{M}\p{N}]+){0,2}?\s+(?:हुआ|हुई|हुईं|हुए|हुये)(?![\p{L}\p{M}])")


def _happened(text: str, end: int, stop: int) -> bool:
    """The date or place ending at ``end`` is of something that has happened, within three words: the session's
    (``इस्लामाबाद में हुई बैठक में``, ``मंगलवार को ... में हुई``) or the past (``1987 में हुई थी``), not the meeting's."""
    return bool(_HAPPENED.match(text[end : min(stop, end + 60)]))


def _venue(ctx: _Context, sid: int) -> tuple[int, int, str, str] | None:
    """A city of the sentence followed by ``में`` (``इस्लामाबाद में``, ``दिल्ली के हैदराबाद हाउस में``) or by a video
    conference joined from it (:data:`_VENUE_AFTER`), once per sentence."""
    if sid not in ctx.venues:
        ctx.venues[sid] = _find_venue(ctx, sid)
    return ctx.venues[sid]


def _find_venue(ctx: _Context, sid: int) -> tuple[int, int, str, str] | None:
    return next(iter(_venues(ctx, sid)), None)


def _venues(ctx: _Context, sid: int) -> list[tuple[int, int, str, str]]:
    """Every city of sentence ``sid`` that is a venue (:data:`_VENUE_AFTER`), in order."""
    sent = ctx.sentences.get(sid)
    if sent is None:
        return []
    return [(s, e, ctx.text[s:e], ident) for s, e, ident, kind in ctx.places.get(sid, [])
            if kind == "place" and _VENUE_AFTER.match(ctx.text[e : min(sent["end"], e + VENUE_REACH)])]  # fmt: skip


def _event_place(ev: _Event, ctx: _Context) -> tuple[int, int, str, str] | None:
    """Venue in the lead's sentences about the occasion, else in the event's sentences, else in another
    sentence reporting an agreement (the same occasion) or about the occasion near the top (``दिल्ली में दो दिन की
    बातचीत``), else the dateline (unless the visit is to another
    country), else the visit's destination. A sentence that only agrees on a next meeting places only that meeting
    (``2026 में अस्ताना में``): never the occasion's other events."""
    told = [sid for sid in range(NEAR) if sid in ctx.sentences and sid not in ctx.meeting_sids
            and _OCCASION.search(ctx.sentences[sid]["text"])]  # fmt: skip
    lead = [sid for sid in told if sid < LEAD]
    for sid in lead + sorted(_sids(ev)) + ctx.agreement_sentences() + told:
        venue = _venue(ctx, sid)
        if venue:
            return venue
    if ctx.dateline and not (ctx.visit and ctx.visit[3] != ctx.place_country(ctx.dateline[3])):
        return ctx.dateline
    return ctx.visit

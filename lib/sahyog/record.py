"""The record contract, defined once: the ``extract`` record's keys, the tables' columns, the Arrow schemas.

``extract`` builds records with :func:`make_record`, :mod:`sahyog.tables` and :mod:`sahyog.corpus` take
their columns and schemas from here, and a test checks the README's list of keys against
:data:`RECORD_KEYS` and :data:`ITEM_KEYS`. Adding a key is fine; renaming one breaks other tools.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

RECORD_KEYS = ("doc_id", "source", "dateline", "sentences", "n_tokens", "sectors", "agreements", "entities",
               "article_date", "article_date_source", "events", "dateline_place", "talks", "talks_events")  # fmt: skip
# Keys a record must have to be read: records written before ``article_date`` and ``events`` existed still read.
REQUIRED_KEYS = RECORD_KEYS[:8]
ARTICLE_DATE_SOURCES = ("caller", "filename", "dateline", "text")
# Keys of the items of each list in a record.
SENTENCE_KEYS = ("id", "start", "end", "text")
SECTOR_KEYS = ("sentence_id", "sector", "term", "start", "end", "context")
AGREEMENT_KEYS = ("id", "sentence_id", "category", "sectors", "parties", "count", "text", "level", "status", "routes")
ENTITY_KEYS = ("type", "id", "name_en", "name_hi", "lat", "lon", "role", "country", "actor_type", "mentions")
MENTION_KEYS = ("text", "start", "end", "sentence_id")  # an entity's mentions
ROUTE_STOP_KEYS = ("id", "start", "end")  # each stop of each route of a corridor agreement
# One event = one occasion x one category (sahyog.events); ``mentions`` are agreement ids, ``sentences`` ids;
# ``date`` and ``place`` are the occasion's, ``meeting_*`` when and where a next meeting agreed on meets.
EVENT_KEYS = ("id", "category", "count", "parties", "level", "status", "sectors", "date", "date_precision",
              "date_text", "date_start", "date_end", "place", "place_text", "place_start", "place_end",
              "mentions", "sentences", "month_day", "weekday", "leaders", "amounts", "meeting_date",
              "meeting_date_text", "meeting_place", "meeting_place_text")  # fmt: skip
# ``talks`` (sahyog.talks): meetings held between states, mentions as agreements are and events as ``events`` are
# (category ``talks``, ids ``t1`` ... and ``m1`` ...), kept apart from what was agreed.
ITEM_KEYS = {"sentences": SENTENCE_KEYS, "sectors": SECTOR_KEYS, "agreements": AGREEMENT_KEYS,
             "entities": ENTITY_KEYS, "events": EVENT_KEYS, "talks": AGREEMENT_KEYS,
             "talks_events": EVENT_KEYS}  # fmt: skip
NESTED_KEYS = {("agreements", "routes"): ROUTE_STOP_KEYS, ("entities", "mentions"): MENTION_KEYS}

# Table columns with their Arrow types ("str", "int", "float", "strs" = list of strings, "date").
# ``documents`` holds the corpus-only ``date`` and ``error`` too; :data:`CORPUS_ONLY` names them (an event's
# ``date`` in ``article_events`` is its own).
TABLE_TYPES: dict[str, tuple[tuple[str, str], ...]] = {
    "documents": (("doc_id", "str"), ("date", "date"), ("source", "str"), ("dateline", "str"),
                  ("n_sentences", "int"), ("n_tokens", "int"), ("n_sector_mentions", "int"),
                  ("n_agreements", "int"), ("n_entities", "int"), ("error", "str"), ("n_events", "int"),
                  ("n_talks", "int")),
    "sentences": (("doc_id", "str"), ("id", "int"), ("start", "int"), ("end", "int"), ("text", "str")),
    "sectors": (("doc_id", "str"), *((k, "int" if k in ("sentence_id", "start", "end") else "str")
                                     for k in SECTOR_KEYS)),
    "agreements": (("doc_id", "str"), ("id", "str"), ("sentence_id", "int"), ("category", "str"), ("sectors", "strs"),
                   ("parties", "strs"), ("count", "int"), ("text", "str"), ("level", "str"), ("status", "str")),
    "entities": (("doc_id", "str"), ("type", "str"), ("id", "str"), ("name_en", "str"), ("name_hi", "str"),
                 ("lat", "float"), ("lon", "float"), ("role", "str"), ("country", "str"), ("actor_type", "str"),
                 ("n_mentions", "int"), ("variants", "strs")),
    "entity_mentions": (("doc_id", "str"), ("entity_id", "str"), ("type", "str"), ("text", "str"),
                        ("start", "int"), ("end", "int"), ("sentence_id", "int")),
    # one row per event of one article (the corpus-level ``events`` table of issue 17 merges them)
    "article_events": (("doc_id", "str"), ("id", "str"), ("category", "str"), ("count", "int"),
                       ("parties", "strs"), ("level", "str"), ("status", "str"), ("sectors", "strs"),
                       ("date", "str"), ("date_precision", "str"), ("date_text", "str"), ("date_start", "int"),
                       ("date_end", "int"), ("place", "str"), ("place_text", "str"), ("place_start", "int"),
                       ("place_end", "int"), ("mentions", "strs"), ("sentences", "ints"), ("month_day", "str"),
                       ("weekday", "int"), ("leaders", "strs"), ("amounts", "strs"), ("meeting_date", "str"),
                       ("meeting_date_text", "str"), ("meeting_place", "str"), ("meeting_place_text", "str")),
    # Corpus events (sahyog.corpus_events): one row per event however many articles report it, and one row
    # per article event with the corpus event it belongs to (its evidence sentence, its article's date and headline).
    "events": (("id", "str"), ("category", "str"), ("status", "str"), ("level", "str"), ("parties", "strs"),
               ("party_names", "strs"), ("party_types", "strs"), ("party_countries", "strs"), ("date", "str"),
               ("date_precision", "str"), ("place", "str"), ("place_name", "str"), ("place_country", "str"),
               ("lat", "float"), ("lon", "float"), ("sectors", "strs"), ("count", "int"), ("n_sources", "int"),
               ("n_reports", "int"), ("first_report", "date"), ("last_report", "date"), ("sentence", "str"),
               ("headline", "str")),
    "event_sources": (("event_id", "str"), ("doc_id", "str"), ("article_event_id", "str"), ("sentence", "str"),
                      ("article_date", "date"), ("headline", "str"), ("category", "str"), ("status", "str"),
                      ("level", "str"), ("parties", "strs"), ("party_names", "strs"), ("party_types", "strs"),
                      ("party_countries", "strs"), ("date", "str"), ("date_precision", "str"), ("place", "str"),
                      ("place_name", "str"), ("place_country", "str"), ("lat", "float"), ("lon", "float"),
                      ("sectors", "strs"), ("count", "int"), ("month_day", "str"), ("weekday", "int"),
                      ("leaders", "strs"), ("amounts", "strs"), ("named_places", "strs")),
}  # fmt: skip
# Talks held (sahyog.talks; record keys ``talks`` and ``talks_events``): the mentions and the events of one article,
# in the shapes of its agreements and of its article events (in the corpus they are events of category ``talks``).
TABLE_TYPES["talks"] = TABLE_TYPES["agreements"]
TABLE_TYPES["talks_events"] = TABLE_TYPES["article_events"]
CORPUS_ONLY = frozenset({"date", "error"})
CORPUS_TABLES = ("documents", "sectors", "agreements", "entities", "entity_mentions")
EVENT_TABLES = ("events", "event_sources")  # written by the client after the run, from every partition's article events


def columns(table: str, corpus: bool = False) -> list[str]:
    """The column names of a table; ``corpus=True`` includes the corpus-only ``date`` and ``error``."""
    return [c for c, _ in TABLE_TYPES[table] if corpus or table != "documents" or c not in CORPUS_ONLY]


@cache
def arrow_schema(table: str) -> Any:
    """The Parquet/Arrow schema of a corpus table (pyarrow is imported only when asked for)."""
    import pyarrow as pa

    types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "strs": pa.list_(pa.string()),
             "ints": pa.list_(pa.int64()), "date": pa.date32()}  # fmt: skip
    return pa.schema([(c, types[t]) for c, t in TABLE_TYPES[table]])


# ---------------------------------------------------------------------------------------------
# Building and reading records


def make_record(doc_id: str, source: str, doc: Any, mentions: Iterable[Any], agreements: Iterable[Any],
                entities: Iterable[Any], article_date: str | None = None,
                article_date_source: str | None = None, talks: Iterable[Any] = ()) -> dict[str, Any]:  # fmt: skip
    """The ``extract`` record of an article from its :class:`~sahyog.text.Document` (or its
    :class:`DocumentHead`) and the annotators' results; ``events`` and ``dateline_place`` are filled by
    :mod:`sahyog.events`.

    Agreement mentions get ids ``a1``, ``a2`` ... in document order over all agreements found, talks ``t1`` ...;
    ``talks_events`` is filled by :mod:`sahyog.events` too."""
    return {
        "doc_id": doc_id,
        "source": source,
        "dateline": doc.dateline.text if doc.dateline else None,
        "sentences": [_item(s, SENTENCE_KEYS) for s in doc.sentences],
        "n_tokens": doc.n_tokens,
        "sectors": [_item(m, SECTOR_KEYS) for m in mentions],
        "agreements": [_agreement(a, mention_id(n)) for n, a in enumerate(agreements)],
        "entities": [_entity(e) for e in entities],
        "article_date": article_date,
        "article_date_source": article_date_source if article_date else None,
        "events": [],
        "dateline_place": None,
        "talks": [_agreement(a, f"t{n + 1}") for n, a in enumerate(talks)],
        "talks_events": [],
    }


def mention_id(index: int) -> str:
    """The id of the agreement mention at ``index`` (0-based, document order): ``a1``, ``a2`` ..."""
    return f"a{index + 1}"


class DocumentHead(NamedTuple):
    """What a record needs of a document: without its token stream, which can then be freed first."""

    dateline: Any
    sentences: list[Any]
    n_tokens: int

    @classmethod
    def of(cls, doc: Any) -> DocumentHead:
        return cls(doc.dateline, doc.sentences, doc.n_tokens)


def _item(obj: Any, keys: Sequence[str]) -> dict[str, Any]:
    return {k: getattr(obj, k) for k in keys}


def _agreement(a: Any, ident: str) -> dict[str, Any]:
    out = {"id": ident, **_item(a, AGREEMENT_KEYS[1:-1])}
    out["sectors"], out["parties"] = list(a.sectors), list(a.parties)
    out["routes"] = [[_item(stop, ROUTE_STOP_KEYS) for stop in route] for route in a.routes]
    return out


def _entity(e: Any) -> dict[str, Any]:
    out = _item(e, ENTITY_KEYS[:-1])
    out["mentions"] = [_item(m, MENTION_KEYS) for m in e.mentions]
    return out


def read_record(path: str | Path) -> dict[str, Any]:
    """A record written as JSON (``sahyog extract`` writes one per line; this reads a file holding one).

    A file that cannot be read or lacks a record key is an :class:`~sahyog.errors.InputError`."""
    from .errors import InputError

    try:
        with open(path, encoding="utf-8") as fh:
            record = json.load(fh)
    except (OSError, ValueError) as exc:
        raise InputError(path, f"not a readable record: {exc}") from None
    missing = [k for k in REQUIRED_KEYS if not isinstance(record, dict) or k not in record]
    if missing:
        raise InputError(path, f"not a record: missing {', '.join(missing)}")
    return record


def is_reported(agreement: Mapping[str, Any]) -> bool:
    """True for an agreement the default tables count: level ``government`` and status ``agreed``
    (a record written before these keys existed counts)."""
    from .outcomes import DEFAULT_LEVELS, DEFAULT_STATUSES

    return (
        agreement.get("level", "government") in DEFAULT_LEVELS and agreement.get("status", "agreed") in DEFAULT_STATUSES
    )


def reported(data: Mapping[str, Any] | Iterable[Mapping[str, Any]], all_agreements: bool = False) -> list[Any]:
    """The records as the default tables, charts, report index and corpus tables count them: only agreements
    between governments that were agreed. ``all_agreements=True`` keeps planned, institutional and domestic
    ones too (the ``--all-agreements`` option and the notebooks' ``all_agreements`` parameter). Here, not in
    :mod:`sahyog.tables`, so that ``sahyog extract`` needs no pandas."""
    recs = [data] if isinstance(data, Mapping) else list(data)
    if all_agreements:
        return recs
    out = [{**r, "agreements": [a for a in r["agreements"] if is_reported(a)]} for r in recs]
    for r in out:
        if "events" in r:  # a record written before events existed has none (readers fall back to mentions)
            r["events"] = [e for e in r["events"] if is_reported(e)]
        if "talks" in r:
            r["talks"] = [a for a in r["talks"] if is_reported(a)]
            r["talks_events"] = [e for e in r.get("talks_events", []) if is_reported(e)]
    return out

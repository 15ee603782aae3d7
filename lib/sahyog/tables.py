"""pandas tables from ``extract`` records: the shapes notebooks show and CSV/Parquet files hold.

Every function takes one record (dict from :func:`sahyog.extract.extract_text`) or a list of them
and returns a DataFrame with a ``doc_id`` column, so the same code serves one article and a corpus.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from .actors import ACTOR_LABELS
from .agreements import ROUTE_STOP_TYPES
from .files import write_atomic
from .record import columns, is_reported, reported  # noqa: F401 (tables.reported is their public name)

Record = Mapping[str, Any]

DOCUMENT_COLUMNS = columns("documents")
SENTENCE_COLUMNS = columns("sentences")
SECTOR_COLUMNS = columns("sectors")
AGREEMENT_COLUMNS = columns("agreements")
ENTITY_COLUMNS = columns("entities")
MENTION_COLUMNS = columns("entity_mentions")
EVENT_COLUMNS = columns("article_events")


def configure_display() -> None:
    """Show evidence sentences whole in notebooks and reports (pandas cuts cells at 50 characters)."""
    pd.set_option("display.max_colwidth", None)
    pd.set_option("display.max_rows", 300)


def span_text(record: Record, start: int, end: int) -> str:
    """``original[start:end]`` rebuilt from a record's sentences ("" if the span is not inside one)."""
    for sent in record["sentences"]:
        if sent["start"] <= start <= end <= sent["end"]:
            return sent["text"][start - sent["start"] : end - sent["start"]]
    return ""


def _records(data: Record | Iterable[Record]) -> list[Record]:
    return [data] if isinstance(data, Mapping) else list(data)


def _rows(data: Record | Iterable[Record], key: str, columns: list[str]) -> pd.DataFrame:
    """The items of each record's ``key`` (none for a record written before it existed) with their ``doc_id``."""
    rows = [{"doc_id": r["doc_id"], **item} for r in _records(data) for item in r.get(key, [])]
    return pd.DataFrame(rows, columns=columns)


def documents(data: Record | Iterable[Record]) -> pd.DataFrame:
    """One row per article: id, source, dateline, counts of sentences, tokens, sector mentions, agreement mentions,
    entities, events (each agreement once) and talks held."""
    rows = [
        {
            "doc_id": r["doc_id"],
            "source": r["source"],
            "dateline": r["dateline"],
            "n_sentences": len(r["sentences"]),
            "n_tokens": r["n_tokens"],
            "n_sector_mentions": len(r["sectors"]),
            "n_agreements": len(r["agreements"]),
            "n_entities": len(r["entities"]),
            "n_events": len(r.get("events", [])),  # each agreement once (n_agreements: its mentions)
            "n_talks": len(r.get("talks_events", [])),
        }
        for r in _records(data)
    ]
    return pd.DataFrame(rows, columns=DOCUMENT_COLUMNS)


def sentences(data: Record | Iterable[Record]) -> pd.DataFrame:
    """The sentence table: id, offsets and text."""
    return _rows(data, "sentences", SENTENCE_COLUMNS)


def sector_mentions(data: Record | Iterable[Record]) -> pd.DataFrame:
    """Every sector mention with its sentence, term, offsets and context."""
    return _rows(data, "sectors", SECTOR_COLUMNS)


def with_evidence(df: pd.DataFrame, data: Record | Iterable[Record]) -> pd.DataFrame:
    """``df`` (rows with doc_id, sentence_id, start, end) plus the words as written and the evidence sentence."""
    recs = {r["doc_id"]: r for r in _records(data)}
    sentence = {(d, s["id"]): s["text"] for d, r in recs.items() for s in r["sentences"]}
    return df.assign(
        written=[span_text(recs[d], s, e) for d, s, e in zip(df["doc_id"], df["start"], df["end"], strict=True)],
        evidence=[sentence.get((d, i), "") for d, i in zip(df["doc_id"], df["sentence_id"], strict=True)],
    )


def agreements(data: Record | Iterable[Record]) -> pd.DataFrame:
    """Every agreement with category, sectors, parties, count and evidence sentence.

    ``count`` is a nullable integer: empty where the article states no number.
    """
    return _rows(data, "agreements", AGREEMENT_COLUMNS).astype({"count": "Int64"})


def entities(data: Record | Iterable[Record]) -> pd.DataFrame:
    """One row per entity with its readable name, coordinates, mention count and written variants."""
    rows = []
    for r in _records(data):
        for e in r["entities"]:
            variants = sorted({m["text"] for m in e["mentions"]})
            rows.append(
                {
                    "doc_id": r["doc_id"],
                    **{k: e.get(k) for k in ENTITY_COLUMNS[1:-2]},
                    "n_mentions": len(e["mentions"]),
                    "variants": variants,
                }
            )
    return pd.DataFrame(rows, columns=ENTITY_COLUMNS)


def entity_mentions(data: Record | Iterable[Record]) -> pd.DataFrame:
    """One row per entity mention (text as written, offsets, sentence)."""
    rows = [
        {"doc_id": r["doc_id"], "entity_id": e["id"], "type": e["type"], **m}
        for r in _records(data)
        for e in r["entities"]
        for m in e["mentions"]
    ]
    return pd.DataFrame(rows, columns=MENTION_COLUMNS)


def events(data: Record | Iterable[Record], key: str = "events") -> pd.DataFrame:
    """One row per event (one occasion x one category) with its count, parties, sectors, date and place;
    a record written before events existed has none. ``key``: the record's list (``talks_events``: talks held)."""
    return _rows(data, key, EVENT_COLUMNS).astype(
        {"count": "Int64", "date_start": "Int64", "date_end": "Int64", "place_start": "Int64", "place_end": "Int64"}
    )


def talks(data: Record | Iterable[Record]) -> pd.DataFrame:
    """Every sentence that reports talks held between governments (``record["talks"]``), in the columns of
    :func:`agreements` (category ``talks``); a record written before talks existed has none."""
    return _rows(data, "talks", AGREEMENT_COLUMNS).astype({"count": "Int64"})


def talks_events(data: Record | Iterable[Record]) -> pd.DataFrame:
    """One row per talks held (``record["talks_events"]``: one per set of sides), in the columns of :func:`events`."""
    return events(data, "talks_events")


TABLES = {
    "documents": documents,
    "sentences": sentences,
    "sectors": sector_mentions,
    "agreements": agreements,
    "events": events,
    "talks": talks,
    "talks_events": talks_events,
    "entities": entities,
    "entity_mentions": entity_mentions,
}


def _flatten(df: pd.DataFrame) -> pd.DataFrame:
    """Lists become '; '-joined strings so a table reads well in a spreadsheet."""
    out = df.copy()
    for col in out.columns:
        if out[col].map(lambda v: isinstance(v, list | tuple)).any():
            out[col] = out[col].map(lambda v: "; ".join(map(str, v)) if isinstance(v, list | tuple) else v)
    return out


def write_csv(df: pd.DataFrame, path: str | Path) -> Path:
    """Write ``df`` as UTF-8 CSV atomically: a reader never sees half a file."""
    return write_atomic(path, lambda fh: _flatten(df).to_csv(fh, index=False))


def write_all_csv(data: Record | Iterable[Record], out_dir: str | Path) -> list[Path]:
    """Write every table of :data:`TABLES` as ``<name>.csv`` under ``out_dir``."""
    recs = _records(data)
    return [write_csv(make(recs), Path(out_dir) / f"{name}.csv") for name, make in TABLES.items()]


# --- tables for one article's text (notebook 01) ---------------------------------------------------


def sentence_overview(doc: Any) -> pd.DataFrame:
    """Sentence table of a :class:`~sahyog.text.Document`: id, text, token count (of its one token stream)
    and offsets."""
    rows = [
        {"id": s.id, "text": s.text, "n_tokens": hi - lo, "start": s.start, "end": s.end}
        for s, (lo, hi) in zip(doc.sentences, doc.bounds, strict=True)
    ]
    return pd.DataFrame(rows, columns=["id", "text", "n_tokens", "start", "end"])


def token_summary(stats: Any) -> pd.DataFrame:
    """A :class:`~sahyog.text.TokenStats` as a two-column table (measure, value) for display and CSV."""
    rows = [
        ("tokens", stats.n_tokens),
        ("words", stats.n_words),
        ("distinct words (types)", stats.n_types),
        ("type/token ratio", stats.type_token_ratio),
    ]
    rows += [(f"{kind} tokens", n) for kind, n in stats.kinds.items()]
    return pd.DataFrame({"measure": [m for m, _ in rows], "value": pd.Series([v for _, v in rows], dtype=object)})


def top_words(stats: Any) -> pd.DataFrame:
    """The top content words of a :class:`~sahyog.text.TokenStats` as a table (word, count)."""
    return pd.DataFrame(stats.top_content_words, columns=["word", "count"])


# --- sectors and agreements (notebooks 02 and 03) ------------------------------------------------------


def sector_table(data: Record | Iterable[Record], labels: Mapping[str, Mapping[str, str]]) -> pd.DataFrame:
    """Per sector: Hindi and English label, mentions, sentences, mentions by context, terms as written.

    Charts count ``agreement`` + ``cooperation``; ``portfolio`` (office titles), ``mention`` (no cooperation
    between states in the sentence) and ``conflict`` are shown as columns but left out by default."""
    df = sector_mentions(data)
    cols = [
        "sector",
        "label_hi",
        "label_en",
        "mentions",
        "sentences",
        "agreement",
        "cooperation",
        "portfolio",
        "mention",
        "conflict",
        "terms",
    ]
    if df.empty:
        return pd.DataFrame(columns=cols)
    rows = []
    for sector, g in df.groupby("sector", sort=False):
        ctx = g["context"].value_counts()
        rows.append(
            {
                "sector": sector,
                "label_hi": labels.get(sector, {}).get("label_hi", ""),
                "label_en": labels.get(sector, {}).get("label_en", sector),
                "mentions": len(g),
                "sentences": g[["doc_id", "sentence_id"]].drop_duplicates().shape[0],
                **{c: int(ctx.get(c, 0)) for c in ("agreement", "cooperation", "portfolio", "mention", "conflict")},
                "terms": sorted(set(g["term"])),
            }
        )
    return pd.DataFrame(rows, columns=cols).sort_values(
        ["mentions", "sector"], ascending=[False, True], ignore_index=True
    )


def sector_sentence_matrix(record: Record) -> pd.DataFrame:
    """Sectors (rows) × sentence ids (columns) of one article: how often each sector is named there."""
    df = sector_mentions(record)
    if df.empty:
        return pd.DataFrame()
    m = pd.crosstab(df["sector"], df["sentence_id"])
    return m.reindex(columns=range(len(record["sentences"])), fill_value=0).loc[
        m.sum(axis=1).sort_values(ascending=False).index
    ]


def category_counts(data: Record | Iterable[Record]) -> pd.DataFrame:
    """Per agreement category: events, the numbers of documents they state, and the mentions reporting them.
    A record written before events existed counts its mentions as events."""
    cols = ["category", "events", "stated_count", "mentions"]
    recs = _records(data)
    ev = pd.DataFrame(
        [(e["category"], e.get("count")) for r in recs for e in (r["events"] if "events" in r else r["agreements"])],
        columns=["category", "count"],
    )
    if ev.empty:
        return pd.DataFrame(columns=cols)
    g = ev.astype({"count": "Int64"}).groupby("category")
    mentions = agreements(recs)["category"].value_counts()
    out = pd.DataFrame({"events": g.size(), "stated_count": g["count"].sum(min_count=1)}).reset_index()
    out["mentions"] = [int(mentions.get(c, 0)) for c in out["category"]]
    return out.sort_values(["events", "category"], ascending=[False, True], ignore_index=True)


def party_label(entity: Mapping[str, Any]) -> str:
    """``Pakistan (state)``, ``NADRA (government body, PK)``: an entity's English name with its actor type and,
    for a body, the country it belongs to."""
    kind = ACTOR_LABELS.get(entity.get("actor_type") or "", entity.get("type", ""))
    country = entity.get("country")
    extra = f", {country}" if country and entity.get("actor_type") not in ("state", None) else ""
    return f"{entity['name_en']} ({kind}{extra})"


def agreements_with_parties(data: Record | Iterable[Record]) -> pd.DataFrame:
    """The agreement table with readable columns: ``parties`` as names with actor types (not ids), ``level``,
    ``status``, and ``party_types`` (the parties' actor types, in order)."""
    recs = _records(data)
    label = {(r["doc_id"], e["id"]): party_label(e) for r in recs for e in r["entities"]}
    types = {(r["doc_id"], e["id"]): e.get("actor_type") or "" for r in recs for e in r["entities"]}
    df = agreements(recs)
    keys = [[(d, p) for p in parties] for d, parties in zip(df["doc_id"], df["parties"], strict=True)]
    return df.assign(
        parties=[[label.get(k, k[1]) for k in ks] for ks in keys],
        party_types=[[types.get(k, "") for k in ks] for ks in keys],
    )


def parties_table(data: Record | Iterable[Record]) -> pd.DataFrame:
    """One row per entity that is a party to an agreement: name (English, Hindi), actor type, country, the
    number of agreement mentions naming it, and of events (all, and between governments and agreed).
    A record written before events existed counts its mentions as events."""
    cols = ["doc_id", "id", "name_en", "name_hi", "actor_type", "country", "agreements", "events",
            "government_agreed"]  # fmt: skip
    rows = []
    for r in _records(data):
        evs = r["events"] if "events" in r else r["agreements"]
        for e in r["entities"]:
            mine = [a for a in r["agreements"] if e["id"] in a["parties"]]
            events = [ev for ev in evs if e["id"] in ev["parties"]]
            if mine or events:
                rows.append(
                    {
                        "doc_id": r["doc_id"],
                        "id": e["id"],
                        "name_en": e["name_en"],
                        "name_hi": e["name_hi"],
                        "actor_type": e.get("actor_type"),
                        "country": e.get("country"),
                        "agreements": len(mine),
                        "events": len(events),
                        "government_agreed": sum(is_reported(ev) for ev in events),
                    }
                )
    return pd.DataFrame(rows, columns=cols).sort_values(
        ["doc_id", "events", "agreements"], ascending=[True, False, False], ignore_index=True
    )


def category_sector_matrix(data: Record | Iterable[Record]) -> pd.DataFrame:
    """Agreement categories (rows) × sectors (columns): how many events cover each sector (once per event)."""
    evs = [e for r in _records(data) for e in (r["events"] if "events" in r else r["agreements"])]
    pairs = [(e["category"], s) for e in evs for s in (sorted(set(e["sectors"])) or ["(none)"])]
    if not pairs:
        return pd.DataFrame()
    p = pd.DataFrame(pairs, columns=["category", "sector"])
    return pd.crosstab(p["category"], p["sector"])


# --- who and where (notebook 04) ---------------------------------------------------------------------

MAPPABLE = ROUTE_STOP_TYPES


def co_mentions(record: Record, entity_type: str = "country") -> pd.DataFrame:
    """Entities of one type × the same: in how many sentences both are named (diagonal: own sentences)."""
    sentences_of: dict[str, set[int]] = {}
    names = {}
    for e in record["entities"]:
        if e["type"] == entity_type:
            sentences_of[e["id"]] = {m["sentence_id"] for m in e["mentions"] if m["sentence_id"] >= 0}
            names[e["id"]] = e["name_en"]
    ids = sorted(sentences_of, key=lambda i: -len(sentences_of[i]))
    labels = [names[i] for i in ids]
    data = [[len(sentences_of[a] & sentences_of[b]) for b in ids] for a in ids]
    return pd.DataFrame(data, index=labels, columns=labels)


def routes(record: Record) -> pd.DataFrame:
    """Routes of the corridor agreements as ordered stops (country or place ids) for drawing on a map.

    The stops are the agreement's ``routes`` in the record (see :func:`sahyog.agreements.route_stops`).
    """
    names = {e["id"]: e["name_en"] for e in record["entities"]}
    rows = []
    for a in record["agreements"]:
        for route in a.get("routes") or []:
            stops = [s["id"] for s in route]
            rows.append(
                {
                    "doc_id": record["doc_id"],
                    "sentence_id": a["sentence_id"],
                    "stops": stops,
                    "route": " → ".join(names[s] for s in stops),
                }
            )
    return pd.DataFrame(rows, columns=["doc_id", "sentence_id", "route", "stops"])

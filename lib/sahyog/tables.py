"""pandas tables from ``extract`` records: the shapes notebooks show and CSV/Parquet files hold.

Every function takes one record (dict from :func:`sahyog.extract.extract_text`) or a list of them
and returns a DataFrame with a ``doc_id`` column, so the same code serves one article and a corpus.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pandas as pd

Record = Mapping[str, Any]

SENTENCE_COLUMNS = ["doc_id", "id", "start", "end", "text"]
SECTOR_COLUMNS = ["doc_id", "sentence_id", "sector", "term", "start", "end", "context"]
AGREEMENT_COLUMNS = ["doc_id", "sentence_id", "category", "sectors", "parties", "count", "text"]
ENTITY_COLUMNS = ["doc_id", "type", "id", "name_en", "name_hi", "lat", "lon", "role", "country", "n_mentions",
                  "variants"]
MENTION_COLUMNS = ["doc_id", "entity_id", "type", "text", "start", "end", "sentence_id"]


def _records(data: Record | Iterable[Record]) -> list[Record]:
    return [data] if isinstance(data, Mapping) else list(data)


def _rows(data: Record | Iterable[Record], key: str, columns: list[str]) -> pd.DataFrame:
    rows = [{"doc_id": r["doc_id"], **item} for r in _records(data) for item in r[key]]
    return pd.DataFrame(rows, columns=columns)


def documents(data: Record | Iterable[Record]) -> pd.DataFrame:
    """One row per article: id, source, dateline, counts of sentences, tokens, sector mentions, agreements."""
    rows = [
        {"doc_id": r["doc_id"], "source": r["source"], "dateline": r["dateline"], "n_sentences": len(r["sentences"]),
         "n_tokens": r["n_tokens"], "n_sector_mentions": len(r["sectors"]), "n_agreements": len(r["agreements"]),
         "n_entities": len(r["entities"])}
        for r in _records(data)
    ]
    return pd.DataFrame(rows, columns=["doc_id", "source", "dateline", "n_sentences", "n_tokens",
                                       "n_sector_mentions", "n_agreements", "n_entities"])


def sentences(data: Record | Iterable[Record]) -> pd.DataFrame:
    """The sentence table: id, offsets and text."""
    return _rows(data, "sentences", SENTENCE_COLUMNS)


def sector_mentions(data: Record | Iterable[Record]) -> pd.DataFrame:
    """Every sector mention with its sentence, term, offsets and context."""
    return _rows(data, "sectors", SECTOR_COLUMNS)


def agreements(data: Record | Iterable[Record]) -> pd.DataFrame:
    """Every agreement with category, sectors, parties, count and evidence sentence."""
    return _rows(data, "agreements", AGREEMENT_COLUMNS)


def entities(data: Record | Iterable[Record]) -> pd.DataFrame:
    """One row per entity with its readable name, coordinates, mention count and written variants."""
    rows = []
    for r in _records(data):
        for e in r["entities"]:
            variants = sorted({m["text"] for m in e["mentions"]})
            rows.append({"doc_id": r["doc_id"], **{k: e.get(k) for k in ENTITY_COLUMNS[1:-2]},
                         "n_mentions": len(e["mentions"]), "variants": variants})
    return pd.DataFrame(rows, columns=ENTITY_COLUMNS)


def entity_mentions(data: Record | Iterable[Record]) -> pd.DataFrame:
    """One row per entity mention (text as written, offsets, sentence)."""
    rows = [{"doc_id": r["doc_id"], "entity_id": e["id"], "type": e["type"], **m}
            for r in _records(data) for e in r["entities"] for m in e["mentions"]]
    return pd.DataFrame(rows, columns=MENTION_COLUMNS)


TABLES = {
    "documents": documents,
    "sentences": sentences,
    "sectors": sector_mentions,
    "agreements": agreements,
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
    """Write ``df`` as UTF-8 CSV atomically (temp file, then rename): a reader never sees half a file."""
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=p.parent, prefix=f".{p.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            _flatten(df).to_csv(fh, index=False)
        os.replace(tmp, p)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return p


def write_all_csv(data: Record | Iterable[Record], out_dir: str | Path) -> list[Path]:
    """Write every table of :data:`TABLES` as ``<name>.csv`` under ``out_dir``."""
    recs = _records(data)
    return [write_csv(make(recs), Path(out_dir) / f"{name}.csv") for name, make in TABLES.items()]

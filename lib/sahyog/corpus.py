"""Many articles at once: the ``corpus`` command on Dask, streamed, in bounded memory.

Input is a folder of ``.txt`` articles, a JSON Lines file or a CSV file (one article per row). It is
read lazily in partitions of ``partition_size`` articles; each partition is one Dask task that runs
:func:`sahyog.extract.extract_text` on its articles and returns small Arrow tables built with the
same :mod:`sahyog.tables` functions ``extract`` uses, so per-article results are identical.

Design decisions:

- **The client writes.** Tasks return their tables; the client appends each as one row group to a
  single Parquet file per table, in input order. Workers need no shared disk, so a remote cluster
  (``--scheduler tcp://host:port``) works as is. At most ``2 × worker threads`` tasks are in flight
  and at most that many finished results wait for their turn, so memory stays flat.
- **Folder input on a remote cluster:** the client reads each file's bytes and ships them; on the
  local cluster the workers read the files themselves. Decoding and the Hindi check always run on
  workers (``text.decode_bytes`` + ``text.check_hindi``: the same errors as ``load_article``).
- **Output:** ``documents, sectors, agreements, entities, entity_mentions`` (``.parquet``) and
  ``summary.json``, built in a temporary sibling folder and moved into place only when complete.
  Entity mentions are a separate flat table (as in ``tables.entity_mentions``), not a nested list.
- **Bad articles** get a ``documents`` row with ``error`` set (the one-line ``InputError`` message)
  and no other rows; the run goes on.
"""

from __future__ import annotations

import json
import logging
import os
import random
import shutil
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from itertools import combinations
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from .errors import InputError
from .files import make_staging_dir, replace_dir
from .paths import article_files, doc_id_for
from .record import CORPUS_TABLES, arrow_schema

log = logging.getLogger(__name__)

TABLE_NAMES = CORPUS_TABLES
SCHEMAS: dict[str, pa.Schema] = {name: arrow_schema(name) for name in TABLE_NAMES}  # defined in sahyog.record
SUMMARY_FILE = "summary.json"


# ---------------------------------------------------------------------------------------------
# Input: lazily, in partitions


@dataclass(frozen=True)
class Item:
    """One article as shipped to a worker: its text, its bytes, or a path the worker reads.

    ``origin`` names where it came from (file, or ``file:row``) in error messages; ``error`` is set
    when the client already knows the article is unusable (a JSON line that does not parse).
    """

    doc_id: str
    source: str
    origin: str
    date: date | None = None
    text: str | None = None
    data: bytes | None = None
    path: str | None = None
    error: str | None = None


@dataclass(frozen=True)
class CorpusInput:
    """A validated corpus input: its format, article count (if cheap to know) and column names."""

    path: Path
    format: str
    n_articles: int | None
    text_column: str = "text"
    date_column: str = "date"
    source_column: str = "source"
    id_column: str = "doc_id"


_DATE_PREFIX_LEN = 10  # YYYY-MM-DD


def parse_date(value: Any) -> date | None:
    """An ISO date (``YYYY-MM-DD``, optionally followed by a time) as a date; None if absent or unreadable."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or len(value.strip()) < _DATE_PREFIX_LEN:
        return None
    try:
        return date.fromisoformat(value.strip()[:_DATE_PREFIX_LEN])
    except ValueError:
        return None


def open_input(path: str | Path, text_column: str = "text", date_column: str = "date", source_column: str = "source",
               id_column: str = "doc_id") -> CorpusInput:
    """Check that ``path`` is a usable corpus (raising :class:`InputError` naming it) and count its articles."""
    p = Path(path)
    cols = {"text_column": text_column, "date_column": date_column, "source_column": source_column,
            "id_column": id_column}
    if not p.exists():
        raise InputError(p, "no such file or folder")
    if p.is_dir():
        n = len(article_files(p))
        if not n:
            raise InputError(p, "folder has no .txt articles")
        return CorpusInput(p, "folder", n, **cols)
    suffix = p.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        _check_jsonl_columns(p, text_column)
        return CorpusInput(p, "jsonl", _count_lines(p), **cols)
    if suffix == ".csv":
        columns = _csv_columns(p)
        if text_column not in columns:
            raise InputError(p, f"no text column {text_column!r}; columns: {', '.join(columns) or '(none)'}")
        return CorpusInput(p, "csv", None, **cols)
    raise InputError(p, "not a corpus: give a folder of .txt files, a .jsonl file or a .csv file")


def _count_lines(path: Path) -> int:
    with path.open("rb") as fh:
        return sum(1 for line in fh if line.strip())


def _check_jsonl_columns(path: Path, text_column: str) -> None:
    """The first parseable object must have the text column (later rows without it are bad articles)."""
    with path.open("rb") as fh:
        for line in fh:
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except ValueError:
                continue
            if isinstance(obj, dict):
                if text_column not in obj:
                    raise InputError(path, f"no text column {text_column!r}; columns: {', '.join(obj) or '(none)'}")
                return
    raise InputError(path, "no JSON objects (one per line) in the file")


def _csv_columns(path: Path) -> list[str]:
    try:
        return list(pd.read_csv(path, nrows=0, encoding="utf-8-sig").columns)
    except (UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise InputError(path, f"not a readable UTF-8 CSV file ({type(exc).__name__})") from None


def iter_partitions(corpus: CorpusInput, size: int, ship_bytes: bool = False) -> Iterator[list[Item]]:
    """The corpus as lists of at most ``size`` items, read lazily.

    Folder articles travel as paths (workers read them) unless ``ship_bytes``, when the client reads
    the bytes (a remote cluster need not see the client's disk).
    """
    if corpus.format == "folder":
        rows: Iterable[Item] = _folder_items(corpus.path, ship_bytes)
    elif corpus.format == "jsonl":
        rows = _jsonl_items(corpus)
    else:
        rows = _csv_items(corpus, size)
    part: list[Item] = []
    for item in rows:
        part.append(item)
        if len(part) >= size:
            yield part
            part = []
    if part:
        yield part


def _folder_items(folder: Path, ship_bytes: bool) -> Iterator[Item]:
    for p in article_files(folder):
        data = None
        error = None
        if ship_bytes:
            try:
                data = p.read_bytes()
            except OSError as exc:
                error = str(InputError(p, f"cannot be read ({exc.strerror or exc})"))
        yield Item(doc_id=doc_id_for(p), source=str(p), origin=str(p), date=parse_date(p.name), data=data,
                   path=None if ship_bytes else str(p), error=error)


def _row_item(corpus: CorpusInput, row: dict[str, Any], n: int) -> Item:
    """An :class:`Item` from one JSONL/CSV row (``n`` counts rows from 1)."""
    origin = f"{corpus.path}:{n}"
    raw_id = row.get(corpus.id_column)
    doc_id = str(raw_id) if raw_id not in (None, "") else f"{corpus.path.stem}-{n}"
    raw_source = row.get(corpus.source_column)
    source = str(raw_source) if raw_source not in (None, "") else origin
    text = row.get(corpus.text_column)
    error = None
    if text is None:
        error = str(InputError(origin, f"no {corpus.text_column!r} value"))
    elif not isinstance(text, str):
        error = str(InputError(origin, f"{corpus.text_column!r} is not a string"))
    return Item(doc_id=doc_id, source=source, origin=origin, date=parse_date(row.get(corpus.date_column)),
                text=text if error is None else None, error=error)


def _jsonl_items(corpus: CorpusInput) -> Iterator[Item]:
    from .text import decode_bytes

    n = 0
    with corpus.path.open("rb") as fh:
        for line in fh:
            if not line.strip():
                continue
            n += 1
            origin = f"{corpus.path}:{n}"
            try:
                obj = json.loads(decode_bytes(line, origin))
            except InputError as exc:
                yield Item(doc_id=f"{corpus.path.stem}-{n}", source=origin, origin=origin, error=str(exc))
                continue
            except ValueError as exc:
                msg = str(InputError(origin, f"not valid JSON ({exc.msg} at column {exc.colno})"))
                yield Item(doc_id=f"{corpus.path.stem}-{n}", source=origin, origin=origin, error=msg)
                continue
            if not isinstance(obj, dict):
                msg = str(InputError(origin, "not a JSON object"))
                yield Item(doc_id=f"{corpus.path.stem}-{n}", source=origin, origin=origin, error=msg)
                continue
            yield _row_item(corpus, obj, n)


def _csv_items(corpus: CorpusInput, size: int) -> Iterator[Item]:
    n = 0
    try:
        reader = pd.read_csv(corpus.path, chunksize=size, dtype=str, keep_default_na=False, encoding="utf-8-sig")
        for chunk in reader:
            for row in chunk.to_dict("records"):
                n += 1
                yield _row_item(corpus, row, n)
    except (UnicodeDecodeError, pd.errors.ParserError) as exc:
        raise InputError(corpus.path, f"CSV unreadable after row {n} ({type(exc).__name__}: {exc})") from None


# ---------------------------------------------------------------------------------------------
# Work: one partition on a worker


@dataclass
class PartitionStats:
    """Counts of one partition (or, added up, of the corpus) for ``summary.json``."""

    articles: int = 0
    ok: int = 0
    errors: int = 0
    sentences: int = 0
    tokens: int = 0
    rows: Counter[str] = field(default_factory=Counter)
    sector_articles: Counter[str] = field(default_factory=Counter)
    categories: Counter[str] = field(default_factory=Counter)
    first_date: date | None = None
    last_date: date | None = None
    undated: int = 0
    first_errors: list[str] = field(default_factory=list)

    def add(self, other: PartitionStats, keep_errors: int = 10) -> None:
        """Add ``other``'s counts to these."""
        for name in ("articles", "ok", "errors", "sentences", "tokens", "undated"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.rows.update(other.rows)
        self.sector_articles.update(other.sector_articles)
        self.categories.update(other.categories)
        dates = [d for d in (self.first_date, other.first_date) if d]
        self.first_date = min(dates) if dates else None
        dates = [d for d in (self.last_date, other.last_date) if d]
        self.last_date = max(dates) if dates else None
        self.first_errors.extend(other.first_errors[: max(0, keep_errors - len(self.first_errors))])


@dataclass
class PartitionResult:
    """What a task sends back: one Arrow table per output table, and its counts."""

    tables: dict[str, pa.Table]
    stats: PartitionStats


def _article_text(item: Item) -> str:
    """The item's checked Hindi text, or :class:`InputError` (the same checks as ``load_article``)."""
    from .text import check_hindi, decode_bytes, load_article

    if item.error:
        raise _KnownError(item.error)
    if item.text is not None:
        return check_hindi(item.text.replace("\r\n", "\n").replace("\r", "\n"), item.origin)
    if item.data is None:
        return load_article(Path(item.path or item.origin))
    return check_hindi(decode_bytes(item.data, item.origin), item.origin)


class _KnownError(Exception):
    """An error message decided on the client, carried to the documents table as is."""


def to_arrow(name: str, df: pd.DataFrame) -> pa.Table:
    """A table of :mod:`sahyog.tables` as Arrow with the fixed schema of ``name`` (lists stay lists)."""
    return pa.Table.from_pandas(df, schema=SCHEMAS[name], preserve_index=False)


def process_partition(items: Sequence[Item], all_agreements: bool = False) -> PartitionResult:
    """Extract every article of a partition (runs on a worker); bad articles become error rows.

    Agreements are those the default tables count (:func:`sahyog.tables.reported`) unless ``all_agreements``."""
    from . import tables
    from .extract import extract_text

    records: list[dict[str, Any]] = []
    doc_rows: list[dict[str, Any]] = []
    stats = PartitionStats(articles=len(items))
    for item in items:
        row: dict[str, Any] = {"doc_id": item.doc_id, "date": item.date, "source": item.source, "error": None}
        try:
            records.append(extract_text(_article_text(item), item.doc_id, item.source))
        except (InputError, _KnownError) as exc:
            row["error"] = str(exc)
        except Exception as exc:  # a bug on one article must not end a run of thousands: record it
            log.exception("extract failed on %s", item.origin)
            row["error"] = f"{item.origin}: internal error ({type(exc).__name__}: {exc})"
        if row["error"]:
            stats.errors += 1
            if len(stats.first_errors) < 10:
                stats.first_errors.append(row["error"])
        doc_rows.append(row)
    records = tables.reported(records, all_agreements)
    return partition_result(records, doc_rows, stats)


def partition_result(records: Sequence[Mapping[str, Any]], doc_rows: list[dict[str, Any]],
                     stats: PartitionStats) -> PartitionResult:
    """The tables and counts of extracted ``records``; ``doc_rows`` (doc_id, date, source, error) has one row
    per article, failed ones included, and ``stats`` its article and error counts."""
    from . import tables

    counts = iter(tables.documents(records).drop(columns=["doc_id", "source"]).to_dict("records"))
    for row in doc_rows:
        if row["error"] is None:
            row.update(next(counts))
    out = {
        "documents": to_arrow("documents", pd.DataFrame(doc_rows, columns=SCHEMAS["documents"].names)),
        "sectors": to_arrow("sectors", tables.sector_mentions(records)),
        "agreements": to_arrow("agreements", tables.agreements(records)),
        "entities": to_arrow("entities", tables.entities(records)),
        "entity_mentions": to_arrow("entity_mentions", tables.entity_mentions(records)),
    }
    stats.ok = len(records)
    stats.sentences = sum(len(r["sentences"]) for r in records)
    stats.tokens = sum(r["n_tokens"] for r in records)
    stats.rows = Counter({name: t.num_rows for name, t in out.items()})
    stats.sector_articles = Counter(s for r in records for s in {m["sector"] for m in r["sectors"]})
    stats.categories = Counter(a["category"] for r in records for a in r["agreements"])
    dates = [r["date"] for r in doc_rows if r["date"]]
    stats.undated = len(doc_rows) - len(dates)
    stats.first_date, stats.last_date = (min(dates), max(dates)) if dates else (None, None)
    return PartitionResult(out, stats)


# ---------------------------------------------------------------------------------------------
# The run: cluster, bounded submission, ordered writing, atomic output


@contextmanager
def dask_client(scheduler: str | None = None, workers: int | None = None) -> Iterator[Any]:
    """A Dask client: on ``scheduler`` if given, else on a local cluster of ``workers`` processes."""
    from distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    n = workers or os.cpu_count() or 1
    with LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=":0",
                      silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
        yield client


class _Writers:
    """One Parquet file per table in ``folder``; each partition becomes a row group."""

    def __init__(self, folder: Path) -> None:
        self.writers = {name: pq.ParquetWriter(folder / f"{name}.parquet", SCHEMAS[name], compression="zstd")
                        for name in TABLE_NAMES}

    def write(self, result: PartitionResult) -> None:
        for name, table in result.tables.items():
            if table.num_rows:
                self.writers[name].write_table(table)

    def close(self) -> None:
        for w in self.writers.values():
            w.close()


def _stream(client: Any, parts: Iterator[list[Item]], writers: _Writers, bar: Any, all_agreements: bool = False
            ) -> tuple[PartitionStats, int]:  # fmt: skip
    """Submit partitions with a bounded window, write results in input order; return totals and count."""
    from distributed import as_completed

    window = 2 * max(1, sum(client.nthreads().values()))
    done: dict[int, PartitionResult] = {}
    index_of: dict[str, int] = {}
    ac = as_completed()
    total = PartitionStats()
    submitted = written = 0

    def top_up() -> None:
        nonlocal submitted
        while submitted - written < window:  # in flight + finished but waiting <= window
            part = next(parts, None)
            if part is None:
                return
            fut = client.submit(process_partition, part, all_agreements, pure=False,
                                key=f"sahyog-partition-{submitted}-{id(ac)}")
            index_of[fut.key] = submitted
            ac.add(fut)
            submitted += 1

    top_up()
    for fut in ac:
        result: PartitionResult = fut.result()
        fut.release()
        done[index_of.pop(fut.key)] = result
        bar.update(result.stats.articles)
        while written in done:
            res = done.pop(written)
            writers.write(res)
            total.add(res.stats)
            written += 1
        top_up()
    return total, written


TASKS_PER_WORKER = 8  # enough tasks that no worker idles long at the end of a run
MIN_PARTITION, MAX_PARTITION = 10, 200


def auto_partition_size(n_articles: int | None, workers: int) -> int:
    """Articles per task: about :data:`TASKS_PER_WORKER` tasks per worker thread (2,000 articles on two
    workers: 16 tasks of 125, not 10 of 200), between 10 (task overhead) and 200 (memory per task);
    200 when the input's size is not known in advance."""
    if not n_articles:
        return MAX_PARTITION
    return max(MIN_PARTITION, min(MAX_PARTITION, -(-n_articles // (max(1, workers) * TASKS_PER_WORKER))))


def _check_out_dir(out: Path) -> None:
    """Refuse to replace a folder that is not an earlier corpus output (``--out ~`` must not delete a home)."""
    if out.is_file():
        raise InputError(out, "output exists and is a file, not a folder")
    if out.is_dir() and any(out.iterdir()) and not (out / SUMMARY_FILE).exists():
        raise InputError(out, "output folder exists and is not a Sahyog corpus output; choose another --out")


def run_corpus(input: str | Path, out: str | Path, scheduler: str | None = None, workers: int | None = None,
               text_column: str = "text", date_column: str = "date", source_column: str = "source",
               id_column: str = "doc_id", partition_size: int | None = None, progress: bool = True,
               read_on_workers: bool | None = None, all_agreements: bool = False) -> dict[str, Any]:
    """Extract every article of ``input`` on Dask and write the Parquet tables and summary to ``out``.

    The agreements table holds government-level agreements that were agreed, or every agreement found
    (planned, institutional, domestic too) with ``all_agreements``.

    ``read_on_workers`` (folder input): workers read the files themselves; default True on the local
    cluster, False with ``scheduler`` (the client ships the bytes). ``partition_size`` (articles per task)
    defaults to :func:`auto_partition_size` of the input and the workers. Returns the summary dict.
    """
    from tqdm import tqdm

    if partition_size is not None and partition_size < 1:
        raise InputError("--partition-size", "must be at least 1")
    corpus = open_input(input, text_column, date_column, source_column, id_column)
    out_dir = Path(out)
    _check_out_dir(out_dir)
    ship_bytes = not read_on_workers if read_on_workers is not None else bool(scheduler)
    tmp = make_staging_dir(out_dir)
    t0 = time.perf_counter()
    try:
        with dask_client(scheduler, workers) as client:
            n_workers = len(client.nthreads())
            partition_size = partition_size or auto_partition_size(corpus.n_articles, sum(client.nthreads().values()))
            writers = _Writers(tmp)
            try:
                with tqdm(total=corpus.n_articles, unit="article", disable=not progress, desc="corpus") as bar:
                    stats, n_parts = _stream(client, iter_partitions(corpus, partition_size, ship_bytes), writers,
                                             bar, all_agreements)
            finally:
                writers.close()
        seconds = time.perf_counter() - t0
        summary = make_summary(corpus, stats, n_parts, seconds, n_workers, scheduler, partition_size)
        (tmp / SUMMARY_FILE).write_text(json.dumps(summary, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        replace_dir(tmp, out_dir)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return summary


def write_records(records: Sequence[Mapping[str, Any]], out: str | Path,
                  dates: Mapping[str, date | None] | None = None, all_agreements: bool = False) -> dict[str, Any]:
    """A corpus output folder (Parquet tables, ``summary.json``) from records already extracted, without Dask:
    the report's corpus chapter reads the articles' records instead of extracting them again. Agreements
    are counted as :func:`process_partition` counts them."""
    from . import tables

    records = tables.reported(records, all_agreements)
    out_dir = Path(out)
    out_dir.mkdir(parents=True, exist_ok=True)
    dates = dates or {}
    t0 = time.perf_counter()
    doc_rows = [{"doc_id": r["doc_id"], "date": dates.get(r["doc_id"]), "source": r["source"], "error": None}
                for r in records]
    result = partition_result(records, doc_rows, PartitionStats(articles=len(records)))
    writers = _Writers(out_dir)
    try:
        writers.write(result)
    finally:
        writers.close()
    corpus = CorpusInput(out_dir, "records", len(records))
    summary = make_summary(corpus, result.stats, 1, time.perf_counter() - t0, 1, None, len(records))
    (out_dir / SUMMARY_FILE).write_text(json.dumps(summary, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return summary


def make_summary(corpus: CorpusInput, stats: PartitionStats, partitions: int, seconds: float, workers: int,
                 scheduler: str | None, partition_size: int, top: int = 10) -> dict[str, Any]:
    """The small JSON summary of a run: counts, time, workers, top sectors and agreement categories."""
    return {
        "input": str(corpus.path),
        "format": corpus.format,
        "articles": stats.articles,
        "ok": stats.ok,
        "errors": stats.errors,
        "first_errors": stats.first_errors,
        "sentences": stats.sentences,
        "tokens": stats.tokens,
        "rows": {name: stats.rows.get(name, 0) for name in TABLE_NAMES},
        "dates": {"first": stats.first_date.isoformat() if stats.first_date else None,
                  "last": stats.last_date.isoformat() if stats.last_date else None, "undated": stats.undated},
        "top_sectors": [{"sector": s, "articles": n, "share": round(n / stats.ok, 4) if stats.ok else 0.0}
                        for s, n in sorted(stats.sector_articles.items(), key=lambda kv: (-kv[1], kv[0]))[:top]],
        "categories": dict(sorted(stats.categories.items(), key=lambda kv: (-kv[1], kv[0]))),
        "seconds": round(seconds, 2),
        "articles_per_second": round(stats.articles / seconds, 1) if seconds else None,
        "workers": workers,
        "scheduler": scheduler or "local",
        "partition_size": partition_size,
        "partitions": partitions,
    }


# ---------------------------------------------------------------------------------------------
# Reading an output folder and the aggregates the notebook shows


def load_tables(out_dir: str | Path) -> dict[str, pd.DataFrame]:
    """Every table of a corpus output folder as a DataFrame (list columns as Python lists)."""
    folder = Path(out_dir)
    if not (folder / SUMMARY_FILE).exists():
        raise InputError(folder, "not a corpus output folder (no summary.json)")
    return {name: read_table(folder / f"{name}.parquet") for name in TABLE_NAMES}


def read_table(path: str | Path) -> pd.DataFrame:
    """One Parquet table as a DataFrame whose list columns hold Python lists (not numpy arrays)."""
    table = pq.read_table(path)
    df = table.to_pandas()
    for f in table.schema:
        if pa.types.is_list(f.type):
            df[f.name] = df[f.name].map(lambda v: v.tolist() if v is not None else None)
    return df


def load_summary(out_dir: str | Path) -> dict[str, Any]:
    """The ``summary.json`` of a corpus output folder."""
    return json.loads((Path(out_dir) / SUMMARY_FILE).read_text(encoding="utf-8"))


def sector_shares(documents: pd.DataFrame, sectors: pd.DataFrame, all_contexts: bool = False) -> pd.DataFrame:
    """Per sector: articles mentioning it, their share of readable articles, and mentions; office titles
    (``portfolio``) and mere mentions (``mention``) are left out unless ``all_contexts``."""
    n_ok = int(documents["error"].isna().sum())
    if not all_contexts and "context" in sectors:
        sectors = sectors[~sectors["context"].isin(("portfolio", "mention"))]
    if sectors.empty:
        return pd.DataFrame(columns=["sector", "articles", "share", "mentions"])
    g = sectors.groupby("sector")
    out = pd.DataFrame({"articles": g["doc_id"].nunique(), "mentions": g.size()}).reset_index()
    out["share"] = (out["articles"] / max(n_ok, 1)).round(4)
    return out[["sector", "articles", "share", "mentions"]].sort_values(
        ["articles", "sector"], ascending=[False, True], ignore_index=True)


def categories_by_month(documents: pd.DataFrame, agreements: pd.DataFrame) -> pd.DataFrame:
    """Agreement categories (rows) × months ``YYYY-MM`` (columns) of the articles' dates; empty if undated."""
    dated = documents.dropna(subset=["date"])[["doc_id", "date"]]
    df = agreements.merge(dated, on="doc_id")
    if df.empty:
        return pd.DataFrame()
    df["month"] = pd.to_datetime(df["date"]).dt.strftime("%Y-%m")
    months = pd.period_range(pd.to_datetime(dated["date"]).min(), pd.to_datetime(dated["date"]).max(), freq="M")
    m = pd.crosstab(df["category"], df["month"])
    m = m.reindex(columns=[str(p) for p in months], fill_value=0)
    return m.loc[m.sum(axis=1).sort_values(ascending=False, kind="stable").index]


def country_pairs(agreements: pd.DataFrame, entities: pd.DataFrame, top: int = 15) -> pd.DataFrame:
    """Pairs of countries named as parties of the same agreement, by number of agreements.

    An agreement with three countries counts for each of its three pairs; one with a single country
    counts for none. Names are the English names of the entities table.
    """
    names = (entities[entities["type"] == "country"].drop_duplicates("id").set_index("id")["name_en"].to_dict()
             if not entities.empty else {})
    pairs: Counter[tuple[str, str]] = Counter()
    for parties in agreements["parties"]:
        countries = sorted({p for p in (parties or []) if ":" not in p})
        pairs.update(combinations(countries, 2))
    rows = [{"pair": f"{names.get(a, a)} – {names.get(b, b)}", "a": a, "b": b, "agreements": n}
            for (a, b), n in pairs.most_common()]
    out = pd.DataFrame(rows, columns=["pair", "a", "b", "agreements"])
    return out.sort_values(["agreements", "pair"], ascending=[False, True], ignore_index=True).head(top)


def top_entities(entities: pd.DataFrame, top: int = 15, types: Sequence[str] | None = None) -> pd.DataFrame:
    """The entities found in the most articles (with total mentions), optionally of some types only."""
    df = entities if types is None else entities[entities["type"].isin(types)]
    if df.empty:
        return pd.DataFrame(columns=["type", "id", "name_en", "name_hi", "articles", "mentions"])
    g = df.groupby(["type", "id"])
    out = pd.DataFrame({"name_en": g["name_en"].first(), "name_hi": g["name_hi"].first(),
                        "articles": g["doc_id"].nunique(), "mentions": g["n_mentions"].sum()}).reset_index()
    return out.sort_values(["articles", "mentions", "id"], ascending=[False, False, True], ignore_index=True).head(top)


# ---------------------------------------------------------------------------------------------
# Sample corpora (notebook, tests, benchmarks)


def make_articles(pool: Sequence[str], n: int, seed: int = 0, start: date = date(2025, 1, 1),
                  days: int = 365) -> Iterator[tuple[str, date, str]]:
    """``n`` articles ``(doc_id, date, text)`` varied deterministically from the texts of ``pool``.

    Each keeps a pool text's first line (title or dateline) and a random run of its other lines,
    sometimes with a few lines of another text; dates are spread evenly over ``days`` from ``start``.
    """
    rng = random.Random(seed)
    bodies = [[ln for ln in t.split("\n") if ln.strip()] for t in pool]
    bodies = [b for b in bodies if b]
    if not bodies:
        raise ValueError("make_articles needs at least one non-empty text")
    for i in range(n):
        lines = bodies[rng.randrange(len(bodies))]
        head, rest = lines[0], lines[1:]
        if rest:
            k = rng.randint(max(1, (len(rest) * 3) // 5), len(rest))
            j = rng.randint(0, len(rest) - k)
            rest = rest[j:j + k]
        if len(bodies) > 1 and rng.random() < 0.3:
            other = bodies[rng.randrange(len(bodies))][1:]
            if other:
                j = rng.randrange(len(other))
                rest = rest + other[j:j + rng.randint(1, 3)]
        day = start + timedelta(days=(i * days) // max(n, 1))
        yield f"a{i:06d}", day, "\n".join([head, *rest]) + "\n"


def write_corpus(articles: Iterable[tuple[str, date, str]], out: str | Path, fmt: str = "jsonl") -> Path:
    """Write articles as a JSON Lines file (``doc_id, date, source, text``) or a folder of ``DATE_ID.txt``."""
    p = Path(out)
    p.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "jsonl":
        with p.open("w", encoding="utf-8") as fh:
            for doc_id, day, text in articles:
                fh.write(json.dumps({"doc_id": doc_id, "date": day.isoformat(), "source": "generated",
                                     "text": text}, ensure_ascii=False) + "\n")
    elif fmt == "folder":
        p.mkdir(parents=True, exist_ok=True)
        for doc_id, day, text in articles:
            (p / f"{day.isoformat()}_{doc_id}.txt").write_text(text, encoding="utf-8")
    else:
        raise ValueError(f"unknown format {fmt!r}: use 'jsonl' or 'folder'")
    return p


def sample_corpus(out: str | Path, n: int = 60, seed: int = 0, fmt: str = "jsonl") -> Path:
    """A small corpus of ``n`` variants of the example article(s) in ``seeds/``, dated over a year."""
    from .paths import SEEDS_DIR

    pool = [q.read_text(encoding="utf-8") for q in sorted(SEEDS_DIR.glob("*.txt"))]
    return write_corpus(make_articles(pool, n, seed), out, fmt)

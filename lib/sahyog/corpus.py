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

import asyncio
import json
import logging
import os
import random
import re
import shutil
import signal
import socket
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from itertools import combinations
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from .errors import InputError, Interrupted, RunError
from .files import MARKER, check_output_dir, make_staging_dir, marker_text, remove_stale, replace_dir
from .paths import article_files, doc_id_for
from .record import CORPUS_TABLES, EVENT_TABLES, arrow_schema

log = logging.getLogger(__name__)

TABLE_NAMES = CORPUS_TABLES
SCHEMAS: dict[str, pa.Schema] = {name: arrow_schema(name) for name in (*TABLE_NAMES, *EVENT_TABLES)}  # sahyog.record
ARTICLE_EVENTS = ".article_events"  # every partition's article events (spill files by group), merged at the end
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
    bad_date: str | None = None  # "origin: value" of a date given but not YYYY-MM-DD (left empty, warned)


@dataclass(frozen=True)
class Batch:
    """A partition's items as one object: scattered to a worker as data, so article text never goes
    into the task graph (Dask warns about large graphs, and the scheduler would hold the text)."""

    items: tuple[Item, ...]


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


_DATE_LIKE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _date_and_problem(value: Any, origin: str, strict: bool) -> tuple[date | None, str | None]:
    """The date of ``value`` and, if a date was given but cannot be read, ``"origin: value"`` to warn about.

    ``strict``: any non-empty value should be a date (a date column); otherwise only a value that
    starts like one (a file name ``2025-13-40_x.txt``) is a bad date.
    """
    parsed = parse_date(value)
    if parsed is not None or value is None or (isinstance(value, str) and not value.strip()):
        return parsed, None
    if strict or (isinstance(value, str) and _DATE_LIKE.match(value)):
        return None, f"{origin}: {value!r}"
    return None, None


def open_input(
    path: str | Path,
    text_column: str = "text",
    date_column: str = "date",
    source_column: str = "source",
    id_column: str = "doc_id",
) -> CorpusInput:
    """Check that ``path`` is a usable corpus (raising :class:`InputError` naming it) and count its articles."""
    p = Path(path)
    cols = {
        "text_column": text_column,
        "date_column": date_column,
        "source_column": source_column,
        "id_column": id_column,
    }
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
    for item in unique_ids(rows):
        part.append(item)
        if len(part) >= size:
            yield part
            part = []
    if part:
        yield part


class _Origins:
    """Origins held compactly for :func:`unique_ids`: ``file:row`` as one int (the file's number and the row),
    anything else as itself. A corpus of 40,000 JSON lines then keeps about 2 MB less per run."""

    SHIFT = 40  # a row of at most 12 digits is below 2**40

    def __init__(self) -> None:
        self.files: dict[str, int] = {}
        self.names: list[str] = []

    def encode(self, origin: str) -> int | str:
        head, sep, row = origin.rpartition(":")
        if not (sep and row.isascii() and row.isdigit() and len(row) <= 12 and str(int(row)) == row):
            return origin  # not file:row, or a row that would not read back the same ("007")
        if head not in self.files:
            self.files[head] = len(self.names)
            self.names.append(head)
        return (self.files[head] << self.SHIFT) | int(row)

    def decode(self, code: int | str) -> str:
        if isinstance(code, str):
            return code
        return f"{self.names[code >> self.SHIFT]}:{code & ((1 << self.SHIFT) - 1)}"


def unique_ids(items: Iterable[Item]) -> Iterator[Item]:
    """Pass items on; an item whose ``doc_id`` was seen before becomes a bad article (an error row).

    Merging two articles' rows under one id would corrupt every table, and renaming one would make its
    id depend on the rest of the corpus; so the repeat is reported and skipped, with its origin
    (``file:line``, unique) as its id in the documents table.
    """
    seen: dict[str, int | str] = {}
    origins = _Origins()
    for item in items:
        code = origins.encode(item.origin)
        first = seen.setdefault(item.doc_id, code)
        if first == code:
            yield item
        else:
            where = origins.decode(first)
            msg = str(InputError(item.origin, f"doc_id {item.doc_id!r} repeats that of {where}; ids must be unique"))
            yield Item(
                doc_id=item.origin,
                source=item.source,
                origin=item.origin,
                date=item.date,
                error=msg,
                bad_date=item.bad_date,
            )


def _folder_items(folder: Path, ship_bytes: bool) -> Iterator[Item]:
    for p in article_files(folder):
        data = None
        error = None
        if ship_bytes:
            try:
                data = p.read_bytes()
            except OSError as exc:
                error = str(InputError(p, f"cannot be read ({exc.strerror or exc})"))
        day, bad_date = _date_and_problem(p.name, str(p), strict=False)
        yield Item(
            doc_id=doc_id_for(p),
            source=str(p),
            origin=str(p),
            date=day,
            data=data,
            path=None if ship_bytes else str(p),
            error=error,
            bad_date=bad_date,
        )


def _row_item(corpus: CorpusInput, row: dict[str, Any], n: int) -> Item:
    """An :class:`Item` from one JSONL/CSV row (``n``: the line in the file where the row starts)."""
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
    elif not text.strip():
        error = str(InputError(origin, f"empty {corpus.text_column!r} value"))
    day, bad_date = _date_and_problem(row.get(corpus.date_column), origin, strict=True)
    return Item(
        doc_id=doc_id,
        source=source,
        origin=origin,
        date=day,
        text=text if error is None else None,
        error=error,
        bad_date=bad_date,
    )


def _jsonl_items(corpus: CorpusInput) -> Iterator[Item]:
    from .text import decode_bytes

    with corpus.path.open("rb") as fh:
        for n, line in enumerate(fh, start=1):  # n: the line number in the file, blank lines counted
            if not line.strip():
                continue
            origin = f"{corpus.path}:{n}"
            try:
                obj = json.loads(decode_bytes(line, origin))
            except InputError as exc:
                yield Item(doc_id=f"{corpus.path.stem}-{n}", source=origin, origin=origin, error=str(exc))
                continue
            except ValueError as exc:
                msg = str(InputError(origin, f"not valid JSON ({_json_problem(exc)})"))
                yield Item(doc_id=f"{corpus.path.stem}-{n}", source=origin, origin=origin, error=msg)
                continue
            if not isinstance(obj, dict):
                msg = str(InputError(origin, "not a JSON object"))
                yield Item(doc_id=f"{corpus.path.stem}-{n}", source=origin, origin=origin, error=msg)
                continue
            yield _row_item(corpus, obj, n)


def _json_problem(exc: json.JSONDecodeError) -> str:
    """json's message with its column: some messages already end in "at" ("Unterminated string starting at")."""
    where = "column" if exc.msg.endswith(" at") else "at column"
    return f"{exc.msg} {where} {exc.colno}"


def _csv_items(corpus: CorpusInput, size: int) -> Iterator[Item]:
    """The rows of a CSV corpus; each row's ``file:line`` is the physical line its record starts on (a
    text spanning lines moves the next record's line on; blank lines count)."""
    import csv

    csv.field_size_limit(2**31 - 1)  # an article is one field, often longer than csv's 128 kB default
    line = 0
    try:
        with corpus.path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.reader(fh)
            header = next(reader, [])
            line = reader.line_num
            for fields in reader:
                start, line = line + 1, reader.line_num  # blank lines are empty records: counted
                if fields:
                    yield _csv_row_item(corpus, header, fields, start)
    except (UnicodeDecodeError, csv.Error) as exc:
        raise InputError(f"{corpus.path}:{line + 1}", f"CSV unreadable ({type(exc).__name__}: {exc})") from None


def _csv_row_item(corpus: CorpusInput, header: Sequence[str], fields: Sequence[str], line: int) -> Item:
    """An :class:`Item` from one CSV record starting at physical ``line``; a wrong field count is a bad article."""
    if len(fields) != len(header):
        origin = f"{corpus.path}:{line}"
        msg = str(InputError(origin, f"{len(fields)} fields, but the header has {len(header)}"))
        return Item(doc_id=f"{corpus.path.stem}-{line}", source=origin, origin=origin, error=msg)
    return _row_item(corpus, dict(zip(header, fields, strict=True)), line)


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
    invalid_dates: int = 0
    first_invalid_date: str | None = None
    first_errors: list[str] = field(default_factory=list)

    def add(self, other: PartitionStats, keep_errors: int = 10) -> None:
        """Add ``other``'s counts to these."""
        self.first_invalid_date = self.first_invalid_date or other.first_invalid_date
        for name in ("articles", "ok", "errors", "sentences", "tokens", "undated", "invalid_dates"):
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


def process_partition(items: Sequence[Item], all_agreements: bool = False, lexicon: Any = None) -> PartitionResult:
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
            day = item.date.isoformat() if item.date else None  # the input's date resolves "कल", "23 अगस्त को"
            records.append(extract_text(_article_text(item), item.doc_id, item.source, lexicon, day))
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
    bad_dates = [i.bad_date for i in items if i.bad_date]
    stats.invalid_dates, stats.first_invalid_date = len(bad_dates), (bad_dates[0] if bad_dates else None)
    records = tables.reported(records, all_agreements)
    return partition_result(records, doc_rows, stats, all_agreements)


def partition_result(
    records: Sequence[Mapping[str, Any]],
    doc_rows: list[dict[str, Any]],
    stats: PartitionStats,
    all_agreements: bool = False,
) -> PartitionResult:
    """The tables and counts of extracted ``records``; ``doc_rows`` (doc_id, date, source, error) has one row
    per article, failed ones included, and ``stats`` its article and error counts."""
    from . import tables
    from .corpus_events import article_events

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
    days = {r["doc_id"]: r["date"] for r in doc_rows}
    rows = [row for r in records for row in article_events(r, days.get(r["doc_id"]), all_agreements)]
    out["event_sources"] = pa.Table.from_pylist(rows, schema=SCHEMAS["event_sources"])
    stats.ok = len(records)
    stats.sentences = sum(len(r["sentences"]) for r in records)
    stats.tokens = sum(r["n_tokens"] for r in records)
    stats.rows = Counter({name: t.num_rows for name, t in out.items() if name in TABLE_NAMES})
    stats.sector_articles = Counter(s for r in records for s in {m["sector"] for m in r["sectors"]})
    stats.categories = Counter(a["category"] for r in records for a in r["agreements"])
    dates = [r["date"] for r in doc_rows if r["date"]]
    stats.undated = len(doc_rows) - len(dates)
    stats.first_date, stats.last_date = (min(dates), max(dates)) if dates else (None, None)
    return PartitionResult(out, stats)


# ---------------------------------------------------------------------------------------------
# The run: cluster, bounded submission, ordered writing, atomic output


SCHEMES = ("tcp", "tls", "ws", "wss", "inproc", "ucx")


def check_scheduler(address: str, timeout: float) -> None:
    """Refuse a ``--scheduler`` address that is malformed or where nothing answers within ``timeout``
    seconds, with one :class:`InputError` (Dask itself would retry for 30 s, then print tracebacks)."""
    from distributed.comm.addressing import parse_address, parse_host_port

    what = f"--scheduler {address}"
    deadline = time.monotonic() + timeout
    try:
        scheme, location = parse_address(address)
        if scheme not in SCHEMES:
            raise ValueError(f"unknown scheme {scheme!r} (known: {', '.join(SCHEMES)})")
        host, port = parse_host_port(location)
        if not 0 < int(port) < 65536:
            raise ValueError(f"port {port} is not between 1 and 65535")
    except (ValueError, TypeError) as exc:
        raise InputError(what, f"not a scheduler address like tcp://HOST:8786 ({exc})") from None
    if scheme in ("tcp", "tls", "ws", "wss"):
        try:
            socket.create_connection((host, int(port)), timeout=timeout).close()
        except OSError as exc:
            reason = "timed out" if isinstance(exc, TimeoutError) else (exc.strerror or str(exc))
            raise InputError(
                what,
                f"cannot connect within {timeout:g} s ({reason});"
                " is the scheduler running? (--connect-timeout sets the wait)",
            ) from None
    try:
        asyncio.run(_handshake(address, max(0.5, deadline - time.monotonic())))
    except (OSError, TimeoutError) as exc:
        raise InputError(
            what,
            f"no Dask scheduler answered within {timeout:g} s ({type(exc).__name__});"
            " is it a Dask scheduler's address?",
        ) from None
    except Exception as exc:  # it answered, but not in Dask's protocol (an HTTP server: a huge "frame")
        raise InputError(
            what,
            f"the server there is not a Dask scheduler (it answered, but not in Dask's protocol: {type(exc).__name__})",
        ) from None


async def _handshake(address: str, timeout: float) -> None:
    """Open and close one Dask connection, with a hard deadline: a server that accepts the connection
    but never speaks Dask's handshake would otherwise make ``Client()`` wait forever."""
    from distributed.comm import connect

    comm = await asyncio.wait_for(connect(address, timeout=timeout), timeout)
    await comm.close()


@contextmanager
def quiet_dask() -> Iterator[None]:
    """Hide Dask's own log lines in this process (shutdown chatter such as "Failed to communicate with
    scheduler"); failures that matter reach Sahyog through the futures and are reported once."""
    logger = logging.getLogger("distributed")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


@contextmanager
def _sigint(handler: Any) -> Iterator[None]:
    """Ctrl-C goes to ``handler`` inside this block; outside the main thread signals are not ours to
    change, so the block runs as it is."""
    try:
        old = signal.signal(signal.SIGINT, handler)
    except ValueError:  # not the main thread
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, old)


def _sigint_ignored() -> AbstractContextManager[None]:
    """Worker processes started in this block ignore Ctrl-C (they inherit it): the client alone handles
    an interrupt, so the terminal shows one line instead of a traceback from every worker."""
    return _sigint(signal.SIG_IGN)


_INTERRUPTED = threading.Event()  # set by Ctrl-C during a run, whatever a library does with the exception


def _on_sigint(signum: int, frame: Any) -> None:
    """Ctrl-C raises ``KeyboardInterrupt`` as usual and also sets :data:`_INTERRUPTED`, so a library that
    turns the exception into another one (a cancelled future) cannot make the run carry on."""
    _INTERRUPTED.set()
    raise KeyboardInterrupt


def _watch_sigint() -> AbstractContextManager[None]:
    """Ctrl-C in this block sets :data:`_INTERRUPTED` as well as interrupting (see :func:`_on_sigint`)."""
    _INTERRUPTED.clear()
    return _sigint(_on_sigint)


@contextmanager
def dask_client(
    scheduler: str | None = None, workers: int | None = None, connect_timeout: float = 10.0
) -> Iterator[Any]:
    """A Dask client: on ``scheduler`` if given (checked first, see :func:`check_scheduler`), else on a
    local cluster of ``workers`` processes."""
    from distributed import Client, LocalCluster

    if scheduler:
        check_scheduler(scheduler, connect_timeout)
        try:
            client = Client(scheduler, timeout=connect_timeout)
        except (OSError, TimeoutError) as exc:
            raise InputError(f"--scheduler {scheduler}", f"no Dask scheduler answered ({exc})") from None
        with client:
            yield client
        return
    n = workers or os.cpu_count() or 1
    with _sigint_ignored():
        cluster = LocalCluster(
            n_workers=n, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=logging.CRITICAL
        )
    with cluster, Client(cluster) as client:
        yield client


ROW_GROUP_BYTES = 4 << 20  # a table's partitions are buffered into row groups of about this size (see _Writers)
ROW_GROUP_PARTS = 10  # ... or of at most this many partitions, so a small table's buffer does not grow with the corpus


class _Writers:
    """One Parquet file per table in ``folder``. Each table's partitions are buffered up to
    :data:`ROW_GROUP_BYTES` or :data:`ROW_GROUP_PARTS` partitions and written as one row group: a row group per
    partition made the client's memory grow with the corpus (20,000 articles: 225 MB, 40,000: 258 MB; see
    benchmarks/README.md), and a buffer bounded by bytes alone held a small table's results (the article events)
    until the end of the run; bounded both ways, it stays flat."""

    def __init__(self, folder: Path) -> None:
        from .corpus_events import Spill

        self.writers = {
            name: pq.ParquetWriter(folder / f"{name}.parquet", SCHEMAS[name], compression="zstd")
            for name in TABLE_NAMES
        }
        self.writers["event_sources"] = Spill(folder / ARTICLE_EVENTS, SCHEMAS["event_sources"])
        self.buffers: dict[str, list[pa.Table]] = {name: [] for name in self.writers}
        self.sizes = dict.fromkeys(self.writers, 0)

    def write(self, result: PartitionResult) -> None:
        for name, table in result.tables.items():
            if table.num_rows:
                self.buffers[name].append(table)
                self.sizes[name] += table.nbytes
                if self.sizes[name] >= ROW_GROUP_BYTES or len(self.buffers[name]) >= ROW_GROUP_PARTS:
                    self._flush(name)

    def _flush(self, name: str) -> None:
        if self.buffers[name]:
            self.writers[name].write_table(pa.concat_tables(self.buffers[name]))
        self.buffers[name], self.sizes[name] = [], 0

    def close(self) -> None:
        try:
            for name in self.writers:
                self._flush(name)
        finally:
            for w in self.writers.values():
                w.close()


MAX_ATTEMPTS = 3  # a partition whose worker died is sent again, up to this many times in all


class _Stream:
    """Partitions submitted with a bounded window, results written in input order.

    A partition stays in memory until its result is written, so one lost with its worker (killed,
    out of memory) is simply sent again: every article is written exactly once, or the run stops
    with a :class:`RunError` after :data:`MAX_ATTEMPTS`.
    """

    def __init__(
        self,
        client: Any,
        parts: Iterator[list[Item]],
        writers: _Writers,
        bar: Any,
        all_agreements: bool = False,
        lexicon: Any = None,
    ) -> None:
        from distributed import as_completed

        self.client, self.parts, self.writers, self.bar = client, parts, writers, bar
        self.all_agreements, self.lexicon = all_agreements, lexicon
        self.window = 2 * max(1, sum(client.nthreads().values()))
        self.ac = as_completed()
        self.pending: dict[int, list[Item]] = {}  # submitted, not yet written
        self.done: dict[int, PartitionResult] = {}
        self.futures: dict[str, tuple[int, int, Any]] = {}  # task key -> (partition, attempt, data future)
        self.total = PartitionStats()
        self.submitted = self.written = 0

    def submit(self, i: int, attempt: int = 1) -> None:
        data = self.client.scatter(Batch(tuple(self.pending[i])), hash=False)
        fut = self.client.submit(
            process_batch,
            data,
            self.all_agreements,
            self.lexicon,
            pure=False,
            key=f"sahyog-partition-{i}-{attempt}-{id(self)}",
        )
        self.futures[fut.key] = (i, attempt, data)
        self.ac.add(fut)

    def top_up(self) -> None:
        while self.submitted - self.written < self.window:  # in flight + finished but waiting <= window
            part = next(self.parts, None)
            if part is None:
                return
            self.pending[self.submitted] = part
            self.submit(self.submitted)
            self.submitted += 1

    def collect(self, fut: Any) -> None:
        i, attempt, data = self.futures.pop(fut.key)
        try:
            result: PartitionResult = fut.result()
        except Exception as exc:  # the worker died or the cluster failed: process_partition itself never raises
            if _INTERRUPTED.is_set():
                raise KeyboardInterrupt from None
            if attempt >= MAX_ATTEMPTS:
                raise RunError(
                    f"partition {i + 1} failed {attempt} times on the Dask workers"
                    f" ({type(exc).__name__}: {exc}); nothing was written, earlier output kept"
                ) from None
            print(
                f"sahyog: warning: partition {i + 1} was lost on the workers ({type(exc).__name__}); sending it again",
                file=sys.stderr,
            )
            self.submit(i, attempt + 1)
            return
        finally:
            fut.release()
            data.release()
        self.done[i] = result
        self.bar.update(result.stats.articles)
        while self.written in self.done:
            res = self.done.pop(self.written)
            self.writers.write(res)
            self.total.add(res.stats)
            del self.pending[self.written]
            self.written += 1

    def run(self) -> tuple[PartitionStats, int]:
        self.top_up()
        for fut in self.ac:
            self.collect(fut)
            if _INTERRUPTED.is_set():
                raise KeyboardInterrupt
            self.top_up()
        return self.total, self.written


TASKS_PER_WORKER = 8  # enough tasks that no worker idles long at the end of a run
MIN_PARTITION, MAX_PARTITION = 10, 200


def auto_partition_size(n_articles: int | None, workers: int) -> int:
    """Articles per task: about :data:`TASKS_PER_WORKER` tasks per worker thread (2,000 articles on two
    workers: 16 tasks of 125, not 10 of 200), between 10 (task overhead) and 200 (memory per task);
    200 when the input's size is not known in advance."""
    if not n_articles:
        return MAX_PARTITION
    return max(MIN_PARTITION, min(MAX_PARTITION, -(-n_articles // (max(1, workers) * TASKS_PER_WORKER))))


def process_batch(batch: Batch, all_agreements: bool = False, lexicon: Any = None) -> PartitionResult:
    """:func:`process_partition` on a scattered :class:`Batch` (the Dask task)."""
    return process_partition(batch.items, all_agreements, lexicon)


def _is_legacy_corpus_dir(folder: Path) -> bool:
    """A corpus output written before folders carried Sahyog's marker: it has the summary.json."""
    return (folder / SUMMARY_FILE).is_file() and (folder / "documents.parquet").is_file()


def _staging(out_dir: Path, force: bool) -> Path:
    """Check that ``out_dir`` may be replaced, remove what killed runs left beside it, and make the folder
    to build the new output in (with Sahyog's marker)."""
    check_output_dir(out_dir, "corpus", force, legacy=_is_legacy_corpus_dir)
    remove_stale(out_dir.parent, out_dir.name)
    try:
        tmp = make_staging_dir(out_dir)
    except OSError as exc:
        raise InputError(out_dir, f"cannot write the output folder here ({exc.strerror or exc})") from None
    (tmp / MARKER).write_text(marker_text("corpus"), encoding="utf-8")
    return tmp


def run_corpus(
    input: str | Path,
    out: str | Path,
    scheduler: str | None = None,
    workers: int | None = None,
    text_column: str = "text",
    date_column: str = "date",
    source_column: str = "source",
    id_column: str = "doc_id",
    partition_size: int | None = None,
    progress: bool = True,
    read_on_workers: bool | None = None,
    all_agreements: bool = False,
    force: bool = False,
    connect_timeout: float = 10.0,
    lexicon: Any = None,
    export: Sequence[str] = (),
) -> dict[str, Any]:
    """Extract every article of ``input`` on Dask and write the Parquet tables and summary to ``out``.

    The agreements table holds government-level agreements that were agreed, or every agreement found
    (planned, institutional, domestic too) with ``all_agreements``.

    ``read_on_workers`` (folder input): workers read the files themselves; default True on the local
    cluster, False with ``scheduler`` (the client ships the bytes). ``partition_size`` (articles per task)
    defaults to :func:`auto_partition_size` of the input and the workers. ``out`` must be Sahyog's own
    folder (or ``force``); it is replaced only by a complete run. ``export=("plover",)`` also writes the events
    as PLOVER JSON Lines (:mod:`sahyog.plover`). Returns the summary dict.
    """
    from tqdm import tqdm

    if partition_size is not None and partition_size < 1:
        raise InputError("--partition-size", "must be at least 1")
    if workers is not None and workers < 1:
        raise InputError("--workers", "must be at least 1")
    corpus = open_input(input, text_column, date_column, source_column, id_column)
    out_dir = Path(out)
    ship_bytes = not read_on_workers if read_on_workers is not None else bool(scheduler)
    tmp = _staging(out_dir, force)
    t0 = time.perf_counter()
    try:
        with _watch_sigint(), quiet_dask(), dask_client(scheduler, workers, connect_timeout) as client:
            n_workers = len(client.nthreads())
            partition_size = partition_size or auto_partition_size(corpus.n_articles, sum(client.nthreads().values()))
            writers = _Writers(tmp)
            try:
                with tqdm(total=corpus.n_articles, unit="article", disable=not progress, desc="corpus") as bar:
                    stats, n_parts = _Stream(
                        client,
                        iter_partitions(corpus, partition_size, ship_bytes),
                        writers,
                        bar,
                        all_agreements,
                        lexicon,  # a sector lexicon (sectors.load_lexicon), sent to the workers as data
                    ).run()
            finally:
                writers.close()
        events = write_events(tmp)
        seconds = time.perf_counter() - t0
        summary = make_summary(corpus, stats, n_parts, seconds, n_workers, scheduler, partition_size)
        summary["events"] = events | export_events(tmp, export)
        if summary["articles"] and not summary["ok"]:  # nothing to show: an earlier output is worth more
            raise InputError(
                input, f"no article could be read ({summary['articles']} tried; first: {_first_error(tmp)})"
            )
        (tmp / SUMMARY_FILE).write_text(json.dumps(summary, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        replace_dir(tmp, out_dir)
    except KeyboardInterrupt:
        shutil.rmtree(tmp, ignore_errors=True)
        raise Interrupted(f"interrupted: {out_dir} was not replaced (any earlier output is kept)") from None
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return summary


def _first_error(folder: Path) -> str:
    """The first article error of a run's documents table in ``folder`` (``a.txt: not Hindi text``)."""
    import pyarrow.parquet as pq

    docs = pq.read_table(folder / "documents.parquet", columns=["doc_id", "error"]).to_pylist()
    return next((f"{d['doc_id']}: {d['error']}" for d in docs if d["error"]), "unknown")


def write_records(
    records: Sequence[Mapping[str, Any]],
    out: str | Path,
    dates: Mapping[str, date | None] | None = None,
    all_agreements: bool = False,
) -> dict[str, Any]:
    """A corpus output folder (Parquet tables, ``summary.json``) from records already extracted, without Dask:
    the report's corpus chapter reads the articles' records instead of extracting them again. Agreements
    are counted as :func:`process_partition` counts them."""
    from . import tables

    records = tables.reported(records, all_agreements)
    out_dir = Path(out)
    out_dir.mkdir(parents=True, exist_ok=True)
    dates = dates or {}
    t0 = time.perf_counter()
    doc_rows = [
        {"doc_id": r["doc_id"], "date": dates.get(r["doc_id"]), "source": r["source"], "error": None} for r in records
    ]
    result = partition_result(records, doc_rows, PartitionStats(articles=len(records)), all_agreements)
    writers = _Writers(out_dir)
    try:
        writers.write(result)
    finally:
        writers.close()
    events = write_events(out_dir)
    corpus = CorpusInput(out_dir, "records", len(records))
    summary = make_summary(corpus, result.stats, 1, time.perf_counter() - t0, 1, None, len(records))
    summary["events"] = events
    (out_dir / SUMMARY_FILE).write_text(json.dumps(summary, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return summary


def write_events(folder: Path) -> dict[str, Any]:
    """Merge the run's article events (:data:`ARTICLE_EVENTS`) into ``events`` and ``event_sources`` in ``folder``
    (see :mod:`sahyog.corpus_events`); returns their counts and the seconds the merge took."""
    from .corpus_events import merge_parquet

    return merge_parquet(folder / ARTICLE_EVENTS, folder, SCHEMAS)


def export_events(folder: Path, formats: Sequence[str]) -> dict[str, Any]:
    """Write the events in each export format (only ``plover``); returns ``{"exports": {file: records}}``."""
    from . import plover

    out = {}
    for fmt in formats:
        if fmt != "plover":
            raise InputError("--export", f"unknown format {fmt!r} (known: plover)")
        path, n = plover.export(folder)
        out[path.name] = n
    return {"exports": out} if out else {}


def make_summary(
    corpus: CorpusInput,
    stats: PartitionStats,
    partitions: int,
    seconds: float,
    workers: int,
    scheduler: str | None,
    partition_size: int,
    top: int = 10,
) -> dict[str, Any]:
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
        "dates": {
            "first": stats.first_date.isoformat() if stats.first_date else None,
            "last": stats.last_date.isoformat() if stats.last_date else None,
            "undated": stats.undated,
            "invalid": stats.invalid_dates,
            "first_invalid": stats.first_invalid_date,
        },
        "top_sectors": [
            {"sector": s, "articles": n, "share": round(n / stats.ok, 4) if stats.ok else 0.0}
            for s, n in sorted(stats.sector_articles.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
        ],
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
    out = {name: read_table(folder / f"{name}.parquet") for name in TABLE_NAMES}
    for name in EVENT_TABLES:  # an output written before corpus events has none
        path = folder / f"{name}.parquet"
        out[name] = read_table(path) if path.exists() else SCHEMAS[name].empty_table().to_pandas()
    return out


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
    (``portfolio``), mere mentions (``mention``) and conflict (``conflict``) are left out unless ``all_contexts``."""
    n_ok = int(documents["error"].isna().sum())
    if not all_contexts and "context" in sectors:
        sectors = sectors[~sectors["context"].isin(("portfolio", "mention", "conflict"))]
    if sectors.empty:
        return pd.DataFrame(columns=["sector", "articles", "share", "mentions"])
    g = sectors.groupby("sector")
    out = pd.DataFrame({"articles": g["doc_id"].nunique(), "mentions": g.size()}).reset_index()
    out["share"] = (out["articles"] / max(n_ok, 1)).round(4)
    return out[["sector", "articles", "share", "mentions"]].sort_values(
        ["articles", "sector"], ascending=[False, True], ignore_index=True
    )


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
    names = (
        entities[entities["type"] == "country"].drop_duplicates("id").set_index("id")["name_en"].to_dict()
        if not entities.empty
        else {}
    )
    pairs: Counter[tuple[str, str]] = Counter()
    for parties in agreements["parties"]:
        countries = sorted({p for p in (parties or []) if ":" not in p})
        pairs.update(combinations(countries, 2))
    rows = [
        {"pair": f"{names.get(a, a)} – {names.get(b, b)}", "a": a, "b": b, "agreements": n}
        for (a, b), n in pairs.most_common()
    ]
    out = pd.DataFrame(rows, columns=["pair", "a", "b", "agreements"])
    return out.sort_values(["agreements", "pair"], ascending=[False, True], ignore_index=True).head(top)


def top_entities(entities: pd.DataFrame, top: int = 15, types: Sequence[str] | None = None) -> pd.DataFrame:
    """The entities found in the most articles (with total mentions), optionally of some types only."""
    df = entities if types is None else entities[entities["type"].isin(types)]
    if df.empty:
        return pd.DataFrame(columns=["type", "id", "name_en", "name_hi", "articles", "mentions"])
    g = df.groupby(["type", "id"])
    out = pd.DataFrame(
        {
            "name_en": g["name_en"].first(),
            "name_hi": g["name_hi"].first(),
            "articles": g["doc_id"].nunique(),
            "mentions": g["n_mentions"].sum(),
        }
    ).reset_index()
    return out.sort_values(["articles", "mentions", "id"], ascending=[False, False, True], ignore_index=True).head(top)


# ---------------------------------------------------------------------------------------------
# Sample corpora (notebook, tests, benchmarks)


def make_articles(
    pool: Sequence[str], n: int, seed: int = 0, start: date = date(2025, 1, 1), days: int = 365
) -> Iterator[tuple[str, date, str]]:
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
            rest = rest[j : j + k]
        if len(bodies) > 1 and rng.random() < 0.3:
            other = bodies[rng.randrange(len(bodies))][1:]
            if other:
                j = rng.randrange(len(other))
                rest = rest + other[j : j + rng.randint(1, 3)]
        day = start + timedelta(days=(i * days) // max(n, 1))
        yield f"a{i:06d}", day, "\n".join([head, *rest]) + "\n"


def write_corpus(articles: Iterable[tuple[str, date, str]], out: str | Path, fmt: str = "jsonl") -> Path:
    """Write articles as a JSON Lines file (``doc_id, date, source, text``) or a folder of ``DATE_ID.txt``."""
    p = Path(out)
    p.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "jsonl":
        with p.open("w", encoding="utf-8") as fh:
            for doc_id, day, text in articles:
                fh.write(
                    json.dumps(
                        {"doc_id": doc_id, "date": day.isoformat(), "source": "generated", "text": text},
                        ensure_ascii=False,
                    )
                    + "\n"
                )
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

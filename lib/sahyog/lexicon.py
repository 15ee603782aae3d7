"""The one reader for every lexicon CSV (sectors, sector labels, agreement triggers, entity extras).

A lexicon is UTF-8 CSV with a header line; lines starting with ``#`` are comments and blank lines are
skipped. Every row is checked: the number of fields, the values that must be there, the values a
column may take. A problem is an :class:`~sahyog.errors.InputError` naming the file and line, e.g.
``sectors.csv:12: unknown sector 'xyz'``, so a user's own lexicon fails with one readable line.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError

IGNORE = "ignore"  # the group of rows that block a phrase (sectors, agreement triggers)


@dataclass(frozen=True)
class LexiconSchema:
    """What a lexicon file must hold: its columns, the ones that may be left out of the header,
    the ones every row must fill, and the values some columns may take."""

    columns: tuple[str, ...]
    optional: frozenset[str] = frozenset()
    required: tuple[str, ...] = ()
    allowed: Mapping[str, frozenset[str]] = field(default_factory=dict)


def read_lexicon(path: str | Path, schema: LexiconSchema) -> list[dict[str, str]]:
    """The rows of a lexicon CSV as dicts (every column of ``schema``, whitespace trimmed, missing optional
    columns as ""); raise :class:`InputError` ``FILE:LINE: problem`` for anything malformed."""
    p = Path(path)
    text = _read_text(p)
    reader = csv.reader(io.StringIO(text))
    header: list[str] | None = None
    rows: list[dict[str, str]] = []
    for fields in reader:
        line = reader.line_num
        if _skipped(fields):
            continue
        if header is None:
            header = _check_header(p, line, fields, schema)
            continue
        rows.append(_check_row(p, line, header, fields, schema))
    if header is None:
        raise InputError(p, f"no header line (expected {','.join(schema.columns)})")
    if not rows:
        raise InputError(p, "no rows after the header")
    return rows


def _read_text(p: Path) -> str:
    """The file's text; errors for a missing, unreadable, binary, non-UTF-8 or empty file."""
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError(p, "no such file") from None
    except OSError as exc:
        raise InputError(p, f"cannot be read ({exc.strerror or exc})") from None
    if b"\x00" in data:
        raise InputError(p, "binary data (NUL bytes), not a CSV text file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        problem = f"not UTF-8 text (undecodable byte 0x{data[exc.start]:02x} at offset {exc.start})"
        raise InputError(p, problem) from None
    if not text.strip():
        raise InputError(p, "empty file")
    return text


def _skipped(fields: list[str]) -> bool:
    """Blank lines and ``#`` comment lines."""
    return not any(f.strip() for f in fields) or fields[0].lstrip().startswith("#")


def _check_header(p: Path, line: int, fields: list[str], schema: LexiconSchema) -> list[str]:
    header = [f.strip() for f in fields]
    missing = [c for c in schema.columns if c not in header and c not in schema.optional]
    unknown = [c for c in header if c not in schema.columns]
    if missing or unknown or len(set(header)) != len(header):
        raise InputError(f"{p}:{line}", f"wrong columns {','.join(header)!r}: expected {','.join(schema.columns)!r}")
    return header


def _check_row(p: Path, line: int, header: list[str], fields: list[str], schema: LexiconSchema) -> dict[str, str]:
    where = f"{p}:{line}"
    if len(fields) != len(header):
        raise InputError(where, f"{len(fields)} fields, but the header has {len(header)} ({','.join(header)})")
    row = dict.fromkeys(schema.columns, "")
    row.update(zip(header, (f.strip() for f in fields), strict=True))
    for col in schema.required:
        if not row[col]:
            raise InputError(where, f"empty {col}")
    for col, allowed in schema.allowed.items():
        if row[col] not in allowed:
            raise InputError(where, f"unknown {col} {row[col]!r} (known: {', '.join(sorted(a for a in allowed if a))})")
    return row


def group_schema(group: str, allowed: Iterable[str], extra: Mapping[str, Iterable[str]] | None = None) -> LexiconSchema:
    """Schema of a ``group,term[,extra...]`` lexicon: group and term filled, the group one of ``allowed``;
    each optional ``extra`` column (which may be absent from the header) one of its values."""
    extra = dict(extra or {})
    allowed_values = {group: frozenset(allowed), **{c: frozenset(v) for c, v in extra.items()}}
    return LexiconSchema((group, "term", *extra), frozenset(extra), (group, "term"), allowed_values)

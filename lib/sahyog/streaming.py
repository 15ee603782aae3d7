"""``sahyog extract``'s output written as each article is done, so no run holds a whole corpus.

JSON: each record is written to the stream piece by piece (list items one at a time), the same bytes as
``json.dumps(record, ensure_ascii=False)``, never as one string (a long article's record is tens of MB of
JSON). CSV: each table's rows of an article are appended to a temporary file beside the table, and the
tables replace the earlier ones only when the run is complete (a reader never sees half a table).
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import IO, Any

_ENCODE = json.JSONEncoder(ensure_ascii=False).encode


def write_json_line(record: Mapping[str, Any], out: IO[str]) -> None:
    """``record`` as one line of JSON on ``out``, written item by item, then flushed."""
    out.write("{")
    for i, (key, value) in enumerate(record.items()):
        out.write(", " if i else "")
        out.write(_ENCODE(key) + ": ")
        if isinstance(value, list):
            out.write("[")
            for j, item in enumerate(value):
                out.write(", " if j else "")
                out.write(_ENCODE(item))
            out.write("]")
        else:
            out.write(_ENCODE(value))
    out.write("}\n")
    out.flush()


class CsvTables:
    """The extract tables (:data:`sahyog.tables.TABLES`) under ``out_dir``, appended article by article.

    ``add(record)`` appends its rows; ``close()`` puts every table in place (``<name>.csv``) and returns the
    paths; ``discard()`` removes the temporary files (a failed or interrupted run keeps the earlier tables).
    """

    def __init__(self, out_dir: str | Path) -> None:
        from . import tables

        self.out_dir = Path(out_dir)
        self.makers = tables.TABLES
        self.files: dict[str, tuple[str, IO[str]]] = {}
        self.n = 0

    def _file(self, name: str) -> IO[str]:
        if name not in self.files:
            fd, tmp = tempfile.mkstemp(dir=self.out_dir, prefix=f".{name}.csv.tmp-")
            self.files[name] = (tmp, os.fdopen(fd, "w", encoding="utf-8", newline=""))
        return self.files[name][1]

    def add(self, record: Mapping[str, Any]) -> None:
        """Append the rows of one record to every table (the header with the first)."""
        from .tables import _flatten

        for name, make in self.makers.items():
            _flatten(make([record])).to_csv(self._file(name), index=False, header=self.n == 0)
        self.n += 1

    def close(self) -> list[Path]:
        """Every table in place; nothing is written when no record was added."""
        paths = []
        for name, (tmp, fh) in self.files.items():
            fh.close()
            os.chmod(tmp, 0o644)
            paths.append(Path(os.replace(tmp, self.out_dir / f"{name}.csv") or self.out_dir / f"{name}.csv"))
        self.files = {}
        return paths

    def discard(self) -> None:
        """Remove the temporary files."""
        for tmp, fh in self.files.values():
            fh.close()
            Path(tmp).unlink(missing_ok=True)
        self.files = {}

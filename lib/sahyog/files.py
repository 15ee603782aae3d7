"""Writing without ever leaving half a file or losing an earlier result.

Every file Sahyog writes is written beside its target and renamed into place; every output folder
(a report, a corpus run) is built beside its target and swapped in only when complete.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import IO


def write_atomic(path: str | Path, write: Callable[[IO[str]], object], mode: int = 0o644) -> Path:
    """Write a text file through ``write(fh)`` into a temp file beside ``path``, then rename it over."""
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=p.parent, prefix=f".{p.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            write(fh)
        os.chmod(tmp, mode)  # mkstemp makes it private; results are for sharing
        os.replace(tmp, p)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return p


def write_text_atomic(path: str | Path, text: str) -> Path:
    """:func:`write_atomic` for a string."""
    return write_atomic(path, lambda fh: fh.write(text))


def make_staging_dir(final: Path) -> Path:
    """A new, empty, shareable folder beside ``final`` to build it in (hidden: ``.NAME.tmp-…``)."""
    final.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{final.name}.tmp-", dir=final.parent))
    tmp.chmod(0o755)
    return tmp


def replace_dir(staged: Path, final: Path) -> None:
    """Put the finished ``staged`` folder at ``final``; an earlier ``final`` is removed only once the new
    one is in place, and restored if the swap fails."""
    if not final.exists():
        staged.rename(final)
        return
    old = final.with_name(f".{final.name}.old-{uuid.uuid4().hex[:8]}")
    final.rename(old)
    try:
        staged.rename(final)
    except BaseException:
        old.rename(final)
        raise
    shutil.rmtree(old, ignore_errors=True)

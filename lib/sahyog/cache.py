"""A pickle cache for tables that are slow to build and depend only on Sahyog's code and data (the gazetteer).

A cached value lives in ``$SAHYOG_CACHE_DIR`` (default ``$XDG_CACHE_HOME/sahyog``, else ``~/.cache/sahyog``)
under a key that changes whenever anything it could depend on changes: Sahyog's version, every source
file and data file of the package, the Python version and the versions of the libraries whose data the
tables read. ``SAHYOG_CACHE_DIR=""`` turns the cache off. A cache file that cannot be read or written is
ignored (the value is built as without a cache); writes are atomic, so parallel processes never read
half a file.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Sequence
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import TypeVar

from . import __version__
from .paths import PACKAGE_DIR

T = TypeVar("T")


def cache_dir() -> Path | None:
    """The cache folder, or None when the cache is off."""
    env = os.environ.get("SAHYOG_CACHE_DIR")
    if env is not None:
        return Path(env).expanduser() if env else None
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "sahyog"


@cache
def source_key(libraries: tuple[str, ...] = ()) -> str:
    """A hash of Sahyog's version, its source and data files, Python's version and ``libraries``' versions."""
    h = hashlib.sha256(f"{__version__}|{sys.version}".encode())
    for p in sorted(PACKAGE_DIR.rglob("*")):
        if p.is_file() and "__pycache__" not in p.parts:
            h.update(str(p.relative_to(PACKAGE_DIR)).encode() + b"\0" + p.read_bytes())
    for lib in libraries:
        try:
            h.update(f"{lib}={metadata.version(lib)}".encode())
        except metadata.PackageNotFoundError:
            h.update(f"{lib}=?".encode())
    return h.hexdigest()[:20]


def cached(name: str, build: Callable[[], T], libraries: Sequence[str] = ()) -> T:
    """``build()``'s value, from the cache when it holds one for the current key, else built and stored."""
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{name}-{source_key(tuple(libraries))}.pickle"
    try:
        with path.open("rb") as fh:
            return pickle.load(fh)
    except Exception:  # missing, unreadable or from an incompatible build: build it again
        pass
    value = build()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}.tmp-")
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
            for old in folder.glob(f"{name}-*.pickle"):  # earlier keys: code or data changed since
                if old != path:
                    old.unlink(missing_ok=True)
        finally:
            Path(tmp).unlink(missing_ok=True)
    except OSError:  # a read-only home or a full disk: the value is still good
        pass
    return value

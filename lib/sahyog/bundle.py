"""A lexicon bundle: a folder of data files of one's own that replace the packaged ones (``lexicon_path``,
``--lexicon``), so any rule's word list can be swapped, not only the sectors.

A bundle folder holds any of :data:`BUNDLE_FILES` (the others stay the packaged ones). Every file is read and
checked when the bundle is loaded, so a bad file stops a run with one error naming the file and line before any
article is read. The bundle carries the files' text: a Dask worker, on another machine too, writes them once to
a temporary folder and reads them from there while it extracts (:func:`applied`); every loader finds its file
through :func:`sahyog.paths.data_file` and caches per file, so the packaged rules are untouched outside.
"""

from __future__ import annotations

import atexit
import hashlib
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import actors, agreements, cues, sectors, settings
from .errors import InputError
from .paths import data_overrides


def _check_settings(path: Path) -> object:
    """A bundle's windows must name every window the rules read."""
    missing = sorted(set(settings.windows()) - set(settings.windows(path)))
    if missing:
        raise InputError(path, f"missing windows: {', '.join(missing)}")
    return None


BUNDLE_FILES: dict[str, Callable[[Path], Any]] = {
    "sectors.csv": sectors.load_lexicon,
    "cues.csv": cues.load_cues,
    "agreements.csv": agreements.load_triggers,
    "senses.csv": agreements.load_senses,
    "actors.csv": actors.load_actor_terms,
    "leaders.csv": agreements.load_leaders,
    "settings.csv": _check_settings,
}


@dataclass(frozen=True)
class Bundle:
    """The data files of a bundle folder: ``files`` is ``(file name, text)`` in name order."""

    folder: str
    files: tuple[tuple[str, str], ...]

    @property
    def names(self) -> list[str]:
        return [name for name, _ in self.files]


def load_bundle(folder: str | Path) -> Bundle:
    """Read and check every data file of ``folder``; an unknown file name or a bad file is an
    :class:`~sahyog.errors.InputError` naming it."""
    root = Path(folder)
    if not root.is_dir():
        raise InputError(root, "not a folder of lexicon files")
    found = sorted(p for p in root.iterdir() if p.is_file() and not p.name.startswith("."))
    for p in found:
        if p.name not in BUNDLE_FILES:
            raise InputError(p, f"not a lexicon file Sahyog reads (known: {', '.join(BUNDLE_FILES)})")
    if not found:
        raise InputError(root, f"no lexicon files (known: {', '.join(BUNDLE_FILES)})")
    for p in found:
        BUNDLE_FILES[p.name](p)
    return Bundle(str(root), tuple((p.name, p.read_text(encoding="utf-8")) for p in found))


def load_lexicon_arg(path: str | Path) -> sectors.Lexicon | Bundle:
    """What ``lexicon_path``/``--lexicon`` names: a sector lexicon CSV (``sector,term``) or a bundle folder."""
    return load_bundle(path) if Path(path).is_dir() else sectors.load_lexicon(path)


_WRITTEN: dict[str, dict[str, Path]] = {}  # bundle digest -> its files in this process's temporary folder


def _paths(bundle: Bundle) -> dict[str, Path]:
    """The bundle's files on this machine, written once per process."""
    digest = hashlib.sha1(repr(bundle.files).encode("utf-8")).hexdigest()
    if digest not in _WRITTEN:
        tmp = Path(tempfile.mkdtemp(prefix="sahyog-bundle-"))
        atexit.register(shutil.rmtree, tmp, True)
        for name, text in bundle.files:
            (tmp / name).write_text(text, encoding="utf-8")
        _WRITTEN[digest] = {name: tmp / name for name, _ in bundle.files}
    return _WRITTEN[digest]


@contextmanager
def applied(bundle: Bundle) -> Iterator[None]:
    """Every loader reads the bundle's files inside the ``with`` block."""
    with data_overrides(_paths(bundle)):
        yield

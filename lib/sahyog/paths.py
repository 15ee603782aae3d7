"""Where things live: every relative path Sahyog is given is resolved from the repository root.

Papermill runs a notebook in the caller's folder and nbval in the notebook's folder, so notebooks
never rely on the working directory: they pass their path parameters through :func:`repo_path`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path

from .errors import InputError

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = PACKAGE_DIR / "data"
_OVERRIDES: ContextVar[Mapping[str, Path] | None] = ContextVar("sahyog_data_overrides", default=None)


def data_file(name: str) -> Path:
    """The data file ``name`` (``cues.csv`` ...) every loader reads: a lexicon bundle's own (see
    :mod:`sahyog.bundle`) while one is in use, else the packaged one in ``DATA_DIR``."""
    files = _OVERRIDES.get()
    return (files.get(name) if files else None) or _packaged(name)


@cache
def _packaged(name: str) -> Path:
    """The packaged data file (one Path object per name: loaders key their caches on it, on every cue lookup)."""
    return DATA_DIR / name


@contextmanager
def data_overrides(files: Mapping[str, Path]) -> Iterator[None]:
    """Read the data files named in ``files`` from the paths given, inside the ``with`` block only."""
    token = _OVERRIDES.set({**(_OVERRIDES.get() or {}), **files})
    try:
        yield
    finally:
        _OVERRIDES.reset(token)


def _find_root() -> Path:
    """The repository root: ``$SAHYOG_ROOT`` if set, else the checkout this package was installed from."""
    env = os.environ.get("SAHYOG_ROOT")
    if env:
        return Path(env).expanduser().resolve()
    candidate = PACKAGE_DIR.parents[1]  # lib/sahyog -> repository root (editable install)
    if (candidate / "pyproject.toml").exists():
        return candidate
    return Path.cwd()


REPO_ROOT = _find_root()
SEEDS_DIR = REPO_ROOT / "seeds"
NOTEBOOKS_DIR = REPO_ROOT / "notebooks"
REPORTS_DIR = REPO_ROOT / "reports"


def repo_path(path: str | os.PathLike[str]) -> Path:
    """``path`` as an absolute path: absolute paths are kept, relative ones are taken from the repo root."""
    p = Path(path).expanduser()
    return p if p.is_absolute() else REPO_ROOT / p


def reports_dir() -> Path:
    """Where notebooks write when given no ``output_dir``: ``$SAHYOG_REPORTS_DIR`` if set, else ``reports/``.

    Tests and nbval set the variable to a temporary folder, so they never touch the user's reports.
    """
    env = os.environ.get("SAHYOG_REPORTS_DIR")
    return Path(env).expanduser().resolve() if env else REPORTS_DIR


LAB_DIR = "lab"


def lab_dir() -> Path:
    """Where notebooks run by hand (JupyterLab, papermill without ``output_dir``) write: ``reports_dir()/lab``,
    a folder of their own, never a built report whose pages link to their files."""
    return reports_dir() / LAB_DIR


def output_dir(given: str | os.PathLike[str], doc_id: str) -> Path:
    """A notebook's output folder: ``given`` (from the repository root) if set, else ``lab_dir()/doc_id``."""
    return repo_path(given) if str(given) else lab_dir() / doc_id


def article_files(folder: str | os.PathLike[str]) -> list[Path]:
    """The articles of a folder: its ``.txt`` files, sorted by name (not recursive)."""
    with os.scandir(folder) as it:
        return sorted(Path(e.path) for e in it if e.name.endswith(".txt") and e.is_file())


def example_article() -> Path:
    """The example article shipped in ``seeds/`` (the first ``.txt`` there, by name)."""
    seeds = sorted(SEEDS_DIR.glob("*.txt"))
    if not seeds:
        raise FileNotFoundError(f"{SEEDS_DIR}: no example article (*.txt) found")
    return seeds[0]


_UNSAFE_ID = re.compile(r"[^A-Za-z0-9_\-.\u0900-\u097f]+")


def doc_id_for(path: str | os.PathLike[str]) -> str:
    """A stable document id for an article file: its file name without extension, made safe as a folder
    and URL name (other characters become ``_``; no leading dot, so ``..txt`` cannot mean ``.``)."""
    return _UNSAFE_ID.sub("_", Path(path).stem).lstrip(".") or "article"


def check_unique_ids(paths: Sequence[str | os.PathLike[str]]) -> None:
    """Refuse two article files with the same id (``a b.txt`` and ``a_b.txt`` are both ``a_b``).

    An error rather than a made-up suffix: an article's id must not depend on which other files
    happen to be in the same run (its report folder and table rows are found by it).
    """
    seen: dict[str, Path] = {}
    for raw in paths:
        p = Path(raw)
        doc_id = doc_id_for(p)
        if doc_id in seen and seen[doc_id].resolve() != p.resolve():
            raise InputError(p, f"same article id {doc_id!r} as {seen[doc_id]}: rename one of them")
        seen.setdefault(doc_id, p)

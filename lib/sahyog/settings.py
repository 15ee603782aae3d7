"""The windows of the annotator rules (how many tokens a clause, a negation or a sentence spans), read once
from ``data/settings.csv`` so that every rule takes its width from one file."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .lexicon import LexiconSchema, read_lexicon
from .paths import data_file

_SCHEMA = LexiconSchema(("name", "value", "description"), frozenset({"description"}), ("name", "value"))


def windows(path: str | Path | None = None) -> dict[str, int]:
    """Every window of ``data/settings.csv`` (or of ``path``) by name, in tokens."""
    return _windows(Path(path) if path else data_file("settings.csv"))


@lru_cache(maxsize=4)
def _windows(path: Path) -> dict[str, int]:
    return {r["name"]: int(r["value"]) for r in read_lexicon(path, _SCHEMA)}


def window(name: str) -> int:
    """One window by name (a KeyError names a window missing from ``data/settings.csv``)."""
    return windows()[name]

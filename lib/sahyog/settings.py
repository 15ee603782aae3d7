"""The windows of the annotator rules (how many tokens a clause, a negation or a sentence spans), read once
from ``data/settings.csv`` so that every rule takes its width from one file."""

from __future__ import annotations

from functools import lru_cache

from .lexicon import LexiconSchema, read_lexicon
from .paths import DATA_DIR

_SCHEMA = LexiconSchema(("name", "value", "description"), frozenset({"description"}), ("name", "value"))


@lru_cache(maxsize=1)
def windows() -> dict[str, int]:
    """Every window of ``data/settings.csv`` by name, in tokens."""
    return {r["name"]: int(r["value"]) for r in read_lexicon(DATA_DIR / "settings.csv", _SCHEMA)}


def window(name: str) -> int:
    """One window by name (a KeyError names a window missing from ``data/settings.csv``)."""
    return windows()[name]

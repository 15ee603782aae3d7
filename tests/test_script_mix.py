"""``script_mix`` counts by distinct character: the same counts as classifying every character in turn."""

from __future__ import annotations

import unicodedata

import pytest

from sahyog.paths import example_article
from sahyog.text import script_mix


def one_by_one(text: str) -> tuple[int, int, int, int]:
    """The straightforward count, character by character (the rule the check was written with)."""
    dev = lat = ara = oth = 0
    for ch in text:
        if not ch.isalpha() and not ("\u0900" <= ch <= "\u097f" and unicodedata.category(ch)[0] == "M"):
            continue
        if "\u0900" <= ch <= "\u097f" or "\ua8e0" <= ch <= "\ua8ff":
            dev += 1
        elif ch.isascii() or "\u00c0" <= ch <= "\u024f":
            lat += 1
        elif "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f" or "\ufb50" <= ch <= "\ufeff":
            ara += 1
        else:
            oth += 1
    return dev, lat, ara, oth


@pytest.mark.parametrize(
    "text",
    [
        "",
        "भारत और जापान ने समझौता किया। 2025",
        "Café naïve ÀÉ déjà vu",
        "پاکستان اور भारत",
        "Ελλάδα 中国 ꣠꣱ ँ ः ़",
        example_article().read_text(encoding="utf-8"),
    ],
)
def test_counts_are_the_character_by_character_counts(text):
    mix = script_mix(text)
    assert (mix.devanagari, mix.latin, mix.arabic, mix.other) == one_by_one(text)

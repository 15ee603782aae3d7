"""Who an event's occasion is about and what it was worth: the leaders and money amounts its sentences name.

Two reports of one visit name the same leaders (``data/leaders.csv``: ``पुतिन``, ``ट्रंप`` / ``ट्रम्प``) and, for
a deal, the same value; two visits of the same leaders years apart name other values (``110 अरब डॉलर`` against
``142 बिलियन डॉलर``). The corpus merge (:mod:`sahyog.corpus_events`) reads a shared leader as evidence for reports
with no date, and two values of one currency as a contradiction.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import regex as re

from .agreements import leader_spellings, load_leaders
from .dates import DEV_DIGITS
from .entities.names import variant_key

LEADER_WORDS = 3  # a leader's name is one to three words (``किम जोंग उन``)
AMOUNT_TOLERANCE = 0.15  # two values of one currency further apart than this share are two deals
_WORD = re.compile(r"[\p{L}\p{M}]+")
# "110 अरब डॉलर", "5.43 बिलियन डॉलर", "12.1 लाख करोड़ रुपए", "40 हजार करोड़ रुपये": number, scale words, currency
_NUMBER = r"(?P<n>[0-9०-९]+(?:[.,][0-9०-९]+)*)"
_SCALE = {"हजार": 1e3, "हज़ार": 1e3, "लाख": 1e5, "करोड़": 1e7, "करोड": 1e7, "अरब": 1e9, "बिलियन": 1e9,
          "खरब": 1e11, "मिलियन": 1e6, "ट्रिलियन": 1e12}  # fmt: skip
_CURRENCY = {"डॉलर": "USD", "डालर": "USD", "रुपए": "INR", "रुपये": "INR", "रुपया": "INR", "रुपयों": "INR",
             "यूरो": "EUR"}  # fmt: skip
_AMOUNT = re.compile(
    _NUMBER + r"\s*(?P<scale>(?:(?:" + "|".join(_SCALE) + r")\s*){0,2})(?:अमेरिकी\s+)?(?P<cur>"
    + "|".join(_CURRENCY) + r")(?![\p{L}\p{M}])"
)  # fmt: skip


@lru_cache(maxsize=1)
def _leader_ids() -> dict[tuple[str, ...], str]:
    """Loose keys of each leader name (spellings folded) -> the leader's id: the first spelling in ``leaders.csv``
    (or the one its ``leader`` column names, for spellings no fold joins: ``चिनफिंग`` -> ``जिनपिंग``)."""
    ids: dict[tuple[str, ...], str] = {}
    for words, leader in leader_spellings():
        key = tuple(variant_key(w) for w in words)
        ids.setdefault(key, ids.get(tuple(variant_key(w) for w in leader.split()), leader))
    return ids


@lru_cache(maxsize=1)
def _leader_states() -> dict[str, str]:
    """Leader id -> the state the leader acts for (ISO 3166 code, as ``leaders.csv`` gives it)."""
    return {leader: load_leaders()[words] for words, leader in leader_spellings()}


def leader_states(leaders: Iterable[str]) -> set[str]:
    """The states the leaders (ids of :func:`leaders_named`) act for."""
    return {_leader_states()[i] for i in leaders if i in _leader_states()}


def names_a_visitor(leaders: Iterable[str], parties: Iterable[str], host: str | None) -> bool:
    """True when ``leaders`` include one of a party state other than the host (the place's country): the visitor
    names an occasion, a host meets every visitor (``मोदी`` alone in New Delhi tells no visit from another). With
    no host known, leaders of two of the parties are needed."""
    states = {_leader_states().get(ident) for ident in leaders} & set(parties)
    return bool(states - {host}) if host else len(states) >= 2


def leaders_named(texts: Iterable[str]) -> list[str]:
    """The ids of the leaders ``texts`` name (sorted, each once): ``"ट्रम्प ने"`` and ``"ट्रंप का"`` are one id."""
    table = _leader_ids()
    found: set[str] = set()
    for text in texts:
        keys = [variant_key(w) for w in _WORD.findall(text or "")]
        for k in range(len(keys)):
            for n in range(LEADER_WORDS, 0, -1):
                ident = table.get(tuple(keys[k : k + n]))
                if ident and k + n <= len(keys):
                    found.add(ident)
                    break
    return sorted(found)


def _number(text: str) -> float | None:
    """A number as written (``39,000``, ``1,00,000``: commas group digits; ``5.43``)."""
    digits = text.translate(DEV_DIGITS).replace(",", "")
    try:
        return float(digits)
    except ValueError:
        return None


def amounts_named(texts: Iterable[str]) -> list[str]:
    """The money values ``texts`` name, as ``CUR:VALUE`` strings (``"USD:110000000000"``; sorted, each once)."""
    found: set[str] = set()
    for text in texts:
        for m in _AMOUNT.finditer(text or ""):
            value = _number(m["n"])
            if value is None:
                continue
            for word in m["scale"].split():
                value *= _SCALE[word]
            found.add(f"{_CURRENCY[m['cur']]}:{round(value)}")
    return sorted(found)


def amounts_conflict(a: Iterable[str], b: Iterable[str]) -> bool:
    """True when two sets of values share a currency and no value of one is within :data:`AMOUNT_TOLERANCE` of a
    value of the other in it (one deal reported as 5 and 5.43 billion dollars is one deal)."""
    by_cur: dict[str, tuple[list[float], list[float]]] = {}
    for side, values in enumerate((a, b)):
        for v in values:
            cur, _, num = v.partition(":")
            by_cur.setdefault(cur, ([], []))[side].append(float(num))
    for xs, ys in by_cur.values():
        if xs and ys and not any(abs(x - y) <= AMOUNT_TOLERANCE * max(x, y) for x in xs for y in ys):
            return True
    return False

"""The one cue file and the one clause helper of every annotator rule (agreements, outcomes, cooperation).

``data/cues.csv`` (``cue,term``) lists the words of each rule by kind (``future``, ``negation``,
``conflict`` ...; the kinds are documented at the top of the file); :func:`load_cues` builds one phrase
matcher per kind, matched like every lexicon (whole tokens, inflected forms, nukta and nasals folded; the kinds in
:data:`AS_WRITTEN` only as written, since ``ना`` inflected would give the postposition ``ने``). Rows of
kind ``shadow`` block the cues inside them (``जीवन-यात्रा`` is no visit), except in the kinds of
:data:`UNSHADOWED`. Clauses end at a ``clause_break`` cue and at a window from ``data/settings.csv``.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from .lexicon import group_schema, read_lexicon
from .matching import PhraseMatcher, term_keys
from .paths import data_file
from .settings import window
from .text import normalize, tokenize

CUES: tuple[str, ...] = (
    "future", "hope", "negotiation", "ongoing", "approval", "approver", "to_sign", "prospective", "background",
    "perfect", "consequence", "done", "event", "event_verb", "state", "bilateral", "date", "cooperation", "contact",
    "mutual", "decision", "signing", "accepted", "party_after",
    "clause_break", "party_break", "negation", "not_negation", "denial", "conditional", "question", "irrealis",
    "relative", "refer_back", "both_states", "np_head", "diplomatic", "offer", "amount", "signed", "programme_of",
    "visit", "agreed", "next", "street", "sports", "conflict", "participle", "recent", "between", "shadow",
    "complement", "says", "habitual", "copula", "period", "terms", "threat", "counter", "topic", "threat_np",
    "talks", "held", "held_frame", "act_done", "about", "joint_act", "jointly", "sector_np",
)  # fmt: skip
AS_WRITTEN = frozenset(
    {
        "negation",
        "not_negation",
        "clause_break",
        "party_break",
        "party_after",
        "question",
        "participle",
        "complement",
        "habitual",
        "copula",
        "held",
        "held_frame",
        "act_done",
        "talks",  # one meeting: the singular (कई मुलाकातों is several)
        "sector_np",  # postpositions: से inflected would be सा
    }
)
SHADOW = "shadow"
# a shadow phrase (आतंकवाद के खिलाफ) is exactly the sense these kinds look for
UNSHADOWED = frozenset({SHADOW, "threat", "counter", "topic", "threat_np"})


def _keys_as_written(term: str) -> set[tuple[str, ...]]:
    return {tuple(t.text.lower() for t in tokenize(normalize(term, fold_nukta=True)))}


def load_cues(path: str | Path | None = None) -> dict[str, PhraseMatcher[str]]:
    """Read ``cue,term`` rows (default ``data/cues.csv``, or a bundle's): one phrase matcher per cue kind, each
    also holding the ``shadow`` phrases (payload ``""``) so that a longer phrase in another sense wins."""
    return _load_cues(Path(path) if path else data_file("cues.csv"))


@lru_cache(maxsize=4)
def _load_cues(path: Path) -> dict[str, PhraseMatcher[str]]:
    rows = read_lexicon(path, group_schema("cue", CUES))
    items: dict[str, list[tuple[tuple[str, ...], str]]] = {c: [] for c in CUES}
    for r in rows:
        keys = _keys_as_written(r["term"]) if r["cue"] in AS_WRITTEN else term_keys(r["term"])
        items[r["cue"]].extend((key, r["term"]) for key in sorted(keys))
    shadows = [(key, "") for key, _ in items[SHADOW]]
    return {c: PhraseMatcher.build([*v, *shadows] if c not in UNSHADOWED else v) for c, v in items.items()}


def cue_terms(cue: str, keys: Sequence[str], lo: int = 0, hi: int | None = None) -> list[tuple[int, int, str]]:
    """Token ranges ``(i, j)`` of the terms of ``cue`` among ``keys[lo:hi]`` (shadowed ones left out), each with
    the cue file's term (``समझौता`` for ``समझौतों``)."""
    return [(i, j, term) for i, j, term in load_cues()[cue].scan(keys, lo, hi) if term]


def cue_hits(cue: str, keys: Sequence[str], lo: int = 0, hi: int | None = None) -> list[tuple[int, int]]:
    """Token ranges ``(i, j)`` of the terms of ``cue`` among ``keys[lo:hi]`` (shadowed ones left out)."""
    return [(i, j) for i, j, _ in cue_terms(cue, keys, lo, hi)]


def has_cue(cue: str, keys: Sequence[str], lo: int = 0, hi: int | None = None) -> bool:
    """True if a term of ``cue`` occurs among ``keys[lo:hi]``."""
    return bool(cue_hits(cue, keys, lo, hi))


PHRASE = 4  # keys a cue phrase may span (``शून्य सहिष्णुता``, ``के मुद्दे पर``): how far to scan for one at a key


def cue_at(cue: str, keys: Sequence[str], i: int) -> int:
    """Where a term of ``cue`` starting at ``keys[i]`` ends, else 0."""
    hits = cue_hits(cue, keys, i, min(len(keys), i + PHRASE))
    return hits[0][1] if hits and hits[0][0] == i else 0


def is_cue_at(cue: str, keys: Sequence[str], i: int) -> bool:
    """True if a term of ``cue`` starts at ``keys[i]``."""
    return bool(cue_at(cue, keys, i))


def clause_start(keys: Sequence[str], i: int, width: int | None = None, brk: str = "clause_break") -> int:
    """Where the clause of ``keys[i]`` begins: after the last ``brk`` cue within ``width`` keys before ``i``."""
    lo = max(0, i - (window("clause_before") if width is None else width))
    hits = cue_hits(brk, keys, lo, i)
    return hits[-1][1] if hits else lo


def clause_end(keys: Sequence[str], j: int, width: int | None = None, brk: str = "clause_break") -> int:
    """Where the clause going on at ``keys[j]`` ends: at the first ``brk`` cue within ``width`` keys from ``j``."""
    hi = min(len(keys), j + (window("clause_after") if width is None else width))
    hits = cue_hits(brk, keys, j, hi)
    return hits[0][0] if hits else hi


def clause_before(keys: Sequence[str], i: int, width: int | None = None) -> list[str]:
    """Up to ``width`` keys before position ``i`` (default window ``clause_before``), stopping at a clause break."""
    return list(keys[clause_start(keys, i, width) : i])


def clause_after(keys: Sequence[str], j: int, width: int | None = None) -> list[str]:
    """Up to ``width`` keys from position ``j`` (default window ``clause_after``), stopping at a clause break."""
    return list(keys[j : clause_end(keys, j, width)])

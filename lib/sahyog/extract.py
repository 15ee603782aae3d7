"""One article in, one plain record out: the ``extract`` contract that other tools read.

The article is built once into a :class:`~sahyog.text.Document` (sentences and one token stream) that
every annotator reads; :mod:`sahyog.record` defines the record's keys (``doc_id, source, dateline,
sentences, n_tokens, sectors, agreements, entities``). Offsets are into the decoded original text.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from . import agreements as agreements_mod
from . import dates, events, pipeline
from . import sectors as sectors_mod
from .bundle import Bundle, applied, load_lexicon_arg
from .errors import InputError
from .paths import doc_id_for, repo_path
from .record import RECORD_KEYS, DocumentHead, make_record, read_record
from .text import build_document, load_article

__all__ = ["RECORD_KEYS", "extract_file", "extract_text", "read_record", "record_for", "write_record"]


def extract_text(
    text: str, doc_id: str, source: str = "", lexicon: sectors_mod.Lexicon | Bundle | None = None,
    date: str | None = None,
) -> dict[str, Any]:  # fmt: skip
    """Run the whole pipeline on an article's decoded text and return the ``extract`` record.

    ``lexicon`` replaces the built-in sector lexicon (see :func:`sahyog.sectors.load_lexicon`) or, a
    :class:`~sahyog.bundle.Bundle`, any data files (:mod:`sahyog.bundle`); ``date``
    (``YYYY-MM-DD``) is the article's date when the caller knows it (else from the file name, a dateline
    or the first sentence: :func:`sahyog.dates.article_date`). Text
    with no sentence (only a dateline) is an :class:`~sahyog.errors.InputError`, for every command alike.
    """
    if isinstance(lexicon, Bundle):
        with applied(lexicon):
            return extract_text(text, doc_id, source, None, date)
    with _no_cyclic_gc():
        doc = build_document(text)
        if not doc.sentences:
            raise InputError(source or doc_id, "no sentences, only a dateline: not an article")
        layers = pipeline.run(pipeline.PIPELINE, {"doc": doc, "lexicon": lexicon})  # the annotators, in order
        mentions, agreements, entities = layers["sectors"], layers["agreements"], layers["entities"]
        talks = layers["talks"]
        head = DocumentHead.of(doc)
        del doc, layers  # the token stream is most of the memory of a long article: free it before the record is built
        first = (head.sentences[0].start, head.sentences[0].end)
        day, day_source = dates.article_date(text, Path(source).name if source else doc_id, date, first)
        record = make_record(doc_id, source, head, mentions, agreements, entities, day, day_source, talks)
        record["events"] = events.find_events(record, text)
        talks_record = {**record, "agreements": record["talks"]}
        record["talks_events"] = events.find_events(talks_record, text, prefix="m", by_sides=True)
        record["dateline_place"] = events.dateline_place(record, text)
        record["entities"] = agreements_mod.with_leader_states(record["entities"])  # for readers, after the rules
        return record


@contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for one extraction. The pipeline builds no reference cycles
    (reference counting frees everything), but the collector's passes over the growing token tables made
    a long article's time grow faster than its length (about +45% at 600 KB, more as the heap grows)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def extract_file(
    path: str | Path, lexicon: sectors_mod.Lexicon | None = None, date: str | None = None
) -> dict[str, Any]:
    """Load an article file (raising :class:`~sahyog.errors.InputError` if unusable) and extract it;
    ``date`` is the article's date if the caller knows it (a dated file name gives it otherwise)."""
    p = Path(path)
    return extract_text(load_article(p), doc_id_for(p), str(p), lexicon, date)


def write_record(record: dict[str, Any], path: str | Path) -> Path:
    """Write ``record`` as UTF-8 JSON (atomically), for notebooks to read with :func:`sahyog.record.read_record`."""
    import json

    from .files import write_text_atomic

    return write_text_atomic(path, json.dumps(record, ensure_ascii=False))


def record_for(article_path: str | Path, record_path: str | Path = "", lexicon_path: str | Path = "") -> dict[str, Any]:
    """The record a notebook works on: the one at ``record_path`` when given (``sahyog report`` extracts
    each article once for every chapter), else the article extracted here with ``lexicon_path`` (JupyterLab).
    Relative paths are taken from the repository root, as everywhere in the notebooks."""
    if str(record_path):
        return read_record(repo_path(record_path))
    lexicon = load_lexicon_arg(repo_path(lexicon_path)) if str(lexicon_path) else None
    return extract_file(repo_path(article_path), lexicon=lexicon)

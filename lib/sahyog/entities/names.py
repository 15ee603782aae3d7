"""Names: spelling keys that fold a name's variants, romanisation to readable English, acronyms."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..text import fold_nasals, fold_nukta
from .base import _read_lexicon

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
    """Exact-ish key: NFC, no nukta, no ZWJ/ZWNJ, lower-case Latin, the nasal of a consonant's own class with virama
    before it written as anusvara (नरेन्द्र = नरेंद्र, हिन्दी = हिंदी: one word in two spellings; म्य, न्य stay)."""
    w = fold_nukta(unicodedata.normalize("NFC", _ZW.sub("", word))).lower().rstrip(".")
    return fold_nasals(w)


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

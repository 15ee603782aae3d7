"""The Hindi text pipeline: load an article, normalise it, split it into sentences and tokens.

Every span Sahyog reports carries character offsets into the *decoded original* text (the file's
text with line ends folded to ``\\n``), so a table row can always be traced back to its evidence.
Normalisation is for matching; its :class:`Normalized` result keeps a map back to those offsets.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate, repeat
from operator import add, itemgetter
from pathlib import Path
from types import ModuleType
from typing import NamedTuple

from indicnlp.normalize.indic_normalize import DevanagariNormalizer

from .errors import InputError


class _SameScript:
    """Stand-in for indic-nlp's ``UnicodeIndicTransliterator`` inside its sentence splitter.

    The splitter only transliterates Hindi to Hindi (to look up abbreviations), which maps every
    character to itself; the real module imports pandas (~80 MB, a third of a second) for tables that
    this call never reads. Any other pair of scripts is passed on to the real transliterator.
    """

    @staticmethod
    def transliterate(text: str, lang1_code: str, lang2_code: str) -> str:
        """``text`` in ``lang2_code``'s script: unchanged from Hindi to Hindi."""
        if lang1_code == lang2_code == "hi":
            return text
        from indicnlp.transliterate import unicode_transliterate

        return unicode_transliterate.UnicodeIndicTransliterator.transliterate(text, lang1_code, lang2_code)


def _import_sentence_tokenize() -> ModuleType:
    """indic-nlp's sentence splitter without importing pandas (see :class:`_SameScript`).

    While the splitter's module is imported, a stub stands in for ``unicode_transliterate``; the stub is
    removed again at once, so any later ``import`` of that module gets the real one.
    """
    import sys

    import indicnlp.transliterate as package

    name = "indicnlp.transliterate.unicode_transliterate"
    if name in sys.modules:
        from indicnlp.tokenize import sentence_tokenize

        return sentence_tokenize
    stub = ModuleType(name)
    stub.UnicodeIndicTransliterator = _SameScript  # type: ignore[attr-defined]
    sys.modules[name] = stub
    try:
        from indicnlp.tokenize import sentence_tokenize
    finally:
        del sys.modules[name]
        if getattr(package, "unicode_transliterate", None) is stub:
            del package.unicode_transliterate
    sentence_tokenize.unicode_transliterate = stub  # type: ignore[attr-defined]
    return sentence_tokenize


sentence_tokenize = _import_sentence_tokenize()

NUKTA = "\u093c"
DANDA, DOUBLE_DANDA = "\u0964", "\u0965"

# Devanagari letters, signs, nukta, virama and ZWJ/ZWNJ: everything that belongs inside a word.
# Dandas (0964-0965) and digits (0966-096F) are deliberately not in it.
_DEV_WORD = "\u0900-\u0963\u0971-\u097f\ua8e0-\ua8ff\u200c\u200d"
_DIGIT = "0-9\u0966-\u096f"
_LATIN = "A-Za-z\u00c0-\u024f"

# ---------------------------------------------------------------------------------------------
# Loading


@dataclass(frozen=True)
class ScriptMix:
    """How many letters of each script a text has."""

    devanagari: int
    latin: int
    arabic: int
    other: int

    @property
    def letters(self) -> int:
        return self.devanagari + self.latin + self.arabic + self.other

    @property
    def devanagari_share(self) -> float:
        return self.devanagari / self.letters if self.letters else 0.0


def script_mix(text: str) -> ScriptMix:
    """Count letters by script (Devanagari, Latin, Arabic/Urdu, other): each distinct character classified
    once, with its count (``Counter`` counts in C; a loop over every character was 10 % of ``extract``)."""
    counts = [0, 0, 0, 0, 0]
    for ch, n in Counter(text).items():
        counts[_script_of(ch)] += n
    return ScriptMix(*counts[:4])


@lru_cache(maxsize=4096)
def _script_of(ch: str) -> int:
    """0 Devanagari, 1 Latin, 2 Arabic, 3 another script's letter, 4 not a letter (Devanagari marks count)."""
    if not ch.isalpha() and not ("\u0900" <= ch <= "\u097f" and unicodedata.category(ch)[0] == "M"):
        return 4
    if "\u0900" <= ch <= "\u097f" or "\ua8e0" <= ch <= "\ua8ff":
        return 0
    if ch.isascii() or "\u00c0" <= ch <= "\u024f":
        return 1
    if "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f" or "\ufb50" <= ch <= "\ufeff":
        return 2
    return 3


# Frequent Hindi function words as they come out of the Kruti Dev / Devlys legacy font encodings
# (में, का, के, है, और, कि, से, की, पर, यह, को): Latin-looking text made of these is Hindi typed in a
# pre-Unicode font, which needs converting, not analysing as English.
_LEGACY_FONT_WORDS = frozenset({"esa", "dk", "ds", "gS", "vkSj", "fd", "ls", "dh", "ij", ";g", "dks"})
MIN_DEVANAGARI_SHARE = 0.5


def decode_bytes(data: bytes, source: object = "<bytes>") -> str:
    """Decode an article's bytes (UTF-8 with or without BOM, or UTF-16 with BOM); fold CRLF/CR to LF.

    Raises :class:`InputError` naming ``source`` for anything else.
    """
    encoding = "utf-16" if data.startswith(b"\xff\xfe") or data.startswith(b"\xfe\xff") else "utf-8-sig"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            source,
            f"not UTF-8 or UTF-16 text (undecodable byte 0x{data[exc.start]:02x} at offset {exc.start});"
            " save the file as UTF-8",
        ) from None
    if "\x00" in text:
        raise InputError(source, "NUL bytes: binary data, or UTF-16 without a byte-order mark; save it as UTF-8")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def check_hindi(text: str, source: object = "<text>") -> str:
    """Return ``text`` if it is non-empty Hindi (mostly Devanagari); otherwise raise :class:`InputError`."""
    if not text.strip():
        raise InputError(source, "empty file (no text)")
    mix = script_mix(text)
    if mix.letters == 0:
        raise InputError(source, "no letters at all: not an article")
    if mix.devanagari_share >= MIN_DEVANAGARI_SHARE:
        return text
    share = f"{mix.devanagari_share:.0%} of letters are Devanagari"
    words = text.split()
    if words and sum(w in _LEGACY_FONT_WORDS for w in words) / len(words) > 0.03:
        problem = f"looks like Hindi in a legacy font encoding such as Kruti Dev ({share}); convert it to Unicode"
    elif mix.arabic > mix.latin:
        problem = f"Arabic script (Urdu?), not Hindi ({share})"
    else:
        problem = f"not Hindi text: {share}"
    raise InputError(source, problem)


def load_article(path: str | Path) -> str:
    """Read a Hindi article from ``path`` as text; raise :class:`InputError` naming the file if unusable."""
    p = Path(path)
    if not p.exists():
        raise InputError(p, "no such file")
    if p.is_dir():
        raise InputError(p, "is a directory, not an article file")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(p, f"cannot be read ({exc.strerror or exc})") from None
    return check_hindi(decode_bytes(data, p), p)


# ---------------------------------------------------------------------------------------------
# Normalisation


@dataclass(frozen=True)
class Normalized:
    """Normalised text plus, for each of its characters, the offset of its source in the original.

    ``offsets`` has ``len(text) + 1`` entries; the last is ``len(original)``.
    """

    text: str
    offsets: tuple[int, ...] = field(repr=False)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map the normalised span ``[start, end)`` back to a span of the original text."""
        if end <= start:
            o = self.offsets[start]
            return o, o
        return self.offsets[start], self.offsets[end - 1] + _orig_len_at(self, end - 1)


def _orig_len_at(norm: Normalized, i: int) -> int:
    """Length in the original of the cluster that produced normalised char ``i`` (>= 1)."""
    j = i + 1
    while j < len(norm.offsets) - 1 and norm.offsets[j] == norm.offsets[i]:
        j += 1
    return max(1, norm.offsets[j] - norm.offsets[i])


_INDIC = DevanagariNormalizer(lang="hi")
VIRAMA = "\u094d"
ANUSVARA = "\u0902"
# indic-nlp's own patterns for a nasal with virama before a consonant of its class, which Hindi also writes as
# anusvara (the panchamakshar rule: ङ्क/ंक, ञ्च/ंच, ण्ड/ंड, न्द/ंद, म्ब/ंब; म्म, म्य, न्य are no such pairs).
_NASAL_PATTERNS = DevanagariNormalizer(lang="hi", nasals_mode="to_anusvaara_strict").pats_repls[0]
# Characters whose normalisation changes the text's length; without them, offsets map 1:1.
_LENGTH_CHANGERS = re.compile(
    "[\ufeff\ufffe\u2060\u00ad\u200b\u200c\u200d\u2014\u2026\u0929\u0931\u0934\u0958-\u095f]|''|\u00b4\u00b4"
)
_GRAPHEME = re.compile(r"\S[\u0900-\u0903\u093a-\u094f\u0951-\u0957\u0962\u0963\u200c\u200d]*|\s")


@lru_cache(maxsize=65536)
def _normalize_piece(piece: str) -> str:
    """NFC plus indic-nlp's Hindi normaliser on one isolated character cluster."""
    return _INDIC.normalize(unicodedata.normalize("NFC", piece))


def _fix_visarga(original: str, normalized: str) -> str:
    """Undo indic-nlp's rewrite of ``:`` after a Devanagari letter into visarga (same-length texts)."""
    if ":" not in original:
        return normalized
    chars = list(normalized)
    for m in re.finditer(":", original):
        if chars[m.start()] == "\u0903":
            chars[m.start()] = ":"
    return "".join(chars)


def normalize_with_offsets(text: str, fold_nukta: bool = False) -> Normalized:
    """Normalise like :func:`normalize` and keep each character's offset in ``text``."""
    if unicodedata.is_normalized("NFC", text) and not _LENGTH_CHANGERS.search(text):
        out = _fix_visarga(text, _INDIC.normalize(text))
        offsets: list[int] = list(range(len(text) + 1))
    else:  # slow path: normalise cluster by cluster so each output char knows its source
        parts: list[str] = []
        offsets = []
        for m in _GRAPHEME.finditer(text):
            piece = _normalize_piece(m.group())
            parts.append(piece)
            offsets.extend([m.start()] * len(piece))
        out = "".join(parts)
        offsets.append(len(text))
    if fold_nukta and NUKTA in out:
        keep = [i for i, ch in enumerate(out) if ch != NUKTA]
        out = "".join(out[i] for i in keep)
        offsets = [offsets[i] for i in keep] + [len(text)]
    if fold_nukta and VIRAMA in out:
        out, offsets = _fold_nasals_with_offsets(out, offsets)
    return Normalized(out, tuple(offsets))


def normalize(text: str, fold_nukta: bool = False) -> str:
    """Unicode NFC + indic-nlp's Hindi normaliser, keeping ``:`` as ``:`` (not visarga).

    ``fold_nukta=True`` also drops every nukta (ज़ → ज) and writes a homorganic nasal as anusvara (सम्बन्ध →
    संबंध, :func:`fold_nasals`), so spelling variants compare equal: use it for matching, never for display.
    """
    return normalize_with_offsets(text, fold_nukta).text


_NUKTA_CHARS = re.compile("[\u093c\u0958-\u095f\u0929\u0931\u0934]")


def _nasal_viramas(text: str) -> set[int]:
    """Positions of the viramas after a nasal that :func:`fold_nasals` writes as anusvara."""
    return {m.start() + 1 for pat in _NASAL_PATTERNS for m in pat.finditer(text)} if VIRAMA in text else set()


def fold_nasals(text: str) -> str:
    """A nasal with virama before a consonant of its class written as anusvara (सम्बन्ध -> संबंध, नरेन्द्र ->
    नरेंद्र: indic-nlp's ``nasals_mode="to_anusvaara_strict"``): a key for matching, never for display."""
    return _fold_nasals_with_offsets(text, list(range(len(text) + 1)))[0]


def _fold_nasals_with_offsets(text: str, offsets: list[int]) -> tuple[str, list[int]]:
    """:func:`fold_nasals` keeping each remaining character's offset (the anusvara takes the nasal's)."""
    viramas = _nasal_viramas(text)
    if not viramas:
        return text, offsets
    keep = [i for i in range(len(text)) if i not in viramas]
    folded = "".join(ANUSVARA if i + 1 in viramas else text[i] for i in keep)
    return folded, [offsets[i] for i in keep] + [offsets[-1]]


def fold_nukta(text: str) -> str:
    """Drop nukta signs (after decomposing precomposed nukta letters): a key for matching only."""
    return unicodedata.normalize("NFD", text).replace(NUKTA, "") if _NUKTA_CHARS.search(text) else text


# ---------------------------------------------------------------------------------------------
# Sentences


@dataclass(frozen=True)
class Span:
    """A piece of the original text: ``text == original[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Sentence:
    """One sentence: ``id`` counts from 0 in article order; offsets are into the original text."""

    id: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Article:
    """An article split into an optional dateline and its body's sentences."""

    text: str
    dateline: Span | None
    sentences: list[Sentence]


# A dateline: a short place name (one to three words) then ':' (or ':-', as many Hindi sites write it), alone on
# the first line or at the start of it, e.g. "इस्लामाबाद:", "नई दिल्ली, 13 मई:", "नई दिल्ली :- ", "नई दिल्ली:-15 अगस्त";
# a dash after a space before a number is its sign ("दिल्ली: -5 डिग्री").
_DATELINE = re.compile(
    rf"\A[ \t\ufeff]*(?P<place>[{_DEV_WORD}]+(?:[ \t]+[{_DEV_WORD}]+){{0,2}})"
    rf"(?:[ \t]*,[ \t]*[{_DEV_WORD}{_DIGIT} ]{{1,25}})?[ \t]*[:\u0903]"
    r"(?:[-–—]|[ \t]+[-–—](?![0-9०-९]))?[ \t]*(?:\n|(?=\S))"
)
_SENT_DELIM = re.compile(r"[.?!\u0964\u0965]")
# Letters or digits of any script: a line in Gurmukhi, Bengali or Urdu is content too.
_HAS_CONTENT = re.compile(rf"[^\W_]|[{_DEV_WORD}]")


def find_dateline(text: str) -> Span | None:
    """The place of the dateline at the start of an article (``इस्लामाबाद:``), or None.

    Matched on the original text: the normaliser would have turned its colon into a visarga.
    """
    m = _DATELINE.match(text)
    return _place(m) if m else None


def _place(m: re.Match[str]) -> Span:
    return Span(m.start("place"), m.end("place"), m.group("place"))


def _locate(line: str, offset: int, pieces: list[str]) -> list[tuple[int, int]]:
    """Find each piece in ``line`` in order (the splitter may have changed whitespace); original spans."""
    spans, pos = [], 0
    for i, piece in enumerate(pieces):
        piece = piece.strip()
        if not piece:
            continue
        at = line.find(piece, pos)
        if at < 0:  # whitespace inside the piece differs from the line: match non-space characters
            return spans + _locate_by_characters(line, offset, pos, pieces[i:])
        spans.append((offset + at, offset + at + len(piece)))
        pos = at + len(piece)
    return spans


def _locate_by_characters(line: str, offset: int, pos: int, pieces: list[str]) -> list[tuple[int, int]]:
    positions = [i for i in range(pos, len(line)) if not line[i].isspace()]
    spans, k = [], 0
    for piece in pieces:
        n = sum(1 for ch in piece if not ch.isspace())
        if n == 0:
            continue
        spans.append((offset + positions[k], offset + positions[k + n - 1] + 1))
        k += n
    return spans


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans of ``text[start:end]``: line breaks are hard boundaries, then indic-nlp's splitter
    on danda, ``?``, ``!`` and full stop (it keeps abbreviations such as ``डॉ.`` inside a sentence).

    A piece with no letters or digits of any script (a stray ``।`` after ``.``) is merged into the
    sentence before it; a line with letters (Gurmukhi, Bengali, Urdu too) is always a sentence of its own.
    """
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    for m in re.finditer(r"[^\n]+", text[start:end]):
        line = m.group()
        if not line.strip():
            continue
        pieces = sentence_tokenize.sentence_split(line, "hi", delim_pat=_SENT_DELIM)
        for s, e in _locate(line, start + m.start(), pieces):
            if spans and not _HAS_CONTENT.search(text[s:e]) and text[spans[-1][1] : s].strip() == "":
                spans[-1] = (spans[-1][0], e)
            else:
                spans.append((s, e))
    return spans


def split_article(text: str) -> Article:
    """Separate the dateline (``इस्लामाबाद:``) from the body and split the body into sentences."""
    m = _DATELINE.match(text)
    dateline = _place(m) if m else None
    body_start = m.end() if m else 0  # past the place, any date, and the colon
    spans = split_sentences(text, body_start)
    sentences = [Sentence(i, s, e, text[s:e]) for i, (s, e) in enumerate(spans)]
    return Article(text, dateline, sentences)


# ---------------------------------------------------------------------------------------------
# Tokens


class Token(NamedTuple):
    """A token of the string given to :func:`tokenize`; ``kind`` is one of :data:`TOKEN_KINDS`.

    ``text == original[start:end]``. A named tuple (immutable, hashable) rather than a dataclass:
    building tens of thousands of them per article is most of tokenize()'s time.
    """

    text: str
    start: int
    end: int
    kind: str


TOKEN_KINDS = ("word", "number", "latin", "punct", "symbol")

# Abbreviations that keep their full stop. Rule (documented in the README): a Devanagari word of a
# single syllable (consonant cluster + at most one vowel sign/nasal, e.g. डॉ. पी. के.) or one listed
# here, when the '.' is followed by a space and more text, is an abbreviation. The list adds titles
# and the Devanagari names of Latin letters that are not one syllable (एस. आर. एन. -- initials).
ABBREVIATIONS = frozenset(
    {"स्व", "श्री", "प्रो", "कु", "सुश्री", "मो", "ले", "जन", "कर्नल", "मेजर", "सं", "नं", "पृ", "रु", "ई", "ईसा", "फिल"}
    | {"एफ", "एच", "एल", "एम", "एन", "आर", "एस", "एक्स", "वाई", "डब्लू", "डब्ल्यू", "डबल्यू", "जेड", "ज़ेड", "क्यू"}
)
_SYLLABLE = re.compile(
    "(?:[\u0915-\u0939\u0958-\u095f]\u093c?\u094d)*[\u0915-\u0939\u0958-\u095f]\u093c?"
    "[\u093e-\u094c\u0945\u0949]?[\u0901\u0902]?|[\u0905-\u0914][\u0901\u0902]?"
)

# The token kinds as alternatives, in order of frequency (plain ``re`` with explicit ranges: faster
# than ``regex`` here). A word takes a following '.' when more text follows on the line (``डॉ.``) or a
# letter or digit follows at once (initials ``ए.पी.जे.``, ``रु.500``); tokenize() then keeps the dot only
# if the word is an abbreviation. Numbers keep an attached ordinal or letter suffix (२१वीं, 11वां, धारा
# 304ए, 1993बी) and, as in UD treebanks, a range or date joined by hyphens or an en dash (2015-16,
# १९९०–९१, 10-12-2015). Latin tokens may start with ASCII digits (5G) but contain a letter; dotted
# acronyms and initials stay whole (U.S., J.P.) and a currency code before digits is its own token
# (Rs500 -> Rs 500, like ₹500 -> ₹ 500). A run of one punctuation mark (``..``, ``...``, ``--``, ``!!``,
# ``।।``) is one token, as UD treebanks tokenise it.
_TOKEN_KINDS_RE = (
    rf"(?P<word>[{_DEV_WORD}]+(?:\.(?=[ \t]+[^\s\u0964\u0965]|[{_DEV_WORD}{_DIGIT}]))?)"
    rf"|(?P<latin>(?:[A-Za-z]\.){{2,}}|(?:Rs|INR|USD|EUR|GBP)(?=[0-9])|Rs\."
    rf"|[0-9]*[{_LATIN}][{_LATIN}0-9]*(?:['\u2019][{_LATIN}]+)?)"
    rf"|(?P<number>[{_DIGIT}]+(?:[.,:/][{_DIGIT}]+)*(?:[\-\u2013][{_DIGIT}]+(?:[.,:/][{_DIGIT}]+)*)*"
    rf"(?:(?:\u0935[\u093e\u0940\u0947][\u0901\u0902]?|\u090f|\u092c\u0940|\u0938\u0940|\u0921\u0940)(?![{_DEV_WORD}]))?)"
    rf"|(?P<punct>\.{{2,}}|-{{2,}}|!{{2,}}|\?{{2,}}|\u0964{{2,}}"
    rf"|[\u0964\u0965.,;:?!\"'()\[\]{{}}\u2018\u2019\u201c\u201d\u2013\u2014\-/\u2026|])"
    r"|(?P<symbol>\S)"
)
_TOKEN = re.compile(_TOKEN_KINDS_RE)
# The same as one capturing group: re.split() then yields gap, token, gap, token, ..., gap, and the
# gaps are all whitespace because every other character starts some alternative.
_TOKEN_SPLIT = re.compile("(" + re.sub(r"\(\?P<\w+>", "(?:", _TOKEN_KINDS_RE) + ")")
_ABBR_CANDIDATE = "abbr?"  # kind of a "word." token whose word is not an abbreviation: split later


# One-syllable words that end sentences ("... है. फिर ..."): never abbreviations.
_NOT_ABBREVIATIONS = frozenset({"है", "हैं", "था", "थे", "थी", "थीं", "हो", "हों", "की", "कीं", "दी", "दीं", "ली", "लीं", "दे",
                                "ले", "गा", "गे", "गी", "ना", "नहीं", "भी", "ही", "तो", "हूं", "हूँ"})  # fmt: skip


def is_abbreviation(word: str) -> bool:
    """True if ``word`` (without its dot) is an abbreviation by Sahyog's rule."""
    if word in _NOT_ABBREVIATIONS:
        return False
    return word in ABBREVIATIONS or _SYLLABLE.fullmatch(word) is not None


class _KindCache(dict):
    """token text -> kind. A token's kind depends on its text alone (the alternatives are tried in
    order and only the abbreviation dot looks past the token), so it is computed once per type."""

    def __missing__(self, tok: str) -> str:
        if len(tok) > 1 and tok[-1] == "." and "\u0900" <= tok[0] <= "\u097f":  # a word with its abbreviation dot
            kind = "word" if is_abbreviation(tok[:-1]) else _ABBR_CANDIDATE
        else:
            m = _TOKEN.fullmatch(tok)
            kind = m.lastgroup if m and m.lastgroup else "symbol"
        self[tok] = kind
        return kind


_KINDS = _KindCache()
_MAX_CACHED_KINDS = 200_000


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into tokens with offsets into ``text``.

    Any whitespace (a line break too) separates tokens; Devanagari words stay whole with their vowel
    signs, viramas and ZWJ/ZWNJ; numbers in ASCII or Devanagari digits stay whole (``१,२७,३५७``,
    ``८.५``, ``२१वीं``); hyphens and other punctuation are tokens of their own; abbreviations (``डॉ.``)
    keep their dot, a sentence's final ``है.`` does not.
    """
    # Built with C-level map/zip over re.split()'s pieces rather than a Python loop over matches:
    # about 1.7x faster on news text. Offsets are running sums of the pieces' lengths.
    if len(_KINDS) > _MAX_CACHED_KINDS:
        _KINDS.clear()
    parts = _TOKEN_SPLIT.split(text)
    bounds = list(accumulate(map(len, parts)))
    texts = parts[1::2]
    kinds = list(map(_KINDS.__getitem__, texts))
    tokens = list(map(tuple.__new__, repeat(Token), zip(texts, bounds[0:-1:2], bounds[1::2], kinds, strict=True)))
    if _ABBR_CANDIDATE in kinds:  # rare: "है. फिर" -> "है", "."
        out: list[Token] = []
        for tok in tokens:
            if tok.kind == _ABBR_CANDIDATE:
                out.append(Token(tok.text[:-1], tok.start, tok.end - 1, "word"))
                out.append(Token(".", tok.end - 1, tok.end, "punct"))
            else:
                out.append(tok)
        tokens = out
    return tokens


def words(text: str) -> list[str]:
    """The word tokens (Devanagari or Latin) of ``text``, in order."""
    return [t.text for t in tokenize(text) if t.kind in ("word", "latin")]


# ---------------------------------------------------------------------------------------------
# Stop words and statistics


# Cardinal number words (``चार समझौते``, ``तीन दिवसीय``): the count of an instrument, and never a word of a name.
_NUMBERS = (
    "एक:1 दो:2 तीन:3 चार:4 पांच:5 पाँच:5 छह:6 छः:6 छह:6 सात:7 आठ:8 नौ:9 दस:10 ग्यारह:11 बारह:12 "
    "तेरह:13 चौदह:14 पंद्रह:15 पन्द्रह:15 सोलह:16 सत्रह:17 अठारह:18 उन्नीस:19 बीस:20 पच्चीस:25 "
    "तीस:30 पचास:50 सौ:100 one:1 two:2 three:3 four:4 five:5 six:6 seven:7 eight:8 nine:9 ten:10"
)


@lru_cache(maxsize=1)
def number_words() -> dict[str, int]:
    """Number words (matching keys: normalised, nukta and nasals folded) -> their value."""
    return {normalize(w, fold_nukta=True): int(n) for w, n in (item.split(":") for item in _NUMBERS.split())}


# Ordinal endings written apart from their number (``13 वें सत्र``): a suffix, not a word of their own.
ORDINAL_ENDINGS = ("वां", "वें", "वीं", "वाँ", "वीँ", "वेँ")


# Function words the stopwords-iso Hindi list (225 words) lacks: conjunctions, adverbs of time and manner,
# question words, relative and possessive pronoun forms. Editorials begin clauses with them ("हालांकि विमानन
# कंपनी ...", "क्योंकि रिजर्व बैंक ..."): no name or organisation starts with one, no word count should show them.
_MORE_STOPWORDS = (
    "अब क्योंकि हालांकि हालाँकि ताकि किंतु किन्तु परंतु परन्तु यद्यपि अतएव अतः इसलिए यानी बल्कि वरना वरन भले "
    "शायद कहीं कभी क्या अक्सर बजाय बाबत ऐसी ऐसा उसकी उसका जिसके जिसकी जिसका जिसने जिनके जिनकी जिनका जिन्होंने "
    "उन्होंने इन्होंने उनमें इनमें उसमें इससे उससे हमारे हमारी हमारा मैंने हमने आपके आपकी आपका तुम्हारे ज्यादा "
    "इतने उतने जितने इतना उतना"
)


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """Hindi stop words from the maintained stopwords-iso list (``stopwordsiso``), the function words it lacks
    (:data:`_MORE_STOPWORDS`) and the ordinal endings (:data:`ORDINAL_ENDINGS`), normalised, each also without its
    nukta (``काफ़ी``, ``काफी``: entity keys fold it)."""
    import stopwordsiso

    words = (*stopwordsiso.stopwords("hi"), *_MORE_STOPWORDS.split(), *ORDINAL_ENDINGS)
    return frozenset(normalize(w, fold_nukta=fold) for w in words for fold in (False, True))


@dataclass(frozen=True)
class TokenStats:
    """Counts over a token list: totals, vocabulary, type/token ratio, script mix, top content words."""

    n_tokens: int
    n_words: int
    n_types: int
    type_token_ratio: float
    kinds: dict[str, int]
    top_content_words: list[tuple[str, int]]


def document_stats(doc: Document, top: int = 20, fold_nukta: bool = False) -> TokenStats:
    """:func:`token_stats` over the document's one token stream, each word in its normalised form
    (folded too with ``fold_nukta``, so ज़ and ज, न्द and ंद count as one spelling)."""
    forms: dict[str, str] = {}
    for t in doc.tokens:
        if t.text not in forms:
            forms[t.text] = normalize(t.text, fold_nukta=fold_nukta)
    return token_stats([t._replace(text=forms[t.text]) for t in doc.tokens], top)


def token_stats(tokens: list[Token], top: int = 20) -> TokenStats:
    """Summarise tokens; content words are word tokens (Devanagari or Latin) not in :func:`stopwords`."""
    kinds = Counter(t.kind for t in tokens)
    word_list = [t.text for t in tokens if t.kind in ("word", "latin")]
    types = set(word_list)
    stop = stopwords()
    content = Counter(w for w in word_list if w not in stop and len(w) > 1)
    return TokenStats(
        n_tokens=len(tokens),
        n_words=len(word_list),
        n_types=len(types),
        type_token_ratio=round(len(types) / len(word_list), 4) if word_list else 0.0,
        kinds={k: kinds.get(k, 0) for k in TOKEN_KINDS},
        top_content_words=content.most_common(top),
    )


# ---------------------------------------------------------------------------------------------
# The document: sentences and one token stream, built once per article

DATELINE_SENTENCE_ID = -1  # sentence id of the dateline's tokens (and of entity mentions in it)
NO_SENTENCE = -2  # sentence id of tokens outside the dateline's place and every sentence (``, 13 मई:``)


class _KeyCache(dict):
    """token text -> matching key; computed once per distinct token text."""

    def __missing__(self, tok: str) -> str:
        key = normalize(tok, fold_nukta=True).lower()
        self[tok] = key
        return key


_KEYS = _KeyCache()
_TOKEN_TEXT, _TOKEN_START, _TOKEN_END, _TOKEN_KIND = itemgetter(0), itemgetter(1), itemgetter(2), itemgetter(3)


def token_key(token_text: str) -> str:
    """The matching key of one token: normalised (indic-nlp, NFC), nukta and nasals folded, lower-cased."""
    if len(_KEYS) > _MAX_CACHED_KINDS:
        _KEYS.clear()
    return _KEYS[token_text]


@dataclass(frozen=True, eq=False)
class Document(Article):
    """An article built once: its text, dateline, sentences and ONE token stream that every step reads.

    ``tokens`` are :func:`tokenize` of the whole original text (offsets into it); ``keys[i]`` is token
    ``i``'s matching key (:func:`token_key`) and ``sentence_of[i]`` its sentence id
    (:data:`DATELINE_SENTENCE_ID` in the dateline's place, :data:`NO_SENTENCE` elsewhere outside the
    sentences). ``bounds[s]`` is the token range ``(lo, hi)`` of sentence ``s``; ``dateline_bounds`` that of
    the dateline's place. A token belongs to the unit it starts in.
    """

    tokens: list[Token] = field(default_factory=list, repr=False)
    keys: list[str] = field(default_factory=list, repr=False)
    sentence_of: list[int] = field(default_factory=list, repr=False)
    bounds: list[tuple[int, int]] = field(default_factory=list, repr=False)
    dateline_bounds: tuple[int, int] | None = None

    @property
    def n_tokens(self) -> int:
        return len(self.tokens)

    def sentence_tokens(self, sentence_id: int) -> list[Token]:
        """The tokens of one sentence (:data:`DATELINE_SENTENCE_ID` for the dateline's place)."""
        lo, hi = self._range(sentence_id)
        return self.tokens[lo:hi]

    def sentence_keys(self, sentence_id: int) -> list[str]:
        """The matching keys of one sentence's tokens."""
        lo, hi = self._range(sentence_id)
        return self.keys[lo:hi]

    def _range(self, sentence_id: int) -> tuple[int, int]:
        if sentence_id == DATELINE_SENTENCE_ID:
            return self.dateline_bounds or (0, 0)
        return self.bounds[sentence_id]


def build_document(text: str) -> Document:
    """Split ``text`` (an article's decoded original) into dateline, sentences and one token stream.

    Linear in the text: one :func:`tokenize` pass, one key per distinct token, bisection for bounds.
    """
    article = split_article(text)
    tokens = tokenize_blocks(text)
    if len(_KEYS) > _MAX_CACHED_KINDS:
        _KEYS.clear()
    keys = list(map(_KEYS.__getitem__, map(_TOKEN_TEXT, tokens)))  # C-level; computed once per distinct token
    starts = list(map(_TOKEN_START, tokens))
    sentence_of = [NO_SENTENCE] * len(tokens)
    dateline_bounds = None
    if article.dateline is not None:
        dateline_bounds = _token_range(starts, article.dateline.start, article.dateline.end)
        sentence_of[dateline_bounds[0] : dateline_bounds[1]] = repeat(DATELINE_SENTENCE_ID, _width(dateline_bounds))
    bounds = []
    for sent in article.sentences:
        lo, hi = _token_range(starts, sent.start, sent.end)
        sentence_of[lo:hi] = repeat(sent.id, hi - lo)
        bounds.append((lo, hi))
    return Document(text, article.dateline, article.sentences, tokens, keys, sentence_of, bounds, dateline_bounds)


_BLOCK = 1 << 16  # characters of text tokenised at a time by build_document (then cut at the next line end)


def tokenize_blocks(text: str, block: int = _BLOCK) -> list[Token]:
    """:func:`tokenize` of ``text`` (the same tokens), run on blocks of whole lines and with every repeated
    token text one shared string, so a long article's memory stays near its final token list.

    Safe because no token spans a line break (any whitespace separates tokens, and the abbreviation
    rule looks ahead on the same line only). Built with C-level maps.
    """
    if len(text) <= block:
        return tokenize(text)
    out: list[Token] = []
    seen: dict[str, str] = {}
    start = 0
    while start < len(text):
        cut = text.find("\n", start + block)
        end = len(text) if cut < 0 else cut + 1
        toks = tokenize(text[start:end])
        texts = list(map(_TOKEN_TEXT, toks))
        shift = repeat(start)
        rows = zip(map(seen.setdefault, texts, texts), map(add, map(_TOKEN_START, toks), shift),
                   map(add, map(_TOKEN_END, toks), shift), map(_TOKEN_KIND, toks), strict=True)  # fmt: skip
        out += map(tuple.__new__, repeat(Token), rows)
        start = end
    return out


def _token_range(starts: list[int], start: int, end: int) -> tuple[int, int]:
    return bisect_left(starts, start), bisect_left(starts, end)


def _width(bounds: tuple[int, int]) -> int:
    return bounds[1] - bounds[0]


def as_document(article: Article) -> Document:
    """``article`` itself if it is a :class:`Document`, else the document built from its text."""
    return article if isinstance(article, Document) else build_document(article.text)


def changed_characters(before: str, after: str) -> int:
    """How many characters a normalisation changed (replaced, removed or added), aligned with difflib: a
    dropped nukta counts once, not as a shift of every character after it."""
    from difflib import SequenceMatcher

    ops = SequenceMatcher(None, before, after, autojunk=False).get_opcodes()
    return sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in ops if tag != "equal")

"""People: names after a title (``मंत्री मारात करबायेव``) or before ``के नाम पर``, merged across spellings,
and their later bare mentions (the surname alone)."""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress
from operator import itemgetter, or_

import regex

from ..text import NO_SENTENCE, number_words, stopwords
from .base import _BIG_PLACE, _GENITIVE, _POSTPOSITIONS, INITIALS_LETTERS, _Hit, _is_word, _Tok
from .gazetteer import _Tables, _View
from .names import _aksharas, _devanagari_acronym, _light_key, _same_word, variant_key

# ---------------------------------------------------------------------------------------------
# People


@lru_cache(maxsize=1)
def _number_keys() -> dict[str, int]:
    """Light keys of the number words -> their value: ``क्राउन प्रिंस तीन दिवसीय भारत दौरे`` names no one ``तीन दिवसीय``."""
    return {_light_key(w): n for w, n in number_words().items()}


def _verb_form(light: str, t: _Tables) -> bool:
    """A verb form by its ending (``बनाने``, ``चुने जाने``, ``रहते``, ``बनाया``, ``थीं``): after a title it is what
    the office holder does or became (``मुख्यमंत्री बनने के बाद``), not a name; yet names end so too
    (:func:`_verb_in_name`)."""
    return any(light.endswith(end) and _aksharas(light) >= n for end, n in t.verb_endings)


# What follows a surname with a verb ending (दुतेर्ते ने) and never an infinitive or participle: the ergative, जी,
# a conjunction (an infinitive takes के, की, का, को, से, में, पर as often as a name does)
_AFTER_NAME = frozenset({"ने", "जी", "और", "तथा", "एवं", ","})


def _verb_in_name(toks: list[_Tok], j: int, t: _Tables, used: set[int], first: bool) -> bool:
    """A word with a verb ending is part of a name (``गोटबाया राजपक्षे``, ``रोड्रिगो दुतेर्ते ने``, ``मधु दंडवते``) first
    only before another name word (not ``बनाया गया``, ``बनने के बाद``, ``चुने जाने``), later only before the
    ergative ``ने``, ``जी`` or a conjunction (not ``रिजवान अख्तर बनें``, ``वोट मांगने के लिए``)."""
    if j + 1 >= len(toks) or toks[j + 1].gap.strip():
        return False
    nxt = toks[j + 1]
    if not first:
        return nxt.light in _AFTER_NAME
    return _name_word_ok(nxt, t, used, j + 1) and not _verb_form(nxt.light, t)


def _name_word_ok(tk: _Tok, t: _Tables, used: set[int], i: int) -> bool:
    if tk.kind != "word" or i in used:
        return False
    light = tk.light
    if light in stopwords() or light in _POSTPOSITIONS or light in t.nonname or light in t.titles:
        return False
    if light in _number_keys() or light in t.schemes:
        return False
    ref = t.exact.get(light)
    if ref is not None and not (0 < ref.population < _BIG_PLACE):
        return False  # a country, region, organisation or big city; a small town's name can be a first name
    if light in t.orgheads or _devanagari_acronym(tk.text):
        return False
    if light.endswith(("ों", "ओं", "ियां", "ियाँ")):
        return False  # plural oblique or direct (देशों, नेताओं, कंपनियां): never a name
    return not light.endswith(".") or _aksharas(light) == 1


def _title_candidates(text: str, toks: list[_Tok], t: _Tables, used: set[int], known: dict[int, _Hit]) -> list[_Hit]:
    """Names right after a title (मंत्री मारात करबायेव), with the role and country the sentence gives."""
    out = []
    resume = 0
    for i in compress(range(len(toks)), map(t.titles.__contains__, map(_LIGHT_OF, toks))):
        if i < resume or not _is_word(toks[i]) or not _titles_here(toks, i, t, known):
            continue
        title_end = i
        while title_end + 1 < len(toks) and toks[title_end + 1].light in t.titles:
            title_end += 1
        names, j = _title_names(toks, title_end + 1, t, used)
        if len(names) < _min_name_words(toks, i, title_end, t) or (j < len(toks) and toks[j].light in t.schemes):
            resume = title_end + 1
            continue
        role, country = _role(text, toks, i, title_end, t, known)
        first, last = toks[names[0]], toks[names[-1]]
        out.append(_Hit("person", "", first.start, last.end, "", first.sid, role=role, country=country,
                        words=tuple(toks[k].text for k in names)))  # fmt: skip
        used.update(names)
        resume = names[-1] + 1
    return out


def _title_names(toks: list[_Tok], j: int, t: _Tables, used: set[int]) -> tuple[list[int], int]:
    """The name words from ``toks[j]`` on (up to three, besides initials) and the index after them; initials
    (``पीवी नरसिम्हा राव``) only before another name word, verb forms as :func:`_verb_in_name` allows."""
    start, names, initials = j, [], 0
    while j < len(toks) and len(names) < 3 + initials and not toks[j].gap.strip():
        if _initials(toks[j], t, used, j):
            initials += 1
        elif not _name_word_ok(toks[j], t, used, j) or (
            _verb_form(toks[j].light, t) and not _verb_in_name(toks, j, t, used, first=not names)
        ):
            break
        names.append(j)
        j += 1
    if len(names) == 3 + initials and j < len(toks) and toks[j].kind == "word" and toks[j].light not in stopwords():
        names.pop()  # a third word not followed by a postposition is probably not part of the name
    while names and _devanagari_acronym(toks[names[-1]].text):
        names.pop()  # initials end no name: "मंत्री आरबीआई के ..." names no one
    return names, names[-1] + 1 if names else start


def _initials(tk: _Tok, t: _Tables, used: set[int], i: int) -> bool:
    """A word of two letter names (``पीवी``, ``वीएस``) that the lexicon does not know as a body: a person's initials.
    Three letters are as often a party or an agency after a title (``मुख्यमंत्री टीडीपी प्रमुख``)."""
    acr = _devanagari_acronym(tk.text) if tk.kind == "word" and i not in used else None
    return bool(acr) and len(acr) <= INITIALS_LETTERS and acr.lower() not in t.block and tk.light not in t.exact  # type: ignore[arg-type]


_POSSESSIVES = frozenset(
    ["उनके", "उनकी", "उनका", "अपने", "अपनी", "अपना", "उसके", "उसकी", "उसका", "इनके", "इनकी", "इनका", "हमारे", "हमारी",
     "मेरे", "मेरी", "आपके", "आपकी"]
)  # fmt: skip
COUNTERPART_NAME_WORDS = 2  # after a counterpart title only a full name: one word is as often a noun (समकक्ष विभाग)


def _only_counterparts(toks: list[_Tok], i: int, title_end: int, t: _Tables) -> bool:
    """The title words ``toks[i:title_end + 1]`` are all counterpart titles (``समकक्ष``)."""
    return all(toks[k].light in t.counterparts for k in range(i, title_end + 1))


def _min_name_words(toks: list[_Tok], i: int, title_end: int, t: _Tables) -> int:
    """How many name words a title needs: one, or :data:`COUNTERPART_NAME_WORDS` after a counterpart title."""
    return COUNTERPART_NAME_WORDS if _only_counterparts(toks, i, title_end, t) else 1


def _plural_before(toks: list[_Tok], i: int, t: _Tables) -> bool:
    """A determiner (``कुछ``, ``कई``) or a number above one (``तीन``, ``40``; not ``जी-20``) before the title at
    ``toks[i]``: the title is a common noun."""
    if i < 1:
        return False
    tk = toks[i - 1]
    if tk.light in t.determiners:
        return True
    if tk.kind == "number":
        return tk.text.isdigit() and int(tk.text) > 1 and not (i > 1 and toks[i - 2].text == "-")
    return _number_keys().get(tk.light, 1) > 1


def _titles_here(toks: list[_Tok], i: int, t: _Tables, known: dict[int, _Hit]) -> bool:
    """A title at ``toks[i]`` introduces a name, unless :func:`_plural_before` makes it a common noun or a number
    makes a Latin one a time (``1 PM``); a counterpart
    title (``समकक्ष``) only after a possessive or a country (``उनके नेपाली समकक्ष शेर बहादुर देउबा``, ``भारतीय
    समकक्ष``), not in ``X के समकक्ष खड़ा`` (on a par)."""
    if _plural_before(toks, i, t):
        return False  # "कुछ नेता", "ये तीन नेता", "40 नेता": the title is a common noun
    if toks[i].kind == "latin" and i and toks[i - 1].kind == "number":
        return False  # "1 PM", "10:30 PM": a time of day
    if toks[i].light not in t.counterparts:
        return True
    return i > 0 and (toks[i - 1].light in _POSSESSIVES or _country_at(known, i - 1) is not None)


def _role(
    text: str, toks: list[_Tok], i: int, title_end: int, t: _Tables, known: dict[int, _Hit]
) -> tuple[str | None, str | None]:
    """Role words up to the title (``परिवहन मंत्री``, ``आर्थिक मामलों के मंत्री``) and the country named before."""
    stop = stopwords()

    def content(k: int) -> bool:
        w = toks[k]
        return _is_word(w) and k not in known and w.light in t.rolemods and w.light not in stop

    start, k = i, i - 1
    while k >= 0 and i - k <= 2 and content(k):
        start, k = k, k - 1
    start, country = _role_country(toks, k, start, content, known)
    if _only_counterparts(toks, i, title_end, t):
        return None, country  # "his Nepali counterpart": the person's country; the role is their own title's
    if start == i and not any(t.titles.get(toks[k].light) for k in range(i, title_end + 1)):
        return None, country  # an honorific alone (श्री, डॉ.) is no role
    return text[toks[start].start : toks[title_end].end], country


def _country_at(known: dict[int, _Hit], k: int) -> str | None:
    h = known.get(k)
    return h.ref.country if h is not None and h.ref is not None and h.type == "country" else None


def _role_country(
    toks: list[_Tok], k: int, start: int, content: Callable[[int], bool], known: dict[int, _Hit]
) -> tuple[int, str | None]:
    """The role's start and country from the words before it (``k`` is the word before the role):
    ``पाकिस्तानी विदेश मंत्री``, ``कजाकिस्तान के परिवहन मंत्री``, ``आर्थिक मामलों के मंत्री``."""
    if k >= 0 and (c := _country_at(known, k)) and known[k].ref.demonym:  # type: ignore[union-attr]
        return start, c
    if k < 1 or toks[k].light not in _GENITIVE:
        return start, None
    if c := _country_at(known, k - 1):
        return start, c
    m = k - 1
    while m >= 0 and k - m <= 2 and content(m):
        m -= 1
    if m == k - 1:
        return start, None
    return m + 1, _country_at(known, m - 1) if m >= 1 and toks[m].light in _GENITIVE else None


# A naming context in the sentence: नामकरण (also the calque "X के बाद ... नामकरण", named after X), or "Y का नाम"
# (not "किसी का नाम लिए बिना", without naming anyone). Else "X के नाम पर" is "in the name of X" (आजादी, परंपरा).
_NOT_NAMING = r"(?!\s+लि[एये]\s+बिना)"  # "किसी का नाम लिए बिना": without naming anyone
_NAME_OF = regex.compile(r"नामकरण|(?<![\p{L}\p{M}])का\s+नाम(?![\p{L}\p{M}])" + _NOT_NAMING)
_NAMED_AFTER = "नामकरण"
_NAMING_VERBS = ("दिया", "दी", "दिए", "दिये", "दे")  # "X के नाम (पर) दिया": X names it, as रख- and वाल- do
_TEXT_OF, _LIGHT_OF = itemgetter(0), itemgetter(5)  # _Tok.text, _Tok.light


def _named_here(toks: list[_Tok], i: int) -> bool:
    """``X के नाम`` at ``toks[i:i + 2]`` followed by its own naming verb: ``के नाम पर रखा``, ``के नाम पर दी गई``,
    ``के नाम वाली``."""
    k = i + 2 + (i + 2 < len(toks) and toks[i + 2].light == "पर")
    if k >= len(toks):
        return False
    w = toks[k].light
    return w in _NAMING_VERBS or w.startswith(("रख", "वाल"))


def _heads(toks: list[_Tok], i: int, sentence: str) -> bool:
    """``toks[i]`` is the ``के`` of ``X के नाम`` in a naming context or of ``X के बाद`` with ``नामकरण``."""
    if toks[i].light != "के":
        return False
    head = toks[i + 1].light
    if head == "नाम":
        return _named_here(toks, i) or bool(_NAME_OF.search(sentence))
    return head == "बाद" and _NAMED_AFTER in sentence


def _named_after_candidates(toks: list[_Tok], t: _Tables, used: set[int]) -> list[_Hit]:
    """People things are named after: ``X और Y के बाद ... नामकरण``, ``X के नाम पर रखा``, ``X के नाम वाली``."""
    sentence = " ".join(map(_TEXT_OF, toks))
    if "नाम" not in sentence:
        return []
    out = []
    for i in range(1, len(toks) - 1):
        if not _heads(toks, i, sentence):
            continue
        k = i - 1
        while k >= 0:
            names: list[int] = []
            while k >= 0 and len(names) < 3 and _after_word(toks, k, t, used):
                names.insert(0, k)
                k -= 1
            if not names or (len(names) < 3 and k >= 0 and _number_keys().get(toks[k].light, 1) > 1):
                break  # a counted noun is no one's name: "तीन तलाक के नाम पर" (in the name of triple talaq)
            first, last = toks[names[0]], toks[names[-1]]
            out.append(_Hit("person", "", first.start, last.end, "", first.sid,
                            words=tuple(toks[j].text for j in names)))  # fmt: skip
            used.update(names)
            if k >= 1 and toks[k].light in ("और", ",", "तथा", "एवं"):
                k -= 1
                continue
            break
    return out


def _after_word(toks: list[_Tok], k: int, t: _Tables, used: set[int]) -> bool:
    """``toks[k]`` can be a word of the name a thing is named after (no verb form: ``बनाने के नाम पर``)."""
    tk = toks[k]
    return _name_word_ok(tk, t, used, k) and not _verb_form(tk.light, t) and not toks[k + 1].gap.strip()


@dataclass
class _Person:
    words: list[str]
    hits: list[_Hit]
    role: str | None = None
    country: str | None = None
    starts: list[int] = field(default_factory=list)  # the hits' starts, sorted: "latest mention before x" by bisection

    def __post_init__(self) -> None:
        self.starts = sorted(h.start for h in self.hits)

    def add(self, hit: _Hit) -> None:
        self.hits.append(hit)
        insort(self.starts, hit.start)

    def surnames(self) -> set[str]:
        """The light keys of the surname as the article writes it for this person (``देउवा`` and ``देउबा``)."""
        return {_light_key(h.words[-1]) for h in self.hits if h.words} | {_light_key(self.words[-1])}

    def latest_before(self, offset: int, default: int | None = None) -> int | None:
        """The start of this person's last mention before ``offset`` (``default`` if none)."""
        k = bisect_left(self.starts, offset)
        return self.starts[k - 1] if k else default


def _matches(cand: tuple[str, ...], p: _Person, loose: bool = False) -> bool:
    """Does the name ``cand`` refer to person ``p`` (same full name, or surname/suffix of it)? ``loose``: a
    one-word name may be the surname in another spelling (:func:`_same_surname`)."""
    pw = p.words
    if len(cand) == len(pw):
        return all(_same_word(a, b) for a, b in zip(cand, pw, strict=True))
    short, long_ = (cand, pw) if len(cand) < len(pw) else (pw, cand)
    if len(short) == 1:
        return _same_surname(short[0], long_[-1]) if loose else _same_word(short[0], long_[-1])
    return _same_word(short[-1], long_[-1]) and _same_word(short[0], long_[0])


SURNAME_AKSHARAS = 3  # a titled surname this long joins a full name by its loose spelling (देउबा, देउवा)


def _same_surname(word: str, surname: str) -> bool:
    """A name of one word found as a name (after a title, ``प्रधानमंत्री देउबा``) is the surname of a full name in
    another spelling (``शेर बहादुर देउवा``): loose keys equal and at least :data:`SURNAME_AKSHARAS` syllables. A
    full name makes the person known, so a shorter word than :func:`_same_word` trusts is enough (``कतर``/``कतार``
    are places). Only when no person has the surname exactly (:func:`_resolve_people`)."""
    return min(_aksharas(word), _aksharas(surname)) >= SURNAME_AKSHARAS and variant_key(word) == variant_key(surname)


def _resolve_people(cands: list[_Hit]) -> list[_Person]:
    """Merge name candidates into people: longer names first, then short forms to the latest match."""
    people: list[_Person] = []
    for c in sorted(cands, key=lambda h: (-len(h.words), h.start)):
        same = [p for p in people if _matches(c.words, p)] or [p for p in people if _matches(c.words, p, loose=True)]
        if len(c.words) > 1:
            same = [p for p in same if len(p.words) > 1 or len(c.words) == 1]
        if same:
            before = [p for p in same if p.hits[0].start < c.start]
            p = max(before, key=lambda p: p.latest_before(c.start)) if before else same[0]  # type: ignore[arg-type,return-value]
            p.add(c)
            p.role = p.role or c.role
            p.country = p.country or c.country
        else:
            people.append(_Person(list(c.words), [c], c.role, c.country))
    return people


def _bare_mentions(view: _View, people: list[_Person], used: list[set[int]]) -> None:
    """Later mentions without a title: the full name again, or the surname alone (not खान in की खान में)."""
    # every word that could be a name word by _same_word's rule, for a cheap pre-check per token
    name_keys = {k for p in people for w in p.words for k in (_light_key(w), variant_key(w))}
    name_keys |= {k for p in people for k in p.surnames()}
    if not name_keys:
        return
    candidates = compress(range(len(view.lights)), map(or_, map(name_keys.__contains__, view.lights),
                                                       map(name_keys.__contains__, view.looses)))  # fmt: skip
    units = sorted({view.unit_of(i) for i in candidates if view.doc.sentence_of[i] != NO_SENTENCE})
    for n in units:
        toks, u = view.unit(n), used[n]
        by_light = map(name_keys.__contains__, map(_LIGHT_OF, toks))
        by_loose = map(name_keys.__contains__, map(variant_key, map(_TEXT_OF, toks)))
        for i in compress(range(len(toks)), map(or_, by_light, by_loose)):
            if i in u or toks[i].kind != "word":
                continue
            if not _full_name_at(toks, i, people, u):
                _surname_at(toks, i, people, u)


def _full_name_at(toks: list[_Tok], i: int, people: list[_Person], u: set[int]) -> bool:
    """A known full name (two words or more) starting at ``toks[i]``: add it to its person."""
    tk = toks[i]
    for p in people:
        n = len(p.words)
        if n < 2 or i + n > len(toks) or not _same_word(tk.text, p.words[0]):
            continue
        span = range(i, i + n)
        if all(j not in u and _same_word(toks[j].text, w) for j, w in zip(span, p.words, strict=True)):
            p.add(_Hit("person", "", tk.start, toks[span[-1]].end, "", tk.sid, words=tuple(p.words)))
            u.update(span)
            return True
    return False


def _surname_at(toks: list[_Tok], i: int, people: list[_Person], u: set[int]) -> None:
    """A surname alone at ``toks[i]``, as the article writes it for a person: add it to the person mentioned last
    before it."""
    tk = toks[i]
    owners = [p for p in people if _same_word(tk.text, p.words[-1]) or tk.light in p.surnames()]
    if not owners:
        return
    prev = toks[i - 1].light if i else ""
    nxt = toks[i + 1].light if i + 1 < len(toks) else ""
    if prev in _GENITIVE or nxt in ("में", "पर"):
        return  # "कोयले की खान में": a possessed noun or a location, not a person
    before = [p for p in owners if p.starts and p.starts[0] < tk.start]
    p = max(before or owners, key=lambda p: p.latest_before(tk.start, -1))  # type: ignore[arg-type,return-value]
    p.add(_Hit("person", "", tk.start, tk.end, tk.text, tk.sid, words=(tk.text,)))
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


def _trim_names(cands: list[_Hit]) -> list[_Hit]:
    """Cut words that ran past a name: if ``नरेंद्र मोदी`` or ``मोदी`` is a name elsewhere, so is the start of
    ``नरेंद्र मोदी होंगे`` / ``मोदी कुर्ता``. Decided once per distinct name (linear in the candidates)."""
    names = list(dict.fromkeys(c.words for c in cands))
    trimmed = {words: _trimmed(words, names) for words in names}
    out = []
    for c in cands:
        words = trimmed[c.words]
        if words != c.words:
            tail_chars = len(" ".join(c.words)) - len(" ".join(words))
            c = _Hit(c.type, c.id, c.start, c.end - tail_chars, "", c.sid, role=c.role, country=c.country, words=words)
        out.append(c)
    return out


def _trimmed(words: tuple[str, ...], names: list[tuple[str, ...]]) -> tuple[str, ...]:
    """``words`` cut by the first shorter name (in order of first occurrence) that it starts with or
    whose surname it starts with."""
    for other in names:
        n = len(other)
        if n >= len(words):
            continue
        if all(_same_word(a, b) for a, b in zip(words[:n], other, strict=True)):
            return words[:n]
        if n > 1 and _same_word(words[0], other[-1]):
            return words[:1]  # मोदी कुर्ते when नरेंद्र मोदी is a name
    return words

"""Organisations: acronyms (IGC, आईजीसी), named phrases ending in a head noun (``... एजेंसी``), and a
single word coordinated with a known organisation."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import compress
from operator import itemgetter

from ..text import stopwords
from .base import _GENITIVE, _POSTPOSITIONS, INITIALS_LETTERS, _Hit, _is_word, _Tok
from .gazetteer import _Tables
from .names import _LATIN_ACRONYM, _aksharas, _devanagari_acronym, _light_key, _slug, romanize


class _Acronyms(dict):
    """(token text, kind) -> the acronym it spells (``IGC`` for IGC or आईजीसी), or "": once per distinct token."""

    def __missing__(self, key: tuple[str, str]) -> str:
        text, kind = key
        if kind == "latin" and _LATIN_ACRONYM.fullmatch(text):
            acr = text
        else:
            acr = (_devanagari_acronym(text) or "") if kind == "word" else ""
        self[key] = acr
        return acr


_ACRONYMS = _Acronyms()
_TEXT_KIND = itemgetter(0, 3)
_LIGHT_OF = itemgetter(5)  # _Tok.light


def _acronym_hits(toks: list[_Tok], t: _Tables, used: set[int]) -> list[_Hit]:
    """Latin all-caps (IGC) and Devanagari letter-name (आईजीसी) acronyms as organisations."""
    if len(_ACRONYMS) > 200_000:
        _ACRONYMS.clear()
    hits = []
    acronyms = list(map(_ACRONYMS.__getitem__, map(_TEXT_KIND, toks)))
    for i in compress(range(len(toks)), acronyms):
        tk, acr = toks[i], acronyms[i]
        if i in used or acr.lower() in t.block or tk.light in t.block or tk.light in stopwords():
            continue
        if len(acr) <= INITIALS_LETTERS:
            continue  # two letters are a person's initials (जेएस खेहर, एसएम कृष्णा) more often than a body's name
        hits.append(_Hit("organisation", f"org:{acr.lower()}", tk.start, tk.end, tk.text, tk.sid, words=(acr,)))
        used.add(i)
    return hits


def _org_phrase_hits(toks: list[_Tok], t: _Tables, used: set[int], known: dict[int, _Hit]) -> list[_Hit]:
    """``<modifiers> एजेंसी/मंत्रालय/हब/आयोग``: a named organisation, merged with a bracketed acronym."""
    hits = []
    for i in compress(range(len(toks)), map(t.orgheads.__contains__, map(_LIGHT_OF, toks))):
        tk = toks[i]
        if tk.kind != "word" or i in used:
            continue
        mods = _modifiers(toks, i, t, known)
        if not mods:
            continue
        specific = [k for k in mods if _specific(toks[k], k, t, known)]
        if len(mods) < 2 and not specific:
            continue  # "समाचार एजेंसी", "आतंकी संगठन": a generic noun phrase, not a name
        span = sorted([*mods, i])
        words = tuple(toks[k].text for k in span)
        start, end = toks[span[0]].start, toks[span[-1]].end
        acr = _bracketed_acronym(toks, i)
        oid = f"org:{acr.lower()}" if acr else f"org:{_slug(_org_name_en(words, t))}"
        text = toks[span[0]].text if len(span) == 1 else ""
        hits.append(_Hit("organisation", oid, start, end, text, tk.sid, country=_org_country(toks, span, known),
                         words=words))  # fmt: skip
        used.update(span)
    return hits


def _specific(tk: _Tok, k: int, t: _Tables, known: dict[int, _Hit]) -> bool:
    """A modifier that makes ``<modifier> <head>`` a body's name: a gloss (``रिजर्व``, ``विदेश``) but a generic one
    (``केंद्रीय``, ``सरकारी``), a known name or an acronym."""
    return (tk.light in t.gloss and tk.light not in t.generic) or k in known or bool(_devanagari_acronym(tk.text))


def _modifiers(toks: list[_Tok], i: int, t: _Tables, known: dict[int, _Hit]) -> list[int]:
    """Indices of up to four words right before the head ``toks[i]`` that can be part of its name."""
    stop = stopwords()
    j = i
    mods: list[int] = []
    while len(mods) < 4 and j - 1 >= 0 and _is_word(toks[j - 1]) and not toks[j].gap.strip():
        prev = toks[j - 1].light
        if prev in stop or prev in _POSTPOSITIONS or prev in t.nonname or prev in t.titles or prev in t.orgheads:
            break
        if prev in t.determiners:
            break  # "हर सरकारी एजेंसी", "कई बैंक": a determiner begins no name
        hit = known.get(j - 1)
        if hit is not None and not (hit.type == "organisation" or (hit.ref and hit.ref.demonym)):
            break
        mods.append(j - 1)
        j -= 1
    return mods


def _org_country(toks: list[_Tok], span: list[int], known: dict[int, _Hit]) -> str | None:
    """The country of an organisation: ``<country> के <org>``, or a demonym inside its name (the last wins)."""
    country = None
    first = span[0]
    if first >= 2 and toks[first - 1].light in _GENITIVE and (h := known.get(first - 2)) and h.type == "country":
        country = h.id
    for k in span:
        h = known.get(k)
        if h is not None and h.ref and h.ref.demonym and h.type == "country":
            country = h.id
    return country


def _bracketed_acronym(toks: list[_Tok], i: int) -> str | None:
    """``... आयोग (IGC)`` or ``(आईजीसी)`` right after the head word: the acronym, else None."""
    if not (i + 3 < len(toks) and toks[i + 1].text == "(" and toks[i + 3].text == ")"):
        return None
    inner = toks[i + 2]
    if inner.kind == "latin" and _LATIN_ACRONYM.fullmatch(inner.text):
        return inner.text
    return _devanagari_acronym(inner.text) if inner.kind == "word" else None


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
    for i in compress(range(len(toks)), map("और".__eq__, map(_LIGHT_OF, toks))):
        if i == 0 or i + 3 >= len(toks):
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

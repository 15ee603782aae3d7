"""Dates in Hindi news: the article's own date and the dates of what it reports.

A small grammar over the words Hindi news uses (month and weekday names from CLDR through babel, with
the spellings newspapers use beside them; digits in Devanagari or Latin), not a general date parser:
``24 अगस्त 2017``, ``२४ अगस्त``, ``25-26 जनवरी``, ``24-08-2017``, ``अगस्त 2017``, and relative words
resolved against the article's date (``आज``, ``कल``, ``मंगलवार को``, ``पिछले सप्ताह``, ``इस महीने``,
``अगले साल``). Run only on the few sentences that report an agreement and the article's head.
"""

from __future__ import annotations

import datetime as dt
import re as _re
from dataclasses import dataclass
from functools import cache

import regex as re

DEV_DIGITS = str.maketrans("०१२३४५६७८९", "0123456789")  # Devanagari digits as ASCII ones


def iso_precision(value: str | None) -> str | None:
    """``day``, ``month`` or ``year`` from the shape of an ISO date string (``2026``, ``2026-03``, ``2026-03-12``)."""
    return {10: "day", 7: "month", 4: "year"}.get(len(value)) if value else None


# Spellings beside CLDR's (नुक्ता-less, -म्बर, अक्टूबर ...) and English names, by month number.
_MONTH_VARIANTS = {
    1: "जनवरी january jan", 2: "फरवरी फ़रवरी february feb", 3: "मार्च march mar", 4: "अप्रैल अप्रेल april apr",
    5: "मई may", 6: "जून june jun", 7: "जुलाई july jul", 8: "अगस्त august aug",
    9: "सितंबर सितम्बर सेप्टेंबर september sep sept", 10: "अक्तूबर अक्टूबर अक्तुबर october oct",
    11: "नवंबर नवम्बर november nov", 12: "दिसंबर दिसम्बर december dec",
}  # fmt: skip
_WEEKDAYS = {0: "सोमवार", 1: "मंगलवार", 2: "बुधवार", 3: "गुरुवार बृहस्पतिवार वीरवार", 4: "शुक्रवार",
             5: "शनिवार", 6: "रविवार इतवार"}  # fmt: skip
# Words after a relative date that put it in the future (``कल ... होगी``), else news reports the past.
_FUTURE = re.compile(r"(?:ेगा|ेगी|ेंगे|ेंगी|ेगे|एगा|एगी|एंगे|ाएगा|ाएगी|ाएंगे|होगा|होगी|होंगे)(?!\p{M})")
_B = r"(?<![\p{L}\p{M}\p{N}])"  # not inside a word (Python's \b breaks Devanagari at vowel signs)
_E = r"(?![\p{L}\p{M}\p{N}])"


@dataclass(frozen=True)
class DateMention:
    """Words in the text that give a date: resolved to ``value`` (ISO, to ``precision``) or None."""

    start: int
    end: int
    text: str
    value: str | None
    precision: str | None
    month_day: str | None = None  # ``MM-DD`` of a date that names a day and a month, with or without a year
    weekday: int | None = None  # Monday=0 of a weekday named (``शुक्रवार को``), resolved or not


@cache
def month_numbers() -> dict[str, int]:
    """Month name (lower case) -> number: CLDR's Hindi wide names through babel, plus news spellings."""
    from babel.dates import get_month_names

    out = {str(name).lower(): n for n, name in get_month_names("wide", locale="hi").items()}
    for n, names in _MONTH_VARIANTS.items():
        out.update({w: n for w in names.split()})
    return out


@cache
def weekday_numbers() -> dict[str, int]:
    """Weekday name -> Monday=0: CLDR's Hindi names through babel, plus other spellings."""
    from babel.dates import get_day_names

    out = {str(name): n for n, name in get_day_names("wide", locale="hi").items()}
    for n, names in _WEEKDAYS.items():
        out.update({w: n for w in names.split()})
    return out


def _alternation(words: object) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # type: ignore[call-overload]


@cache
def _patterns() -> tuple[re.Pattern[str], ...]:
    month = f"(?P<month>{_alternation(month_numbers())})"
    day = r"(?P<day>[0-9०-९]{1,2})"
    year = r"(?P<year>[0-9०-९]{4})"
    flags = re.IGNORECASE
    return (
        re.compile(rf"{_B}{year}-(?P<mnum>[0-9]{{2}})-(?P<day>[0-9]{{2}}){_E}"),
        re.compile(rf"{_B}{day}[-/.](?P<mnum>[0-9०-९]{{1,2}})[-/.]{year}{_E}"),
        re.compile(rf"{_B}{day}(?:\s*[-–]\s*[0-9०-९]{{1,2}})?\s*{month}\.?{_E}(?:\s*,?\s*{year}{_E})?", flags),
        re.compile(rf"{_B}{month}\.?\s+{day}(?:st|nd|rd|th)?\s*,\s*{year}{_E}", flags),  # August 24, 2017
        re.compile(rf"{_B}{month}\.?\s*,?\s*{year}{_E}", flags),
    )


@cache
def _relative() -> re.Pattern[str]:
    weekday = _alternation(weekday_numbers())
    return re.compile(
        rf"{_B}(?:(?P<weekday>{weekday})(?:\s+को)?|(?P<today>आज)|(?P<tomorrow>कल)"
        rf"|(?P<which>इस|पिछले|पिछली|गत|बीते|अगले|अगली|आगामी)\s+(?P<unit>सप्ताह|हफ्ते|हफ़्ते|महीने|माह|मास|साल|वर्ष))"
        rf"{_E}"
    )


def _number(text: str) -> int:
    return int(text.translate(DEV_DIGITS))


def _iso(year: int | None, month: int, day: int | None) -> tuple[str | None, str | None]:
    if year is None:
        return None, None
    if day is None:
        return f"{year:04d}-{month:02d}", "month"
    try:
        return dt.date(year, month, day).isoformat(), "day"
    except ValueError:
        return None, None


def _explicit(m: re.Match[str], year_hint: int | None) -> tuple[str | None, str | None]:
    """An explicit date's ISO value; a day and month without a year take the article's year."""
    g = m.groupdict()
    month = _number(g["mnum"]) if g.get("mnum") else month_numbers()[g["month"].lower()]
    if not 1 <= month <= 12:
        return None, None
    year = _number(g["year"]) if g.get("year") else year_hint
    day = _number(g["day"]) if g.get("day") else None
    return _iso(year, month, day)


def _month_day(m: re.Match[str]) -> str | None:
    """``MM-DD`` of an explicit date with a day (``4 दिसंबर`` without a year too); None for a month or a bad day."""
    g = m.groupdict()
    if not g.get("day"):
        return None
    month = _number(g["mnum"]) if g.get("mnum") else month_numbers()[g["month"].lower()]
    day = _number(g["day"])
    try:
        dt.date(2000, month, day)  # a leap year: 29 February is a day
    except ValueError:
        return None
    return f"{month:02d}-{day:02d}"


_DIGIT = _re.compile(r"[0-9\u0966-\u096f]")


def explicit_dates(text: str, offset: int = 0, year_hint: int | None = None) -> list[DateMention]:
    """Explicit dates in ``text`` (offsets shifted by ``offset``), first to last, overlaps dropped."""
    if not _DIGIT.search(text):  # every explicit date has a digit: most sentences are done here
        return []
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for pat in _patterns():
        for m in pat.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            value, precision = _explicit(m, year_hint)
            if value is None and not m.groupdict().get("month"):
                continue
            taken.append((m.start(), m.end()))
            found.append(DateMention(offset + m.start(), offset + m.end(), m.group(), value, precision, _month_day(m)))
    return sorted(found, key=lambda d: d.start)


def _shift_month(day: dt.date, months: int) -> str:
    n = day.year * 12 + day.month - 1 + months
    return f"{n // 12:04d}-{n % 12 + 1:02d}"


def _resolve_unit(which: str, unit: str, ref: dt.date) -> tuple[str, str]:
    step = {"इस": 0, "अगले": 1, "अगली": 1, "आगामी": 1}.get(which, -1)
    if unit in ("साल", "वर्ष"):
        return f"{ref.year + step:04d}", "year"
    if unit in ("महीने", "माह", "मास"):
        return _shift_month(ref, step), "month"
    week = ref + dt.timedelta(days=7 * step)
    return f"{week.year:04d}-{week.month:02d}", "month"


def _resolve_relative(m: re.Match[str], after: str, ref: dt.date) -> tuple[str, str]:
    g = m.groupdict()
    if g["today"]:
        return ref.isoformat(), "day"
    future = bool(_FUTURE.search(after))
    if g["tomorrow"]:
        return (ref + dt.timedelta(days=1 if future else -1)).isoformat(), "day"
    if g["weekday"]:
        back = (ref.weekday() - weekday_numbers()[g["weekday"]]) % 7
        ahead = (weekday_numbers()[g["weekday"]] - ref.weekday()) % 7
        return (ref + dt.timedelta(days=ahead) if future else ref - dt.timedelta(days=back)).isoformat(), "day"
    return _resolve_unit(g["which"], g["unit"], ref)


def relative_dates(text: str, offset: int = 0, article_date: str | None = None) -> list[DateMention]:
    """Relative dates in ``text``; resolved against ``article_date`` (ISO day) when it is known."""
    ref = dt.date.fromisoformat(article_date) if article_date and len(article_date) == 10 else None
    out = []
    for m in _relative().finditer(text):
        value, precision = _resolve_relative(m, text[m.end() : m.end() + 80], ref) if ref else (None, None)
        weekday = weekday_numbers()[m["weekday"]] if m["weekday"] else None
        out.append(DateMention(offset + m.start(), offset + m.end(), m.group(), value, precision, None, weekday))
    return out


def find_dates(text: str, offset: int = 0, article_date: str | None = None) -> list[DateMention]:
    """Every date in ``text``, explicit first where both cover the same words, in text order."""
    year = int(article_date[:4]) if article_date else None
    explicit = explicit_dates(text, offset, year)
    rel = [d for d in relative_dates(text, offset, article_date)
           if not any(e.start < d.end and d.start < e.end for e in explicit)]  # fmt: skip
    return sorted(explicit + rel, key=lambda d: d.start)


# ---------------------------------------------------------------------------------------------
# The article's own date

_FILE_DATE = _re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?!\d)")
# What may stand before the date of a dateline on its line: a place of one to three words and a comma.
_DATELINE_PLACE = re.compile(r"^[ \t\ufeff]*(?P<place>[\p{L}\p{M}]+(?:[ \t]+[\p{L}\p{M}]+){0,2})[ \t]*,?[ \t]*$")
# What follows it: an agency in brackets, a danda, a colon, a bar, a dash or the line's end.
_DATELINE_END = re.compile(r"[ \t]*(?:\(|।|:|\||-|\.|\n|$)")


@dataclass(frozen=True)
class Dateline:
    """A dated dateline: its place words (offsets in the article) and its date."""

    place_start: int
    place_end: int
    place: str
    date: DateMention


def caller_date(value: str | None) -> str | None:
    """A caller's ``YYYY-MM-DD`` date checked (None if empty); a bad one is a ``ValueError``."""
    if not value:
        return None
    return dt.date.fromisoformat(value.strip()).isoformat()


def file_name_date(name: str) -> str | None:
    """The date a file name starts with (``2024-05-14_x.txt``), or None."""
    m = _FILE_DATE.match(name)
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
    except ValueError:
        return None


def find_dated_dateline(text: str, lines: int = 3) -> Dateline | None:
    """The dated dateline on one of the first ``lines`` non-empty lines (after a headline), or None:
    ``काठमांडू, 5 मार्च (भाषा)``, ``नई दिल्ली, 10 फरवरी।``, ``मस्कत 12 फरवरी।``."""
    end = _head_end(text, lines)
    return _dated_dateline(text, [d for d in explicit_dates(text[:end])])


def _dated_dateline(text: str, found: list[DateMention]) -> Dateline | None:
    """The first of ``found`` that opens its line after a place of one to three words, as a dateline."""
    for d in found:
        if not d.text[:1].isdigit() or not _DATELINE_END.match(text, d.end):
            continue
        line_start = text.rfind("\n", 0, d.start) + 1
        m = _DATELINE_PLACE.match(text[line_start : d.start])
        if m:
            return Dateline(line_start + m.start("place"), line_start + m.end("place"), m.group("place"), d)
    return None


def article_date(text: str, name: str = "", caller: str | None = None,
                 first_sentence: tuple[int, int] | None = None) -> tuple[str | None, str | None]:  # fmt: skip
    """(ISO date, source) of the article: the caller's, a dated file name, a dateline with its year, or a
    full date in the first sentence or the head lines (``Last Updated: 17 September 2014``, a time stamp);
    (None, None) when none says it."""
    if caller:
        return caller, "caller"
    from_name = file_name_date(name)
    if from_name:
        return from_name, "filename"
    end = max(first_sentence[1] if first_sentence else 0, _head_end(text, HEAD_LINES))
    head = explicit_dates(text[:end])  # one scan of the head serves the dateline and the text
    line = _dated_dateline(text, [d for d in head if d.end <= _head_end(text, 3)])
    if line and line.date.precision == "day":
        return line.date.value, "dateline"
    for d in head:
        if d.precision == "day":
            return d.value, "text"
    stamp = time_stamp(text)
    return (stamp, "text") if stamp else (None, None)


# A clock time right after a date: ``17 Sep 2014 11:44 PM``, ``2014-09-18 15:59:32``, ``24 अगस्त 2017, 10:05 IST``.
_CLOCK = _re.compile(r"[ \t]*,?[ \t]*(?:[0-9]{1,2}:[0-9]{2})(?::[0-9]{2})?(?![0-9])")


def time_stamp(text: str) -> str | None:
    """The date of a publication time stamp (a full date followed by a clock time) in the first 1,000 characters,
    wherever its line is (a byline after a teaser); None if there is none."""
    for d in explicit_dates(text[:1000]):
        if d.precision == "day" and _CLOCK.match(text, d.end):
            return d.value
    return None


HEAD_LINES = 4  # headline, byline or time stamp, dateline, lead


def line_end(text: str, lines: int) -> int:
    """The offset where the ``lines``-th non-empty line of ``text`` ends."""
    pos, seen = 0, 0
    while seen < lines and pos < len(text):
        nxt = text.find("\n", pos)
        nxt = len(text) if nxt < 0 else nxt
        seen += bool(text[pos:nxt].strip())
        pos = nxt + 1
    return pos


def _head_end(text: str, lines: int) -> int:
    """The offset where the ``lines``-th non-empty line ends (at most 1,000 characters in)."""
    return min(line_end(text, lines), 1000)

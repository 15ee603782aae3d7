"""The record as people read it: names instead of codes, labels in Hindi and English, a brief.

Everything here is a pure function of an ``extract`` record (plus, where it helps, the article's
text and file name). Tables come back as DataFrames whose cells are plain text (lists joined, empty
cells empty) and whose evidence cells are :class:`Marked` sentences, which print as plain text
(CSV) and render with their matched words marked (:mod:`sahyog.site`). Notebooks and the report
site both use these, so a chapter, its chart and the index count the same things.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd
import regex

from .dates import DEV_DIGITS, iso_precision, month_numbers

Record = Mapping[str, Any]
SEP = " · "
NO_SECTOR = "कोई क्षेत्र नहीं · no sector"
HEADLINE_CHARS = 110  # a lead sentence used as headline is cut here (at a word boundary)
TITLE_WORDS = 16  # a first line of at most this many words, without a final full stop, is a title


# --- labels ------------------------------------------------------------------------------------------


def bilingual(hi: str | None, en: str | None) -> str:
    """``हिन्दी · English``; one of them alone when the other is missing or the same."""
    hi, en = (hi or "").strip(), (en or "").strip()
    if hi and en and hi != en:
        return f"{hi}{SEP}{en}"
    return hi or en


@lru_cache(maxsize=1)
def _sector_labels() -> dict[str, dict[str, str]]:
    from .sectors import sector_labels

    return sector_labels()


def sector_label(sector: str, english_only: bool = False) -> str:
    """``व्यापार · Trade`` for ``trade`` (the id itself for an unknown sector)."""
    lab = _sector_labels().get(sector, {})
    if english_only:
        return lab.get("label_en", sector)
    return bilingual(lab.get("label_hi"), lab.get("label_en", sector))


def category_label(category: str, english_only: bool = False) -> str:
    """``समझौता ज्ञापन · MoU`` for ``mou``."""
    from .agreements import CATEGORY_LABELS

    hi, en = CATEGORY_LABELS.get(category, ("", category))
    return en if english_only else bilingual(hi, en)


def entities_by_id(record: Record) -> dict[str, Mapping[str, Any]]:
    """The record's entities keyed by id."""
    return {e["id"]: e for e in record["entities"]}


def entity_name(entity: Mapping[str, Any] | None, fallback: str = "", hindi: bool = False) -> str:
    """An entity's readable name: English, or ``हिन्दी · English`` with ``hindi``."""
    if entity is None:
        return fallback
    return bilingual(entity.get("name_hi"), entity.get("name_en")) if hindi else entity.get("name_en") or fallback


def actor_label(entity: Mapping[str, Any] | None) -> str:
    """An entity's actor type in words (``government body``, ``university / institute``), "" if it has none."""
    from .actors import ACTOR_LABELS

    return ACTOR_LABELS.get((entity or {}).get("actor_type") or "", "")


def level_label(agreement: Mapping[str, Any]) -> str:
    """An agreement's level in words (``between governments``); a record without the key is between governments."""
    from .outcomes import LEVEL_LABELS

    level = agreement.get("level") or "government"
    return LEVEL_LABELS.get(level, level)


def name_list(ids: Iterable[str], record: Record, hindi: bool = False) -> list[str]:
    """Entity ids as their names; a country code with no entity in the article (a state found through its leader,
    ``देउबा``) by its CLDR name; other unknown ids as they are."""
    from .entities import country_name

    by_id = entities_by_id(record)

    def name(i: str) -> str:
        if i in by_id or ":" in i or country_name(i) is None:
            return entity_name(by_id.get(i), i, hindi)
        hi, en = country_name(i)  # type: ignore[misc]
        return bilingual(hi, en) if hindi else en

    return [name(i) for i in ids]


def sides_label(names: Sequence[tuple[str, str]]) -> str:
    """Sides as one label from their ``(Hindi, English)`` names, ``भारत – नेपाल · India – Nepal``; English alone when a
    side has no Hindi name (not ``India · Nepal``, which reads as one name in two scripts)."""
    hindi = " – ".join(h for h, _ in names) if all(h for h, _ in names) else ""
    return bilingual(hindi, " – ".join(en for _, en in names))


def side_names(ids: Iterable[str], record: Record) -> str:
    """The sides of a meeting as one label (:func:`sides_label`), as the brief names who met: an entity's names,
    else a country code's CLDR names, else the id."""
    from .entities import country_name

    by_id = entities_by_id(record)
    names = []
    for i in ids:
        ent = by_id.get(i)
        hi, en = ((ent.get("name_hi"), ent.get("name_en")) if ent else country_name(i)) or ("", "")
        names.append((hi or "", en or i))
    return sides_label(names)


def names(ids: Iterable[str], record: Record, hindi: bool = False) -> str:
    """Entity ids as their names, comma-separated."""
    return ", ".join(name_list(ids, record, hindi))


# --- evidence with marks -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Link:
    """A table cell that links to another page (``href``, relative); ``str()`` gives the text (for CSV files)."""

    text: str
    href: str

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class Marked:
    """A sentence with spans to mark: ``spans`` are ``(start, end, note)`` offsets into ``text``.

    ``str()`` gives the plain sentence (for CSV files); :mod:`sahyog.site` renders the marks.
    """

    text: str
    spans: tuple[tuple[int, int, str], ...] = ()

    def __str__(self) -> str:
        return self.text


def marked_sentence(sentence: Mapping[str, Any], spans: Iterable[tuple[int, int, str]]) -> Marked:
    """``sentence`` (a record sentence) with spans given in article offsets, kept inside it, sorted, no overlaps."""
    base, end = sentence["start"], sentence["end"]
    kept: list[tuple[int, int, str]] = []
    for s, e, note in sorted(set(spans)):
        if base <= s < e <= end and (not kept or s >= kept[-1][1] + base):
            kept.append((s - base, e - base, note))
    return Marked(sentence["text"], tuple(kept))


def _mention_spans(record: Record, sentence_id: int, ids: set[str] | None = None) -> list[tuple[int, int, str]]:
    """Entity mentions (of ``ids``, or all) and sector words in one sentence, as marks."""
    spans = [(m["start"], m["end"], m["sector"]) for m in record["sectors"] if m["sentence_id"] == sentence_id]
    for e in record["entities"]:
        if ids is None or e["id"] in ids:
            spans += [
                (m["start"], m["end"], e.get("name_en") or e["id"])
                for m in e["mentions"]
                if m["sentence_id"] == sentence_id
            ]
    return spans


# --- chapter tables ----------------------------------------------------------------------------------


COUNTED = ("agreement", "cooperation")  # what sector charts count (see sahyog.cooperation); +portfolio on request


def counted_contexts(include_portfolio: bool = False) -> tuple[str, ...]:
    """The sector contexts a chart counts: agreed and discussed, ministry titles only with ``include_portfolio``."""
    return (*COUNTED, "portfolio") if include_portfolio else COUNTED


def sector_summary(record: Record, include_portfolio: bool = False) -> pd.DataFrame:
    """Per sector: label, mentions counted (as the chart counts them), sentences, the other mentions, words.

    ``mentions`` counts words in agreements and in sentences about cooperation between states; words in
    ministry titles (``परिवहन मंत्री``, only with ``include_portfolio``) and mere mentions outside any
    cooperation are columns of their own. The chart draws exactly ``mentions``, so table and chart agree.
    """
    cols = ["sector", "mentions", "in agreements", "sentences", "in ministry titles", "other mentions", "words"]
    counted_ctx = counted_contexts(include_portfolio)
    by_sector: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for m in record["sectors"]:
        by_sector[m["sector"]].append(m)
    rows = []
    for sector, ms in by_sector.items():
        ctx = Counter(m["context"] for m in ms)
        counted = [m for m in ms if m["context"] in counted_ctx]
        rows.append(
            {
                "sector": sector_label(sector),
                "mentions": len(counted),
                "in agreements": ctx["agreement"],
                "sentences": len({m["sentence_id"] for m in counted}),
                "in ministry titles": ctx["portfolio"],
                "other mentions": ctx["mention"],
                "words": ", ".join(sorted({m["term"] for m in ms})),
            }
        )
    df = pd.DataFrame(rows, columns=cols)
    return df.sort_values(["mentions", "sector"], ascending=[False, True], ignore_index=True)


def sector_evidence(record: Record) -> pd.DataFrame:
    """One row per sentence that names a sector: its number, the sectors, the words, the marked sentence."""
    by_sentence: dict[int, list[Mapping[str, Any]]] = defaultdict(list)
    for m in record["sectors"]:
        by_sentence[m["sentence_id"]].append(m)
    sentences = {s["id"]: s for s in record["sentences"]}
    rows = []
    for sid in sorted(by_sentence):
        ms = by_sentence[sid]
        label = {m["sector"]: sector_label(m["sector"], english_only=True) for m in ms}
        words = [f"{_written(record, m)} ({label[m['sector']]}{_NOTE.get(m['context'], '')})" for m in ms]
        rows.append(
            {
                "sentence": sid,
                "sectors": ", ".join(dict.fromkeys(label.values())),
                "words": "; ".join(words),
                "evidence": marked_sentence(sentences[sid], [(m["start"], m["end"], label[m["sector"]]) for m in ms]),
            }
        )
    return pd.DataFrame(rows, columns=["sentence", "sectors", "words", "evidence"])


_NOTE = {"portfolio": ", title", "mention": ", mention only", "conflict": ", conflict"}


def _written(record: Record, m: Mapping[str, Any]) -> str:
    from .tables import span_text

    return span_text(record, m["start"], m["end"]) or m["term"]


def agreement_table(record: Record) -> pd.DataFrame:
    """One row per agreement: what, at what level, how many, sectors, parties by name with their actor types,
    and the marked sentence.

    Agreements of one sentence share its evidence cell (the page shows the sentence once).
    """
    sentences = {s["id"]: s for s in record["sentences"]}
    by_id = entities_by_id(record)
    rows = []
    for a in record["agreements"]:
        sid = a["sentence_id"]
        rows.append(
            {
                "sentence": sid,
                "agreed": category_label(a["category"]) + _qualifier(a),
                "level": level_label(a),
                "number": "" if a.get("count") is None else str(a["count"]),
                "sectors": ", ".join(sector_label(s, english_only=True) for s in a["sectors"]),
                "parties": names(a["parties"], record),
                "party types": ", ".join(actor_label(by_id.get(p)) or "?" for p in a["parties"]),
                "evidence": marked_sentence(sentences[sid], _mention_spans(record, sid, set(a["parties"]))),
            }
        )
    return pd.DataFrame(
        rows, columns=["sentence", "agreed", "level", "number", "sectors", "parties", "party types", "evidence"]
    )


def event_table(record: Record) -> pd.DataFrame:
    """One row per event (one occasion x one category): what, how many, between whom, when, where, sectors,
    the sentences that report it and the first of them marked (the mentions below are the rest of the evidence)."""
    return _events_view(record, record_events(record), "agreed")


def talks_table(record: Record) -> pd.DataFrame:
    """One row per talks held (``record["talks_events"]``: one per set of sides), in the columns of
    :func:`event_table` with ``held`` for ``agreed`` and no ``number`` (a meeting is one): the meeting itself,
    beside what was agreed at it."""
    return _events_view(record, list(record.get("talks_events") or []), "held").drop(columns="number")


def _events_view(record: Record, events: Sequence[Mapping[str, Any]], what: str) -> pd.DataFrame:
    """The rows of :func:`event_table` for ``events``; ``what``: the name of the column saying what happened."""
    sentences = {s["id"]: s for s in record["sentences"]}
    by_id = entities_by_id(record)
    cols = ["event", what, "number", "parties", "when", "where", "sectors", "sentences", "evidence"]
    rows = []
    for ev in events:
        line = _event_line(ev, record, by_id)
        first = sentences.get(line["sentence"])
        spans = _mention_spans(record, line["sentence"], set(ev["parties"])) if first else []
        rows.append(
            {
                "event": ev["id"],
                what: line["label"],
                "number": "" if ev.get("count") is None else str(ev["count"]),
                "parties": ", ".join(line["parties"]),
                "when": line["when"] or "not given",  # said, so a phone's card does not drop the row unseen
                "where": line["where"] or "not given",
                "sectors": ", ".join(line["sectors"]),
                "sentences": ", ".join(str(i) for i in line["sentences"]),
                "evidence": marked_sentence(first, spans) if first else "",
            }
        )
    return pd.DataFrame(rows, columns=cols)


def party_table(record: Record) -> pd.DataFrame:
    """Who agreed: one row per entity that is a party to an agreement, by name, with its actor type, the country
    it belongs to, its events (all, and those between governments that were agreed) and the mentions of them."""
    from .tables import parties_table

    by_id = entities_by_id(record)
    df = parties_table(record)
    rows = []
    for r in df.itertuples():
        country = r.country if isinstance(r.country, str) and r.actor_type != "state" else ""
        rows.append(
            {
                "name": r.name_en,
                "नाम": r.name_hi,
                "actor type": actor_label(by_id.get(r.id)),
                "country": entity_name(by_id.get(country), country),
                "events": r.events,
                "between governments, agreed": r.government_agreed,
                "mentions": r.agreements,
            }
        )
    return pd.DataFrame(
        rows, columns=["name", "नाम", "actor type", "country", "events", "between governments, agreed", "mentions"]
    )


def parties_in_events(table: pd.DataFrame) -> tuple[pd.DataFrame, str]:
    """:func:`party_table` as a reader wants it: the parties of some event, and one line naming those only named
    in an agreement's sentence (a stop of a corridor, a body in a list), rather than a card of zeros each."""
    if table.empty:
        return table, ""
    named = ", ".join(table.loc[table["events"] == 0, "name"])
    note = f"Also named in an agreement's sentence, a party to no event: {named}" if named else ""
    return table[table["events"] > 0].reset_index(drop=True), note


def _qualifier(a: Mapping[str, Any]) -> str:
    """`` (proposed)`` etc. when the record says an agreement is not (yet) agreed, or not between governments."""
    notes = [str(a[k]) for k in ("status", "level") if a.get(k) and a[k] not in ("agreed", "government")]
    return f" ({', '.join(notes)})" if notes else ""


def category_summary(record: Record) -> pd.DataFrame:
    """Per category (bilingual label): events (one occasion x one category), the numbers of documents they
    state where given, and the mentions that report them (the same fact told again counts once as an event)."""
    found: Counter[str] = Counter()
    stated: dict[str, int] = {}
    for ev in record_events(record):
        found[ev["category"]] += 1
        if ev.get("count") is not None:
            stated[ev["category"]] = stated.get(ev["category"], 0) + ev["count"]
    mentions = Counter(a["category"] for a in record["agreements"])
    rows = [
        {"agreed": category_label(c), "events": n, "number stated": str(stated[c]) if c in stated else "",
         "mentions": mentions[c]}
        for c, n in sorted(found.items(), key=lambda kv: (-kv[1], kv[0]))
    ]  # fmt: skip
    return pd.DataFrame(rows, columns=["agreed", "events", "number stated", "mentions"])


def category_sector_matrix(record: Record) -> pd.DataFrame:
    """Categories × sectors (bilingual labels): how many events of each category cover each sector (once each)."""
    pairs = [
        (category_label(ev["category"]), sector_label(s) if s else NO_SECTOR)
        for ev in record_events(record)
        for s in (ev["sectors"] or [""])
    ]
    if not pairs:
        return pd.DataFrame()
    p = pd.DataFrame(pairs, columns=["agreed", "sector"])
    return pd.crosstab(p["agreed"], p["sector"])


def sector_events(record: Record) -> pd.DataFrame:
    """Per sector (bilingual label): the events that cover it, a sector once per event, most first."""
    n = Counter(s for ev in record_events(record) for s in set(ev["sectors"]))
    rows = [{"sector": sector_label(s), "events": k} for s, k in sorted(n.items(), key=lambda kv: (-kv[1], kv[0]))]
    return pd.DataFrame(rows, columns=["sector", "events"])


ENTITY_VIEW = {  # per type: the columns people need, in order
    "country": ["name", "नाम", "mentions", "written as"],
    "region": ["name", "नाम", "mentions", "written as"],
    "place": ["name", "नाम", "country", "mentions", "written as"],
    "person": ["name", "नाम", "role", "actor type", "country", "mentions", "written as"],
    "organisation": ["name", "नाम", "actor type", "country", "mentions", "written as"],
}


def role_text(role: str | None) -> str:
    """A person's role as a reader reads it: ``परिवहन मंत्री · Transport Minister`` (the Hindi alone when the
    lexicon cannot put every word of it in English)."""
    from .entities import role_english

    return bilingual(role, role_english(role)) if role else ""


def entity_tables(record: Record) -> dict[str, pd.DataFrame]:
    """Per entity type (in :data:`ENTITY_VIEW` order, non-empty only): names, role, country, mentions, spellings."""
    by_id = entities_by_id(record)
    out: dict[str, pd.DataFrame] = {}
    for kind, cols in ENTITY_VIEW.items():
        rows = [
            {
                "name": e.get("name_en") or "",
                "नाम": e.get("name_hi") or "",
                "role": role_text(e.get("role")),
                "actor type": actor_label(e),
                "country": entity_name(by_id.get(e.get("country") or ""), e.get("country") or ""),
                "mentions": len(e["mentions"]),
                "written as": ", ".join(sorted({m["text"] for m in e["mentions"]})),
            }
            for e in record["entities"]
            if e["type"] == kind
        ]
        if rows:
            df = pd.DataFrame(rows, columns=cols)
            out[kind] = df.sort_values(["mentions", "name"], ascending=[False, True], ignore_index=True)
    return out


def route_table(record: Record, routes: pd.DataFrame) -> pd.DataFrame:
    """Corridor routes (from :func:`sahyog.tables.routes`) by stop names in Hindi and English."""
    by_id = entities_by_id(record)
    rows = [
        {
            "sentence": sid,
            "route": " → ".join(entity_name(by_id.get(s), s) for s in stops),
            "मार्ग": " → ".join((by_id.get(s) or {}).get("name_hi") or s for s in stops),
        }
        for sid, stops in zip(routes["sentence_id"], routes["stops"], strict=True)
    ]
    return pd.DataFrame(rows, columns=["sentence", "route", "मार्ग"])


def labelled_matrix(matrix: pd.DataFrame, record: Record) -> pd.DataFrame:
    """A country × country table (English names, as :func:`sahyog.tables.co_mentions` gives) relabelled bilingually."""
    hi = {e.get("name_en"): bilingual(e.get("name_hi"), e.get("name_en")) for e in record["entities"]}
    return matrix.rename(index=lambda n: hi.get(n, n), columns=lambda n: hi.get(n, n))


def sentence_table(record: Record) -> pd.DataFrame:
    """The sentences as people read them: number (as in every table) and text."""
    return pd.DataFrame(
        [{"sentence": s["id"], "text": s["text"]} for s in record["sentences"]], columns=["sentence", "text"]
    )


# --- the brief ---------------------------------------------------------------------------------------


def _month_key(name: str) -> str:
    """A month name for lookup: decomposed, without nukta or a final dot, lower-cased (``फ़रवरी`` = ``फरवरी``)."""
    return unicodedata.normalize("NFD", name).replace("\u093c", "").rstrip(".").lower()


@lru_cache(maxsize=1)
def _months() -> dict[str, int]:
    """Month names (Hindi and English, wide and abbreviated) → month number, from CLDR via babel."""
    from babel.dates import get_month_names

    return {
        _month_key(name): n
        for locale in ("hi", "en")
        for width in ("wide", "abbreviated")
        for n, name in get_month_names(width, locale=locale).items()
    }


@lru_cache(maxsize=1)
def _date_pattern() -> regex.Pattern[str]:
    months = "|".join(sorted(map(regex.escape, _months()), key=len, reverse=True))
    return regex.compile(
        rf"(?P<d>[0-9०-९]{{1,2}})\s+(?P<m>{months})(?![\p{{L}}\p{{M}}])\.?,?"
        rf"(?:\s+(?P<y>[0-9०-९]{{4}}))?",
        regex.I,
    )


def date_in(text: str, year: int | None = None) -> date | None:
    """The first ``13 मई 2024`` / ``13 May`` in ``text`` (a year from ``year`` if the text has none)."""
    m = _date_pattern().search(unicodedata.normalize("NFD", text).replace("\u093c", ""))
    y = (int(m.group("y").translate(DEV_DIGITS)) if m.group("y") else year) if m else None
    if not m or not y:
        return None
    try:
        return date(y, _months()[_month_key(m.group("m"))], int(m.group("d").translate(DEV_DIGITS)))
    except ValueError:
        return None


_FILE_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def article_date(source: str = "", text: str = "", given: date | str | None = None) -> date | None:
    """When: the corpus date if given, else a ``YYYY-MM-DD`` in the file name, else a date in the dateline line."""
    if isinstance(given, date):
        return given
    if given:
        try:
            return date.fromisoformat(str(given)[:10])
        except ValueError:
            pass
    m = _FILE_DATE.search(Path(source).name) if source else None
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            pass
    first_line = text.lstrip("\ufeff").split("\n", 1)[0] if text else ""
    return date_in(first_line) if ":" in first_line[:60] else None


@lru_cache(maxsize=1)
def _weekdays() -> dict[str, str]:
    from babel.dates import get_day_names

    hi, en = get_day_names("wide", locale="hi"), get_day_names("wide", locale="en")
    return {hi[i]: en[i] for i in range(7)}


def weekday_in(sentence: str) -> str | None:
    """``मंगलवार · Tuesday`` when the lead names a weekday (``मंगलवार को``) and no date is known."""
    for hi, en in _weekdays().items():
        if re.search(rf"(?<![\u0900-\u097f]){hi}(?![\u0900-\u097f])", sentence):
            return bilingual(hi, en)
    return None


def headline(record: Record, text: str = "") -> tuple[str, bool]:
    """The article's title line when it has one (``(title, True)``), else its lead sentence shortened.

    A title is a short first line (after any dateline) that is the whole first sentence and either
    does not end like a sentence or stands apart (a blank line after it). Without the article
    ``text`` only the lead can be used.
    """
    if not record["sentences"]:
        return "", False
    if len(record["sentences"]) > 1 and _only_a_place(record):  # "नई दिल्ली." : a dateline cut off as a sentence
        return headline({**record, "sentences": record["sentences"][1:]}, text)
    first = record["sentences"][0]["text"].strip()
    if text and len(first.split()) <= TITLE_WORDS and _is_title_line(text, first, record.get("dateline")):
        return first.rstrip("।|. "), True
    if len(first) <= HEADLINE_CHARS:
        return first, False
    cut = first[:HEADLINE_CHARS].rsplit(" ", 1)[0]
    return cut.rstrip(",;:—- ") + " …", False


def _only_a_place(record: Record) -> bool:
    """True when the first sentence is nothing but a dateline the splitter made a sentence (as :mod:`sahyog.events`
    reads datelines: cities only, so ``भारत-नेपाल।`` stays a title): a city's name, with a date (``मस्कत 12
    फरवरी।``) or one more place joined by a slash (``अटारी/ लाहौर।``), and nothing else."""
    sid, first = record["sentences"][0]["id"], record["sentences"][0]["text"]
    names = [m["text"] for e in record.get("entities", []) if e.get("type") == "place"
             for m in e.get("mentions", []) if m["sentence_id"] == sid]  # fmt: skip
    rest = first
    for name in names:
        rest = rest.replace(name, " ")
    left = [w for w in regex.split(r"[^\p{L}\p{M}\p{N}]+", rest) if w and not w.isdigit() and w not in month_numbers()]
    touches = len(left) == 1 and regex.search(rf"{regex.escape(left[0])}\s*/|/\s*{regex.escape(left[0])}", first)
    return bool(names) and (not left or bool(touches))  # "अटारी/ लाहौर": a second place, not "... वार्ता"


def _is_title_line(text: str, first: str, dateline: str | None) -> bool:
    lines = [ln.strip() for ln in text.lstrip("\ufeff").split("\n")]
    while lines and not lines[0]:
        lines.pop(0)
    if dateline and lines and lines[0].startswith(dateline) and lines[0] != first:
        rest = lines[0][len(dateline) :].lstrip(" ,:\u0903-").strip()  # "संपादकीय : TITLE" keeps its title
        if rest:
            lines[0] = rest
        else:
            lines.pop(0)
    if not lines or lines[0] != first:
        return False
    return not first.endswith(("।", ".", "?", "!")) or (len(lines) > 1 and not lines[1])


def main_countries(record: Record, limit: int = 4) -> list[str]:
    """The countries that met, in the order the article names them: those party to the most agreements
    (at least half the leader's count), else the two countries named most often."""
    countries = {e["id"]: e for e in record["entities"] if e["type"] == "country"}
    parties = Counter(p for a in record["agreements"] for p in dict.fromkeys(a["parties"]) if p in countries)
    if parties:
        top = parties.most_common(1)[0][1]
        chosen = [c for c, n in parties.most_common() if 2 * n >= top]
    else:
        chosen = sorted(countries, key=lambda c: -len(countries[c]["mentions"]))[:2]
    first = {c: min((m["start"] for m in countries[c]["mentions"]), default=0) for c in chosen}
    return sorted(chosen[:limit], key=first.__getitem__)  # in the order the article names them


def dateline_place(record: Record) -> Mapping[str, Any] | None:
    """The entity of the city the article is datelined from: the record's ``dateline_place`` (the reading of
    :mod:`sahyog.events`, which also places events); a record written before that key existed: the entity
    named in the dateline (a mention with sentence id -1), or in a first sentence that is only a place name (a
    dateline the splitter cut off, ``नई दिल्ली.``), if any."""
    if "dateline_place" in record:
        return next((e for e in record["entities"] if e["id"] == record["dateline_place"]), None)
    sid = -1
    if record.get("sentences") and len(record["sentences"]) > 1 and _only_a_place(record):
        sid = record["sentences"][0]["id"]
    for e in record["entities"]:
        if e["type"] in ("place", "country", "region") and any(m["sentence_id"] in (-1, sid) for m in e["mentions"]):
            return e
    return None


def record_events(record: Record) -> list[Mapping[str, Any]]:
    """The record's events; a record written before events existed: one per agreement mention (as then)."""
    if "events" in record:
        return list(record["events"])
    return [
        {**a, "id": f"e{n + 1}", "sentences": [a["sentence_id"]], "date": None, "date_text": None, "place": None}
        for n, a in enumerate(record["agreements"])
    ]


def brief(
    record: Record, text: str = "", given_date: date | str | None = None, all_agreements: bool = False
) -> dict[str, Any]:
    """What a reader needs first, as plain data (JSON-ready): headline, when, where, who met, what was agreed
    (one line per event), the talks held, sectors. ``text`` is the article (for its title line and dateline
    date); ``given_date`` a corpus date. When and where come from the events (else the talks), else the article's
    date and dateline.
    Events are those the default tables count (:func:`sahyog.tables.reported`) unless ``all_agreements``."""
    from .tables import reported

    record = reported(record, all_agreements)[0]
    by_id = entities_by_id(record)
    title, is_title = headline(record, text)
    events = record_events(record)
    talks = list(record.get("talks_events") or [])
    occasion = events or talks  # when and where: of what was agreed, else of the talks
    when = _brief_date(record, occasion, text, given_date)
    place = next((by_id[ev["place"]] for ev in occasion if ev.get("place") in by_id), None) or dateline_place(record)
    met = main_countries(record)
    others = [e["id"] for e in record["entities"] if e["type"] == "country" and e["id"] not in met]
    sectors = Counter(m["sector"] for m in record["sectors"] if m["context"] in COUNTED)
    lead = record["sentences"][0]["text"] if record["sentences"] else ""
    said = next((ev["date_text"] for ev in occasion if ev.get("date_text")), None) or lead
    return {
        "doc_id": record["doc_id"],
        "headline": title,
        "is_title": is_title,
        "date": when.isoformat() if when else None,
        "weekday": None if when else weekday_in(said),
        **({} if when else _date_words(occasion)),
        "place": _name_pair(place) if place else None,  # a dateline no gazetteer knows may not be a place
        "countries": [_name_pair(by_id[c]) for c in met],
        "others": [_name_pair(by_id[c]) for c in others],
        "agreements": [_event_line(ev, record, by_id) for ev in events],
        "talks": [_event_line(ev, record, by_id) for ev in talks],  # talks held (sahyog.talks), one line each
        "categories": dict(Counter(ev["category"] for ev in events).most_common()),
        "n_mentions": len(record["agreements"]),
        "sectors": [{"id": s, "label": sector_label(s), "n": n} for s, n in sectors.most_common()],
        "n_sentences": len(record["sentences"]),
    }


def _brief_date(record: Record, events: Sequence[Mapping[str, Any]], text: str,
                given: date | str | None) -> date | None:  # fmt: skip
    """The day of the first event that has one, else the article's date (given, in the record, or found)."""
    for ev in events:
        if ev.get("date") and len(ev["date"]) == 10:
            return date.fromisoformat(ev["date"])
    return article_date(record.get("source", ""), text, given or record.get("article_date"))


def _name_pair(e: Mapping[str, Any]) -> dict[str, str]:
    return {"id": e["id"], "hi": e.get("name_hi") or "", "en": e.get("name_en") or ""}


def _event_line(ev: Mapping[str, Any], record: Record, by_id: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    """An event as the brief lists it: what, who, when, where, sectors, the sentences that report it."""
    place = by_id.get(ev.get("place") or "")
    own = [(s["start"], s["end"]) for s in record["sentences"] if s["id"] in ev["sentences"]]
    return {
        "category": ev["category"],
        "label": category_label(ev["category"]) + _qualifier(ev),
        "count": ev.get("count"),
        "sectors": [sector_label(s, english_only=True) for s in ev["sectors"]],
        "parties": name_list(ev["parties"], record),
        "sides": side_names(ev["parties"], record),
        "when": _meets(
            _whose(ev, event_date_text(ev), ev.get("date_start"), own, ("meets ", "agreed ")),
            _prefixed("meets ", _meeting_date_text(ev)),
        ),
        "where": _meets(
            _whose(ev, entity_name(place, ""), ev.get("place_start"), own, ("meets in ", "agreed in ")),
            _prefixed("meets in ", entity_name(by_id.get(ev.get("meeting_place") or ""), "")),
        ),
        "sentence": ev["sentences"][0] if ev["sentences"] else 0,
        "sentences": list(ev["sentences"]),
    }


def _whose(ev: Mapping[str, Any], value: str, start: int | None, own: Sequence[tuple[int, int]],
           prefixes: tuple[str, str]) -> str:  # fmt: skip
    """When or where an event happened; for a next meeting, said whose: the meeting's when the words stand in its
    own sentence (``meets in Astana``; ``own``: the event's sentence spans), else the session's that agreed on it
    (``agreed in Islamabad``): the bare day and city would read as the meeting's."""
    if not value or ev["category"] != "next_meeting":
        return value
    inside = start is not None and any(a <= start < b for a, b in own)
    return (prefixes[0] if inside else prefixes[1]) + value


def _meets(occasion: str, meeting: str) -> str:
    """A next meeting's own when or where first (``meets in Astana``), then the session's that agreed on it
    (``agreed in Islamabad``) -- the occasion's alone when the meeting's is not known, once when they say the same."""
    if not meeting or occasion == meeting:
        return occasion
    return meeting + (f" · {occasion}" if occasion.startswith("agreed ") else "")


def _prefixed(prefix: str, value: str) -> str:
    return prefix + value if value else ""


def _meeting_date_text(ev: Mapping[str, Any]) -> str:
    """When a next meeting meets: ``2026``, ``Mar 2026``, ``12 Mar 2026``, or the words (``अगले सप्ताह``)."""
    value = ev.get("meeting_date")
    if iso_precision(value):
        return event_date_text({"date": value, "date_precision": iso_precision(value)})
    return str(ev.get("meeting_date_text") or "")


def event_date_text(ev: Mapping[str, Any]) -> str:
    """``24 Aug 2017``, ``Aug 2017``, ``2017``, or the words when they give no date (``मंगलवार को``)."""
    value, precision = ev.get("date"), ev.get("date_precision")
    if value and precision == "day":
        d = date.fromisoformat(value)
        return f"{d.day} {d.strftime('%b %Y')}"
    if value and precision == "month":
        return date.fromisoformat(value + "-01").strftime("%b %Y")
    return str(value or ev.get("date_text") or "")


def agreement_what(item: Mapping[str, Any]) -> str:
    """The category with its stated count: ``2 × समझौता ज्ञापन · MoU``."""
    return (f"{item['count']} × " if item.get("count") and item["count"] > 1 else "") + item["label"]


def agreement_details(item: Mapping[str, Any]) -> str:
    """Who, when, where and what of an event line: ``India, Nepal — 24 Aug 2017 — New Delhi — Health, Education``."""
    parts = (", ".join(item["parties"]), item.get("when", ""), item.get("where", ""), ", ".join(item["sectors"]))
    return " — ".join(p for p in parts if p)


def sentences_text(item: Mapping[str, Any]) -> str:
    """``sentence 3`` or ``sentences 0, 1, 4``: where the article reports the event."""
    ids = item.get("sentences") or [item["sentence"]]
    return ("sentences " if len(ids) > 1 else "sentence ") + ", ".join(str(i) for i in ids)


def agreement_line(item: Mapping[str, Any]) -> str:
    """One plain line per event:
    ``8 × समझौता ज्ञापन · MoU — India, Nepal — 24 Aug 2017 — New Delhi — Health — sentences 0, 1, 4``."""
    parts = [agreement_what(item), agreement_details(item), sentences_text(item)]
    return " — ".join(p for p in parts if p)


def date_text(b: Mapping[str, Any]) -> str:
    """``13 May 2024`` / ``मंगलवार · Tuesday (date not given)`` / ``29 अक्टूबर (year not given)`` / ``कल (date not
    given)`` / ``date not given``: what the article says of the day, however little."""
    if b.get("date"):
        d = date.fromisoformat(b["date"])
        return f"{d.day} {d.strftime('%B %Y')}"
    if b.get("weekday"):
        return f"{b['weekday']} (date not given)"
    if b.get("date_words"):
        return f"{b['date_words']} ({_missing(b)} not given)"
    return "date not given"


def _missing(b: Mapping[str, Any]) -> str:
    """What a partial date lacks: the year (``29 अक्टूबर``), the day (``अक्टूबर 2017``), or all of it (``कल``, even
    where the event's day of the year came from elsewhere, a dateline's: the words shown do not give it)."""
    words = str(b.get("date_words") or "").lower()
    if b.get("month_day") and any(w.strip(".,") in month_numbers() for w in words.split()):
        return "year"
    return "day" if b.get("date_precision") in ("month", "year") else "date"


def _date_words(events: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """The words of the first event's date that gives no full date (``29 अक्टूबर``, ``कल``, ``अक्टूबर 2017``), its day
    of the year and its precision."""
    ev = next((ev for ev in events if ev.get("date_text")), None)
    keys = ("month_day", "date_precision")
    return {"date_words": ev["date_text"], **{k: ev.get(k) for k in keys}} if ev else {}


def sort_newest_first(briefs: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """Dated articles newest first, then undated ones by id."""
    return sorted(briefs, key=lambda b: (b.get("date") is None, _neg_date(b.get("date")), b.get("doc_id", "")))


def _neg_date(iso: str | None) -> int:
    return -date.fromisoformat(iso).toordinal() if iso else 0


def place_labels(points: pd.DataFrame, hindi: bool = True) -> list[str]:
    """Map labels of entity rows: ``हिन्दी · English``, or English alone; a missing name is left out."""

    def text(v: Any) -> str:
        return "" if v is None or pd.isna(v) else str(v)

    pairs = zip(points["name_hi"], points["name_en"], strict=True)
    return [bilingual(text(h), text(en)) if hindi else text(en) for h, en in pairs]

"""The corpus read as a history, for people: the corpus chapter's brief, timelines per country pair, events by
month, pairs and sectors counted per event (not per article), from the ``events`` and ``event_sources`` tables.

Frames here hold names and dates, not codes and file ids; the ``*_html`` functions render the chapter's brief
and timelines with the report site's classes (:mod:`sahyog.site`), every piece of text escaped.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from datetime import date
from itertools import combinations
from typing import Any
from urllib.parse import quote

import pandas as pd

from .corpus_events import date_span
from .present import Link, bilingual, category_label, sector_label, sides_label
from .site import category_counts_html, e, hi

MONTHS_SHOWN = 24  # events by month up to this many months; over a longer span, by year


def _plain(v: Any) -> Any:
    return None if v is None or (isinstance(v, float) and v != v) else v


def _date(v: Any) -> date | None:
    v = _plain(v)
    if v is None or v is pd.NaT:
        return None
    return v if isinstance(v, date) else pd.Timestamp(v).date()


def event_day(ev: Mapping[str, Any]) -> date | None:
    """When an event happened as one day: its date's first day, else the day it was first reported."""
    span = date_span(_plain(ev.get("date")), _plain(ev.get("date_precision")))
    return date.fromordinal(span[0]) if span else _date(ev.get("first_report"))


def event_when(ev: Mapping[str, Any]) -> str:
    """``24 August 2017``, ``August 2017``, ``2017``, or ``reported 11 March 2024`` when the text gives no date."""
    day, precision = event_day(ev), _plain(ev.get("date_precision"))
    if day is None:
        return "date not known"
    if precision == "day":
        return f"{day.day} {day:%B %Y}"
    if precision == "month":
        return f"{day:%B %Y}"
    if precision == "year":
        return f"{day:%Y}"
    return f"reported {day.day} {day:%B %Y}"


def countries(ev: Mapping[str, Any]) -> list[str]:
    """The event's parties that are states (their ISO2 ids), sorted."""
    types = list(ev.get("party_types") or [])
    parties = list(ev.get("parties") or [])
    return sorted(p for p, t in zip(parties, types, strict=False) if t == "state" or (":" not in p and len(p) == 2))


def country_names(entities: pd.DataFrame, events: pd.DataFrame | None = None) -> dict[str, tuple[str, str]]:
    """Country id -> (Hindi, English) name, from a corpus entities table (English from the events if missing)."""
    out: dict[str, tuple[str, str]] = {}
    if events is not None:
        for parties, names in zip(events.get("parties", []), events.get("party_names", []), strict=False):
            out.update({p: ("", n) for p, n in zip(parties or [], names or [], strict=False)})
    if not entities.empty:
        rows = entities[entities["type"] == "country"].drop_duplicates("id")
        for i, h, en in zip(rows["id"], rows["name_hi"], rows["name_en"], strict=True):
            out[i] = (_plain(h) or "", _plain(en) or i)
    return out


def _name(names: Mapping[str, tuple[str, str]], i: str, english_only: bool = False) -> str:
    h, en = names.get(i, ("", i))
    return en if english_only else bilingual(h, en)


def pair_label(a: str, b: str, names: Mapping[str, tuple[str, str]], english_only: bool = False) -> str:
    """``भारत – नेपाल · India – Nepal``."""
    sides = [names.get(a, ("", a)), names.get(b, ("", b))]
    return sides_label([("", en) for _, en in sides] if english_only else sides)


def pair_rows(events: pd.DataFrame) -> pd.DataFrame:
    """One row per (event, pair of its countries): an event of three countries counts for each of its pairs."""
    rows = [
        {"a": a, "b": b, **ev}
        for ev in events.to_dict("records")
        for a, b in combinations(countries(ev), 2)
    ]  # fmt: skip
    return pd.DataFrame(rows, columns=["a", "b", *events.columns])


def pairs_table(events: pd.DataFrame, names: Mapping[str, tuple[str, str]], top: int | None = 15,
                sources: pd.DataFrame | None = None) -> pd.DataFrame:  # fmt: skip
    """Country pairs by number of events: ``pair``, ``events``, ``reports`` (articles: each counted once however
    many of the pair's events it reports, from ``sources``, the ``event_sources`` table; without it the events'
    ``n_sources`` added up), ``first``, ``last``, ``what`` (categories with counts); the busiest ``top`` first
    (every pair with ``None``)."""
    rows = pair_rows(events)
    docs = sources.groupby("event_id")["doc_id"].agg(set).to_dict() if sources is not None and len(sources) else None
    cols = ["pair", "a", "b", "events", "reports", "first", "last", "what"]
    if rows.empty:
        return pd.DataFrame(columns=cols)
    out = []
    for (a, b), g in rows.groupby(["a", "b"]):
        days = [d for d in (event_day(r) for r in g.to_dict("records")) if d]
        cats = Counter(g["category"])
        out.append(
            {
                "pair": pair_label(a, b, names),
                "a": a,
                "b": b,
                "events": len(g),
                "reports": _reports(g, docs),
                "first": min(days) if days else None,
                "last": max(days) if days else None,
                "what": ", ".join(f"{category_label(c, english_only=True)} {n}" for c, n in cats.most_common()),
            }
        )
    df = pd.DataFrame(out, columns=cols)
    df = df.sort_values(["events", "reports", "pair"], ascending=[False, False, True], ignore_index=True)
    return df if top is None else df.head(top)


def _reports(events: pd.DataFrame, docs: Mapping[str, set[str]] | None) -> int:
    """The articles behind ``events``, each once (``docs``: event id -> its articles), else their ``n_sources``."""
    if docs is None:
        return int(events["n_sources"].sum())
    return len(set().union(*(docs.get(i, set()) for i in events["id"])))


def timeline(events: pd.DataFrame, a: str, b: str) -> pd.DataFrame:
    """The events of one pair in date order: ``when``, ``where`` (the place most reports give, by name), ``what``
    (category), ``sectors``, ``reports``, ``headline`` (of the first report) and ``evidence`` (its sentence)."""
    rows = pair_rows(events)
    return _timeline_frame(rows[(rows["a"] == a) & (rows["b"] == b)])


def _timeline_frame(rows: pd.DataFrame) -> pd.DataFrame:
    """The columns of :func:`timeline` for the events ``rows``, in date order."""
    out = [
        {
            "day": event_day(ev),
            "when": event_when(ev),
            "where": _plain(ev.get("place_name")) or "",
            "city": str(ev.get("place") or "").startswith("geo:"),  # a city, not a country as the place
            "what": category_label(ev["category"]),
            "sectors": ", ".join(sector_label(s, english_only=True) for s in ev["sectors"] or []),
            "reports": int(ev["n_sources"]),
            "headline": _plain(ev.get("headline")) or "",
            "evidence": _plain(ev.get("sentence")) or "",
        }
        for ev in rows.to_dict("records")
    ]
    cols = ["day", "when", "where", "city", "what", "sectors", "reports", "headline", "evidence"]
    df = pd.DataFrame(out, columns=cols)
    return df.sort_values("day", kind="stable", na_position="last", ignore_index=True)


def _where(g: pd.DataFrame) -> str:
    """The places of one line's events: the cities, else the countries (a city says more than its country)."""
    cities = [w for w, c in zip(g["where"], g["city"], strict=True) if w and c]
    return ", ".join(dict.fromkeys(cities or [w for w in g["where"] if w]))


def occasions(tl: pd.DataFrame) -> list[dict[str, Any]]:
    """A pair's timeline with the events of one day (or one month, year, report day) on one line: the
    categories agreed then, their sectors, the most reports any of them has, the first headline and sentence.
    Events of unknown date share a line only when the same article reports them."""
    out: list[dict[str, Any]] = []
    keys = [w if d is not None else f"{w}\t{h}" for w, d, h in zip(tl["when"], tl["day"], tl["headline"], strict=True)]
    for _, g in tl.groupby(keys, sort=False):
        when = g["when"].iloc[0]
        sectors = sorted({s for ss in g["sectors"] for s in ss.split(", ") if s})
        out.append(
            {
                "when": when,
                "where": _where(g),
                "what": list(dict.fromkeys(g["what"])),
                "sectors": ", ".join(sectors),
                "reports": int(g["reports"].max()),
                "headline": g["headline"].iloc[0],
                "evidence": g["evidence"].iloc[0],
            }
        )
    return out


def events_by_period(events: pd.DataFrame) -> pd.DataFrame:
    """Events per category (rows, labelled) and month ``YYYY-MM`` (columns), or per year over more than
    :data:`MONTHS_SHOWN` months; an event counts once however many articles report it."""
    days = [event_day(ev) for ev in events.to_dict("records")]
    df = pd.DataFrame({"category": events["category"], "day": days}).dropna(subset=["day"])
    if df.empty:
        return pd.DataFrame()
    first, last = min(df["day"]), max(df["day"])
    by_year = (last.year - first.year) * 12 + last.month - first.month + 1 > MONTHS_SHOWN
    if by_year:
        df["period"] = [f"{d:%Y}" for d in df["day"]]
        periods = [str(y) for y in range(first.year, last.year + 1)]
    else:
        df["period"] = [f"{d:%Y-%m}" for d in df["day"]]
        periods = [str(p) for p in pd.period_range(first, last, freq="M")]
    m = pd.crosstab(df["category"], df["period"]).reindex(columns=periods, fill_value=0)
    m = m.loc[m.sum(axis=1).sort_values(ascending=False, kind="stable").index]
    m.index = [category_label(c) for c in m.index]
    m.columns.name = "year" if by_year else "month"
    m.index.name = "category"
    return m


def undated_note(events: pd.DataFrame) -> str:
    """A line under the events-by-period chart: how many events it leaves out (no date and no dated report)."""
    n = sum(event_day(ev) is None for ev in events.to_dict("records"))
    if not n:
        return ""
    return (f'<p class="muted">{n} of {len(events)} event{"s" * (len(events) != 1)} {"have" if n != 1 else "has"} '
            "no date and no dated report: not in this chart (the timelines and tables list them).</p>")  # fmt: skip


def sector_counts(events: pd.DataFrame, top: int = 12) -> pd.DataFrame:
    """Sectors by number of events they are part of (``label``, ``events``, ``share`` of all events)."""
    counts = Counter(s for ss in events.get("sectors", []) for s in ss or [])
    rows = [{"sector": s, "label": sector_label(s), "events": n} for s, n in counts.items()]
    df = pd.DataFrame(rows, columns=["sector", "label", "events"])
    df["share"] = (df["events"] / max(len(events), 1)).round(3)
    return df.sort_values(["events", "sector"], ascending=[False, True], ignore_index=True).head(top)


def sector_view(counts: pd.DataFrame) -> pd.DataFrame:
    """:func:`sector_counts` for a reader: the sector by name, its events, and their share as a percentage."""
    return pd.DataFrame(
        {
            "sector": counts["label"],
            "events": counts["events"],
            "of all events": [f"{round(100 * v)} %" for v in counts["share"]],
        }
    )


def articles_table(sources: pd.DataFrame) -> pd.DataFrame:
    """The articles that report events: date, headline, and how many events each reports; newest first."""
    if sources.empty:
        return pd.DataFrame(columns=["date", "headline", "events"])
    g = sources.groupby("doc_id", sort=False)
    df = pd.DataFrame(
        {"date": g["article_date"].first(), "headline": g["headline"].first(), "events": g["event_id"].nunique()}
    )
    df["date"] = [_date(d) for d in df["date"]]
    df = df.rename_axis("doc_id").reset_index()
    return df.sort_values(["date", "headline"], ascending=[False, True], na_position="last", ignore_index=True)


def articles_view(articles: pd.DataFrame, pages: str = "") -> pd.DataFrame:
    """:func:`articles_table` for a reader: date, headline, events; with ``pages`` (the folder of the articles'
    pages relative to the chapter, ``../`` in a report site) each headline links to its article's page."""
    heads = [
        Link(h or d, f"{pages}{quote(d)}/index.html") if pages else h
        for d, h in zip(articles["doc_id"], articles["headline"], strict=True)
    ]
    return pd.DataFrame({"date": articles["date"], "headline": heads, "events": articles["events"]})


def pair_events(events: pd.DataFrame, a: str, b: str) -> pd.DataFrame:
    """The rows of ``events`` whose parties include both countries ``a`` and ``b`` (ISO2 ids), by date.

    A side that is neither a two-letter code nor a party id of these events (``"India"``, ``"IND"``) is a
    ``ValueError`` naming the ids to use, not an empty table."""
    known = {p for ps in events["parties"] for p in (ps if ps is not None else [])}
    for side in (a, b):
        if not (len(side) == 2 and side.isalpha() and side.isupper()) and side not in known:
            raise ValueError(f"pair_events: {side!r} is no party id: use ISO 3166 two-letter codes such as 'IN', 'NP'")
    mask = [a in (p or []) and b in (p or []) for p in events["parties"]]
    out = events[mask].copy()
    out["day"] = [event_day(ev) for ev in out.to_dict("records")]
    return out.sort_values(["day", "id"], na_position="last", ignore_index=True)


# ---------------------------------------------------------------------------------------------
# The brief and the timelines as HTML


def brief(data: Mapping[str, pd.DataFrame], summary: Mapping[str, Any], top: int = 4) -> dict[str, Any]:
    """What the corpus shows, as plain data: articles and their dates, events and reports, the busiest pairs,
    the categories and the sectors (counted per event)."""
    events, sources = data["events"], data["event_sources"]
    names = country_names(data["entities"], events)
    pairs = pairs_table(events, names, top=top, sources=sources)
    return {
        "articles": int(summary.get("ok", 0)),
        "unusable": int(summary.get("errors", 0)),
        **_report_span(summary, sources),
        "events": len(events),
        "reports": int(sources["doc_id"].nunique()) if not sources.empty else 0,
        "merged": int((events["n_sources"] > 1).sum()) if not events.empty else 0,
        "pairs": [{"label": p, "events": int(n)} for p, n in zip(pairs["pair"], pairs["events"], strict=True)],
        "categories": dict(Counter(events["category"]).most_common()) if not events.empty else {},
        "sectors": [
            {"label": lab, "n": int(n)}
            for lab, n in sector_counts(events, top=6)[["label", "events"]].itertuples(index=False)
        ],
    }


def _report_span(summary: Mapping[str, Any], sources: pd.DataFrame) -> dict[str, Any]:
    """The first and last article date and how many articles are dated: the input's dates, else the dates the
    articles that report events give themselves."""
    dates = summary.get("dates") or {}
    n = int(summary.get("ok", 0))
    if dates.get("first"):
        return {"first": dates["first"], "last": dates["last"], "dated": n - int(dates.get("undated") or 0)}
    if sources.empty:
        return {"first": None, "last": None, "dated": 0}
    dated = sources.dropna(subset=["article_date"]).drop_duplicates("doc_id")
    days = [_date(v) for v in dated["article_date"]]
    if not days:
        return {"first": None, "last": None, "dated": 0}
    return {"first": min(days).isoformat(), "last": max(days).isoformat(), "dated": len(days)}


def _day_text(iso: str | None) -> str:
    if not iso:
        return ""
    d = date.fromisoformat(iso)
    return f"{d.day} {d:%B %Y}"


def _span_text(b: Mapping[str, Any]) -> str:
    """`` from 1 March to 2 May 2024`` for the articles' dates; ``(3 dated, from … to …)`` when only some are."""
    if not b.get("first"):
        return " (undated)"
    dates = f"{_day_text(b['first'])} to {_day_text(b['last'])}"
    dated = b.get("dated")
    if dated is not None and dated < b["articles"]:
        return f" ({dated} dated, from {dates})"
    return f" from {dates}"


def brief_html(b: Mapping[str, Any]) -> str:
    """The corpus brief in the look of an article's brief: the findings in four lines."""
    span = _span_text(b)
    bad = f" ({b['unusable']} could not be read: see the appendix)" if b.get("unusable") else ""
    merged = f", {b['merged']} of them reported by more than one article" if b.get("merged") else ""
    head = (
        f"{b['articles']} articles{span}{bad}: <strong>{b['events']} events</strong>"
        f"{merged}, from the {b['reports']} articles that report one."
    )
    parts = [f'<section class="brief"><p class="h">{head}</p>']  # numbers and dates only: nothing to escape
    if b.get("pairs"):
        chips = "".join(f"<li><strong>{hi(p['label'])}</strong> {p['events']}</li>" for p in b["pairs"])
        parts.append(f'<div class="who"><span class="label">busiest pairs (events)</span>'
                     f'<ul class="chips countries">{chips}</ul></div>')  # fmt: skip
    if b.get("categories"):
        label = "agreed and met" if "talks" in b["categories"] else "agreed"  # talks held are met, not agreed
        chips = category_counts_html(b["categories"])
        parts.append(f'<div class="who"><span class="label">{label}</span>{chips}</div>')
    if b.get("sectors"):
        chips = "".join(f'<li>{hi(s["label"])} <span class="muted">{s["n"]}</span></li>' for s in b["sectors"])
        parts.append(
            f'<div class="who"><span class="label">sectors (events)</span><ul class="chips">{chips}</ul></div>'
        )
    if not b.get("events"):
        parts.append('<p><span class="label">agreed</span>no event between states found in these articles</p>')
    parts.append("</section>")
    return "\n".join(parts)


def timeline_html(
    events: pd.DataFrame, names: Mapping[str, tuple[str, str]], pairs: int = 8, per_pair: int = 15
) -> str:
    """A timeline per country pair (the busiest ``pairs``), one line per date (:func:`occasions`): when, what was
    agreed, in which sectors, in how many reports, and the first report's headline; its sentence folds out."""
    every = pairs_table(events, names, top=None)
    table = every.head(pairs)
    out = []
    for row in table.to_dict("records"):
        lines = occasions(timeline(events, row["a"], row["b"]))
        items = "".join(_timeline_li(t) for t in lines[:per_pair])
        more = f'<p class="muted">and {len(lines) - per_pair} more dates</p>' if len(lines) > per_pair else ""
        n = row["events"]
        out.append(
            f'<section class="pair"><h3>{hi(row["pair"])} <span class="muted">{n} event{"s" * (n != 1)}</span>'
            f'</h3><ol class="timeline">{items}</ol>{more}</section>'
        )
    hidden = len(every) - len(table)
    if hidden:
        out.append(f'<p class="muted">and {hidden} more pair{"s" * (hidden != 1)} (in the table of country pairs)</p>')
    none = "" if out else '<p class="muted">No event names two countries.</p>'
    return "\n".join(o for o in (*out, none, _alone_html(events, per_pair)) if o)


def _alone_html(events: pd.DataFrame, shown: int) -> str:
    """The events of fewer than two countries (counted in the brief, in no pair's timeline), as a timeline of their
    own under a line that says why: an event of one state (a pledge, a party missed) or of IGOs only."""
    records = events.to_dict("records")
    alone = [n for n, ev in enumerate(records) if len(countries(ev)) < 2]  # as the timelines count states
    if not alone:
        return ""
    one = len(alone) == 1
    lines = occasions(_timeline_frame(events.iloc[alone]))
    items = "".join(_timeline_li(t) for t in lines[:shown])
    more = f'<p class="muted">and {len(lines) - shown} more dates</p>' if len(lines) > shown else ""
    return (
        f'<p class="muted">{len(alone)} event{"s" * (not one)} name{"s" * one} fewer than two countries and'
        f' stand{"s" * one} in no pair\'s timeline:</p><ol class="timeline">{items}</ol>{more}'
    )


def _timeline_li(t: Mapping[str, Any]) -> str:
    reports = f"{t['reports']} report{'s' * (t['reports'] != 1)}"
    what = ", ".join(f"<strong>{hi(w)}</strong>" for w in t["what"])
    sectors = f" — {e(t['sectors'])}" if t["sectors"] else ""
    where = f' <span class="where">in {e(t["where"])}</span>' if t.get("where") else ""
    told = t["evidence"] and t["evidence"].strip() != (t["headline"] or "").strip()  # a headline read as its lead
    evidence = (
        f'<details><summary>{hi(t["headline"]) or "evidence"}</summary><p lang="hi">{e(t["evidence"])}</p></details>'
        if told
        else f"<p>{hi(t['headline'] or t['evidence'])}</p>"
    )
    return (
        f'<li><span class="when">{e(t["when"])}</span>{where} {what}{sectors}'
        f' <span class="muted">· {reports}</span>{evidence}</li>'
    )


def show(markup: str) -> Any:
    """Markup for ``display()`` in the notebook (the site's raw-HTML wrapper)."""
    from .site import HTML

    return HTML(markup)


def check_tables(data: Mapping[str, pd.DataFrame]) -> None:
    """The event tables agree with each other: every source names an event, every event has its sources."""
    events, sources = data["events"], data["event_sources"]
    assert events["id"].is_unique, "duplicate event id"
    assert set(sources["event_id"]) == set(events["id"]), "event_sources and events disagree"
    n = sources.groupby("event_id")["doc_id"].nunique().to_dict()
    assert all(n.get(i) == k for i, k in zip(events["id"], events["n_sources"], strict=True)), "n_sources is wrong"

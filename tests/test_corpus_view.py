"""The corpus chapter's frames and HTML from synthetic events: pairs, timelines, months, sectors, the brief."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from test_corpus_events import ev

from sahyog import corpus_events as ce
from sahyog import corpus_view as cv


def tables(rows: list[dict]) -> dict[str, pd.DataFrame]:
    evs, sources = ce.merged(rows)
    return {
        "events": pd.DataFrame(evs, columns=ce.EVENT_COLUMNS),
        "event_sources": pd.DataFrame(sources, columns=ce.SOURCE_COLUMNS),
        "entities": pd.DataFrame(
            [{"type": "country", "id": "IN", "name_hi": "भारत", "name_en": "India"},
             {"type": "country", "id": "NP", "name_hi": "नेपाल", "name_en": "Nepal"}]
        ),
    }  # fmt: skip


ROWS = [
    ev("a", "e1", sectors=("trade",)),
    ev("b", "e1", date_="2024-03-11", sectors=("energy",)),
    ev("a", "e2", category="agreement"),
    ev("c", "e1", date_="2024-05-02", art="2024-05-03", parties=("IN", "NP", "BD")),
    ev("d", "e1", date_=None, art="2024-06-01", parties=("BD", "IN")),
]


def test_pairs_count_events_not_articles() -> None:
    data = tables(ROWS)
    names = cv.country_names(data["entities"], data["events"])
    pairs = cv.pairs_table(data["events"], names)
    got = dict(zip(zip(pairs["a"], pairs["b"], strict=True), pairs["events"], strict=True))
    assert got == {("IN", "NP"): 3, ("BD", "IN"): 2, ("BD", "NP"): 1}
    assert pairs.at[0, "pair"] == "भारत – नेपाल · India – Nepal"
    assert pairs.at[0, "reports"] == 4  # without the sources: a+b for the MoU, a for the agreement, c for May
    pairs = cv.pairs_table(data["events"], names, sources=data["event_sources"])
    assert pairs.at[0, "reports"] == 3  # articles a, b and c, each once though a reports two of the events


def test_the_events_by_period_chart_says_what_it_leaves_out() -> None:
    undated = [ev("x", "e1", date_=None, art=None), ev("y", "e1", date_=None, art=None, category="agreement")]
    data = tables(ROWS + undated)
    assert "2 of 6 events have no date" in cv.undated_note(data["events"])  # the four of ROWS and these two
    assert cv.undated_note(tables(ROWS)["events"]) == ""


def test_a_pairs_timeline_has_one_line_per_date_in_order() -> None:
    data = tables(ROWS)
    lines = cv.occasions(cv.timeline(data["events"], "IN", "NP"))
    assert [t["when"] for t in lines] == ["10 March 2024", "2 May 2024"]
    assert sorted(lines[0]["what"]) == ["समझौता · agreement", "समझौता ज्ञापन · MoU"]
    assert lines[0]["reports"] == 2
    assert [t["where"] for t in lines] == ["", ""]  # no report gives a place
    placed = [{**r, "place": "geo:1", "place_name": "Kathmandu", "place_country": "NP"} for r in ROWS[:3]]
    lines = cv.occasions(cv.timeline(tables(placed)["events"], "IN", "NP"))
    assert lines[0]["where"] == "Kathmandu"
    placed[2] = {**placed[2], "place": "NP", "place_name": "Nepal"}  # one report of the day names only the country
    assert cv.occasions(cv.timeline(tables(placed)["events"], "IN", "NP"))[0]["where"] == "Kathmandu"
    html = cv.timeline_html(tables(placed)["events"], {})
    assert '<span class="when">10 March 2024</span> <span class="where">in Kathmandu</span>' in html
    assert cv.event_when({"date": None, "date_precision": None, "first_report": date(2024, 6, 1)}) == (
        "reported 1 June 2024"
    )


def test_events_by_month_count_each_event_once() -> None:
    m = cv.events_by_period(tables(ROWS)["events"])
    assert list(m.columns) == ["2024-03", "2024-04", "2024-05", "2024-06"]
    assert int(m.to_numpy().sum()) == 4
    assert m.loc["समझौता ज्ञापन · MoU", "2024-03"] == 1


def test_sectors_are_counted_per_event() -> None:
    s = cv.sector_counts(tables(ROWS)["events"])
    assert dict(zip(s["sector"], s["events"], strict=True)) == {"energy": 1, "trade": 1}
    view = cv.sector_view(s)  # for a reader: names and a percentage of the 4 events, not ids and 0.25
    assert list(view.columns) == ["sector", "events", "of all events"] and list(view["of all events"]) == ["25 %"] * 2
    assert set(view["sector"]) == {cv.sector_label("energy"), cv.sector_label("trade")}


def test_the_brief_says_what_the_corpus_shows_and_escapes_text() -> None:
    rows = [*ROWS, ev("z", "e1", date_="2025-01-01", art="2025-01-02", parties=("IN", "NP"))]
    rows[-1]["headline"] = "<script>x</script>"
    data = tables(rows)
    summary = {"ok": 6, "errors": 1, "dates": {"first": "2024-03-11", "last": "2025-01-02"}}
    b = cv.brief(data, summary)
    assert (b["events"], b["reports"], b["merged"]) == (5, 5, 1)
    assert b["pairs"][0] == {"label": "भारत – नेपाल · India – Nepal", "events": 4}
    html = cv.brief_html(b)
    assert "6 articles from 11 March 2024 to 2 January 2025 (1 could not be read" in html
    timeline = cv.timeline_html(data["events"], cv.country_names(data["entities"]))
    assert "<script>" not in timeline and "&lt;script&gt;" in timeline
    cv.check_tables(data)


def test_a_timeline_line_folds_out_its_sentence_only_when_it_is_not_the_headline() -> None:
    rows = [{**ev("a", "e1"), "headline": "भारत और नेपाल में करार", "sentence": "भारत और नेपाल में करार"}]
    html = cv.timeline_html(tables(rows)["events"], {})
    assert "<details>" not in html and html.count("भारत और नेपाल में करार") == 1
    rows = [{**rows[0], "sentence": "दोनों देशों ने व्यापार समझौते पर हस्ताक्षर किए।"}]
    html = cv.timeline_html(tables(rows)["events"], {})
    assert html.count("<details><summary>") == 1 and 'करार</span></summary><p lang="hi">दोनों देशों ने' in html


def test_the_articles_table_links_each_headline_only_when_their_pages_are_known() -> None:
    from sahyog import site

    rows = [{**ev("a b", "e1"), "headline": "<b>करार</b>"}, ev("c", "e1", date_="2024-05-02", art="2024-05-03")]
    articles = cv.articles_table(tables(rows)["event_sources"])
    plain = cv.articles_view(articles)
    assert list(plain.columns) == ["date", "headline", "events"] and "<a " not in site.table_html(plain)
    html = site.table_html(cv.articles_view(articles, "../"))
    assert '<a href="../a%20b/index.html">' in html and '<a href="../c/index.html">' in html
    assert "<b>" not in html and "&lt;b&gt;" in html  # the headline is text, escaped


def test_pair_events_filters_a_pair() -> None:
    events = tables(ROWS)["events"]
    assert len(cv.pair_events(events, "IN", "NP")) == 3
    assert len(cv.pair_events(events, "NP", "BD")) == 1
    assert len(cv.pair_events(events, "IN", "JP")) == 0  # a code with no events: an empty table
    for wrong in ("India", "IND"):  # a name or an ISO3 code would silently give nothing: it is an error
        with pytest.raises(ValueError, match="two-letter codes"):
            cv.pair_events(events, wrong, "NP")


def test_events_of_fewer_than_two_countries_are_said_to_be_in_no_timeline() -> None:
    data = tables([*ROWS, ev("e", "e1", date_="2024-07-01", parties=("RU",))])
    html = cv.timeline_html(data["events"], cv.country_names(data["entities"], data["events"]))
    assert "1 event names fewer than two countries and stands in no pair's timeline:" in html
    alone = html.split("stands in no pair's timeline:", 1)[1]  # listed under it, with its date
    assert '<span class="when">1 July 2024</span>' in alone and alone.count("<li>") == 1
    igos = ev("f", "e1", date_="2024-08-01", parties=("org:asean", "org:eu"))
    igos["party_types"] = ["igo", "igo"]  # two parties, no state: in no timeline either
    data = tables([*ROWS, ev("e", "e1", date_="2024-07-01", parties=("RU",)), igos])
    assert "2 events name fewer than two countries and stand in" in cv.timeline_html(data["events"], {})
    assert "fewer than two" not in cv.timeline_html(tables(ROWS)["events"], {})
    only = cv.timeline_html(tables([ev("e", "e1", date_="2024-07-01", parties=("RU",))])["events"], {})
    assert "No event names two countries." in only and "1 event names fewer than two countries" in only


def test_pairs_beyond_the_busiest_are_said_to_be_in_the_table() -> None:
    events = tables(ROWS)["events"]
    assert "more pair" not in cv.timeline_html(events, {}, pairs=8)
    assert "and 2 more pairs (in the table of country pairs)" in cv.timeline_html(events, {}, pairs=1)

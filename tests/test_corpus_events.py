"""Corpus events: article events merged into one event however many articles report it (synthetic events)."""

from __future__ import annotations

import random
from datetime import date
from typing import Any

from sahyog import corpus_events as ce
from sahyog.dates import iso_precision


def ev(doc: str, eid: str = "e1", *, date_: str | None = "2024-03-10", art: str | None = "2024-03-11",
       parties: tuple[str, ...] = ("IN", "NP"), category: str = "mou", status: str = "agreed",
       place: str | None = None, place_country: str | None = None, lat: float | None = None,
       lon: float | None = None, sectors: tuple[str, ...] = ()) -> dict[str, Any]:  # fmt: skip
    """An article event as :func:`sahyog.corpus_events.article_events` makes them."""
    return {
        "event_id": None, "doc_id": doc, "article_event_id": eid, "sentence": f"{doc} {eid}",
        "article_date": date.fromisoformat(art) if art else None, "headline": f"headline {doc}",
        "category": category, "status": status, "level": "government", "parties": list(parties),
        "party_names": list(parties), "party_types": ["state"] * len(parties), "party_countries": list(parties),
        "date": date_, "date_precision": iso_precision(date_), "place": place, "place_name": place,
        "place_country": place_country, "lat": lat, "lon": lon, "sectors": list(sectors), "count": None,
    }  # fmt: skip


def groups(rows: list[dict[str, Any]]) -> set[frozenset[str]]:
    """The merge as sets of ``doc:event`` keys."""
    by: dict[str, set[str]] = {}
    for row, eid in zip(rows, ce.merge(rows), strict=True):
        by.setdefault(eid, set()).add(f"{row['doc_id']}:{row['article_event_id']}")
    return {frozenset(v) for v in by.values()}


def test_same_day_give_or_take_two_merges_and_three_days_apart_does_not() -> None:
    rows = [ev("a", date_="2024-03-10"), ev("b", date_="2024-03-12"), ev("c", date_="2024-03-15")]
    assert groups(rows) == {frozenset({"a:e1", "b:e1"}), frozenset({"c:e1"})}


def test_a_cluster_spans_at_most_two_days_so_it_does_not_chain() -> None:
    rows = [ev("a", date_="2024-03-10"), ev("b", date_="2024-03-12"), ev("c", date_="2024-03-14")]
    assert frozenset({"a:e1", "b:e1", "c:e1"}) not in groups(rows)
    assert frozenset({"a:e1", "b:e1"}) in groups(rows)


def test_other_category_status_or_parties_stay_apart() -> None:
    rows = [
        ev("a"),
        ev("b", category="agreement"),
        ev("c", status="planned"),
        ev("d", parties=("IN", "BD")),
        ev("e", parties=("IN", "NP", "BD")),
    ]
    assert len(groups(rows)) == 5


def test_a_month_holds_its_days_and_a_year_its_months() -> None:
    rows = [ev("a", date_="2024-03-10"), ev("b", date_="2024-03"), ev("c", date_="2024")]
    assert groups(rows) == {frozenset({"a:e1", "b:e1", "c:e1"})}
    rows = [ev("a", date_="2024-04-10"), ev("b", date_="2024-03")]
    assert len(groups(rows)) == 2


def test_an_undated_event_joins_only_an_article_dated_within_three_days() -> None:
    rows = [ev("a", art="2024-03-11"), ev("b", date_=None, art="2024-03-14"), ev("c", date_=None, art="2024-03-20")]
    assert groups(rows) == {frozenset({"a:e1", "b:e1"}), frozenset({"c:e1"})}
    # without an article date an undated event is alone
    rows = [ev("a"), ev("b", date_=None, art=None), ev("c", date_=None, art=None)]
    assert len(groups(rows)) == 3


def test_a_contradiction_in_place_keeps_events_apart() -> None:
    delhi = {"place": "geo:1273294", "place_country": "IN", "lat": 28.65, "lon": 77.23}
    new_delhi = {"place": "geo:1261481", "place_country": "IN", "lat": 28.64, "lon": 77.22}
    kathmandu = {"place": "geo:1283240", "place_country": "NP", "lat": 27.70, "lon": 85.32}
    mumbai = {"place": "geo:1275339", "place_country": "IN", "lat": 19.07, "lon": 72.88}
    rows = [ev("a", **delhi), ev("b", **new_delhi), ev("c", place="IN", place_country="IN"), ev("d")]
    assert groups(rows) == {frozenset({"a:e1", "b:e1", "c:e1", "d:e1"})}
    assert len(groups([ev("a", **delhi), ev("b", **kathmandu)])) == 2
    assert len(groups([ev("a", **delhi), ev("b", **mumbai)])) == 2


def test_two_cities_of_one_state_do_not_contradict_but_of_two_states_do() -> None:
    ahmedabad = {"place": "geo:1279233", "place_country": "IN", "lat": 23.03, "lon": 72.59}
    vadodara = {"place": "geo:1253573", "place_country": "IN", "lat": 22.30, "lon": 73.20}  # Gujarat, ~100 km
    mumbai = {"place": "geo:1275339", "place_country": "IN", "lat": 19.07, "lon": 72.88}  # Maharashtra
    assert len(groups([ev("a", **ahmedabad), ev("b", **vadodara)])) == 1
    assert len(groups([ev("a", **ahmedabad), ev("b", **mumbai)])) == 2
    assert len(groups([ev("a", **ahmedabad), ev("b", **vadodara), ev("c", **mumbai)])) == 2
    assert len(groups([ev("a", **ahmedabad), ev("b", date_="2024-03-20", art="2024-03-20", **vadodara)])) == 2


def test_ids_do_not_depend_on_input_order() -> None:
    rows = [
        ev(f"d{i}", f"e{j}", date_=f"2024-03-{10 + (i % 5):02d}", category=("mou", "agreement")[j % 2])
        for i in range(12)
        for j in range(1, 3)
    ]
    rows += [ev(f"u{i}", date_=None, art=f"2024-03-{11 + i:02d}") for i in range(4)]
    want = dict(zip([(r["doc_id"], r["article_event_id"]) for r in rows], ce.merge(rows), strict=True))
    for seed in range(5):
        shuffled = rows[:]
        random.Random(seed).shuffle(shuffled)
        got = dict(zip([(r["doc_id"], r["article_event_id"]) for r in shuffled], ce.merge(shuffled), strict=True))
        assert got == want
    assert len(set(want.values())) < len(rows)  # something merged


def test_event_rows_count_sources_and_take_the_most_precise_date() -> None:
    rows = [
        ev("a", "e1", date_="2024-03", art="2024-03-12", sectors=("trade",)),
        ev("a", "e2", date_="2024-03-10", art="2024-03-12", sectors=("energy",)),
        ev("b", "e4", date_="2024-03-10", art="2024-03-11", place="NP", place_country="NP"),
        ev("c", "e1", date_="2024-03-11", art="2024-03-13"),
    ]
    evs, sources = ce.merged(rows)
    assert len(evs) == 1
    e = evs[0]
    assert (e["date"], e["date_precision"]) == ("2024-03-10", "day")
    assert (e["n_sources"], e["n_reports"]) == (3, 4)
    assert (e["first_report"], e["last_report"]) == (date(2024, 3, 11), date(2024, 3, 13))
    assert e["sectors"] == ["energy", "trade"]
    assert e["place"] == "NP"
    assert e["sentence"] == "b e4"  # the first report's evidence
    assert {s["event_id"] for s in sources} == {e["id"]}
    assert [s["doc_id"] for s in sources] == ["b", "a", "a", "c"]


def test_date_span_covers_the_whole_month_and_year() -> None:
    assert ce.date_span("2024-02") == (date(2024, 2, 1).toordinal(), date(2024, 2, 29).toordinal())
    assert ce.date_span("2024-12") == (date(2024, 12, 1).toordinal(), date(2024, 12, 31).toordinal())
    assert ce.date_span("2023") == (date(2023, 1, 1).toordinal(), date(2023, 12, 31).toordinal())
    assert ce.date_span(None) is None
    assert ce.date_span("2024-13") is None


def test_article_events_from_a_record_use_its_entities_and_sentences() -> None:
    record = {
        "doc_id": "x",
        "article_date": "2024-03-11",
        "dateline": None,
        "sentences": [{"id": 0, "start": 0, "end": 10, "text": "पहला वाक्य।"}, {"id": 3, "start": 20, "end": 30,
                                                                              "text": "भारत और नेपाल ने समझौता किया।"}],
        "entities": [
            {"id": "IN", "type": "country", "name_en": "India", "actor_type": "state", "country": "IN"},
            {"id": "NP", "type": "country", "name_en": "Nepal", "actor_type": "state", "country": "NP"},
            {"id": "geo:1283240", "type": "place", "name_en": "Kathmandu", "lat": 27.7, "lon": 85.3, "country": "NP"},
        ],
        "events": [
            {"id": "e1", "category": "mou", "count": 2, "parties": ["NP", "IN"], "level": "government",
             "status": "agreed", "sectors": ["trade"], "date": "2024-03-10", "date_precision": "day",
             "place": "geo:1283240", "mentions": ["a1"], "sentences": [3]},
            {"id": "e2", "category": "mou", "count": None, "parties": ["IN", "NP"], "level": "government",
             "status": "planned", "sectors": [], "date": None, "date_precision": None, "place": None,
             "mentions": ["a2"], "sentences": [3]},
        ],
    }  # fmt: skip
    rows = ce.article_events(record)
    assert len(rows) == 1  # the planned one only with all_agreements
    r = rows[0]
    assert r["parties"] == ["IN", "NP"] and r["party_names"] == ["India", "Nepal"]
    assert (r["place_name"], r["place_country"], r["lat"]) == ("Kathmandu", "NP", 27.7)
    assert r["sentence"] == "भारत और नेपाल ने समझौता किया।"
    assert r["article_date"] == date(2024, 3, 11)
    assert set(r) == set(ce.SOURCE_COLUMNS)
    assert len(ce.article_events(record, all_agreements=True)) == 2
    assert ce.article_events(record, doc_date=date(2024, 3, 12))[0]["article_date"] == date(2024, 3, 12)
    assert ce.article_events({**record, "events": []}) == []


def _record(doc_id: str, day: str, events: list[dict[str, Any]]) -> dict[str, Any]:
    """A minimal ``extract`` record with article events (no agreements or sectors)."""
    return {
        "doc_id": doc_id, "source": f"{doc_id}.txt", "dateline": None, "article_date": day, "n_tokens": 5,
        "sentences": [{"id": 0, "start": 0, "end": 30, "text": f"{doc_id}: भारत और नेपाल ने समझौता किया।"}],
        "sectors": [], "agreements": [],
        "entities": [{"type": "country", "id": c, "name_en": c, "name_hi": c, "lat": None, "lon": None, "role": None,
                      "country": c, "actor_type": "state", "mentions": []} for c in ("IN", "NP")],
        "events": events,
    }  # fmt: skip


def _event(eid: str, day: str | None, category: str = "mou") -> dict[str, Any]:
    return {"id": eid, "category": category, "count": None, "parties": ["IN", "NP"], "level": "government",
            "status": "agreed", "sectors": ["trade"], "date": day, "date_precision": iso_precision(day),
            "date_text": None, "date_start": None, "date_end": None, "place": None, "place_text": None,
            "place_start": None, "place_end": None, "mentions": ["a1"], "sentences": [0]}  # fmt: skip


def test_write_records_writes_the_event_tables(tmp_path) -> None:
    from sahyog import corpus

    records = [
        _record("r1", "2024-03-11", [_event("e1", "2024-03-10"), _event("e2", None, "visit")]),
        _record("r2", "2024-03-12", [_event("e1", "2024-03-11")]),
        _record("r3", "2025-01-02", [_event("e1", "2025-01-01")]),
    ]
    summary = corpus.write_records(records, tmp_path / "out")
    tables = corpus.load_tables(tmp_path / "out")
    evs, sources = tables["events"], tables["event_sources"]
    assert summary["events"]["events"] == 3 and summary["events"]["article_events"] == 4
    assert sorted(evs["n_sources"]) == [1, 1, 2]
    assert set(sources["event_id"]) == set(evs["id"])
    assert list(sources.columns) == ce.SOURCE_COLUMNS and list(evs.columns) == ce.EVENT_COLUMNS
    same = sources.groupby("event_id")["doc_id"].apply(sorted).tolist()
    assert ["r1", "r2"] in same
    assert not (tmp_path / "out" / ".article_events").exists()


def _counted(doc: str, count: int | None, **kw: Any) -> dict[str, Any]:
    """An article event with no date of its own nor of its article, stating ``count`` instruments."""
    return {**ev(doc, date_=None, art=None, **kw), "count": count}


def test_reports_with_no_date_at_all_join_only_on_the_same_number_of_instruments() -> None:
    rows = [_counted("a", 9), _counted("b", 9), _counted("c", 4), _counted("d", None), _counted("e", 1),
            _counted("f", 1)]  # fmt: skip
    assert groups(rows) == {frozenset({"a:e1", "b:e1"}), *({frozenset({f"{d}:e1"}) for d in "cdef"})}
    # a dated report stating nine takes them in; a second event of nine makes the count no evidence
    dated = {**ev("g", date_="2024-03-10"), "count": 9}
    assert frozenset({"a:e1", "b:e1", "g:e1"}) in groups([*rows, dated])
    other = {**ev("h", date_="2024-05-20", art="2024-05-20"), "count": 9}
    assert {frozenset({"a:e1"}), frozenset({"b:e1"})} <= groups([_counted("a", 9), _counted("b", 9), dated, other])
    # a contradiction in place keeps them apart
    far = _counted("k", 9, place="NP", place_country="NP")
    assert frozenset({"k:e1"}) in groups([_counted("a", 9, place="IN", place_country="IN"), far])


def test_reports_with_no_date_join_on_the_same_day_of_the_year_give_or_take_two() -> None:
    dated = ev("a", date_="2024-03-10")
    near, far = {**_counted("b", None), "month_day": "03-12"}, {**_counted("c", None), "month_day": "03-20"}
    assert groups([dated, near, far]) == {frozenset({"a:e1", "b:e1"}), frozenset({"c:e1"})}
    # two undated reports of one day are one event; another number of instruments contradicts the day
    same = [{**_counted("d", 4), "month_day": "12-04"}, {**_counted("e", None), "month_day": "12-04"}]
    assert frozenset({"d:e1", "e:e1"}) in groups(same)
    other = [{**_counted("d", 4), "month_day": "12-04"}, {**_counted("e", 6), "month_day": "12-04"}]
    assert frozenset({"d:e1"}) in groups(other)


def test_reports_with_no_date_join_on_the_same_weekday_and_another_weekday_contradicts() -> None:
    friday = [{**_counted("a", None), "weekday": 4}, {**_counted("b", None), "weekday": 4}]
    assert frozenset({"a:e1", "b:e1"}) in groups(friday)
    monday = [{**_counted("a", 8), "weekday": 4}, {**_counted("b", 8), "weekday": 0}]
    assert frozenset({"a:e1"}) in groups(monday)
    # a dated event's day gives its weekday: 10 March 2024 was a Sunday
    assert frozenset({"a:e1", "c:e1"}) in groups([ev("a", date_="2024-03-10"), {**_counted("c", None), "weekday": 6}])


def test_spilled_article_events_merge_file_by_file_as_one_table(tmp_path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from sahyog.corpus import SCHEMAS

    pairs = (("IN", "NP"), ("BD", "IN"), ("CN", "IN"), ("IN", "LK"))
    rows = [ev(f"d{n}", f"e{k}", parties=pair, date_=f"2024-03-{10 + n % 3}") for n in range(12)
            for k, pair in enumerate(pairs)]  # fmt: skip
    for row in rows:
        row["month_day"], row["weekday"] = None, None
    table = pa.Table.from_pylist(rows, schema=SCHEMAS["event_sources"])
    spill = ce.Spill(tmp_path / "spill", SCHEMAS["event_sources"])
    for start in range(0, len(rows), 5):  # partitions of five
        spill.write_table(table.slice(start, 5))
    spill.close()
    assert len(list((tmp_path / "spill").glob("*.parquet"))) > 1  # four groups, more than one file
    ce.merge_parquet(tmp_path / "spill", tmp_path, SCHEMAS)
    got = pq.read_table(tmp_path / "event_sources.parquet").to_pylist()
    want = dict(zip(((r["doc_id"], tuple(r["parties"])) for r in rows), ce.merge(rows), strict=True))
    assert {(r["doc_id"], tuple(r["parties"])): r["event_id"] for r in got} == want
    assert pq.read_table(tmp_path / "events.parquet").num_rows == len(set(want.values())) == 4
    assert not (tmp_path / "spill").exists()

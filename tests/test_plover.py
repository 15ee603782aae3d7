"""PLOVER export: corpus events as PLOVER records, valid against the JSON Schema written from the codebook."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest
from test_corpus_events import ev

from sahyog import corpus_events as ce
from sahyog import plover

VALIDATOR = jsonschema.Draft202012Validator(plover.schema())
KATHMANDU = {"place": "geo:1283240", "place_country": "NP", "lat": 27.70, "lon": 85.32}


def export(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    evs, sources = ce.merged(rows)
    return list(plover.records(evs, sources, "sahyog test"))


def test_the_schema_is_a_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(plover.schema())


def test_an_mou_reported_twice_is_one_agree_record_with_both_sources() -> None:
    (rec,) = export([ev("a", sectors=("trade",), **KATHMANDU), ev("b", date_="2024-03-11")])
    VALIDATOR.validate(rec)
    assert rec["event"] == ["AGREE"] and rec["quad_code"] == 1 and "mode" not in rec
    assert [a["code"] for a in rec["source"]] == ["IND", "NPL"] and "recipient" not in rec
    assert rec["date"] == "2024-03-10" and rec["date_precision"] == "day"
    assert rec["event_loc"] == {"name": "geo:1283240", "geonameid": 1283240, "latitude": 27.7, "longitude": 85.32,
                                "country_code": "NP", "cc3": "NPL"}  # fmt: skip
    assert rec["context"] == ["economic"]
    assert [s["doc_id"] for s in rec["sources"]] == ["a", "b"]
    assert rec["event_text"] == ["a e1"]
    assert json.loads(json.dumps(rec, ensure_ascii=False)) == rec


def test_a_meeting_in_one_partys_country_is_a_visit_hosted_by_it() -> None:
    (rec,) = export([ev("a", category="next_meeting", **KATHMANDU)])
    VALIDATOR.validate(rec)
    assert rec["event"] == ["CONSULT"] and rec["mode"] == "visit"
    assert [a["code"] for a in rec["source"]] == ["IND"] and [a["code"] for a in rec["recipient"]] == ["NPL"]
    assert "future" in rec["context"]
    geneva = {"place": "geo:2660646", "place_country": "CH", "lat": 46.2, "lon": 6.14}
    (rec,) = export([ev("a", category="visit", **geneva)])
    VALIDATOR.validate(rec)
    assert rec["mode"] == "third-party" and len(rec["source"]) == 2


def test_a_month_has_an_end_date_and_an_undated_event_its_first_report() -> None:
    (rec,) = export([ev("a", date_="2024-02")])
    assert (rec["date"], rec["enddate"], rec["date_precision"]) == ("2024-02-01", "2024-02-29", "month")
    (rec,) = export([ev("a", date_=None, art="2024-03-11")])
    assert (rec["date"], rec["date_precision"]) == ("2024-03-11", None)
    VALIDATOR.validate(rec)
    assert export([ev("a", date_=None, art=None)]) == []  # PLOVER requires a date


def test_organisations_get_their_countrys_code_and_a_sector() -> None:
    row = ev("a", parties=("IN", "org:x", "org:un"))
    row |= {"party_names": ["India", "X Ltd", "United Nations"], "party_types": ["state", "company", "igo"],
            "party_countries": ["IN", "NP", ""]}  # fmt: skip
    (rec,) = export([row])
    VALIDATOR.validate(rec)
    assert rec["source"] == [
        {"actor_text": "India", "identifier_id": "IN", "code": "IND"},
        {"actor_text": "X Ltd", "identifier_id": "org:x", "code": "NPL", "sector": "BUS"},
        {"actor_text": "United Nations", "identifier_id": "org:un", "code": "IGO"},
    ]


def test_the_schema_rejects_what_the_codebook_does_not_allow() -> None:
    (rec,) = export([ev("a", category="next_meeting", **KATHMANDU)])
    for broken in (
        {k: v for k, v in rec.items() if k != "source"},
        {**rec, "event": ["SIGN"]},
        {**rec, "date": "2024-3-10"},
        {**rec, "mode": "visit", "recipient": []},
        {**rec, "event": ["AGREE"]},  # AGREE has no mode
        {**rec, "source": [{"actor_text": "India", "code": "IN"}]},
        {**rec, "event_loc": {"name": "x", "latitude": 10.0}},
    ):
        with pytest.raises(jsonschema.ValidationError):
            VALIDATOR.validate(broken)


def test_export_writes_json_lines_from_a_corpus_output(tmp_path) -> None:
    from test_corpus_events import _event, _record

    from sahyog import corpus

    records = [_record("r1", "2024-03-11", [_event("e1", "2024-03-10")]), _record("r2", "2024-03-12",
               [_event("e1", "2024-03-11"), _event("e2", None, "visit")])]  # fmt: skip
    corpus.write_records(records, tmp_path / "out")
    path, n = plover.export(tmp_path / "out")
    lines = path.read_text(encoding="utf-8").splitlines()
    assert n == len(lines) == 2
    for line in lines:
        VALIDATOR.validate(json.loads(line))


def test_an_event_with_no_party_is_left_out_as_the_schema_requires_a_source() -> None:
    # --all-agreements reports agreements whose clause names no party; PLOVER needs a source actor
    (rec,) = export([ev("a"), ev("b", parties=(), category="treaty")])
    VALIDATOR.validate(rec)
    assert rec["sahyog"]["category"] == "mou"


def test_events_left_out_of_the_export_for_want_of_a_date_are_counted_in_a_warning():
    from sahyog.cli import summary_warnings

    summary = {"errors": 0, "articles": 3, "events": {"events": 4, "exports": {"events.plover.jsonl": 1}}}
    (line,) = summary_warnings(summary, "out")
    assert line.startswith("3 of 4 events are not in events.plover.jsonl: they have no date") and "no party" in line
    summary["events"]["exports"]["events.plover.jsonl"] = 4
    assert summary_warnings(summary, "out") == []

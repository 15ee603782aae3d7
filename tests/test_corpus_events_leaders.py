"""Leaders and deal values as evidence for reports with no date (sahyog.event_leaders, sahyog.corpus_events)."""

from __future__ import annotations

from typing import Any

from test_corpus_events import ev, groups

from sahyog import corpus_events as ce
from sahyog.event_leaders import amounts_conflict, amounts_named, leaders_named


def test_leaders_are_named_by_one_id_whatever_the_spelling() -> None:
    assert leaders_named(["ट्रम्प ने रियाद में भाषण दिया।", "ट्रंप का दौरा दो दिन का है।"]) == ["ट्रंप"]
    assert leaders_named(["प्रधानमंत्री देउवा और मोदी ने बात की।"]) == ["देउबा", "मोदी"]
    assert leaders_named(["किम जोंग उन और पुतिन मिले।"]) == ["किम जोंग उन", "पुतिन"]
    assert leaders_named(["दोनों देशों ने व्यापार बढ़ाने पर बात की।"]) == []
    assert leaders_named(["नज़रबायेव और मोदी मिले।", "नजरबायेव ने कहा।"]) == ["नजरबायेव", "मोदी"]  # nukta folded
    # spellings no fold joins carry their leader in leaders.csv: one id for Xi however the outlet writes him
    assert leaders_named(["शी चिनफिंग ने कहा।"]) == leaders_named(["शी जिनपिंग ने कहा।"]) == ["जिनपिंग"]
    assert leaders_named(["मैक्रॉन ने कहा।"]) == leaders_named(["मैक्रों ने कहा।"]) == ["मैक्रों"]
    assert leaders_named(["रक्षा मंत्री खालिद बिन सलमान ने कहा।"]) == []  # MBS's brother is not MBS


def test_amounts_read_scale_words_and_currency() -> None:
    assert amounts_named(["इस दौरे पर 110 अरब डॉलर का सौदा हुआ।"]) == ["USD:110000000000"]
    assert amounts_named(["यह 5.5 बिलियन अमेरिकी डॉलर का करार है।"]) == ["USD:5500000000"]
    assert amounts_named(["कुल 40 हजार करोड़ रुपये की योजना।"]) == ["INR:400000000000"]
    assert amounts_named(["39,000 करोड़ रुपये का सौदा।"]) == ["INR:390000000000"]  # commas group digits
    assert amounts_named(["तीन समझौते हुए।"]) == []


def test_two_values_of_one_currency_conflict_unless_close() -> None:
    assert amounts_conflict(["USD:110000000000"], ["USD:142000000000"])
    assert not amounts_conflict(["USD:5000000000"], ["USD:5430000000"])  # one deal, rounded by one outlet
    assert not amounts_conflict(["USD:5000000000"], ["INR:400000000000"])  # other currencies are not compared
    assert not amounts_conflict([], ["USD:5000000000"])


RU_IN = {"parties": ("IN", "RU"), "place_country": "IN"}  # Putin's visit to India
RU_KP = {"parties": ("KP", "RU"), "place_country": "KP"}  # Putin's visit to North Korea
US_SA = {"parties": ("SA", "US"), "place_country": "SA"}  # Trump's visit to Saudi Arabia


def _undated(doc: str, eid: str = "e1", leaders: tuple[str, ...] = (), **kw: Any) -> dict[str, Any]:
    """An article event with no date of its own nor of its article, naming ``leaders`` (Putin's visit to India
    unless ``kw`` says otherwise)."""
    kw = {**RU_IN, **kw}
    return {**ev(doc, eid, date_=None, art=None, **kw), "count": None, "leaders": list(leaders), "amounts": []}


def test_reports_with_no_date_join_on_the_same_leaders_but_not_on_others() -> None:
    rows = [_undated("a", leaders=("पुतिन", "मोदी")), _undated("b", leaders=("पुतिन", "मोदी")),
            _undated("c", leaders=("मोदी",)), _undated("d")]  # fmt: skip
    assert groups(rows) == {frozenset({"a:e1", "b:e1"}), frozenset({"c:e1"}), frozenset({"d:e1"})}
    # the host alone names no visit: two reports naming only Modi in India stay apart
    host = [_undated("e", leaders=("मोदी",)), _undated("f", leaders=("मोदी",))]
    assert groups(host) == {frozenset({"e:e1"}), frozenset({"f:e1"})}
    # with no place known, leaders of both parties name the meeting
    pair = [_undated(d, leaders=("पुतिन", "मोदी"), place_country=None) for d in "gh"]
    assert groups(pair) == {frozenset({"g:e1", "h:e1"})}


def test_another_deal_value_keeps_the_same_leaders_apart() -> None:
    first = {**_undated("a", leaders=("ट्रंप",), **US_SA), "amounts": ["USD:110000000000"]}
    later = {**_undated("b", leaders=("ट्रंप",), **US_SA), "amounts": ["USD:142000000000"]}
    assert groups([first, later]) == {frozenset({"a:e1"}), frozenset({"b:e1"})}
    same = {**_undated("c", leaders=("ट्रंप",), **US_SA), "amounts": ["USD:110000000000"]}
    assert frozenset({"a:e1", "c:e1"}) in groups([first, same])


def test_leaders_who_met_on_two_occasions_are_no_evidence() -> None:
    # article "a" names the same two leaders in an agreement and a treaty event; the agreement would join a
    # Sunday report and the treaty a Wednesday report: two occasions, so neither join stands
    kim = ("किम जोंग उन", "पुतिन")
    rows = [_undated("a", "e1", kim, category="agreement", **RU_KP),
            _undated("a", "e2", kim, category="treaty", **RU_KP),
            {**_undated("b", "e1", kim, category="agreement", **RU_KP), "weekday": 6},
            {**_undated("c", "e1", kim, category="treaty", **RU_KP), "weekday": 2}]  # fmt: skip
    assert groups(rows) == {frozenset({f"{d}:{e}"}) for d, e in (("a", "e1"), ("a", "e2"), ("b", "e1"), ("c", "e1"))}
    # without the Sunday report the treaty join stands
    assert frozenset({"a:e2", "c:e1"}) in groups([rows[0], rows[1], rows[3]])


def test_leader_joins_do_not_depend_on_input_order() -> None:
    kim = ("किम जोंग उन", "पुतिन")
    rows = [_undated("a", "e1", kim, category="agreement", **RU_KP),
            _undated("a", "e2", kim, category="treaty", **RU_KP),
            {**_undated("b", "e1", kim, category="agreement", **RU_KP), "weekday": 6},
            {**_undated("c", "e1", kim, category="treaty", **RU_KP), "weekday": 2},
            _undated("d", "e1", kim, category="treaty", **RU_KP)]  # fmt: skip
    want = dict(zip((f"{r['doc_id']}:{r['article_event_id']}" for r in rows), ce.merge(rows), strict=True))
    back = list(reversed(rows))
    got = dict(zip((f"{r['doc_id']}:{r['article_event_id']}" for r in back), ce.merge(back), strict=True))
    assert got == want


def test_one_priced_deal_is_no_count_of_the_visits_instruments() -> None:
    eight = {**_undated("a", leaders=("पुतिन", "मोदी")), "count": 8}
    priced = {**_undated("b", leaders=("पुतिन", "मोदी")), "count": 1, "amounts": ["USD:5000000000"]}
    assert frozenset({"a:e1", "b:e1"}) in groups([eight, priced])
    unpriced = {**_undated("c", leaders=("पुतिन", "मोदी")), "count": 1}  # one instrument, no price: another count
    assert frozenset({"c:e1"}) in groups([eight, unpriced])


def test_a_leaders_file_of_two_columns_still_reads(tmp_path):
    # the leader column is optional: a bundle's leaders.csv written before it keeps working
    from sahyog.agreements import leader_spellings, load_leaders

    path = tmp_path / "leaders.csv"
    path.write_text("term,country\nमोदी,IN\nशी जिनपिंग,CN\n", encoding="utf-8")
    assert load_leaders(path) == {("मोदी",): "IN", ("शी", "जिनपिंग"): "CN"}
    assert leader_spellings(path) == [(("मोदी",), "मोदी"), (("शी", "जिनपिंग"), "शी जिनपिंग")]


def test_a_town_both_reports_name_is_evidence_a_metropolis_is_not() -> None:
    jainagar, delhi = "geo:1269093", "geo:1261481"  # a town of Bihar (~20,000 people); the capital
    town = [{**_undated(d, category="talks"), "named_places": [jainagar]} for d in "ab"]
    assert groups(town) == {frozenset({"a:e1", "b:e1"})}
    city = [{**_undated(d, category="talks"), "named_places": [delhi]} for d in "cd"]
    assert groups(city) == {frozenset({"c:e1"}), frozenset({"d:e1"})}
    # the town is evidence, not proof: another weekday still keeps the reports apart
    apart = [{**town[0], "weekday": 5}, {**town[1], "weekday": 3}]
    assert groups(apart) == {frozenset({"a:e1"}), frozenset({"b:e1"})}

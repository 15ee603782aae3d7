"""Talks held between states (sahyog.talks): the meeting as an event of its own, kept apart from agreements."""

from __future__ import annotations

import pytest
from test_corpus_events import ev, groups
from test_corpus_events_leaders import _undated

from sahyog import plover
from sahyog.extract import extract_text
from sahyog.record import EVENT_KEYS, RECORD_KEYS


def _talks(text: str) -> list[tuple[str, list[str]]]:
    """(status, sorted parties) of each talks mention ``extract`` finds in a one-article text."""
    rec = extract_text(text, "t")
    return [(t["status"], sorted(t["parties"])) for t in rec["talks"]]


def test_talks_that_took_place_between_two_states_are_talks_held() -> None:
    assert _talks("प्रधानमंत्री मोदी ने नेपाल के प्रधानमंत्री देउबा से मुलाकात की।") == [("agreed", ["IN", "NP"])]
    assert _talks("भारत और नेपाल के बीच हुई वार्ता में व्यापार पर चर्चा हुई।") == [("agreed", ["IN", "NP"])]
    assert _talks("भारत और नेपाल के बीच वार्ता के बाद रेल सेवा शुरू हुई।") == [("agreed", ["IN", "NP"])]


def test_a_meeting_noun_without_a_verb_of_taking_place_is_no_talks() -> None:
    assert _talks("भारत और नेपाल के बीच वार्ता की प्रगति धीमी है।") == []  # genitive की, not करना
    assert _talks("भारत और नेपाल के बीच वार्ता में कई विषय हैं।") == []


def test_talks_to_come_are_planned_and_talks_recalled_or_denied_are_none() -> None:
    assert _talks("भारत और नेपाल के बीच वार्ता के बाद घोषणा की जाएगी।") == [("planned", ["IN", "NP"])]
    assert _talks("मोदी और नवाज शरीफ की मुलाकात हुई थी।") == []  # past perfect: background
    assert _talks("भारत और पाकिस्तान के बीच कोई वार्ता नहीं हुई।") == []  # denied
    # an editorial recalling talks as background: its sentence told in the past perfect, or an earlier year
    assert _talks("भारत और पाकिस्तान के बीच वार्ता के बाद दोनों ने एक बयान पर सहमति जताई थी।") == []
    # the sentence's own verb, far after the talks, in the past perfect
    far = "भारत और पाकिस्तान के बीच वार्ता के बाद " + "कई " * 12 + "सहमति बनी थी।"
    assert _talks(far) == []
    # the talks' clause in the past perfect, though the sentence ends in the present
    assert _talks("भारत और नेपाल के बीच मुलाकात के दौरान मोदी ने कहा था कि रिश्ते अच्छे हैं।") == []
    assert _talks("2014 में भारत और चीन के बीच वार्ता हुई। 2017 में भारत ने कहा।") == []


def test_talks_need_two_states() -> None:
    assert _talks("कैबिनेट की बैठक हुई।") == []
    assert _talks("भारत के मंत्रियों की बैठक हुई।") == []  # one state: a domestic meeting


def test_a_joint_act_of_two_states_leaders_is_talks_held() -> None:
    assert _talks("मोदी और देउबा ने जयनगर रेल सेवा का उद्घाटन किया।") == [("agreed", ["IN", "NP"])]
    # the agents open a long sentence: still the same clause
    long = "मोदी और देउबा ने " + "नई " * 30 + "रेल सेवा को हरी झंडी दिखाई।"
    assert _talks(long) == [("agreed", ["IN", "NP"])]
    # one state's minister opening a line between two countries is no meeting of the two
    assert _talks("रेल मंत्री ने भारत और नेपाल के बीच रेल सेवा का उद्घाटन किया।") == []


def test_talks_are_their_own_record_keys_not_agreements() -> None:
    rec = extract_text("भारत और नेपाल के बीच वार्ता के बाद चार समझौतों पर हस्ताक्षर किए गए।", "t")
    assert "talks" in RECORD_KEYS and "talks_events" in RECORD_KEYS
    assert [a["category"] for a in rec["agreements"]] == ["agreement"]
    assert [(t["id"], t["category"]) for t in rec["talks"]] == [("t1", "talks")]
    (event,) = rec["talks_events"]
    assert tuple(event) == EVENT_KEYS and event["id"] == "m1" and event["mentions"] == ["t1"]
    assert [e["id"] for e in rec["events"]] == ["e1"]  # the agreement's event keeps its own numbering


def test_leaders_are_no_evidence_for_talks_but_are_for_what_was_signed() -> None:
    # Modi and Deuba held talks in 2017 and in 2022: two undated reports of their talks stay apart ...
    pair = ("देउबा", "मोदी")
    talks = [_undated(d, "m1", pair, parties=("IN", "NP"), place_country="IN", category="talks") for d in "ab"]
    assert groups(talks) == {frozenset({"a:m1"}), frozenset({"b:m1"})}
    # ... while two reports of their MoUs naming the visitor join, as before
    mous = [_undated(d, "e1", pair, parties=("IN", "NP"), place_country="IN", category="mou") for d in "ab"]
    assert groups(mous) == {frozenset({"a:e1", "b:e1"})}
    # the same weekday is evidence for talks as for any category
    dated = [{**t, "weekday": 5} for t in talks]
    assert groups(dated) == {frozenset({"a:m1", "b:m1"})}


def test_talks_held_are_consult_in_plover_not_a_meeting_to_come() -> None:
    kathmandu = {"place": "geo:1283240", "place_country": "NP", "lat": 27.7, "lon": 85.3}
    row = ev("a", "m1", category="talks", **kathmandu)
    event = {**row, "id": "ev-1", "n_sources": 1, "n_reports": 1, "first_report": row["article_date"],
             "last_report": row["article_date"]}  # fmt: skip
    rec = plover.record(event, [row], "test")
    assert rec is not None and rec["event"] == ["CONSULT"] and rec["mode"] == "visit"
    assert "future" not in rec["context"]
    assert plover.record({**event, "category": "next_meeting"}, [row], "test")["context"] == ["future"]


def test_the_brief_lists_the_talks_held_and_takes_their_place_when_nothing_was_agreed() -> None:
    from sahyog.present import brief
    from sahyog.site import brief_html

    rec = extract_text("भारत और नेपाल के बीच काठमांडू में हुई वार्ता में व्यापार पर चर्चा हुई।", "t")
    b = brief(rec)
    assert b["agreements"] == [] and [t["parties"] for t in b["talks"]] == [["India", "Nepal"]]
    assert rec["dateline_place"] is None and b["place"]["en"] == "Kathmandu"  # the talks' place: no dateline
    page = brief_html(b)
    assert "talks held" in page and "who met" in page and "nothing found" in page
    # the chapters' short brief: one chip per meeting naming its sides as who met does, in both scripts
    chip = brief_html(b, short=True).split('<span class="label">talks held</span>', 1)[1]
    assert '<li><span lang="hi">भारत – नेपाल</span> · India – Nepal</li>' in chip and "India · Nepal" not in chip
    assert "talks held" not in brief_html(brief(extract_text("भारत और नेपाल पड़ोसी देश हैं।", "u")))


def test_several_meetings_are_no_occasion() -> None:
    assert _talks("भारत और नेपाल के बीच कई मुलाकातें हुईं।") == []
    assert _talks("भारत और नेपाल के बीच बैठकों के बाद सहमति बनी।") == []


def test_a_state_named_in_what_was_said_after_the_talks_is_no_side() -> None:
    text = "मोदी ने नेपाल के प्रधानमंत्री से बातचीत की और कहा कि चीन के साथ संबंध अच्छे हैं।"
    assert _talks(text) == [("agreed", ["IN", "NP"])]


def test_talks_told_far_down_are_news_only_beside_an_agreement_of_their_states() -> None:
    filler = "यह एक वाक्य है। " * 9
    talks = "भारत और नेपाल के बीच वार्ता हुई।"
    assert _talks(filler + talks) == []  # an editorial recalling a meeting in passing
    assert _talks("यह एक वाक्य है। " * 7 + talks) == [("agreed", ["IN", "NP"])]  # the paragraph after the lead
    signed = "भारत और नेपाल ने दो समझौतों पर हस्ताक्षर किए। "
    assert _talks(signed + filler + talks) == [("agreed", ["IN", "NP"])]
    other = "भारत और चीन ने दो समझौतों पर हस्ताक्षर किए। "
    assert _talks(other + filler + talks) == []  # an agreement of other states makes no talks of these news


def test_a_joint_act_done_jointly_between_two_named_states_is_talks_held() -> None:
    text = "रेल मंत्रियों ने संयुक्त रूप से भारत और नेपाल के बीच रेल सेवा का उद्घाटन किया।"
    assert _talks(text) == [("agreed", ["IN", "NP"])]


def test_an_office_holder_of_no_named_country_is_the_home_states() -> None:
    met = "संघीय मंत्री अब्दुल अलीम खान और कजाकिस्तान के परिवहन मंत्री मारात करबायेव ने मुलाकात की।"
    assert _talks("इस्लामाबाद:\n" + met + " पाकिस्तान के लिए यह अहम है।") == [("agreed", ["KZ", "PK"])]  # the dateline's


@pytest.mark.parametrize(
    "text",
    [
        "भारत और पाकिस्तान के बीच वार्ता रद्द हुई।",  # cancelled: the verb is not right after the noun
        "भारत ने पाकिस्तान से वार्ता का आग्रह किया।",  # urged
        "भारत ने पाकिस्तान से वार्ता में रुचि दिखाई।",  # showed interest: किया/दिखाई only for joint acts
        "भारत और पाकिस्तान के बीच वार्ता की घोषणा हुई।",  # announced: genitive की
        "भारत और पाकिस्तान के बीच वार्ता की तैयारी के बाद बयान आया।",  # after preparing the talks
        "पाकिस्तान के मुद्दे पर प्रधानमंत्री मोदी ने सर्वदलीय बैठक की।",  # a country the meeting is about
        "प्रधानमंत्री मोदी ने चीन को लेकर गृह मंत्री अमित शाह से मुलाकात की।",
    ],
)
def test_talks_not_held_or_only_about_a_state_are_none(text: str) -> None:
    assert _talks(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "मोदी ने नेपाल के प्रधानमंत्री देउबा से मुलाकात की और कहा कि भारत नेपाल की मदद करेगा।",
        "भारत और नेपाल के बीच हुई वार्ता में तय हुआ कि अगले साल रेल सेवा शुरू होगी।",
        "भारत और नेपाल के बीच कल हुई वार्ता के बाद संयुक्त बयान जारी किया जाएगा।",
        "भारत और नेपाल के बीच वार्ता हुई, जबकि पिछले साल समझौता हुआ था।",  # another clause's past perfect
    ],
)
def test_talks_held_stay_held_whatever_a_later_clause_says(text: str) -> None:
    assert _talks(text) == [("agreed", ["IN", "NP"])]


def test_a_talks_event_has_the_sides_its_sentence_names_one_event_per_meeting() -> None:
    rec = extract_text("मोदी ने नेपाल के प्रधानमंत्री देउबा से मुलाकात की। मोदी ने भूटान के प्रधानमंत्री से भी मुलाकात की।", "t")
    assert [(e["id"], e["parties"], e["mentions"]) for e in rec["talks_events"]] == [
        ("m1", ["IN", "NP"], ["t1"]),
        ("m2", ["BT", "IN"], ["t2"]),
    ]  # India only through Modi: still a side


def test_the_corpus_reads_talks_events_with_the_towns_their_article_names() -> None:
    from sahyog.corpus_events import article_events
    from sahyog.record import reported

    text = "काठमांडू:\nभारत और नेपाल के बीच जनकपुर में हुई वार्ता में बिहार के जयनगर से रक्सौल तक रेल पर चर्चा हुई।"
    rec = extract_text(text, "t")
    rows = article_events(rec)
    assert [(r["article_event_id"], r["category"]) for r in rows] == [("m1", "talks")]
    ids = {e["name_en"]: e["id"] for e in rec["entities"]}
    assert rec["dateline_place"] == ids["Kathmandu"] and rows[0]["place"] == ids["Janakpur"]
    assert rows[0]["named_places"] == [ids["Jainagar"], ids["Raxaul"]]  # not the dateline, not the event's place
    planned = {**rec, "talks_events": [{**rec["talks_events"][0], "status": "planned"}]}
    assert reported(planned)[0]["talks_events"] == [] and article_events(planned) == []


def test_the_home_state_is_added_once() -> None:
    # the parties of "इस बैठक के दौरान दोनों देशों के बीच ..." (wire2 114): the article's pair already in the ids,
    # Egypt's state and an official of no named country from the sentence before: India is not listed twice
    from sahyog.agreements import Parties
    from sahyog.sentence_index import ActorMention
    from sahyog.talks import _with_home_officials

    egypt = ActorMention(0, 1, "state", "EG", "EG", "country")
    minister = ActorMention(3, 5, "government", None, "person:x", "person")
    parties = _with_home_officials(Parties(["EG", "IN"], [egypt, minister], True), "IN")
    assert parties.ids == ["EG", "IN"]
    assert _with_home_officials(Parties(["EG"], [egypt, minister], False), "IN").ids == ["EG", "IN"]

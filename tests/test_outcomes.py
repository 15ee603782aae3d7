"""Status and level of agreements (sahyog.outcomes) on sentences written for the tests."""

from __future__ import annotations

import pytest

from sahyog.actors import text_keys
from sahyog.agreements import find_agreements
from sahyog.extract import extract_text
from sahyog.outcomes import (
    PartyMention,
    agreement_level,
    clause_after,
    is_background,
    resolve_references,
    trigger_status,
)
from sahyog.sectors import find_sectors
from sahyog.text import split_article


def statuses(text: str) -> list[tuple[str, str]]:
    art = split_article(text)
    return [(a.category, a.status) for a in find_agreements(art, find_sectors(art))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("दोनों देशों ने व्यापार समझौते पर हस्ताक्षर किए।", [("agreement", "agreed")]),
        ("अगले महीने दोनों देशों के बीच व्यापार समझौते पर हस्ताक्षर किए जाएंगे।", [("agreement", "planned")]),
        ("अगले महीने व्यापार समझौता होने की उम्मीद है।", [("agreement", "planned")]),
        ("दोनों देशों के बीच परमाणु समझौते पर बातचीत चल रही है।", [("agreement", "planned")]),
        ("मंत्रिमंडल ने जापान के साथ समझौता ज्ञापन पर हस्ताक्षर करने को मंजूरी दी।", [("mou", "planned")]),
        ("कैबिनेट ने दोनों देशों के बीच कृषि पर समझौता ज्ञापन को मंजूरी दी।", [("mou", "planned")]),
        ("दोनों सरकारें प्रस्तावित संधि पर जल्द काम शुरू करेंगी।", [("treaty", "planned")]),
        ("दोनों देश निवेश संधि को अंतिम रूप देने की दिशा में काम करेंगे।", [("treaty", "planned")]),
        ("कल हुए समझौते से दोनों देशों का व्यापार बढ़ेगा।", [("agreement", "agreed")]),
        ("दोनों पक्षों ने रक्षा सहयोग फ्रेमवर्क पर हस्ताक्षर किए।", [("roadmap", "agreed")]),
        ("दोनों देशों ने ऊर्जा क्षेत्र में आशय पत्र पर हस्ताक्षर किए।", [("mou", "agreed")]),
        ("भारत ने पड़ोसी देश को बंदरगाह के लिए पचास करोड़ डॉलर का ऋण दिया है।", [("financing", "agreed")]),
        ("बैंक ने दस करोड़ रुपये की क्रेडिट विंडो खोली।", [("financing", "agreed")]),
        ("भारत नेपाल को 500 करोड़ रुपये की सहायता देगा।", [("financing", "agreed")]),  # a pledge stated in crore
        ("भारत नेपाल की हर संभव मदद करेगा।", []),  # help without an amount is no financing
        ("दोनों देशों ने अगले पांच साल के लिए शिक्षा में सहयोग के एक कार्यक्रम पर हस्ताक्षर किए।", [("roadmap", "agreed")]),
        ("दोनों देश पहले ही इस समझौते पर हस्ताक्षर कर चुके हैं।", [("agreement", "agreed")]),  # already
        ("पहले दोनों देशों ने व्यापार समझौते पर हस्ताक्षर किए।", []),  # earlier: background
        ("राष्ट्रपति ने प्रधानमंत्री को अपने देश आने का न्योता दिया।", [("visit", "planned")]),  # not accepted yet
        ("राष्ट्रपति ने प्रधानमंत्री को अपने देश आने का न्योता दिया, जिसे उन्होंने स्वीकार कर लिया।", [("visit", "agreed")]),
    ],
)
def test_status(text: str, expected: list[tuple[str, str]]) -> None:
    assert statuses(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "दोनों देशों ने इससे पहले एक रक्षा समझौते पर हस्ताक्षर किए थे।",
        "वर्ष 2015 में दोनों देशों के बीच एक ऊर्जा समझौता हुआ था।",
        "मंत्रियों ने दोनों देशों के बीच पूर्व में किए गए समझौतों की समीक्षा की।",
    ],
)
def test_background_agreements_are_not_reported(text: str) -> None:
    assert statuses(text) == []


def test_a_sentence_without_a_verb_of_its_own_takes_the_status_before_it() -> None:
    aim = " समझौता ज्ञापन का उद्देश्य आपदा प्रबंधन में सहयोग है।"
    planned = "मंत्रिमंडल ने नेपाल के साथ समझौता ज्ञापन पर हस्ताक्षर करने को मंजूरी दी।"
    signed = "दोनों देशों ने समझौता ज्ञापन पर हस्ताक्षर किए।"
    assert statuses(planned + aim) == [("mou", "planned"), ("mou", "planned")]
    assert statuses(signed + aim) == [("mou", "agreed"), ("mou", "agreed")]
    effect = " इस समझौता ज्ञापन से दोनों देशों के बीच स्वास्थ्य में सहयोग बढ़ेगा।"  # a consequence refers back
    assert statuses(planned + effect) == [("mou", "planned"), ("mou", "planned")]
    assert statuses(signed + effect) == [("mou", "agreed"), ("mou", "agreed")]
    assert resolve_references(["reference", "planned", "reference", "agreed"]) == [
        "planned", "planned", "planned", "agreed"]  # fmt: skip
    assert resolve_references(["reference"]) == ["agreed"]
    assert resolve_references(["follows"], signed_in_article=False) == ["background"]
    assert resolve_references(["follows"], signed_in_article=True) == ["agreed"]


def test_an_agreement_only_named_for_what_follows_from_it_is_background() -> None:
    crime = "पुलिस ने विदेशी नागरिक को गिरफ्तार किया। भारत और अमेरिका के बीच प्रत्यर्पण संधि के तहत उसे सौंपा जाएगा।"
    assert statuses(crime) == []
    signed = "भारत और नेपाल के बीच बिजली व्यापार समझौता। इस पर दोनों देशों के मंत्रियों ने हस्ताक्षर किए।"
    assert statuses(signed) == [("agreement", "agreed")]


def test_status_functions_on_keys() -> None:
    keys = text_keys("समझौते पर हस्ताक्षर किए जाएंगे, जिससे व्यापार बढ़ेगा")
    assert clause_after(keys, 1) == ["पर", "हस्ताक्षर", "किए", "जाएंगे"]
    assert trigger_status(keys, 0, 1, "agreement") == "planned"
    assert trigger_status(keys, 0, 1, "next_meeting") == "agreed"  # a next meeting is future by nature
    keys = text_keys("1998 में हुआ समझौता था")
    assert is_background(keys, 3, 4)


# --- level ---------------------------------------------------------------------------------------


def levels(text: str) -> set[tuple[str, str]]:
    rec = extract_text(text, "t")
    return {(a["category"], a["level"]) for a in rec["agreements"]}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("भारत और जापान ने रक्षा समझौते पर हस्ताक्षर किए।", {("agreement", "government")}),
        ("मजदूर संघ और कंपनी के बीच राज्य सरकार की मध्यस्थता में समझौता हुआ।", {("agreement", "domestic")}),
        ("दो कृषि विश्वविद्यालयों ने समझौता ज्ञापन पर हस्ताक्षर किए।", {("mou", "domestic")}),
        (
            "भारतीय कंपनी ने चीन में संयुक्त उद्यम के लिए एक चीनी कंपनी के साथ समझौते पर हस्ताक्षर किए।",
            {("agreement", "institutional")},
        ),
        (
            "दिल्ली के एक विश्वविद्यालय ने ऑस्ट्रेलिया के मेलबर्न विश्वविद्यालय के साथ समझौता ज्ञापन पर हस्ताक्षर किए।",
            {("mou", "institutional")},
        ),
        ("प्रधानमंत्री और जापानी प्रधानमंत्री की बैठक में दो समझौतों पर हस्ताक्षर हुए।", {("agreement", "government")}),
    ],
)
def test_level(text: str, expected: set[tuple[str, str]]) -> None:
    assert levels(text) == expected


def test_level_on_keys() -> None:
    keys = text_keys("कंपनी ने चीन में एक फर्म के साथ समझौता किया")
    china = PartyMention(2, 3, "state", "CN")
    assert agreement_level(keys, [china], 2) == "institutional"  # China is where, not who
    keys = text_keys("भारत और चीन ने समझौता किया")
    parties = [PartyMention(0, 1, "state", "IN"), PartyMention(2, 3, "state", "CN")]
    assert agreement_level(keys, parties, 2) == "government"
    assert agreement_level(keys, parties[:1], 1) == "domestic"


def test_next_meeting_needs_a_date_or_a_place() -> None:
    soon = "भारत और नेपाल के संयुक्त आयोग की अगली बैठक जल्द ही होगी।"
    dated = "भारत और नेपाल के संयुक्त आयोग की अगली बैठक अगले महीने होगी।"
    placed = "भारत और नेपाल के संयुक्त आयोग की चौथी बैठक काठमांडू में होगी।"
    next_year = "भारत और नेपाल के संयुक्त आयोग की अगली बैठक अगले साल होगी।"
    season = "दोनों देशों ने 2026-27 में आयोग की तीसरी बैठक करने पर सहमति जताई।"  # a year range is one token
    assert levels(soon) == set()
    assert levels(dated) == levels(placed) == levels(next_year) == levels(season) == {("next_meeting", "government")}


def test_agreements_between_third_countries_are_background() -> None:
    text = (
        "भारत और नेपाल के प्रधानमंत्रियों की बैठक हुई। भारत और नेपाल ने बिजली समझौते पर हस्ताक्षर किए। "
        "नेताओं ने चीन और पाकिस्तान के बीच हुए समझौते पर भी बात की।"
    )
    rec = extract_text(text, "t")
    assert [a["sentence_id"] for a in rec["agreements"]] == [1]
    # with no country named twice, no pair is the article's own: both agreements are reported
    rec = extract_text("भारत और नेपाल ने व्यापार समझौता किया। चीन और पाकिस्तान ने भी समझौता किया।", "t")
    assert [a["sentence_id"] for a in rec["agreements"]] == [0, 1]


@pytest.mark.parametrize("year", ["2026", "2026-27"])
def test_a_year_or_a_year_range_before_a_meeting_makes_it_the_next_one(year: str) -> None:
    text = f"दोनों देशों ने {year} में आयोग की बैठक करने पर सहमति जताई।"  # no ordinal, no "next"
    assert levels(text) == {("next_meeting", "government")}

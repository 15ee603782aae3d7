"""Tests for agreement extraction (sahyog.agreements) on sentences written for the tests and the example."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from sahyog.agreements import CATEGORIES, Agreement, find_agreements
from sahyog.sectors import find_sectors, with_agreement_context
from sahyog.text import load_article, split_article

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "seeds" / "000_3d80eca237f60a55.txt"
EXPECTED = Path(__file__).parent / "data" / "example_expected.json"


def agreements(text: str, entities=None) -> list[Agreement]:
    art = split_article(text)
    return find_agreements(art, find_sectors(art), entities)


def cats(text: str) -> list[tuple[str, int | None]]:
    return [(a.category, a.count) for a in agreements(text)]


def test_categories() -> None:
    assert CATEGORIES == (
        "mou", "agreement", "roadmap", "treaty", "declaration",
        "corridor", "cultural_initiative", "financing", "next_meeting", "visit",
    )  # fmt: skip


# --- positives per category ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("दोनों देशों ने दो समझौता ज्ञापनों पर हस्ताक्षर किए।", [("mou", 2)]),
        ("इस अवसर पर 5 एमओयू पर दस्तखत हुए।", [("mou", 5)]),
        ("दोनों पक्षों ने ऊर्जा क्षेत्र में MoU साइन किया।", [("mou", None)]),
        ("डिजिटल इनोवेशन में मूस पर हस्ताक्षर किए गए।", [("mou", None)]),
        ("कृषि और शिक्षा में भी समझौते हुए।", [("agreement", None)]),
        ("भारत और जापान ने रक्षा क्षेत्र में तीन समझौतों पर हस्ताक्षर किए।", [("agreement", 3)]),
        ("व्यापार के लिए रोडमैप तैयार किया गया।", [("roadmap", None)]),
        ("दोनों देशों ने पांच वर्ष की कार्य योजना अपनाई।", [("roadmap", None)]),
        ("दोनों देशों ने प्रत्यर्पण संधि पर हस्ताक्षर किए।", [("treaty", None)]),
        ("दोहरे कराधान से बचाव के प्रोटोकॉल पर हस्ताक्षर हुए।", [("treaty", None)]),
        ("यात्रा के अंत में एक संयुक्त बयान जारी किया गया।", [("declaration", 1)]),
        ("दोनों नेताओं ने संयुक्त घोषणा पत्र जारी किया।", [("declaration", None)]),
        ("बंदरगाह तक एक नया आर्थिक गलियारा बनाने पर सहमति बनी।", [("corridor", 1)]),
        ("सांस्कृतिक आदान-प्रदान कार्यक्रम का नवीनीकरण किया गया।", [("cultural_initiative", None)]),
        ("राजधानी में दो सड़कों का नामकरण दोनों देशों के नेताओं के नाम पर होगा।", [("cultural_initiative", None)]),
        ("भारत ने नेपाल को एक अरब डॉलर का ऋण देने की घोषणा की।", [("financing", None)]),
        ("भारत ने बांग्लादेश के लिए दो अरब डॉलर की लाइन ऑफ क्रेडिट की पेशकश की।", [("financing", None)]),
        ("आयोग की अगली बैठक नई दिल्ली में आयोजित करने पर सहमति बनी।", [("next_meeting", None)]),
        ("दोनों देशों ने 2026 में अस्ताना में 14 वें सत्र आयोजित करने के लिए सहमति व्यक्त की।", [("next_meeting", None)]),
        ("राष्ट्रपति ने प्रधानमंत्री को अपने देश आने का न्योता दिया, जिसे उन्होंने स्वीकार कर लिया।", [("visit", None)]),
        ("मंत्री ने अपने समकक्ष को कजाकिस्तान जाने के लिए आमंत्रित किया, जिसे स्वीकार किया गया।", [("visit", None)]),
    ],
)
def test_positive_patterns(text: str, expected: list[tuple[str, int | None]]) -> None:
    assert cats(text) == expected


def test_route_chain_is_a_corridor() -> None:
    text = (
        "दोनों पक्षों ने कजाकिस्तान-तुर्कमेनिस्तान-अफगानिस्तान-पाकिस्तान और "
        "कजाकिस्तान-उजबेकिस्तान-अफगानिस्तान-पाकिस्तान मार्गों के प्रति प्रतिबद्धता जताई।"
    )
    (a,) = agreements(text)
    assert a.category == "corridor"
    assert text[a.start : a.end] == "कजाकिस्तान-तुर्कमेनिस्तान-अफगानिस्तान-पाकिस्तान"


def test_hyphenated_pair_is_not_a_route() -> None:
    assert cats("भारत-पाकिस्तान संबंधों पर चर्चा हुई।") == []
    assert cats("भारत-नेपाल-भूटान संबंधों पर चर्चा हुई।") == []  # a chain without a route word


SIGNED = "दोनों देशों के मंत्रियों ने आज हस्ताक्षर किए। "  # an article that tells of a signing (no trigger)


def test_several_categories_in_one_sentence_and_offsets() -> None:
    sentence = "इनमें व्यापार और आर्थिक सहयोग के लिए रोडमैप और इलेक्ट्रॉनिक व्यापार पर एक समझौता ज्ञापन (एमओयू) शामिल है।"
    text = SIGNED + sentence
    got = agreements(text)
    assert [(a.category, a.count) for a in got] == [("roadmap", None), ("mou", 1)]
    assert [text[a.start : a.end] for a in got] == ["रोडमैप", "समझौता ज्ञापन"]
    assert got[0].sectors == ["trade", "economy"]
    assert got[0].text == sentence and got[0].parties == []
    assert agreements(sentence) == []  # an article that only names agreements reports none


def test_portfolio_sectors_are_not_agreement_sectors() -> None:
    (a,) = agreements(SIGNED + "वाणिज्य मंत्री ने कृषि पर समझौते की जानकारी दी।")
    assert a.sectors == ["agriculture"]


# --- negatives -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "सरकार ने कहा कि देश की सुरक्षा से कोई समझौता नहीं होगा।",  # compromise
        "कंपनी ने गुणवत्ता से समझौता किया।",  # compromise
        "टीम को कई मौकों पर समझौता करना पड़ा।",  # compromise
        "विपक्ष ने इस कदम को जनता के साथ धोखा करार दिया।",  # करार = called
        "दोनों देशों के बीच कोई समझौता नहीं हो सका।",  # negated
        "प्रधानमंत्री ने प्रोटोकॉल तोड़ते हुए मेहमान का स्वागत किया।",  # etiquette
        "वित्त मंत्री ने बजट पेश किया।",  # a minister's title only
        "भारतीय क्रिकेट टीम ऑस्ट्रेलिया दौरे के लिए रवाना हुई।",  # sports tour
        "बोर्ड ने टीम को अगले साल दौरे के लिए आमंत्रित किया, जिसे स्वीकार कर लिया गया।",  # sports invitation
        "फिल्म के प्रीमियर में अभिनेता को आमंत्रित किया गया।",  # entertainment
        "बोर्ड की अगली बैठक में कप्तान के चयन पर फैसला होगा।",  # sports meeting
        "समझौता एक्सप्रेस आज देर से चली।",  # a train's name
        "उन्होंने कहा कि बैंक ने कर्ज की दरें बढ़ाईं।",  # debt, not a loan given
        "आईजीसी के 13 वें सत्र के बाद दोनों देश संबंधों को गहरा करने को तैयार हैं।",  # past session
    ],
)
def test_negatives(text: str) -> None:
    assert cats(text) == []


# --- parties -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class M:
    sentence_id: int
    start: int = 0
    end: int = 0


@dataclass(frozen=True)
class E:
    id: str
    type: str
    mentions: list[M] = field(default_factory=list)


ENTITIES = [
    E("PK", "country", [M(0), M(1), M(2)]),
    E("KZ", "country", [M(0), M(2)]),
    E("AF", "country", [M(1)]),
    E("nadra", "organisation", [M(2)]),
    E("islamabad", "place", [M(2)]),
    E("khan", "person", [M(2)]),
]


def test_without_entities_no_parties() -> None:
    text = "नादरा और कजाक एजेंसी के बीच समझौता ज्ञापन पर हस्ताक्षर हुए। कृषि में भी समझौते हुए।"
    got = agreements(text)
    assert [a.sentence_id for a in got] == [0, 1]
    assert all(a.parties == [] and a.level == "government" for a in got)
    # entities without offsets name nobody: parties come from the words around the trigger, never by sentence
    assert all(a.parties == [] for a in agreements(text, ENTITIES))


# --- the example article -------------------------------------------------------------------------


def _expected() -> dict:
    return json.loads(EXPECTED.read_text(encoding="utf-8"))


def _pairs(sectors: dict) -> set[tuple[str, str]]:
    out = set()
    for sector, ctx in sectors.items():
        for c in [ctx] if isinstance(ctx, str) else ctx:
            out.add((sector, c))
    return out


@pytest.fixture(scope="module")
def example():
    art = split_article(load_article(EXAMPLE))
    ms = find_sectors(art)
    ags = find_agreements(art, ms)
    return art, with_agreement_context(ms, ags), ags


def test_example_sentence_count(example) -> None:
    art, _, _ = example
    assert len(art.sentences) == len(_expected()["sentences"])


@pytest.mark.parametrize("sid", range(15))
def test_example_sectors_per_sentence(example, sid: int) -> None:
    _, ms, _ = example
    want = _pairs(_expected()["sentences"][sid]["sectors"])
    assert {(m.sector, m.context) for m in ms if m.sentence_id == sid} == want


@pytest.mark.parametrize("sid", range(15))
def test_example_agreements_per_sentence(example, sid: int) -> None:
    _, _, ags = example
    want = {(a["category"], a["count"]) for a in _expected()["sentences"][sid]["agreements"]}
    assert {(a.category, a.count) for a in ags if a.sentence_id == sid} == want


def test_example_offsets_point_at_the_words(example) -> None:
    art, ms, ags = example
    assert all(art.text[m.start : m.end] for m in ms)
    mou = next(a for a in ags if a.sentence_id == 13)
    assert art.text[mou.start : mou.end] == "मूस"
    assert mou.text == art.sentences[13].text

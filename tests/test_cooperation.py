"""The ``mention`` context of sector words (sahyog.cooperation) and sector lexicon conventions."""

from __future__ import annotations

from sahyog.actors import text_keys
from sahyog.cooperation import is_cooperation_sentence, mark_mentions
from sahyog.extract import extract_text
from sahyog.sectors import SectorMention


def contexts(text: str) -> set[tuple[int, str, str]]:
    rec = extract_text(text, "t")
    return {(m["sentence_id"], m["sector"], m["context"]) for m in rec["sectors"]}


def test_a_sector_word_without_cooperation_is_a_mention() -> None:
    text = (
        "भारत और जापान के प्रधानमंत्रियों ने ऊर्जा पर चर्चा की। "
        "शेयर बाजार में आज भारी गिरावट आई। "
        "नेपाल और भूटान ने पर्यटन बढ़ाने का फैसला किया।"
    )
    assert contexts(text) == {(0, "energy", "cooperation"), (1, "finance", "mention"), (2, "tourism", "cooperation")}


def test_a_sentence_naming_a_party_of_an_agreement_belongs_to_it() -> None:
    text = "भारत की इंडियन पोर्ट्स ग्लोबल लिमिटेड (आईपीजीएल) और ईरान के बीच समझौते पर हस्ताक्षर हुए। आईपीजीएल बंदरगाह में निवेश करेगा।"
    rec = extract_text(text, "t")
    assert {(m["sector"], m["context"]) for m in rec["sectors"] if m["sentence_id"] == 1} == {
        ("transport", "cooperation"), ("investment", "cooperation")}  # fmt: skip


def test_is_cooperation_sentence() -> None:
    assert is_cooperation_sentence(text_keys("दोनों देशों ने व्यापार पर सहमति जताई"), 0)
    assert is_cooperation_sentence(text_keys("भारत और नेपाल बिजली में सहयोग करेंगे"), 2)
    assert not is_cooperation_sentence(text_keys("भारत से नेपाल को बिजली जाएगी"), 2)  # two countries are not enough
    assert not is_cooperation_sentence(text_keys("पुलिस से तस्करों के संबंध थे"), 0)  # a cue without two states
    assert not is_cooperation_sentence(text_keys("यह बाजार के लिए अच्छा संकेत है"), 1)


def test_mark_mentions_keeps_other_contexts() -> None:
    ms = [SectorMention(0, "trade", "व्यापार", 0, 5, "cooperation"),
          SectorMention(0, "energy", "ऊर्जा", 6, 9, "portfolio"),
          SectorMention(1, "trade", "व्यापार", 10, 15, "cooperation")]  # fmt: skip
    out = mark_mentions(ms, {0: "mention", 2: "cooperation"})
    assert [m.context for m in out] == ["mention", "portfolio", "cooperation"]
    assert ms[0].context == "cooperation"  # inputs untouched


def test_loans_are_a_category_not_the_finance_sector() -> None:
    rec = extract_text("भारत ने नेपाल को पचास करोड़ डॉलर का ऋण देने की घोषणा की।", "t")
    assert [a["category"] for a in rec["agreements"]] == ["financing"]
    assert not [m for m in rec["sectors"] if m["sector"] == "finance"]


def test_largest_trade_partner_is_a_characterisation() -> None:
    assert contexts("जापान भारत का सबसे बड़ा व्यापारिक भागीदार है और दोनों देशों के बीच संबंध अच्छे हैं।") == set()

"""Tests for the sector lexicon and matcher (sahyog.sectors); sentences are written for the tests."""

from __future__ import annotations

import pytest

from sahyog.agreements import Agreement
from sahyog.sectors import (
    SECTORS,
    SectorMention,
    find_sectors,
    inflect,
    load_lexicon,
    sector_labels,
    term_keys,
    with_agreement_context,
)
from sahyog.text import split_article


def mentions(text: str) -> list[SectorMention]:
    return find_sectors(split_article(text))


def found(text: str) -> set[tuple[str, str, str]]:
    """(sector, word as written, context) of every mention."""
    return {(m.sector, text[m.start : m.end], m.context) for m in mentions(text)}


def sectors_of(text: str) -> set[str]:
    return {m.sector for m in mentions(text)}


# --- lexicon and labels ------------------------------------------------------------------------


def test_sector_ids_in_order() -> None:
    assert SECTORS[:4] == ("trade", "investment", "economy", "finance")
    assert SECTORS[-1] == "mobility" and len(SECTORS) == 18 == len(set(SECTORS))


def test_labels_for_every_sector() -> None:
    labels = sector_labels()
    assert list(labels) == list(SECTORS)
    assert labels["transport"]["label_hi"] == "परिवहन"
    assert all(v["label_en"] and v["label_hi"] and v["description"] for v in labels.values())


@pytest.mark.parametrize("sector", SECTORS)
def test_at_least_15_terms_per_sector(sector: str) -> None:
    assert len(load_lexicon().terms(sector)) >= 15


def test_lexicon_has_loanwords_multiword_and_latin() -> None:
    lex = load_lexicon()
    assert {"कनेक्टिविटी", "डिजिटल", "इनोवेशन", "टेक्नोलॉजी"} <= set(lex.terms("transport") + lex.terms("technology"))
    assert "जल संसाधन" in lex.terms("water")
    assert "आर्थिक सहयोग" in lex.terms("economy")
    assert "visa" in lex.terms("mobility")
    assert "क्षेत्र" not in {t for _, t in lex.entries}
    assert "खान" not in {t for _, t in lex.entries}


def test_custom_lexicon_path(tmp_path) -> None:
    p = tmp_path / "lex.csv"
    p.write_text("sector,term\ntrade,मेला\n", encoding="utf-8")
    lex = load_lexicon(p)
    text = "दोनों देशों ने मेलों की बात की।"
    assert [(m.sector, m.term) for m in find_sectors(split_article(text), lex)] == [("trade", "मेला")]


def test_unknown_sector_in_lexicon_is_an_error(tmp_path) -> None:
    p = tmp_path / "bad.csv"
    p.write_text("sector,term\nsport,क्रिकेट\n", encoding="utf-8")
    with pytest.raises(ValueError, match="sport"):
        load_lexicon(p)


# --- inflection ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("base", "form"),
    [
        ("गलियारा", "गलियारों"),
        ("गलियारा", "गलियारे"),
        ("समझौता", "समझौतों"),
        ("यात्रा", "यात्राओं"),
        ("व्यापारी", "व्यापारियों"),
        ("निधि", "निधियों"),
        ("मंत्रालय", "मंत्रालयों"),
        ("उड़ान", "उड़ानें"),
        ("पर्यटक", "पर्यटकों"),
        ("वस्तु", "वस्तुओं"),
    ],
)
def test_inflect(base: str, form: str) -> None:
    assert form in inflect(base)


def test_term_keys_cover_hyphen_and_dropped_vowel() -> None:
    assert ("सांस्कृतिक", "आदान", "प्रदान") in term_keys("सांस्कृतिक आदान-प्रदान")
    assert ("मंत्रलय",) in term_keys("मंत्रालय")


# --- matching ------------------------------------------------------------------------------------


def test_inflected_forms_are_found_with_original_offsets() -> None:
    text = "व्यापारियों और पर्यटकों के लिए सीधी उड़ानों तथा नए गलियारों पर बात हुई।"
    got = found(text)
    assert ("trade", "व्यापारियों", "cooperation") in got
    assert ("tourism", "पर्यटकों", "cooperation") in got
    assert ("transport", "उड़ानों", "cooperation") in got
    assert ("transport", "गलियारों", "cooperation") in got


def test_nukta_variants_match_and_map_back() -> None:
    text = "छात्रों के लिए वीज़ा नियम आसान होंगे।"  # ज़ as a precomposed letter (U+095B)
    text = text.replace("ज़", "\u095b")
    ms = mentions(text)
    visa = [m for m in ms if m.sector == "mobility"]
    assert visa and text[visa[0].start : visa[0].end] == "वी\u095bा"
    assert {"education", "mobility"} == {m.sector for m in ms}


def test_multiword_term_wins_over_its_parts() -> None:
    ms = mentions("दोनों देशों ने जल संसाधन और आर्थिक सहयोग पर चर्चा की।")
    assert [(m.sector, m.term) for m in ms] == [("water", "जल संसाधन"), ("economy", "आर्थिक सहयोग")]


def test_no_match_inside_other_words() -> None:
    assert "water" not in sectors_of("जलवायु परिवर्तन पर दोनों नेताओं ने चिंता जताई।")
    assert "technology" not in sectors_of("अखबार में विज्ञापन छपा।")
    assert sectors_of("जलवायु परिवर्तन पर चिंता।") == {"environment"}


@pytest.mark.parametrize(
    "text",
    [
        "अब्दुल अलीम खान ने बयान दिया।",  # surname, not a mine
        "दोनों देशों के संबंधों में नई ऊर्जा आई है।",  # figurative energy
        "मामला संयुक्त राष्ट्र सुरक्षा परिषद में उठा।",  # the UN Security Council
        "हमें अपने हितों की रक्षा करनी होगी।",  # protect, not defence
        "भारत ने पहला वन डे मैच जीता।",  # one-day cricket, not forest
        "इस क्षेत्र में शांति जरूरी है।",  # क्षेत्र is too generic
    ],
)
def test_ambiguous_words_are_not_sectors(text: str) -> None:
    assert sectors_of(text) == set()


def test_dropped_vowel_sign_spelling() -> None:
    got = found("वाणिज्य मंत्रलय ने बयान जारी किया।")
    assert ("trade", "वाणिज्य", "portfolio") in got


# --- context -----------------------------------------------------------------------------------


def test_minister_title_is_portfolio() -> None:
    got = found("कजाकिस्तान के परिवहन मंत्री ने व्यापार और कनेक्टिविटी में सहयोग की बात की।")
    assert ("transport", "परिवहन", "portfolio") in got
    assert ("trade", "व्यापार", "cooperation") in got
    assert ("transport", "कनेक्टिविटी", "cooperation") in got


def test_list_ending_in_a_title_is_all_portfolio() -> None:
    text = "प्रतिनिधिमंडल में कजाकिस्तान के व्यापार, परिवहन, जल संसाधन और ऊर्जा मंत्रालयों के वरिष्ठ अधिकारी थे।"
    ms = mentions(text)
    assert [m.sector for m in ms] == ["trade", "transport", "water", "energy"]
    assert {m.context for m in ms} == {"portfolio"}


def test_a_commission_name_and_longer_titles_are_portfolio() -> None:
    got = found("संयुक्त आर्थिक आयोग की बैठक में व्यापार पर चर्चा हुई।")
    assert ("economy", "आर्थिक", "portfolio") in got and ("trade", "व्यापार", "cooperation") in got
    got = found("कृषि एवं किसान कल्याण मंत्री ने ऊर्जा सहयोग पर बात की।")
    assert {c for s, _, c in got if s == "agriculture"} == {"portfolio"}
    assert ("energy", "ऊर्जा", "cooperation") in got


def test_title_with_ke_liye_and_affairs() -> None:
    assert ("technology", "संचार", "portfolio") in found("संचार के लिए संघीय मंत्री ने मुलाकात की।")
    assert ("economy", "आर्थिक मामलों", "portfolio") in found("आर्थिक मामलों के मंत्री अहद चीमा मौजूद थे।")
    assert ("defence", "रक्षा", "portfolio") in found("रक्षा राज्य मंत्री ने दौरा किया।")


def test_ministerial_level_is_not_a_title() -> None:
    assert ("trade", "व्यापार", "cooperation") in found("व्यापार पर मंत्री स्तरीय वार्ता हुई।")


def test_with_agreement_context() -> None:
    ms = [
        SectorMention(0, "trade", "व्यापार", 0, 7, "cooperation"),
        SectorMention(0, "transport", "परिवहन", 10, 17, "portfolio"),
        SectorMention(1, "energy", "ऊर्जा", 20, 25, "cooperation"),
    ]
    ag = [Agreement(0, "mou", ["trade"], [], None, "x", 0, 1)]
    out = with_agreement_context(ms, ag)
    assert [m.context for m in out] == ["agreement", "portfolio", "cooperation"]
    assert ms[0].context == "cooperation"  # inputs untouched


def test_mentions_carry_sentence_ids() -> None:
    ms = mentions("पहला वाक्य कृषि पर है। दूसरा वाक्य पर्यटन पर है।")
    assert [(m.sentence_id, m.sector) for m in ms] == [(0, "agriculture"), (1, "tourism")]

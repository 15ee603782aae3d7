"""One short sentence per rule of the agreement and sector-context annotators (issue 15).

Each test fails when its rule is removed or its window (``data/settings.csv``) narrowed below what the
sentence needs; ``benchmarks/mutations.py`` checks that by mutating the rules one line at a time.
"""

from __future__ import annotations

import pytest

from sahyog.extract import extract_text


def agreed(text: str) -> set[tuple[int, str]]:
    """(sentence, category) of the agreements reported as agreed between governments."""
    rec = extract_text(text, "t")
    return {(a["sentence_id"], a["category"]) for a in rec["agreements"]
            if a["level"] == "government" and a["status"] == "agreed"}  # fmt: skip


def found(text: str) -> list[dict]:
    return extract_text(text, "t")["agreements"]


def contexts(text: str) -> set[tuple[str, str]]:
    return {(m["sector"], m["context"]) for m in extract_text(text, "t")["sectors"]}


SIGNED = "भारत और नेपाल ने व्यापार समझौते पर हस्ताक्षर किए।"


# --- parties: from the clause, never the article's favourites --------------------------------------


def test_parties_are_the_states_acting_in_the_clause() -> None:
    (a,) = found(SIGNED)
    assert a["parties"] == ["IN", "NP"] and a["level"] == "government" and a["status"] == "agreed"


def test_no_state_in_the_clause_is_no_government_agreement_even_in_a_diplomatic_article() -> None:
    text = "भारत और नेपाल के मंत्री काठमांडू में मिले। भारत और नेपाल ने व्यापार पर बात की। दो कंपनियों ने भी समझौता किया।"
    (a,) = found(text)
    assert a["sentence_id"] == 2 and a["parties"] == [] and a["level"] != "government"


def test_a_trigger_that_refers_back_takes_the_states_of_the_sentence_before() -> None:
    text = "भारत और जापान के प्रधानमंत्री टोक्यो में मिले। इस दौरान दोनों देशों ने रक्षा समझौते पर हस्ताक्षर किए।"
    (a,) = found(text)
    assert a["parties"] == ["IN", "JP"] and a["level"] == "government"


def test_a_country_that_locates_a_place_is_no_party() -> None:
    # in brackets after the place it locates, or before it with a genitive: a location, not a side
    for text in (
        "भारत और नेपाल ने दुबई (यूएई) में व्यापार समझौते पर हस्ताक्षर किए।",
        "भारत और नेपाल ने संयुक्त अरब अमीरात के दुबई में व्यापार समझौते पर हस्ताक्षर किए।",
    ):
        (a,) = found(text)
        assert a["parties"] == ["IN", "NP"], text


def test_a_hyphenated_pair_before_men_names_both_sides() -> None:
    assert [a["parties"] for a in found("भारत-बांग्लादेश में कई समझौतों पर हस्ताक्षर हुए।")] == [["IN", "BD"]]
    assert [a["parties"] for a in found("भारत - बांग्लादेश में कई समझौतों पर हस्ताक्षर हुए।")] == [["IN"]]  # a dash
    assert [a["parties"] for a in found("दिल्ली-नेपाल में बस सेवा पर समझौता हुआ।")] == [[]]  # a city first: a place


def test_parties_are_searched_across_a_long_clause() -> None:
    text = (
        "भारत और नेपाल ने पिछले कई महीनों तक चली लंबी और कठिन बातचीत के कई दौर पूरे होने के बाद आखिरकार "
        "बिजली समझौते पर हस्ताक्षर किए।"
    )
    (a,) = found(text)
    assert a["parties"] == ["IN", "NP"]


@pytest.mark.parametrize(
    "text",
    [
        "अमेरिकी कंपनी ने एक भारतीय फर्म के साथ समझौते पर हस्ताक्षर किए।",  # demonyms heading companies
        "सरकार ने चीनी मिलों को पांच सौ करोड़ रुपये का ऋण देने की घोषणा की।",  # sugar mills, not China
        "मुख्यमंत्री ने दिल्ली में जापान के साथ निवेश समझौते पर हस्ताक्षर किए।",  # a subnational government
        "बिहार की राज्य सरकार और जापान के बीच निवेश समझौता हुआ।",
        "प्रधानमंत्री ने किसानों के लिए पांच सौ करोड़ रुपये के ऋण की घोषणा की।",  # a state word alone, a domestic loan
        # a loan naming one side only, in an article naming two countries
        "भारत और नेपाल के बीच व्यापार बढ़ा। भारत ने बंदरगाह के लिए पांच सौ करोड़ रुपये का ऋण देने की घोषणा की।",
    ],
)
def test_no_state_party_no_government_agreement(text: str) -> None:
    assert agreed(text) == set()


def test_a_currency_or_a_product_after_a_demonym_names_no_party() -> None:
    (a,) = found("नेपाल ने भारत से दस लाख अमेरिकी डॉलर का ऋण लिया।")
    assert "US" not in a["parties"]
    (a,) = found("अमेरिकी मिलों और किसानों के बीच समझौता हुआ।")
    assert a["parties"] == [] and a["level"] == "domestic"


def test_a_loan_between_states_names_both() -> None:
    assert agreed("भारत ने नेपाल को पांच सौ करोड़ रुपये का ऋण दिया।") == {(0, "financing")}


# --- status: verb group and clause ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "भारत और नेपाल ने बिजली समझौते पर हस्ताक्षर किए थे।",  # past perfect: background
        "समझौते पर दोनों देशों ने हस्ताक्षर कर दिए थे।",  # the auxiliary seven keys after the trigger
        "भारत और नेपाल को व्यापार समझौते पर जल्द हस्ताक्षर करने चाहिए।",  # necessity
        "भारत और नेपाल के बीच व्यापार समझौते पर सहमति बननी चाहिए।",
        "भारत और नेपाल के बीच बिजली संधि हुई थी।",
        "भारत और नेपाल ने बिजली व्यापार बढ़ाने पर सहमति जताई थी।",  # a verb trigger in the past perfect
        "अगर भारत और नेपाल समझौते पर हस्ताक्षर करते हैं तो व्यापार बढ़ेगा।",  # a condition
        "क्या भारत और चीन सीमा समझौते पर हस्ताक्षर करेंगे?",  # a question
        "क्या भारत और चीन ने सीमा समझौते पर हस्ताक्षर किए।",  # a question without its mark
        "भारत और चीन के बीच कोई समझौता नहीं हुआ।",  # negation
        "समझौते पर दोनों देशों के नेताओं ने हस्ताक्षर नहीं किए।",  # negation eight keys after the trigger
        "भारत और चीन की बैठक बिना किसी समझौते के खत्म हुई।",  # बिना before the trigger
        "यह मानना गलत होगा कि भारत और चीन के बीच कोई बड़ा समझौता हुआ है।",  # a denial before it
        "उसी समय भारत और पाकिस्तान के बीच समझौता हो गया होता।",  # counterfactual
    ],
)
def test_not_agreed(text: str) -> None:
    assert agreed(text) == set()


def test_a_future_verb_far_in_the_clause_makes_it_planned() -> None:
    (a,) = found("भारत और नेपाल के समझौते पर दोनों देशों के मंत्री अगले महीने हस्ताक्षर करेंगे।")
    assert a["status"] == "planned"


def test_agreed_beats_planned_in_one_sentence() -> None:
    text = "भारत और नेपाल ने व्यापार समझौते पर बातचीत की और बिजली समझौते पर हस्ताक्षर किए।"
    (a,) = found(text)
    assert a["status"] == "agreed"


def test_a_verb_of_its_own_reports_the_event() -> None:
    assert agreed("भारत और नेपाल के बीच समझौता भी हुआ।") == {(0, "agreement")}


@pytest.mark.parametrize(
    "text",
    [
        "भारत और नेपाल बिजली व्यापार बढ़ाने पर सहमत हुए।",
        "भारत और नेपाल ने बिजली व्यापार बढ़ाने पर सहमति जताई।",
        "नेपाल ने भारत के प्रस्ताव पर हामी भरी।",
    ],
)
def test_agreement_expressed_by_a_verb_is_an_agreement(text: str) -> None:
    assert agreed(text) == {(0, "agreement")}


def test_a_mention_refers_only_to_an_agreement_near_it() -> None:
    aim = "समझौते का उद्देश्य व्यापार बढ़ाना है।"
    filler = "मौसम अच्छा था। लोग खुश थे। बाजार खुले रहे। "
    assert agreed(SIGNED + " " + aim) == {(0, "agreement"), (1, "agreement")}
    assert agreed(SIGNED + " " + filler + aim) == {(0, "agreement")}
    assert agreed(aim) == set()  # an article that only names an agreement reports none


# --- word senses (data/senses.csv) ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "भारत और चीन के नेताओं ने कहा कि सुरक्षा से कोई समझौता नहीं होगा।",  # compromise
        "भारत और नेपाल के नेताओं ने इसे ऐतिहासिक करार दिया और इस पर सहमति जताई।",  # "called"
        "भारत और पाकिस्तान ने नागरिकों के लिए सुरक्षित गलियारा बनाने पर सहमति जताई।",  # a passage
        "भारत के उद्योगपति की बेटी का नेपाल के व्यापारी से विवाह का अनुबंध हुआ।",  # a marriage
        "भारत की पार्टी ने चुनावी घोषणापत्र जारी किया।",  # an election manifesto
        "भारत और अमेरिका के लिए अपने रोडमैप की घोषणा की गई।",  # a country's own plan
    ],
)
def test_other_senses_are_no_agreements(text: str) -> None:
    assert agreed(text) == set()


def test_a_cue_word_inside_a_name_is_no_cue() -> None:
    # "संयुक्त" (joint) in the United Nations' name links no sides; "अरब" (billion) in Saudi Arabia's is no amount
    text = "संयुक्त राष्ट्रसंघ के सूचकांक से पता चलता है कि भारत को अपनी जनता के स्वास्थ्य में सुधार करना है।"
    assert contexts(text) == {("health", "mention")}
    assert agreed("भारत ने सऊदी अरब के साथ ऋण की बात की।") == set()
    assert agreed("भारत ने सऊदी अरब को 50 अरब डॉलर का ऋण दिया।") == {(0, "financing")}


@pytest.mark.parametrize(
    "text",
    [
        "भारत ने सउदी अरब के साथ ऋण की बात की।",  # a spelling no shadow row lists: the name found in the text
        "भारत ने रियो दी जेनेरियो में ब्राजील के साथ ऋण की बात की।",  # दी (gave) in a city's name is no offer
    ],
)
def test_no_cue_is_read_inside_a_name_found_in_the_text(text: str) -> None:
    assert agreed(text) == set()
    text = "खाड़ी सहयोग परिषद के सूचकांक से पता चलता है कि भारत को अपनी जनता के स्वास्थ्य में सुधार करना है।"
    assert contexts(text) == {("health", "mention")}  # an organisation of states' name
    # a government body's name says what it does: the joint commission is cooperation
    assert contexts("भारत-नेपाल संयुक्त आयोग ने ऊर्जा पर विचार किया।") == {("energy", "cooperation")}


def test_no_name_in_the_gazetteer_holds_a_cue() -> None:
    """A country's or an organisation's name of several words in the lexicon holds no cue word outside a ``shadow``
    row (``शंघाई सहयोग संगठन``), for the rules that read an article's keys without its entities: a new name that does
    must get one. The kinds that read a noun phrase's structure (``क्षेत्र``, ``बैंक`` as heads) are left out."""
    from babel import Locale

    from sahyog.cues import CUES, cue_terms
    from sahyog.entities.base import _read_lexicon
    from sahyog.text import build_document

    names = {r["hindi"] for r in _read_lexicon() if r["kind"] in ("org", "country", "region", "capital", "place")}
    names |= set(Locale("hi").territories.values())
    structural = {"sector_np", "threat_np", "np_head", "shadow"}
    held = []
    for name in sorted(names):
        keys = build_document(name).keys
        held += [(name, kind) for kind in CUES if kind not in structural and cue_terms(kind, keys, 0, len(keys))]
    assert held == []


# --- held-out half A of the open signings (issue 15): verbs of agreeing, IGOs, "की" as करना ----------------


def test_an_igo_acting_is_its_member_states() -> None:
    assert agreed("दक्षेस ने साइबर सुरक्षा में सहयोग के लिए सहमति जताई है।") == {(0, "agreement")}
    assert agreed("सार्क देशों ने साइबर सुरक्षा में सहयोग के लिए सहमति जताई है।") == {(0, "agreement")}


def test_an_igo_owning_an_instrument_is_no_party() -> None:
    assert agreed("संयुक्त राष्ट्र के प्रोटोकॉल पर हस्ताक्षर को एक औपचारिकता समझकर भुला दिया गया।") == set()


@pytest.mark.parametrize(
    "text",
    [
        "भारत ने लाहौर में होने वाली बैठक में भाग लेने की सहमति दे दी है।",  # consent given
        "भारत और पाकिस्तान संयुक्त निरीक्षण के लिए राजी हुए।",  # राजी: agreed
    ],
)
def test_verbs_of_consent_are_agreements(text: str) -> None:
    assert agreed(text) == {(0, "agreement")}


def test_ki_after_a_treaty_can_be_its_verb() -> None:
    assert agreed("अमेरिका ने ईरान के साथ संधि की।") == {(0, "treaty")}
    assert agreed("अमेरिका ने ईरान के साथ संधि की शर्तों पर बात की।") == set()  # genitive: the treaty's terms


def test_a_year_in_the_relative_clause_after_the_agreement_makes_it_history() -> None:
    assert agreed("भारत ने नेपाल के साथ बिजली समझौता किया, जो 2010 में हुआ था। दोनों देश 2016 में फिर मिले।") == set()
    assert agreed("भारत ने नेपाल के साथ बिजली समझौता किया, जो 2016 में हुआ। दोनों देश 2016 में फिर मिले।") == {
        (0, "agreement")}  # fmt: skip


def test_officials_of_no_named_state_make_no_agreement_between_states() -> None:
    text = "भारत और अमेरिका के संबंध अच्छे हैं। प्रधानमंत्री नरेंद्र मोदी ने स्टार्टअप योजना के एक्शन प्लान का ऐलान किया।"
    assert agreed(text) == set()


# --- sector context ----------------------------------------------------------------------------------


def test_sector_context_needs_a_cooperation_cue_between_states() -> None:
    assert contexts("भारत और नेपाल ने बिजली में सहयोग बढ़ाने पर चर्चा की।") == {("energy", "cooperation")}
    assert contexts("भारत से नेपाल को बिजली जाती है।") == {("energy", "mention")}  # two countries, no cue
    assert contexts("नेपाल ने बिजली उत्पादन में सहयोग की बात कही।") == {("energy", "mention")}  # one side only


def test_conflict_sanctions_and_comparisons_are_their_own_context() -> None:
    assert contexts("अमेरिका ने ईरान के तेल निर्यात पर प्रतिबंध लगाए।") == {("energy", "conflict"), ("trade", "conflict")}
    assert contexts("भारत की तुलना में चीन का व्यापार बड़ा है।") == {("trade", "conflict")}


@pytest.mark.parametrize(
    "text",
    [
        "भारत और नेपाल के कवि की शिक्षा और जीवन-यात्रा पर किताब छपी।",  # the sector word before the cue
        "शिक्षकों से बातचीत में शिक्षा पर चर्चा हुई।",
        "तस्करों के पुलिस से संबंध थे और व्यापार चलता रहा।",
    ],
)
def test_cue_words_in_other_senses_make_no_cooperation(text: str) -> None:
    assert {c for _, c in contexts(text)} == {"mention"}


def test_the_cue_and_the_states_must_be_in_the_sector_words_clause() -> None:
    assert contexts("नेपाल में बिजली महंगी है लेकिन भारत और चीन ने सहयोग बढ़ाया।") == {("energy", "mention")}


@pytest.mark.parametrize(
    "text",
    [
        "भारत और नेपाल को बिजली में सहयोग करना चाहिए।",  # should: the writer's wish
        "भारत और नेपाल ने बिजली में सहयोग नहीं किया।",  # denied
        "अगर भारत और नेपाल बिजली में सहयोग करें तो दोनों को लाभ होगा।",  # supposed
        "अच्छा होता कि भारत और नेपाल बिजली में सहयोग करते।",  # counterfactual
    ],
)
def test_cooperation_wished_denied_or_supposed_is_a_mention(text: str) -> None:
    assert contexts(text) == {("energy", "mention")}


@pytest.mark.parametrize(
    "text",
    [
        "भारत और नेपाल ने न केवल बिजली में सहयोग किया।",  # "न केवल" denies nothing
        "भारत और नेपाल के मंत्रियों ने कहा कि बिजली में सहयोग की अपार संभावनाएं हैं।",  # a hope the sides said
        "भारत के मंत्री ने नेपाल के साथ बिजली सहयोग की आवश्यकता पर जोर दिया।",  # a need one side urged
    ],
)
def test_a_hope_said_by_the_sides_is_still_cooperation(text: str) -> None:
    assert contexts(text) == {("energy", "cooperation")}


def test_a_contact_cue_needs_two_named_sides() -> None:
    assert contexts("प्रधानमंत्री ने नेपाल के साथ बिजली पर बैठक की।") == {("energy", "mention")}
    assert contexts("प्रधानमंत्री ने नेपाल के साथ बिजली पर वार्ता की।") == {("energy", "cooperation")}  # talks
    assert contexts("भारत और नेपाल के बीच बिजली पर बैठक हुई।") == {("energy", "cooperation")}


def test_with_only_a_title_the_partner_after_ke_saath_must_be_a_state() -> None:
    text = "प्रधानमंत्री ने {} के साथ समझौता करके खेती को बढ़ावा दिया।"
    assert contexts(text.format("नेपाल")) == {("agriculture", "cooperation")}
    assert contexts(text.format("अलगाववादियों")) == {("agriculture", "mention")}  # separatists: domestic


def test_with_only_a_contact_cue_the_sector_word_comes_before_it() -> None:
    assert contexts("भारत और नेपाल के पर्यटन संबंध घनिष्ठ हुए।") == {("tourism", "cooperation")}
    assert contexts("भारत और नेपाल के संबंधों से पर्यटन बढ़ा।") == {("tourism", "mention")}  # not what relations hold
    assert contexts("भारत और नेपाल के संबंधों और समझौते से पर्यटन बढ़ा।") == {("tourism", "cooperation")}  # strong
    assert contexts("भारत और नेपाल के संबंधों में आपसी व्यापार बढ़ा।") == {("trade", "cooperation")}  # आपसी: its own
    assert contexts("भारत और नेपाल के संबंधों से पर्यटन बढ़ाने का फैसला हुआ।") == {("tourism", "mention")}


def test_with_only_a_contact_cue_the_sector_word_is_its_topic() -> None:
    # a list of topics, their glue and the nouns that gather them (समेत अनेक विषयों पर) stand between them freely
    text = "नेपाल और भूटान के बीच व्यापार, निवेश, पर्यटन, शिक्षा, ऊर्जा, रक्षा एवं कृषि समेत अनेक विषयों पर चर्चा हुई।"
    sectors = ("trade", "investment", "tourism", "education", "energy", "defence", "agriculture")
    assert contexts(text) == {(s, "cooperation") for s in sectors}  # six sector words after the first
    assert contexts("भारत और नेपाल ने रक्षा के क्षेत्र में संबंध बढ़ाए।") == {("defence", "cooperation")}
    # five words between (contact_gap) besides the gathering ones: still the topic; a clause away it is not
    text = "भारत और नेपाल के बीच ऊर्जा समेत अनेक क्षेत्रों में लंबे समय से चले आ रहे संबंध और मजबूत हुए।"
    assert contexts(text) == {("energy", "cooperation")}
    text = "रक्षा पर लिखने वाले एक पुराने लेखक ने कल शाम नेपाल और भूटान की पहल बताई।"
    assert contexts(text) == {("defence", "mention")}
    # every token of a sector word of several stands between freely, and punctuation is no word
    text = "भारत और नेपाल के बीच ऊर्जा, प्रत्यक्ष विदेशी निवेश, सॉवरेन वेल्थ फंड, बाजार पहुंच और सीमा शुल्क समेत अनेक विषयों पर चर्चा हुई।"
    assert ("energy", "cooperation") in contexts(text) and ("investment", "cooperation") in contexts(text)
    text = 'भारत और नेपाल के बीच ऊर्जा पर "लंबी", "गहन" और "खुली" बैठक हुई।'
    assert contexts(text) == {("energy", "cooperation")}


def test_a_nasal_spelling_matches_the_anusvara_cue() -> None:
    assert contexts("भारत और नेपाल के पर्यटन सम्बन्ध घनिष्ठ हुए।") == {("tourism", "cooperation")}


@pytest.mark.parametrize(
    "text",
    [
        "भारत और नेपाल ने आतंकवाद और आतंकियों के खिलाफ सहयोग बढ़ाया।",  # a shadow phrase is their sense
        "भारत और नेपाल ने सहयोग से तस्करी पर रोक लगाई।",
        "भारत और नेपाल ने आतंकी समूहों के खिलाफ सहयोग किया।",  # one word between
        "भारत और नेपाल ने आतंकवाद , मादक पदार्थों की तस्करी और मनी लॉन्ड्रिंग से निपटने में सहयोग बढ़ाया।",  # a list
        "भारत और नेपाल ने आतंकवाद के क्षेत्र में सहयोग बढ़ाया।",  # the topic of cooperation
        "भारत और नेपाल के बीच आतंकवाद पर बैठक हुई।",  # the topic of a meeting
    ],
)
def test_a_threat_that_states_act_against_or_talk_about_is_cooperation(text: str) -> None:
    assert contexts(text) == {("security", "cooperation")}


@pytest.mark.parametrize(
    "text",
    [
        "भारत से वार्ता के बाद नेपाल में आतंकी पकड़े गए।",  # terrorists described
        "भारत और नेपाल की वार्ता के बाद सीमा पर तस्करी बढ़ी।",
        "भारत और नेपाल के आतंकी गुटों के संबंध उजागर हुए।",  # before a contact cue too
        "भारत और नेपाल की वार्ता के बाद आतंकी भारत के खिलाफ साजिश रचते रहे।",  # a name between: another target
        "भारत और नेपाल की वार्ता के बाद आतंकी कार्रवाई हुई।",  # a terrorist act
        "भारत और नेपाल की वार्ता के बावजूद तस्करी पिछले साल के मुकाबले बढ़ी।",  # compared with
    ],
)
def test_a_threat_described_is_a_mention(text: str) -> None:
    assert contexts(text) == {("security", "mention")}


@pytest.mark.parametrize(
    "text",
    [
        "भारत और नेपाल ने आतंकवाद के सभी रूपों के खिलाफ सहयोग बढ़ाया।",  # over the words of its noun phrase
        "भारत और अमेरिका ने व्यापार, रक्षा, आतंकवाद और ऊर्जा के क्षेत्र में सहयोग पर चर्चा की।",  # a list of topics
        "भारत और नेपाल ने आतंकवाद के खतरे पर चर्चा की।",  # the topic of talks
        "भारत और नेपाल ने आतंकवाद संबंधी सहयोग बढ़ाया।",
        "भारत और नेपाल ने आतंकवाद के संबंध में बातचीत की।",  # regarding
    ],
)
def test_the_cue_that_governs_a_threat_may_stand_further_on(text: str) -> None:
    assert ("security", "cooperation") in contexts(text)


@pytest.mark.parametrize(
    "text",
    [
        "भारत और नेपाल की वार्ता के दौरान आतंकियों पर पाकिस्तान की मदद का आरोप लगा।",  # a name ends the reading
        "भारत और नेपाल की वार्ता के बीच आतंकियों ने सुरक्षा बलों के खिलाफ हमला किया।",  # the agent of an attack
        "भारत और नेपाल की वार्ता के बाद आतंकी हमारे खिलाफ साजिश रचते रहे।",  # another target
        "भारत और नेपाल की वार्ता के बाद पुलिस ने आतंकियों से बातचीत की।",  # talks with terrorists: no topic
    ],
)
def test_a_reading_that_meets_another_word_leaves_the_threat_a_mention(text: str) -> None:
    # the threat word's own context (सुरक्षा बल, a security word, is another matter)
    assert {m["context"] for m in extract_text(text, "t")["sectors"] if m["term"].startswith("आतंक")} == {"mention"}


def test_drugs_are_a_threat_not_medicine() -> None:
    # दवा alone is health; नशीली दवा (drugs) is a security threat, the longer term wins
    text = "भारत और नेपाल ने नशीली दवाओं की तस्करी रोकने के लिए सहयोग बढ़ाया।"
    assert {s for s, _ in contexts(text)} == {"security"}
    assert contexts("भारत और नेपाल की वार्ता के बाद नशीली दवाओं की तस्करी बढ़ी।") == {("security", "mention")}


def test_economic_reforms_are_a_states_own_policy() -> None:
    # आर्थिक सुधार is an ignore phrase of sectors.csv: a country's reforms are no sector of cooperation
    assert contexts("अमेरिका ने भारत के आर्थिक सुधारों की सराहना की और दोनों देशों ने सहयोग बढ़ाया।") == set()
    assert contexts("अमेरिका और भारत ने आर्थिक सहयोग बढ़ाया।") == {("economy", "cooperation")}


def test_an_economy_is_a_country_not_a_field_of_cooperation() -> None:
    # अर्थव्यवस्था names a country's economy ("the two largest economies" are the parties): no sector term
    text = "अमेरिका और चीन, दुनिया की दो सबसे बड़ी अर्थव्यवस्थाओं ने व्यापार समझौते पर हस्ताक्षर किए।"
    assert contexts(text) == {("trade", "agreement")}


def test_the_un_written_as_one_word_is_the_un() -> None:
    text = "संयुक्त राष्ट्रसंघ की रिपोर्ट के मुताबिक भारत स्वास्थ्य पर कम खर्च करता है।"
    assert "org:un" in {e["id"] for e in extract_text(text, "t")["entities"]}  # राष्ट्रसंघ: one word
    assert contexts("भारत और नेपाल के संयुक्त आयोग ने स्वास्थ्य पर काम किया।") == {("health", "cooperation")}


def test_a_cue_in_another_sense_governs_no_threat() -> None:
    # the senses of the agreement triggers (senses.csv) hold in the threat reading: करार देना is "to call"
    text = "भारत और नेपाल की वार्ता के बाद पाकिस्तान ने उन्हें आतंकवाद पर करार दिया।"
    assert {m["context"] for m in extract_text(text, "t")["sectors"] if m["term"].startswith("आतंक")} == {"mention"}


def test_relations_going_bad_are_conflict() -> None:
    assert contexts("भारत और पाकिस्तान के व्यापार संबंध बिगड़े।") == {("trade", "conflict")}
    text = "अमेरिका की पहल पर फ्रांस ने युद्ध लड़ा, ब्रिटेन शरणार्थियों का बोझ उठाने से बच रहा है।"
    assert contexts(text) == {("mobility", "conflict")}  # a contact cue beside a war is no cooperation


def test_a_title_of_a_named_country_is_that_side_not_the_home_side() -> None:
    text = "पाकिस्तान के प्रधानमंत्री और सेना प्रमुख के बीच सुरक्षा पर वार्ता हुई।"  # one state: domestic talks
    assert {c for _, c in contexts(text)} == {"mention"}
    assert contexts("अमेरिकी राष्ट्रपति ने आतंकवाद पर चर्चा की।") == {("security", "mention")}


def test_an_organisation_of_a_planned_agreement_carries_no_cooperation() -> None:
    text = "भारत की आईपीजीएल और ईरान के बीच समझौते पर हस्ताक्षर होंगे। आईपीजीएल बंदरगाह में निवेश करेगा।"
    rec = extract_text(text, "t")
    assert {m["context"] for m in rec["sectors"] if m["sentence_id"] == 1} == {"mention"}


def test_names_and_targets_are_no_cue() -> None:
    assert contexts("संयुक्त राष्ट्र ने उत्तर कोरिया पर आर्थिक प्रतिबंध लगाए।") == {("economy", "conflict")}
    text = "पाकिस्तान ने आतंकवाद के विरुद्ध लड़ाई में भारत की मदद का आश्वासन दिया।"  # terrorism is the target
    assert contexts(text) == {("security", "cooperation")}
    assert contexts("चीन वन चाइना नीति पर भारत का समर्थन चाहता है।") == set()  # "one", not forest


@pytest.mark.parametrize(
    "text",
    [
        "दोनों नेता खुशामदी थे और उन्होंने देश के व्यापार को नुकसान पहुंचाया।",  # "both" is a side, not a cue
        "भारत और अमेरिका के बीच कोई भी द्विपक्षीय समझौता निवेश को प्रभावित करेगा।",  # any: supposed
        "जहां भारत और पाकिस्तान के प्रधानमंत्री वार्ता कर रहे हैं, वहीं पाकिस्तानी सेना सीमा पर सक्रिय है।",
        "चीन ने पाकिस्तान की व्यापार नीति का समर्थन किया।",  # support is no cue
        "जर्मनी ने सीरिया के शरणार्थियों को आश्रय देने का फैसला किया।",  # one state's decision
        "पाकिस्तान के साथ शांति की कामना रखने के साथ सुरक्षा हितों पर कोई समझौता करने की नीति।",  # compromise
    ],
)
def test_sides_support_one_states_decisions_and_compromise_are_no_cooperation(text: str) -> None:
    assert {c for _, c in contexts(text)} <= {"mention", "conflict"}


def test_decisions_taken_together_and_sharing_are_cooperation() -> None:
    assert contexts("नेपाल और भूटान ने पर्यटन बढ़ाने का फैसला किया।") == {("tourism", "cooperation")}
    assert contexts("भारत ने पाकिस्तान के साथ खुफिया जानकारियां साझा कीं।") == {("security", "cooperation")}


# --- recall on editorials (issue 15b): agreements told in other shapes --------------------------------


def test_a_question_inside_the_content_clause_does_not_make_the_agreement_hypothetical() -> None:
    text = "भारत और जापान के बीच इस बात पर सहमति बनी कि ऐसे नियमों का क्या लाभ है।"
    assert agreed(text) == {(0, "agreement")}


def test_a_question_before_the_content_clause_still_drops_it() -> None:
    assert agreed("क्या भारत और जापान के बीच इस बात पर सहमति बनी कि व्यापार बढ़ेगा?") == set()


def test_a_consensus_reached_named_after_its_participle_is_an_agreement() -> None:
    text = "यह वार्ता भारत और जापान के प्रधानमंत्रियों के बीच टोक्यो में बनी सहमति के आधार पर हुई।"
    assert agreed(text) == {(0, "agreement")}


def test_a_consensus_reached_earlier_is_background() -> None:
    assert agreed("ऐसी ही सहमति भारत और जापान के बीच पिछले साल बनी थी।") == set()


def test_a_pronoun_with_the_trigger_refers_back_to_the_states_of_the_sentence_before() -> None:
    text = "जापान भी म्यांमार में अपनी पैठ बढ़ा रहा है। उसने हाल में एक बंदरगाह बनाने को लेकर उसके साथ समझौता किया है।"
    (a,) = found(text)
    assert "JP" in a["parties"] and a["level"] == "government" and a["status"] == "agreed"


def test_an_inverted_consensus_in_a_headline_is_left_to_the_noun_it_governs() -> None:
    assert (0, "agreement") not in agreed("भारत और जापान में समिति की बैठक बुलाने पर बनी सहमति")


def test_agreements_made_on_a_visit_are_reported() -> None:
    text = "प्रधानमंत्री जब भारत के दौरे के बाद जापान की यात्रा पर पहुंचे, वहां हुए समझौतों में व्यापार भी शामिल है।"
    assert agreed(text) == {(0, "agreement")}


# --- issue 15a: more ways Hindi reports a done agreement ----------------------------------------------


def test_a_deal_between_states_is_an_agreement() -> None:
    assert agreed("भारत ने रूस के साथ चार युद्धपोतों का सौदा किया है।") == {(0, "agreement")}
    assert agreed("बैठक के बाद भारत और रूस ने मिसाइल डील पर दस्तखत किए।") == {(0, "agreement")}


def test_a_deal_between_companies_is_no_state_agreement() -> None:
    assert agreed("दोनों कंपनियों के बीच जमीन का सौदा हुआ।") == set()
    assert found("दोनों कंपनियों के बीच जमीन का सौदा हुआ।") == []  # another sense: no agreement at any level


def test_consent_spelt_with_a_long_i_is_an_agreement_verb() -> None:
    assert agreed("भारत और नेपाल ने कनेक्टिविटी को प्राथमिकता देने पर सहमती जताई।") == {(0, "agreement")}


def test_a_deal_dated_in_an_earlier_year_than_the_article_names_is_history() -> None:
    text = "रूस ने 2012 में इराक के साथ करीब सवा चार अरब डॉलर के हथियारों का सौदा किया। 2015 में हालात बदल गए।"
    assert agreed(text) == set()
    assert agreed("रूस ने इराक के साथ हथियारों का सौदा किया। 2015 में हालात बदल गए।") == {(0, "agreement")}


def test_a_deal_made_with_a_compound_verb_is_agreed() -> None:
    assert agreed("भारत ने रूस के साथ चार युद्धपोतों का सौदा कर लिया है।") == {(0, "agreement")}


def test_leaders_standing_as_parties_name_their_states() -> None:
    (a,) = found("शी चिनफिंग और नरेंद्र मोदी ने तीन सहयोग समझौतों पर हस्ताक्षर किए।")
    assert set(a["parties"]) == {"CN", "IN"} and a["level"] == "government" and a["status"] == "agreed"
    (b,) = found("प्रधानमंत्री देउबा जी और मोदी ने कनेक्टिविटी को प्राथमिकता देने पर सहमति जताई।")
    assert set(b["parties"]) == {"NP", "IN"} and b["level"] == "government"


def test_leaders_of_central_asia_and_given_name_spellings_name_their_states() -> None:
    (a,) = found("मोदी और मिर्जियोयेव ने ऊर्जा क्षेत्र में तीन समझौतों पर हस्ताक्षर किए।")
    assert set(a["parties"]) == {"IN", "UZ"} and a["level"] == "government"
    (b,) = found("मोदी और पुष्प कमल दहल ने पांच समझौतों पर हस्ताक्षर किए।")
    assert set(b["parties"]) == {"IN", "NP"}
    # दहल alone is "shook" (शहर दहल गया): a surname with another sense is listed only with the given name
    assert agreed("दहल और मोदी ने पांच समझौतों पर हस्ताक्षर किए।") == set()


def test_a_leader_only_completes_the_sides_of_an_agreement() -> None:
    assert agreed("भारत और नेपाल के रिश्ते पुराने हैं। मोदी सरकार ने किसानों के साथ समझौता किया।") == set()
    assert agreed("चीन ने कर्ज दिया और ट्रम्प की संरक्षणवादी नीतियां भी हैं।") == set()
    assert agreed("भारत और नेपाल के रिश्ते पुराने हैं। मोदी ने किसान संगठनों के साथ समझौता किया।") == set()


def test_an_agreement_pointed_at_in_a_sentence_naming_it_a_treaty_is_that_treaty() -> None:
    text = "रूस और उत्तर कोरिया ने संधि पर हस्ताक्षर किए। किम ने इस समझौते को दोनों देशों के बीच सबसे शक्तिशाली संधि कहा।"
    assert sorted(a["category"] for a in found(text) if a["sentence_id"] == 1) == ["treaty"]
    listed = "भारत और नेपाल ने चार समझौतों पर हस्ताक्षर किए, जिनमें एक समझौता ज्ञापन शामिल है।"  # points at nothing
    assert sorted(a["category"] for a in found(listed)) == ["agreement", "mou"]
    both = "भारत और नेपाल ने सोमवार को इस समझौते पर हस्ताक्षर किए और एक ऊर्जा रोडमैप भी जारी किया।"  # two instruments
    assert sorted(a["category"] for a in found(both)) == ["agreement", "roadmap"]


def test_states_in_a_consequence_clause_are_no_parties() -> None:
    # "जिससे ... में चिंता": who is uneasy about a deal is not a side of it
    (a,) = found("भारत ने एक समझौते पर हस्ताक्षर किए, जिससे अमेरिका और जापान में चिंता है।")
    assert a["parties"] == ["IN"]
    # before the trigger जिससे is "from which": the parties around it stay
    (b,) = found("भारत ने रूस के साथ, जिससे वह सबसे ज्यादा हथियार खरीदता है, एक नए रक्षा समझौते पर हस्ताक्षर किए।")
    assert set(b["parties"]) == {"IN", "RU"} and b["level"] == "government"


def test_meetings_of_leaders_ending_with_a_consensus_are_an_agreement() -> None:
    text = "मोदी और शरीफ की अलग-अलग वक्त पर हुई दोनों मुलाकातें इस सहमति के साथ खत्म हुईं कि नया दौर शुरू हो।"
    (a,) = found(text)
    assert set(a["parties"]) == {"IN", "PK"} and a["level"] == "government" and a["status"] == "agreed"


def test_a_consensus_that_happened_between_states_is_an_agreement() -> None:
    assert agreed("जापान और चीन के बीच एक आपसी सहमति हुई है।") == {(0, "agreement")}
    assert agreed("जापान और चीन के बीच कोई सहमति नहीं हुई।") == set()


def test_documents_signed_or_adopted_by_states_are_an_agreement() -> None:
    assert agreed("भारत और रूस ने सहयोग के नौ दस्तावेजों को स्वीकार किया।") == {(0, "agreement")}
    assert agreed("भारत और रूस के अधिकारियों ने दस्तावेजों की जांच की।") == set()


def test_both_countries_are_the_pair_the_article_is_about() -> None:
    head = "भारत और नेपाल के रिश्ते पुराने हैं। भारत ने नेपाल की मदद की। "
    (a,) = found(head + "नेपाल के प्रधानमंत्री आए। आज दोनों देशों के बीच आठ समझौते हुए।")
    assert set(a["parties"]) == {"IN", "NP"} and a["level"] == "government"
    (b,) = found(head + "फ्रांस के राष्ट्रपति आए। आज दोनों देशों के बीच आठ समझौते हुए।")
    assert "NP" not in b["parties"]  # the sentence before names another country: not the article's pair


def test_economic_help_announced_between_states_is_financing() -> None:
    assert agreed("भारत ने फिजी को आर्थिक मदद देने का ऐलान किया।") == {(0, "financing")}


def test_an_office_holder_without_a_country_is_the_home_state() -> None:
    (a,) = found("नेपाल यात्रा के दौरान प्रधानमंत्री ने बांध के लिए नेपाल के साथ समझौते पर हस्ताक्षर किए।")
    assert set(a["parties"]) == {"NP", "IN"}
    (b,) = found("काठमांडू: प्रधानमंत्री ने चीन के साथ समझौते पर हस्ताक्षर किए।")  # written from Nepal
    assert set(b["parties"]) == {"NP", "CN"}
    (c,) = found("प्रधानमंत्री शेख हसीना ने चीन के साथ समझौते पर हस्ताक्षर किए।")
    assert set(c["parties"]) == {"BD", "CN"}
    (d,) = found("पाकिस्तानी प्रधानमंत्री ने चीन के साथ समझौते पर हस्ताक्षर किए।")
    assert set(d["parties"]) == {"PK", "CN"}


def test_a_leader_of_several_words_and_leaders_of_the_sentence_before() -> None:
    (a,) = found("रूसी राष्ट्रपति पुतिन और उत्तर कोरियाई नेता किम जोंग उन ने एक संधि पर हस्ताक्षर किए।")
    assert set(a["parties"]) == {"RU", "KP"}
    text = "पुतिन और किम जोंग उन की मुलाकात प्योंगयांग में हुई। दोनों नेताओं ने इस समझौते पर हस्ताक्षर किए।"
    (b,) = found(text)
    assert set(b["parties"]) == {"RU", "KP"} and b["level"] == "government"
    later = found("मोदी ने नेता को गले लगाया। फिर इस समझौते पर हस्ताक्षर हुए।")
    assert later and all(a["parties"] == [] for a in later)  # one leader before is no second side


def test_the_host_country_is_the_other_state_of_the_article() -> None:
    text = "अमेरिका और सऊदी अरब के रिश्ते पुराने हैं। अमेरिका के लोग सऊदी अरब जाते हैं। "
    (a,) = found(text + "दौरे में ट्रंप ने मेजबान देश के साथ कई करार किए हैं।")
    assert set(a["parties"]) == {"US", "SA"} and a["level"] == "government"


def test_dominance_and_spreading_terror_are_conflict_not_cooperation() -> None:
    text = "चीन ने पाकिस्तान की मदद से बंदरगाह के जरिये अपना प्रभुत्व बढ़ाया।"
    assert contexts(text) == {("transport", "conflict")}
    text = "पाकिस्तान ने अमेरिकी मदद से भारत में आतंकवाद फैलाया।"  # the aid is misused: no cooperation
    assert contexts(text) == {("security", "conflict")}


def test_idioms_and_safeguards_are_no_sector_word() -> None:
    text = "भारत और पाकिस्तान की वार्ता हुई, पर खून और पानी एक साथ नहीं बह सकते।"  # an idiom: no water
    assert contexts(text) == set()
    assert contexts("भारत और अमेरिका की संधि में निवेशकों के लिए सुरक्षा उपाय किए गए।") == {("investment", "cooperation")}


def test_a_habitual_verb_describes_a_standing_agreement_not_an_event() -> None:
    text = "भारत ने नेपाल के साथ कई जल समझौते किए हैं, जिन्हें वह कूटनीति में इस्तेमाल करता है।"
    assert agreed(text) == set()  # a relative clause right after the trigger
    assert agreed("भारत और नेपाल का व्यापार समझौता सभी मुद्दों पर बात करता था।") == set()
    assert agreed("भारत ने नेपाल के साथ जल समझौते किए हैं।") == {(0, "agreement")}


def test_a_habitual_verb_in_what_a_side_said_is_not_the_agreements() -> None:
    text = "भारत और नेपाल ने व्यापार समझौते पर हस्ताक्षर किए और कहा कि यह रिश्तों को आगे ले जाता है।"
    assert agreed(text) == {(0, "agreement")}


def test_a_title_before_a_named_leader_is_that_leaders_side_only() -> None:
    text = "प्रधानमंत्री मोदी ने आईटी के इस्तेमाल पर जोर दिया।"  # one state, not the leader and a home side
    assert contexts(text) == {("technology", "mention")}
    text = "प्रधानमंत्री नरेंद्र मोदी ने आईटी के इस्तेमाल पर जोर दिया।"  # the name spans more words than the leader
    assert contexts(text) == {("technology", "mention")}


def test_fighting_is_conflict_unless_the_fight_is_against_terror() -> None:
    text = "अमेरिका ने सीरिया में लड़ाई के लिए सेना भेजने में फ्रांस की मदद ली।"
    assert contexts(text) == {("defence", "conflict")}
    text = "पाकिस्तान ने आतंकवाद के विरुद्ध भारत की मदद का आश्वासन दिया।"  # the target of a fight is no conflict
    assert contexts(text) == {("security", "cooperation")}


def test_a_wish_for_relations_is_no_cooperation() -> None:
    assert contexts("चीन को भारत के साथ व्यापार संबंधों की चाहत है।") == {("trade", "mention")}


def test_a_ministry_with_no_country_acts_for_the_home_state() -> None:
    (a,) = found("रक्षा मंत्रालय ने रूस के साथ चार युद्धपोतों का सौदा कर लिया है।")
    assert (a["level"], sorted(a["parties"])) == ("government", ["IN", "RU"])
    (a,) = found("कजाकिस्तान के मंत्री करबायेव और संयुक्त आयोग ने समझौते पर हस्ताक्षर किए।")
    assert (a["level"], sorted(a["parties"])) == ("government", ["IN", "KZ"])  # the commission is no party id


def test_a_seal_on_an_agreement_is_agreed_on_a_decision_no_agreement() -> None:
    assert agreed("भारत और नेपाल ने व्यापार समझौते पर मुहर लगाई।") == {(0, "agreement")}
    assert agreed("कैबिनेट ने नेपाल के साथ समझौते पर मुहर लगाई।") == set()  # approved to sign: planned
    assert found("राष्ट्रपति ने अमेरिका को टीपीपी से बाहर निकालने के फैसले पर मुहर लगा दी।") == []


def test_hydropower_and_uranium_are_energy_and_economic_aid_no_sector() -> None:
    assert contexts("भारत और भूटान ने जल विद्युत परियोजना पर समझौता किया।") == {("energy", "agreement")}
    assert contexts("भारत और कजाकिस्तान ने यूरेनियम आपूर्ति पर समझौता किया।") == {("energy", "agreement")}
    assert contexts("भारत और मालदीव ने आर्थिक सहायता पर समझौता किया।") == set()  # a loan's sector is not stated


def test_a_list_of_countries_ending_in_a_locative_names_places_not_sides() -> None:
    (a,) = found("भारत और जापान ने श्रीलंका, म्यांमार और बांग्लादेश में परियोजनाओं पर समझौता किया।")
    assert sorted(a["parties"]) == ["IN", "JP"]
    assert contexts("इराक, ईरान, तुर्की आदि देशों में भारत के व्यापार संबंध हैं।") == {("trade", "mention")}
    (a,) = found("भारत, नेपाल और भूटान ने जल समझौते पर हस्ताक्षर किए।")  # a list of sides
    assert sorted(a["parties"]) == ["BT", "IN", "NP"]


def test_a_total_over_the_years_is_no_agreement_event() -> None:
    text = "पिछले पांच वर्षों में भारत और अमेरिका के बीच 15 अरब डॉलर के कई रक्षा समझौते हुए हैं।"  # a total, far before
    assert agreed(text) == set()
    assert agreed("भारत और नेपाल के बीच तीन वर्षों में पहली बार जल समझौता हुआ।") == {(0, "agreement")}
    assert agreed("भारत और नेपाल के बीच दशकों से चली आ रही बातचीत के बाद जल समझौता हुआ।") == {(0, "agreement")}


def test_generic_agreements_of_an_mou_signing_are_those_mous() -> None:
    text = "भारत और नेपाल के बीच 6 समझौते हुए। दोनों देशों ने व्यापार और ऊर्जा में 6 एमओयू पर हस्ताक्षर किए।"
    assert agreed(text) == {(0, "mou"), (1, "mou")}
    assert [(e["category"], e["sentences"]) for e in extract_text(text, "t")["events"]] == [("mou", [0, 1])]
    text = "भारत और नेपाल ने व्यापार समझौते पर हस्ताक्षर किए। दोनों देशों ने ऊर्जा पर एमओयू पर हस्ताक्षर किए।"
    assert agreed(text) == {(0, "agreement"), (1, "mou")}  # an agreement with a sector of its own
    text = "भारत और नेपाल के बीच चार समझौते हुए, जिनमें एक समझौता ज्ञापन भी है।"
    assert agreed(text) == {(0, "agreement"), (0, "mou")}  # one sentence names both: some are not MoUs


def test_what_an_agreement_provides_is_not_a_report_of_agreeing() -> None:
    signed = "भारत और नेपाल ने व्यापार समझौते पर हस्ताक्षर किए।"
    assert agreed(signed + " इस समझौते के तहत दोनों देश शुल्क घटाएंगे।") == {(0, "agreement")}  # its terms
    assert agreed(signed + " इस समझौते से दोनों देशों का व्यापार बढ़ेगा।") == {(0, "agreement"), (1, "agreement")}
    assert agreed("भारत और नेपाल के बीच सहमति हुई और दोनों देश शुल्क घटाएंगे।") == {(0, "agreement")}

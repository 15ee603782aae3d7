"""Events: agreement mentions of one article grouped into one event per occasion and category."""

from __future__ import annotations

from sahyog.events import find_events
from sahyog.extract import extract_text
from sahyog.record import EVENT_KEYS


def _sentences(*texts: str) -> tuple[str, list[dict]]:
    out, pos = [], 0
    for n, t in enumerate(texts):
        out.append({"id": n, "start": pos, "end": pos + len(t), "text": t})
        pos += len(t) + 1
    return "\n".join(texts), out


def _mention(ident, sid, category, count=None, sectors=(), parties=("IN", "NP"), status="agreed", level="government"):
    return {"id": ident, "sentence_id": sid, "category": category, "count": count, "sectors": list(sectors),
            "parties": list(parties), "level": level, "status": status}  # fmt: skip


def _record(texts, agreements, sectors=()):
    text, sents = _sentences(*texts)
    countries = [{"type": "country", "id": c, "name_en": c, "mentions": []} for c in ("IN", "NP")]
    rec = {"sentences": sents, "agreements": agreements, "sectors": list(sectors), "entities": countries,
           "article_date": None}  # fmt: skip
    return rec, text


def test_headline_lead_and_later_sentences_make_one_event_with_the_stated_count():
    rec, text = _record(
        ["भारत-नेपाल में नौ समझौते", "भारत और नेपाल ने नौ समझौतों पर हस्ताक्षर किए।", "ये समझौते अहम हैं।"],
        [_mention("a1", 0, "agreement", 9), _mention("a2", 1, "agreement", 9), _mention("a3", 2, "agreement")],
    )
    (ev,) = find_events(rec, text)
    assert tuple(ev) == EVENT_KEYS
    assert (ev["id"], ev["category"], ev["count"], ev["parties"]) == ("e1", "agreement", 9, ["IN", "NP"])
    assert ev["mentions"] == ["a1", "a2", "a3"] and ev["sentences"] == [0, 1, 2]


def test_one_occasion_gives_one_event_per_category():
    rec, text = _record(
        ["दोनों देशों ने दो समझौता ज्ञापनों और एक रोडमैप पर हस्ताक्षर किए।"],
        [_mention("a1", 0, "mou", 2), _mention("a2", 0, "roadmap", 1)],
    )
    assert [(e["category"], e["count"]) for e in find_events(rec, text)] == [("mou", 2), ("roadmap", 1)]


def test_a_sentence_listing_topics_gives_its_sectors_to_the_event_before_it():
    rec, text = _record(
        ["भारत और नेपाल ने नौ समझौतों पर हस्ताक्षर किए।", "इनमें व्यापार और शिक्षा जैसे विषय शामिल हैं।"],
        [_mention("a1", 0, "agreement", 9)],
        [
            {"sentence_id": 1, "sector": "trade", "context": "mention"},
            {"sentence_id": 1, "sector": "education", "context": "mention"},
        ],
    )
    (ev,) = find_events(rec, text)
    assert ev["sectors"] == ["education", "trade"] and ev["sentences"] == [0, 1]


def test_a_plain_sentence_after_an_agreement_gives_no_sectors():
    rec, text = _record(
        ["भारत और नेपाल ने नौ समझौतों पर हस्ताक्षर किए।", "शेयर बाजार में व्यापार बढ़ा।"],
        [_mention("a1", 0, "agreement", 9)],
        [{"sentence_id": 1, "sector": "trade", "context": "mention"}],
    )
    assert find_events(rec, text)[0]["sectors"] == []


def test_a_planned_mention_of_a_signed_instrument_joins_it_and_levels_stay_apart():
    rec, text = _record(
        ["भारत और नेपाल ने संधि पर हस्ताक्षर किए।", "इस संधि पर बयान बाद में जारी होगा।", "कंपनी ने करार किया।"],
        [
            _mention("a1", 0, "treaty"),
            _mention("a2", 1, "treaty", status="planned"),
            _mention("a3", 2, "agreement", level="institutional"),
        ],
    )
    evs = find_events(rec, text)
    assert [(e["category"], e["status"], e["level"], e["mentions"]) for e in evs] == [
        ("treaty", "agreed", "government", ["a1", "a2"]),
        ("agreement", "agreed", "institutional", ["a3"]),
    ]


def test_no_agreements_no_events():
    rec, text = _record(["भारत और नेपाल के मंत्री मिले।"], [])
    assert find_events(rec, text) == []


def test_date_and_place_from_the_text_and_the_articles_date():
    text = (
        "भारत और नेपाल के बीच नौ समझौते\nकाठमांडू, 5 मार्च (भाषा)। भारत और नेपाल ने मंगलवार को काठमांडू में नौ "
        "समझौतों पर हस्ताक्षर किए।\nइनमें व्यापार, शिक्षा और स्वास्थ्य जैसे विषय शामिल हैं।"
    )
    rec = extract_text(text, "x", "2024-05-15_x.txt")  # a Wednesday
    assert (rec["article_date"], rec["article_date_source"]) == ("2024-05-15", "filename")
    ev = next(e for e in rec["events"] if e["category"] == "agreement")
    assert (ev["date"], ev["date_precision"], ev["date_text"]) == ("2024-05-14", "day", "मंगलवार को")
    assert text[ev["date_start"] : ev["date_end"]] == "मंगलवार को"
    assert ev["place_text"] == "काठमांडू" and text[ev["place_start"] : ev["place_end"]] == "काठमांडू"
    place = next(e for e in rec["entities"] if e["id"] == ev["place"])
    assert place["name_en"] == "Kathmandu"
    assert {"education", "health", "trade"} <= set(ev["sectors"])
    undated = extract_text(text, "x", "x.txt")
    assert undated["article_date"] is None
    ev = next(e for e in undated["events"] if e["category"] == "agreement")
    assert (ev["date"], ev["date_text"]) == (None, "मंगलवार को")


def test_the_destination_of_a_visit_is_the_place():
    text = "प्रधानमंत्री की जापान यात्रा के दौरान भारत और जापान ने दो समझौता ज्ञापनों पर हस्ताक्षर किए।"
    (ev,) = [e for e in extract_text(text, "x")["events"] if e["category"] == "mou"]
    assert (ev["place"], ev["place_text"], ev["count"]) == ("JP", "जापान", 2)


def test_a_dateline_after_a_headline_or_opening_a_paragraph_is_the_place():
    text = "भारत और नेपाल में करार\nकाठमांडू, 5 मार्च (भाषा)। भारत और नेपाल ने समझौते पर हस्ताक्षर किए।"
    (ev,) = [e for e in extract_text(text, "x")["events"] if e["category"] == "agreement"]
    assert ev["place_text"] == "काठमांडू" and text[ev["place_start"] : ev["place_end"]] == "काठमांडू"
    later = "भारत और नेपाल में करार\n\nसंक्षेप में खबर।\n\nकाठमांडू, तीन मार्च भारत और नेपाल ने समझौते पर हस्ताक्षर किए।"
    (ev,) = [e for e in extract_text(later, "x")["events"] if e["category"] == "agreement"]
    assert ev["place_text"] == "काठमांडू"
    plain = "भारत और नेपाल में करार\n\nसंक्षेप में खबर।\n\nकाठमांडू में भारी बारिश हुई।\nभारत और नेपाल ने समझौते पर हस्ताक्षर किए।"
    (ev,) = [e for e in extract_text(plain, "x")["events"] if e["category"] == "agreement"]
    assert ev["place"] is None  # a city named in the text, neither venue nor dateline


def test_a_city_leaders_joined_from_by_video_link_is_the_place_not_the_dateline():
    text = (
        "भारत और नेपाल के बीच रेल सेवा शुरू\nपटना। प्रधानमंत्री मोदी और नेपाल के प्रधानमंत्री देउबा ने नई दिल्ली से "
        "वीडियो कॉन्फ्रेंसिंग के माध्यम से रेल सेवा का शुभारंभ किया।\nभारत और नेपाल ने चार समझौतों पर हस्ताक्षर किए।"
    )
    (ev,) = [e for e in extract_text(text, "x")["events"] if e["category"] == "agreement"]
    assert ev["place_text"] == "नई दिल्ली" and text[ev["place_start"] : ev["place_end"]] == "नई दिल्ली"
    # words between the city and the link (who took part from there), within the clause
    text = text.replace("देउबा ने नई दिल्ली से वीडियो", "देउबा ने नई दिल्ली से अपने नेपाली समकक्ष प्रधानमंत्री के साथ वीडियो")
    (ev,) = [e for e in extract_text(text, "x")["events"] if e["category"] == "agreement"]
    assert ev["place_text"] == "नई दिल्ली"
    # a video message or clip is no conference: the dateline stays the place
    base = "भारत और नेपाल के बीच करार\nकाठमांडू। {}\nभारत और नेपाल ने चार समझौतों पर हस्ताक्षर किए।"
    for lead in ("प्रधानमंत्री ने नई दिल्ली से रवाना होने से पहले एक वीडियो संदेश जारी किया।",
                 "लंदन में बने एक वीडियो की चर्चा रही।", "पटना से वर्चुअल माध्यम से एक रैली हुई।"):  # fmt: skip
        (ev,) = [e for e in extract_text(base.format(lead), "x")["events"] if e["category"] == "agreement"]
        assert ev["place_text"] == "काठमांडू", lead
    # "from" a city without a video link is where someone came from: the dateline stays the place
    came = text.replace("अपने नेपाली समकक्ष प्रधानमंत्री के साथ वीडियो कॉन्फ्रेंसिंग के माध्यम से", "लौटकर")
    (ev,) = [e for e in extract_text(came, "x")["events"] if e["category"] == "agreement"]
    assert ev["place_text"] == "पटना"


def test_agreements_in_n_areas_are_n_agreements_when_no_other_number_is_stated():
    rec, text = _record(
        ["भारत और नेपाल ने तीन विभिन्न क्षेत्रों में समझौतों पर हस्ताक्षर किए।", "ये समझौते अहम हैं।"],
        [_mention("a1", 0, "agreement"), _mention("a2", 1, "agreement")],
    )
    assert find_events(rec, text)[0]["count"] == 3
    rec, text = _record(["भारत और नेपाल ने कई क्षेत्रों में समझौतों पर हस्ताक्षर किए।"], [_mention("a1", 0, "agreement")])
    assert find_events(rec, text)[0]["count"] is None


def test_one_state_signing_in_a_city_of_another_state_is_between_the_two():
    (ev,) = find_events_of("प्रधानमंत्री मोदी और नेपाल के प्रधानमंत्री ने आज नई दिल्ली में पांच समझौतों पर हस्ताक्षर किए।")
    assert ev["parties"] == ["IN", "NP"]
    (own,) = find_events_of("नेपाल की सरकार ने काठमांडू में पांच समझौतों पर हस्ताक्षर किए।")
    assert own["parties"] == ["NP"]


def find_events_of(text: str) -> list[dict]:
    """The events ``extract`` finds in a short text of one's own."""
    return extract_text(text, "t")["events"]


def test_an_event_naming_one_state_in_an_article_of_exactly_two_states_is_between_them():
    one = [_mention("a1", 0, "agreement", 8, parties=("NP",))]
    rec, text = _record(["मोदी और नेपाल के प्रधानमंत्री ने आठ समझौतों पर हस्ताक्षर किए।"], one)
    assert find_events(rec, text)[0]["parties"] == ["IN", "NP"]
    # another party named (an organisation), or a third state in the article: left as it is
    org = [_mention("a1", 0, "agreement", 1, parties=("NP", "org:bank"))]
    rec, text = _record(["नेपाल ने बैंक के साथ एक समझौता किया।"], org)
    assert find_events(rec, text)[0]["parties"] == ["NP"]
    rec, text = _record(["मोदी और नेपाल के प्रधानमंत्री ने आठ समझौतों पर हस्ताक्षर किए।"], one)
    rec["entities"].append({"type": "country", "id": "CN", "name_en": "CN", "mentions": []})
    assert find_events(rec, text)[0]["parties"] == ["NP"]


def test_an_event_dated_without_a_year_keeps_no_date_but_its_month_day():
    (ev,) = find_events_of("भारत और नेपाल ने 5 मार्च को तीन समझौतों पर हस्ताक्षर किए।")
    assert (ev["date"], ev["month_day"]) == (None, "03-05")
    (dated,) = find_events_of("भारत और नेपाल ने 5 मार्च 2021 को तीन समझौतों पर हस्ताक्षर किए।")
    assert (dated["date"], dated["month_day"]) == ("2021-03-05", "03-05")
    (month,) = find_events_of("भारत और नेपाल ने मार्च 2021 में तीन समझौतों पर हस्ताक्षर किए।")
    assert (month["date"], month["month_day"]) == ("2021-03", None)


def test_an_event_keeps_the_weekday_it_names_or_its_date_falls_on():
    (ev,) = find_events_of("भारत और नेपाल ने शुक्रवार को तीन समझौतों पर हस्ताक्षर किए।")
    assert (ev["date"], ev["weekday"]) == (None, 4)
    (dated,) = find_events_of("भारत और नेपाल ने 5 मार्च 2021 को तीन समझौतों पर हस्ताक्षर किए।")
    assert dated["weekday"] == 4  # 5 March 2021 was a Friday
    (month,) = find_events_of("भारत और नेपाल ने मार्च 2021 में तीन समझौतों पर हस्ताक्षर किए।")
    assert month["weekday"] is None


def _three_states(both: str) -> tuple[dict, str]:
    """An article naming IN (through its leader), NP and US; the US only beside the agreement."""
    mentions = [_mention("a1", 0, "agreement", parties=("US",)), _mention("a2", 1, "agreement", parties=("NP",)),
                _mention("a3", 2, "treaty", parties=("NP",))]  # fmt: skip
    rec, text = _record(["अमेरिका इस समझौते से चिंतित है।", both, "नेपाल ने इसे दोनों देशों के बीच सबसे अहम संधि कहा।"],
                        mentions)  # fmt: skip
    m = lambda sid: [{"sentence_id": sid, "start": 0, "end": 1}]  # noqa: E731
    rec["entities"] = [{"type": "country", "id": "IN", "name_en": "IN", "mentions": []},
                       {"type": "country", "id": "NP", "name_en": "NP", "mentions": m(1) + m(2)},
                       {"type": "country", "id": "US", "name_en": "US", "mentions": m(0)},
                       {"type": "person", "id": "person:modi", "country": "IN", "mentions": m(1)}]  # fmt: skip
    return rec, text


def test_the_parties_of_a_signing_by_both_are_the_two_states_of_that_clause():
    rec, text = _three_states("मोदी की नेपाल यात्रा में दोनों नेताओं ने इस समझौते पर हस्ताक्षर किए।")
    assert {e["category"]: e["parties"] for e in find_events(rec, text)} == {
        "agreement": ["IN", "NP"], "treaty": ["IN", "NP"]}  # fmt: skip
    # no "both" in the signing clause: the US stays (this rule does not decide)
    rec, text = _three_states("मोदी की नेपाल यात्रा में इस समझौते पर हस्ताक्षर किए गए।")
    assert {e["category"]: e["parties"] for e in find_events(rec, text)}["agreement"] != ["IN", "NP"]


def test_a_next_meeting_takes_only_its_own_date_and_place_not_what_happened():
    def meeting(text: str) -> tuple:
        (ev,) = [e for e in extract_text(text, "x")["events"] if e["category"] == "next_meeting"]
        return ev["meeting_date"], ev["meeting_date_text"], ev["meeting_place_text"]

    signed = "भारत और नेपाल ने व्यापार समझौते पर हस्ताक्षर किए। "
    assert meeting(signed + "आयोग की अगली बैठक 2026 में काठमांडू में होगी।") == ("2026", "2026 में", "काठमांडू")
    # a past year of a relative clause, and the session's day and city, are not the meeting's
    assert meeting(signed + "आयोग की अगली बैठक काठमांडू में होगी, जिसकी स्थापना 1987 में हुई थी।") == (
        None,
        None,
        "काठमांडू",
    )
    text = "पाकिस्तान और कजाकिस्तान ने मंगलवार को इस्लामाबाद में हुई बैठक में अगली बैठक जल्द करने पर सहमति जताई।"
    assert meeting(text) == (None, None, None)


def test_a_visit_is_to_the_country_before_yatra_and_between_the_host_and_the_visitors_state():
    # an advance report datelined in the visitor's capital: the visit is to India ("राजकीय भारत यात्रा"), and Nepal,
    # named only through its prime minister, is the other party; the corpus names it though no entity does
    from sahyog.corpus_events import article_events

    text = (
        "काठमांडू: प्रधानमंत्री देउबा की राजकीय भारत यात्रा 23 अगस्त से\n"
        "प्रधानमंत्री शेर बहादुर देउबा पाँच दिन की राजकीय यात्रा पर मोदी के निमंत्रण पर 23 अगस्त को भारत आएंगे।"
    )
    rec = extract_text(text, "x", date="2017-08-02")
    (ev,) = rec["events"]
    assert (ev["category"], ev["parties"], ev["place"], ev["date"]) == ("visit", ["IN", "NP"], "IN", "2017-08-23")
    (row,) = article_events(rec, None, True)
    assert row["party_names"] == ["India", "Nepal"] and row["party_types"] == ["state", "state"]


def test_an_events_count_is_the_first_above_one_the_article_states_for_it():
    # "एक अहम समझौते" names one of them; "चार समझौतों पर हस्ताक्षर" says how many were signed
    text = "भारत और कुवैत ने रक्षा सहयोग के लिए एक अहम समझौते पर हस्ताक्षर किए। दोनों पक्षों ने चार समझौतों पर हस्ताक्षर किए।"
    (ev,) = extract_text(text, "x")["events"]
    assert (ev["category"], ev["count"]) == ("agreement", 4)


def test_a_trip_mentioned_in_passing_or_a_leader_in_passing_changes_no_event():
    # found by a review: "अपनी पिछली चीन यात्रा" is no destination; Putin present somewhere is no visitor;
    # a running total ("अब तक कुल 50") is no count of this signing
    text = "नई दिल्ली, 14 मई। भारत और नेपाल ने चार समझौतों पर हस्ताक्षर किए। देउबा ने अपनी पिछली चीन यात्रा का जिक्र किया।"
    (ev,) = extract_text(text, "x")["events"]
    assert ev["place"] == "geo:1261481"
    text = "प्रधानमंत्री शेर बहादुर देउबा राजकीय यात्रा पर मोदी के निमंत्रण पर भारत आएंगे, जहां पुतिन भी मौजूद रहेंगे।"
    (ev,) = extract_text(text, "y")["events"]
    assert ev["parties"] == ["IN"]
    text = "भारत और नेपाल ने चार समझौतों पर हस्ताक्षर किए। अब तक दोनों देशों के बीच कुल 50 समझौते हो चुके हैं।"
    assert [e["count"] for e in extract_text(text, "z")["events"]] == [4]

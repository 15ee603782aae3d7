"""The record as people read it (sahyog.present) and the pages' HTML (sahyog.site), on small records
written here: names not codes, escaped text, marked evidence, the brief, the index order."""

from __future__ import annotations

import math
import os
from datetime import date
from pathlib import Path

import pandas as pd

from sahyog import paths, present, site

TEXT = "नई दिल्ली, 13 मई 2024:\nभारत और नेपाल ने व्यापार पर समझौता ज्ञापन किया।\nदोनों देशों ने <b>परिवहन</b> पर बात की।\n"


def _record() -> dict:
    s0 = "भारत और नेपाल ने व्यापार पर समझौता ज्ञापन किया।"
    s1 = "दोनों देशों ने <b>परिवहन</b> पर बात की।"
    a, b = TEXT.index(s0), TEXT.index(s1)
    return {
        "doc_id": "2024-05-13_x",
        "source": "news/2024-05-13_x.txt",
        "dateline": "नई दिल्ली",
        "n_tokens": 20,
        "sentences": [
            {"id": 0, "start": a, "end": a + len(s0), "text": s0},
            {"id": 1, "start": b, "end": b + len(s1), "text": s1},
        ],
        "sectors": [
            {
                "sentence_id": 0,
                "sector": "trade",
                "term": "व्यापार",
                "start": a + 17,
                "end": a + 24,
                "context": "agreement",
            },
            {
                "sentence_id": 1,
                "sector": "transport",
                "term": "परिवहन",
                "start": b + 18,
                "end": b + 24,
                "context": "cooperation",
            },
        ],
        "agreements": [
            {
                "sentence_id": 0,
                "category": "mou",
                "sectors": ["trade"],
                "parties": ["IN", "NP"],
                "count": None,
                "text": s0,
            }
        ],
        "entities": [
            {
                "type": "country",
                "id": "IN",
                "name_en": "India",
                "name_hi": "भारत",
                "lat": 28.6,
                "lon": 77.2,
                "role": None,
                "country": "IN",
                "mentions": [{"text": "भारत", "start": a, "end": a + 4, "sentence_id": 0}],
            },
            {
                "type": "country",
                "id": "NP",
                "name_en": "Nepal",
                "name_hi": "नेपाल",
                "lat": 27.7,
                "lon": 85.3,
                "role": None,
                "country": "NP",
                "mentions": [{"text": "नेपाल", "start": a + 8, "end": a + 13, "sentence_id": 0}],
            },
            {
                "type": "place",
                "id": "geo:1",
                "name_en": "New Delhi",
                "name_hi": "नई दिल्ली",
                "lat": 28.6,
                "lon": 77.2,
                "role": None,
                "country": "IN",
                "mentions": [{"text": "नई दिल्ली", "start": 0, "end": 9, "sentence_id": -1}],
            },
        ],
    }


def test_brief_says_who_met_where_when_and_what_was_agreed():
    b = present.brief(_record(), TEXT)
    assert [c["en"] for c in b["countries"]] == ["India", "Nepal"]
    assert [c["hi"] for c in b["countries"]] == ["भारत", "नेपाल"]
    assert b["place"]["en"] == "New Delhi" and b["date"] == "2024-05-13"  # the file name's date
    assert b["categories"] == {"mou": 1}
    # a record written before events existed: one line per agreement mention
    assert present.agreement_line(b["agreements"][0]) == "समझौता ज्ञापन · MoU — India, Nepal — Trade — sentence 0"
    assert [s["id"] for s in b["sectors"]] == ["trade", "transport"]


def _event(**kw) -> dict:
    ev = {"id": "e1", "category": "mou", "count": 8, "parties": ["IN", "NP"], "level": "government",
          "status": "agreed", "sectors": ["trade", "transport"], "date": "2017-08-24", "date_precision": "day",
          "date_text": "24 अगस्त 2017", "date_start": None, "date_end": None, "place": "geo:1",
          "place_text": "नई दिल्ली", "place_start": 0, "place_end": 9, "mentions": ["a1", "a2"],
          "sentences": [0, 1]}  # fmt: skip
    return {**ev, **kw}


def test_talks_table_lists_the_talks_events_and_a_record_without_talks_has_none():
    from sahyog import tables

    rec = _record()  # written before talks existed: no talks keys at all
    assert present.talks_table(rec).empty and tables.talks(rec).empty and tables.talks_events(rec).empty
    rec["talks_events"] = [_event(id="m1", category="talks", count=None, sectors=[], sentences=[1])]
    view = present.talks_table(rec)
    assert list(view.columns[:4]) == ["event", "held", "parties", "when"]
    assert (view.loc[0, "event"], view.loc[0, "parties"], view.loc[0, "where"]) == ("m1", "India, Nepal", "New Delhi")
    assert list(tables.talks_events(rec)["id"]) == ["m1"] and tables.events(rec).empty  # kept apart


def test_brief_lists_one_line_per_event_with_when_and_where():
    rec = _record()
    rec["agreements"] = [{**rec["agreements"][0], "id": "a1"}, {**rec["agreements"][0], "id": "a2", "sentence_id": 1}]
    rec["events"] = [_event(), _event(id="e2", category="roadmap", count=None, status="planned", sentences=[1])]
    b = present.brief(rec, TEXT)
    assert b["categories"] == {"mou": 1} and b["n_mentions"] == 2  # the planned roadmap is not counted
    assert b["date"] == "2017-08-24" and b["place"]["en"] == "New Delhi"  # from the event
    line = present.agreement_line(b["agreements"][0])
    want = "8 × समझौता ज्ञापन · MoU — India, Nepal — 24 Aug 2017 — New Delhi — Trade, Transport and connectivity"
    assert line == want + " — sentences 0, 1"
    html = site.brief_html(b)
    assert 'href="02_sectors.html#s0">0</a>, <a href="02_sectors.html#s1">1</a>' in html and "(1 event)" in html
    card = site.brief_html(b, short=True)  # the index's card: the number the article states, not "1 event"
    assert '<li><span lang="hi">समझौता ज्ञापन</span> · MoU <strong>× 8</strong></li>' in card
    every = present.brief(rec, TEXT, all_agreements=True)
    assert every["categories"] == {"mou": 1, "roadmap": 1}
    assert present.agreement_line(every["agreements"][1]).startswith("रोडमैप · roadmap (planned) — India, Nepal")
    assert "roadmap (planned)</li>" in site.brief_html(every, short=True)  # no number stated: none shown


def test_event_dates_read_at_their_precision():
    assert present.event_date_text(_event()) == "24 Aug 2017"
    assert present.event_date_text(_event(date="2017-08", date_precision="month")) == "Aug 2017"
    assert present.event_date_text(_event(date="2017", date_precision="year")) == "2017"
    assert present.event_date_text(_event(date=None, date_precision=None, date_text="मंगलवार को")) == "मंगलवार को"


def test_the_brief_says_what_the_article_gives_of_the_day_however_little():
    from sahyog.extract import extract_text

    for text, want in (
        ("भारत और कतर ने 29 अक्टूबर को संयुक्त घोषणा पर हस्ताक्षर किए।", "29 अक्टूबर (year not given)"),
        ("भारत और नेपाल ने कल व्यापार समझौते पर हस्ताक्षर किए।", "कल (date not given)"),
        ("भारत और नेपाल ने अक्टूबर 2017 में व्यापार समझौते पर हस्ताक्षर किए।", "अक्टूबर 2017 (day not given)"),
        ("भारत और कतर ने 29 October को संयुक्त घोषणा पर हस्ताक्षर किए।", "29 October (year not given)"),
        ("मस्कत 12 फरवरी। भारत और ओमान ने कल आठ समझौतों पर हस्ताक्षर किए।", "कल (date not given)"),  # 12 Feb: the dateline's
        ("भारत और नेपाल ने मंगलवार को व्यापार समझौते पर हस्ताक्षर किए।", "मंगलवार · Tuesday (date not given)"),
        ("भारत और नेपाल ने व्यापार समझौते पर हस्ताक्षर किए।", "date not given"),
    ):
        assert present.date_text(present.brief(extract_text(text, "x"), text)) == want, text


def test_date_comes_from_the_corpus_the_file_name_or_the_dateline():
    assert present.article_date("a/2023-01-02_x.txt", TEXT, "2022-07-01") == date(2022, 7, 1)
    assert present.article_date("a/2023-01-02_x.txt", TEXT) == date(2023, 1, 2)
    assert present.article_date("a/x.txt", TEXT) == date(2024, 5, 13)
    assert present.article_date("a/x.txt", "भारत ने 13 मई 2024 को कहा।\n") is None  # not a dateline
    assert present.date_in("नई दिल्ली, ५ फरवरी २०२४:") == date(2024, 2, 5)


def test_headline_is_the_title_line_or_the_lead():
    rec = _record()
    title, is_title = present.headline(rec, TEXT)
    assert not is_title and title == rec["sentences"][0]["text"]
    titled = "भारत नेपाल संबंध नए दौर में\n\nभारत और नेपाल ने बात की।\n"
    rec["sentences"][0] = {"id": 0, "start": 0, "end": 27, "text": "भारत नेपाल संबंध नए दौर में"}
    rec["dateline"] = None
    assert present.headline(rec, titled) == ("भारत नेपाल संबंध नए दौर में", True)


def test_a_dateline_cut_off_as_a_sentence_is_no_headline():
    from sahyog.extract import extract_text

    text = "नई दिल्ली.\nभारत और नेपाल के प्रधानमंत्रियों ने रेल सेवा का उद्घाटन किया।\n"
    rec = extract_text(text, "x")
    assert rec["sentences"][0]["text"].startswith("नई दिल्ली")
    assert present.headline(rec, text)[0] == "भारत और नेपाल के प्रधानमंत्रियों ने रेल सेवा का उद्घाटन किया।"
    assert present.brief(rec, text)["place"]["en"] == "New Delhi"  # it is the dateline
    titled = "भारत-नेपाल।\nभारत और नेपाल के प्रधानमंत्रियों ने रेल सेवा का उद्घाटन किया।\n"
    assert present.headline(extract_text(titled, "y"), titled)[0].startswith("भारत-नेपाल")  # countries: no dateline
    # a dateline with its date, or two places joined by a slash, ended by a danda: no headline either
    for dateline in ("मस्कत 12 फरवरी।", "अटारी/ लाहौर।"):
        cut = dateline + "भारत और ओमान ने आठ समझौतों पर हस्ताक्षर किए।\n"
        assert present.headline(extract_text(cut, "z"), cut)[0] == "भारत और ओमान ने आठ समझौतों पर हस्ताक्षर किए।", dateline
    talks = "दिल्ली/ काठमांडू वार्ता।\nभारत और नेपाल ने चार समझौतों पर हस्ताक्षर किए।\n"  # a slash, then a noun: a title
    assert present.headline(extract_text(talks, "t"), talks)[0].startswith("दिल्ली/ काठमांडू वार्ता")
    venue = "काठमांडू में समझौता\nभारत और नेपाल ने समझौता किया।\n"
    assert present.headline(extract_text(venue, "v"), venue) == ("काठमांडू में समझौता", True)  # a title naming a city


def test_the_brief_and_the_events_read_one_dateline():
    """The record carries the dateline's city as events read it; the brief shows it where no event has a place."""
    from sahyog.extract import extract_text

    after_headline = "भारत और नेपाल की बैठक\n\nनई दिल्ली: दोनों देशों के मंत्रियों ने व्यापार पर बात की।\n"
    rec = extract_text(after_headline, "x")
    assert rec["dateline_place"] == "geo:1261481" and rec["events"] == []
    assert present.brief(rec, after_headline)["place"]["en"] == "New Delhi"
    titled = "पाकिस्तान और आतंकवाद: संपादकीय\n\nअमेरिका पाकिस्तान से कार्रवाई के लिए कहता है।\n"
    rec = extract_text(titled, "y")  # a title with a colon naming a country: no dateline
    assert rec["dateline_place"] is None and present.brief(rec, titled)["place"] is None
    cut = "नई दिल्ली.\nभारत और नेपाल के मंत्रियों ने बात की।\n"
    old = {k: v for k, v in extract_text(cut, "z").items() if k != "dateline_place"}  # written before the key
    assert present.dateline_place(old)["id"] == "geo:1261481"  # still read, the way it was then


def test_tables_for_people_use_names_and_mark_the_evidence():
    rec = _record()
    table = present.agreement_table(rec)
    assert table.loc[0, "parties"] == "India, Nepal" and table.loc[0, "number"] == ""
    ev = table.loc[0, "evidence"]
    assert str(ev) == rec["sentences"][0]["text"]
    marked = [ev.text[s:e] for s, e, _ in ev.spans]
    assert marked == ["भारत", "नेपाल", "व्यापार"]
    sectors = present.sector_evidence(rec)
    assert list(sectors["sentence"]) == [0, 1] and sectors.loc[1, "sectors"] == "Transport and connectivity"


def test_table_html_escapes_and_leaves_empty_cells_empty():
    df = pd.DataFrame(
        {
            "name": ["<b>x</b>", None],
            "n": [1, 2],
            "list": [["a", "b"], []],
            "f": [math.nan, 1.5],
            "hi": ["भारत", "नेपाल"],
        }
    )
    html = site.table_html(df)
    assert "&lt;b&gt;x&lt;/b&gt;" in html and "<b>x" not in html
    assert "None" not in html and "nan" not in html.lower() and "[" not in html
    assert '<td data-label="list">a, b</td>' in html and '<td lang="hi" data-label="hi">भारत</td>' in html
    assert '<td class="num" data-label="n">1</td>' in html
    assert '<table class="stack">' in html  # five columns: one block per row on a phone
    assert html.startswith('<div class="table-wrap">') and "<th></th>" not in html  # no positional index


def test_a_tables_head_shows_readers_words_for_contract_names():
    html = site.table_html(pd.DataFrame({"id": [0], "text": ["भारत"], "n_tokens": [3], "doc_id": ["a1"]}))
    assert '<th class="num">tokens</th>' in html and "n_tokens" not in html
    assert '<td data-label="article">a1</td>' in html


def test_a_chip_states_a_number_above_one_as_the_line_does():
    items = [{"label": "MoU", "count": 1}, {"label": "agreement", "count": 8}, {"label": "x", "count": float("nan")}]
    b = {"agreements": items}
    html = site._agreed_html(b, short=True)
    assert "× 1<" not in html and "<strong>× 8</strong>" in html


def test_an_empty_table_says_why_once():
    shown = site.Table(pd.DataFrame({"a": []}), empty="no <agreements> found")._repr_html_()
    assert shown == '<p class="muted">no &lt;agreements&gt; found</p>'


def test_marked_evidence_and_merged_cells():
    m = present.Marked("<i>भारत</i> और नेपाल", ((3, 7, "India"),))
    assert site.marked_html(m) == '&lt;i&gt;<mark title="India">भारत</mark>&lt;/i&gt; और नेपाल'
    df = pd.DataFrame({"sentence": [8, 8, 9], "what": ["a", "b", "c"], "evidence": [m, m, m]})
    html = site.table_html(df, merge=["sentence", "evidence"])
    assert html.count('rowspan="2"') == 2 and html.count("<mark") == 2 and "dup" not in html  # narrow: no copies


def test_a_wide_table_stacks_on_a_phone_with_each_merged_cell_copied_into_its_rows():
    df = pd.DataFrame({"sentence": [8, 8, 9], "what": ["a", "b", "c"], "who": ["x", "y", "z"], "evidence": list("ppq")})
    html = site.table_html(df, merge=["evidence"])
    assert '<table class="stack">' in html and html.count('rowspan="2"') == 1
    assert html.count('data-label="evidence"') == 3  # every row carries its evidence in the stacked layout
    assert html.count('<td class="dup" data-label="evidence" hidden>p</td>') == 1  # the copy, hidden on a desk
    shown = site.Table(df, merge=["evidence"])._repr_html_()  # JupyterLab has no site CSS: hidden inline too
    assert '<td class="dup" data-label="evidence" hidden style="display:none;text-align:left' in shown
    assert site.table_html(pd.DataFrame({'a"<b': [1]}), index=False).count('data-label="a&quot;&lt;b"') == 1


def test_index_lists_newest_first():
    briefs = [
        {"doc_id": "b", "date": "2024-01-01"},
        {"doc_id": "a", "date": None},
        {"doc_id": "c", "date": "2025-01-01"},
    ]
    assert [b["doc_id"] for b in present.sort_newest_first(briefs)] == ["c", "b", "a"]


def test_brief_html_is_escaped_and_marks_hindi():
    b = present.brief(_record(), TEXT)
    b["headline"] = "<script>x</script> भारत"
    html = site.brief_html(b)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert '<span lang="hi">भारत</span>' in html and "Nepal" in html


def test_a_brief_says_who_met_only_when_something_was_agreed():
    b = present.brief(_record(), TEXT)
    assert b["agreements"] and "who met" in site.brief_html(b)
    html = site.brief_html({**b, "agreements": []})
    assert "who met" not in html and "countries named" in html


def test_chapter_links_become_site_links():
    body = '<a href="03_agreements.ipynb">03</a> <a href="05_corpus.ipynb">05</a><figcaption>t</figcaption>'
    out = site.polish(body, {"03_agreements": "03_agreements.html"})
    assert 'href="03_agreements.html"' in out and "05_corpus.ipynb" not in out
    assert "<strong>Figure 1.</strong>" in out


def test_tests_write_reports_to_a_temporary_folder():
    assert paths.reports_dir() != paths.REPORTS_DIR
    assert os.environ["SAHYOG_REPORTS_DIR"] == str(paths.reports_dir())
    assert paths.output_dir("", "x") == paths.reports_dir() / "lab" / "x"  # never a built report's folder


def test_place_labels_leave_out_a_missing_name() -> None:
    points = pd.DataFrame({"name_hi": ["लाहौर", None, float("nan")], "name_en": ["Lahore", "Karachi", "Quetta"]})
    assert present.place_labels(points) == ["लाहौर · Lahore", "Karachi", "Quetta"]
    assert present.place_labels(points, hindi=False) == ["Lahore", "Karachi", "Quetta"]


def test_a_chart_caption_links_to_the_png_where_it_was_written(tmp_path):
    """A report page sits beside its PNG; a notebook run by hand is viewed from notebooks/ in JupyterLab."""
    lab_png = paths.lab_dir() / "x" / "02_sectors.png"
    assert site.chart_link(lab_png) == Path(os.path.relpath(lab_png, paths.NOTEBOOKS_DIR)).as_posix()
    assert (paths.NOTEBOOKS_DIR / site.chart_link(lab_png)).resolve() == lab_png.resolve()
    assert site.chart_link(tmp_path / "report" / "x" / "02_sectors.png") == "02_sectors.png"


def test_a_chart_shows_its_phone_layout_on_a_narrow_screen(tmp_path):
    """The page carries both layouts; a screen up to 600 px wide (where tables become cards) takes the phone's."""
    import matplotlib

    matplotlib.use("Agg")
    from sahyog import charts

    fig = charts.barh(["परिवहन · Transport", "व्यापार · Trade"], [2, 1], "क्षेत्र · sectors")
    html = site.show_chart(fig, tmp_path / "02_sectors.png")._repr_html_()
    phone, desk = html.split('<source media="(max-width: 600px)" srcset="data:image/png;base64,')[1].split("<img")
    assert len(phone) > 1000 and desk.startswith(' src="data:image/png;base64,')  # the desk image is the fallback
    assert (tmp_path / "02_sectors.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"  # only the desk PNG is a file
    assert sorted(p.name for p in tmp_path.iterdir()) == ["02_sectors.png"]


def test_tables_are_aligned_for_hindi_in_jupyterlab_too():
    """JupyterLab right-aligns every table cell; a Table carries its alignment with it."""
    df = pd.DataFrame({"sentence": ["भारत और नेपाल ने व्यापार पर समझौता किया"], "n": [3]})
    html = site.Table(df)._repr_html_()
    assert '<th style="text-align:left;vertical-align:top">sentence</th>' in html
    assert '<td lang="hi" data-label="sentence" style="text-align:left;vertical-align:top">भारत' in html
    assert '<td class="num" data-label="n" style="text-align:right;vertical-align:top">3</td>' in html
    assert "<th></th>" not in html  # no index


def test_parameter_paths_are_shown_as_a_reader_can_use_them(tmp_path):
    import tempfile

    assert site.shown_value(str(tmp_path / ".corpus.tmp-1-abc")) == "(this page's folder)"
    assert site.shown_value(str(Path(tempfile.gettempdir()) / "sahyog-corpus-x1")) == "(a temporary folder of the run)"
    assert site.shown_value(str(tmp_path / "news" / "010.txt")) == "010.txt"
    assert site.shown_value("") == "" and site.shown_value(5) == 5 and site.shown_value("seeds/a.txt") == "seeds/a.txt"


def test_a_next_meetings_when_and_where_say_whose_they_are():
    """A next meeting's day and place are the session's that agreed on it, or the meeting's own when its sentence
    gives them (the labelling rules allow both); bare, "next meeting — Tuesday — Islamabad" reads as the meeting's."""
    from sahyog.extract import extract_text

    text = (
        "इस्लामाबाद: पाकिस्तान और कजाकिस्तान ने मंगलवार को व्यापार समझौते पर हस्ताक्षर किए।\n"
        "दोनों देशों ने 2026 में अस्ताना में अगला सत्र आयोजित करने के लिए सहमति व्यक्त की।"
    )
    lines = {a["category"]: a for a in present.brief(extract_text(text, "x"), text)["agreements"]}
    # the session met in Islamabad (the dateline), not in Astana, where the next one meets
    assert (lines["agreement"]["when"], lines["agreement"]["where"]) == ("मंगलवार को", "Islamabad")
    # the meeting's own year and city first, then the session's day that agreed on it
    assert (lines["next_meeting"]["when"], lines["next_meeting"]["where"]) == (
        "meets 2026 · agreed मंगलवार को",
        "meets in Astana",
    )
    lead = "इस्लामाबाद में पाकिस्तान और कजाकिस्तान ने मंगलवार को व्यापार समझौते पर हस्ताक्षर किए।\n" + text.split("\n")[1]
    rec = extract_text(lead, "y")
    (ev,) = [e for e in rec["events"] if e["category"] == "next_meeting"]
    astana = next(e["id"] for e in rec["entities"] if e["name_en"] == "Astana")
    assert (ev["meeting_date"], ev["meeting_date_text"], ev["meeting_place"]) == ("2026", "2026 में", astana)
    lines = {a["category"]: a for a in present.brief(rec, lead)["agreements"]}
    # the session's venue, as the gold places the event, said whose after the meeting's own
    assert lines["next_meeting"]["where"] == "meets in Astana · agreed in Islamabad"


def test_the_appendix_says_what_kinds_of_file_it_lists(tmp_path):
    (tmp_path / "05_pairs.png").write_bytes(b"png")
    assert '<p class="muted">Charts as PNG.</p>' in site.files_html(tmp_path, "05_")  # the corpus page: no CSV
    (tmp_path / "05_pairs.csv").write_text("a\n", encoding="utf-8")
    assert "Tables as CSV (UTF-8), charts as PNG." in site.files_html(tmp_path, "05_")
    assert site.files_html(tmp_path, "04_") == ""


def test_a_state_found_only_through_its_leader_is_named_on_the_page():
    from sahyog.extract import extract_text

    text = (
        "काठमांडू: प्रधानमंत्री देउबा की राजकीय भारत यात्रा 23 अगस्त से\n"
        "प्रधानमंत्री शेर बहादुर देउबा पाँच दिन की राजकीय यात्रा पर मोदी के निमंत्रण पर 23 अगस्त को भारत आएंगे।"
    )
    assert present.event_table(extract_text(text, "x"))["parties"].tolist() == ["India, Nepal"]  # not "India, NP"


def test_the_events_table_says_when_and_where_are_not_given():
    # on a phone an empty cell's row is hidden: the card would silently lack "when"
    from sahyog.extract import extract_text

    table = present.event_table(extract_text("भारत और नेपाल ने व्यापार समझौते पर हस्ताक्षर किए।", "x"))
    assert table[["when", "where"]].values.tolist() == [["not given", "not given"]]

"""Typed parties and levels as people read them (sahyog.present) and the --all-agreements option of report."""

from __future__ import annotations

import pytest

from sahyog import cli, present, report
from sahyog.extract import extract_file, extract_text
from sahyog.paths import example_article


@pytest.fixture(scope="module")
def record():
    return extract_file(example_article())


def test_agreement_table_shows_level_and_party_types(record):
    table = present.agreement_table(record)
    assert set(table["level"]) == {"between governments"}
    row = table[table["sentence"] == 13].iloc[0]
    assert "NADRA" in row["parties"] and "government body" in row["party types"].split(", ")
    assert len(row["party types"].split(", ")) == len(row["parties"].split(", "))


def test_party_table_names_types_and_countries(record):
    parties = present.party_table(record).set_index("name")
    assert parties.loc["NADRA", ["actor type", "country"]].tolist() == ["government body", "Pakistan"]
    assert parties.loc["Kazakhstan", "actor type"] == "state" and parties.loc["Kazakhstan", "country"] == ""
    assert (parties["between governments, agreed"] <= parties["events"]).all()


def test_parties_of_no_event_are_one_line_not_cards_of_zeros(record):
    from sahyog import site

    table = present.party_table(record)
    shown, note = present.parties_in_events(table)
    assert set(shown["name"]) == {"Pakistan", "Kazakhstan"} and (shown["events"] > 0).all()
    assert note.startswith("Also named in an agreement's sentence, a party to no event: ")
    assert {"Afghanistan", "NADRA"} <= set(note.split(": ", 1)[1].split(", "))
    assert len(shown) + len(note.split(": ", 1)[1].split(", ")) == len(table)  # nobody lost
    html = site.Table(shown, note=note)._repr_html_()
    assert html.endswith("</p>") and "Also named in an agreement&#x27;s sentence" in html


def test_levels_in_words_for_a_university_mou():
    rec = extract_text("दिल्ली के एक विश्वविद्यालय ने ऑस्ट्रेलिया के मेलबर्न विश्वविद्यालय के साथ समझौता ज्ञापन पर हस्ताक्षर किए।", "t")
    assert list(present.agreement_table(rec)["level"]) == ["non-state bodies"]


def test_report_option_all_agreements_is_the_notebook_parameter(monkeypatch, tmp_path):
    seen = {}

    def fake_build(paths, out_dir, parameters, **kwargs):
        seen.update(parameters)
        return report.ReportResult(out_dir, [], None)

    monkeypatch.setattr(report, "build_reports", fake_build)
    assert cli.main(["report", str(example_article()), "--out", str(tmp_path), "--all-agreements"]) == 0
    assert seen == {"all_agreements": "true"}

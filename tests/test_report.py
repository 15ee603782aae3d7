"""The report command end to end: notebooks run with papermill, HTML pages, index, failures, safety."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys

import pytest

from sahyog import report
from sahyog.errors import InputError
from sahyog.files import MARKER
from sahyog.paths import NOTEBOOKS_DIR, example_article

EXAMPLE = example_article()


@pytest.fixture(scope="module")
def notebooks():
    return report.discover_notebooks()


# --- parameters ---------------------------------------------------------------------------------


def test_article_notebooks_are_discovered_in_order(notebooks):
    names = [nb.name for nb in notebooks]
    assert names[0] == "01_tokenise"
    assert names == sorted(names)
    assert all("input_path" in nb.parameters for nb in notebooks)


def test_parse_parameters():
    assert report.parse_parameters(["top_n=5", "fold_nukta=true", "x="]) == {
        "top_n": "5",
        "fold_nukta": "true",
        "x": "",
    }
    with pytest.raises(InputError, match="NAME=VALUE"):
        report.parse_parameters(["top_n"])


def test_parameters_get_their_declared_types(notebooks):
    params = report.validate_parameters({"top_n": "5", "fold_nukta": "TRUE"}, notebooks)
    assert params == {"top_n": 5, "fold_nukta": True}


def test_unknown_parameter_lists_valid_names_and_suggests(notebooks):
    with pytest.raises(InputError) as info:
        report.validate_parameters({"top_m": "5"}, notebooks)
    msg = str(info.value)
    assert "did you mean top_n?" in msg and "fold_nukta" in msg and "input_path" not in msg.split("valid:")[1]


def test_wrong_type_is_an_error(notebooks):
    with pytest.raises(InputError, match=r"^parameter top_n: must be a whole number, got 'many'$"):
        report.validate_parameters({"top_n": "many"}, notebooks)
    for value in ("perhaps", "yes", "1"):  # only true or false, in any case
        with pytest.raises(InputError, match=rf"^parameter fold_nukta: must be true or false, got '{value}'$"):
            report.validate_parameters({"fold_nukta": value}, notebooks)


def test_reserved_parameters_are_refused(notebooks):
    with pytest.raises(InputError, match="set by the report command"):
        report.validate_parameters({"input_path": "x.txt"}, notebooks)


# --- end to end ---------------------------------------------------------------------------------


def test_failed_article_gives_nonzero_exit_and_one_line_error(built):
    _out, proc = built
    assert proc.returncode == 1
    errors = [line for line in proc.stderr.splitlines() if line.startswith("sahyog: error:")]
    assert len(errors) == 1 and "d_bad.txt" in errors[0] and "not UTF-8" in errors[0]


def test_every_good_article_has_every_page_and_tables(built, notebooks):
    out, _ = built
    for doc in ("a_example", "b_short", "c_injected"):
        for nb in notebooks:
            page = out / doc / f"{nb.name}.html"
            assert page.is_file() and page.stat().st_size > 2000, page
        assert list((out / doc).glob("*.csv")), doc
        assert list((out / doc).glob("*.png")), doc
        assert (out / doc / "index.html").is_file() and (out / doc / report.RECORD_FILE).is_file()
    assert not (out / "d_bad").exists()
    hidden = [p for p in out.iterdir() if p.name.startswith(".") and p.name != MARKER]
    assert not hidden, "temporary folders left behind"


def test_index_lists_articles_and_the_failure(built):
    out, _ = built
    index = (out / "index.html").read_text(encoding="utf-8")
    for doc in ("a_example", "b_short", "c_injected", "d_bad"):
        assert doc in index
    assert index.count('class="status-ok"') == 3
    assert "failed</span>" in index and "not UTF-8" in index
    assert "failed</span>: d_bad.txt: " in index and str(out.parent) not in index  # the file's name, no machine path
    assert "इस्लामाबाद" in index  # the example's dateline
    assert 'href="a_example/01_tokenise.html"' in index


def test_pages_are_offline_and_escaped(built):
    out, _ = built
    for page in out.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html), f"{page} loads from the network"
        assert "<script" not in html.lower(), f"{page} has a script element"
        assert not re.search(r"<img[^>]*onerror", html, re.I), page
        assert not re.search(r"<a[^>]*javascript:", html, re.I), page
    injected = "".join(p.read_text(encoding="utf-8") for p in (out / "c_injected").glob("*.html"))
    assert "&lt;script&gt;document." in injected  # shown as text, not run


def test_previous_report_survives_a_failed_run(built, corpus, tmp_path):
    out, _ = built
    page = out / "a_example" / "01_tokenise.html"
    before = page.read_bytes()
    # a copy of the notebooks whose first chapter fails in its last cell (bad values are refused before
    # any notebook runs, so a failing notebook is made here)
    notebooks_dir = tmp_path / "notebooks"
    shutil.copytree(NOTEBOOKS_DIR, notebooks_dir)
    first = notebooks_dir / "01_tokenise.ipynb"
    nb = json.loads(first.read_text(encoding="utf-8"))
    nb["cells"].append(
        {
            "cell_type": "code",
            "metadata": {},
            "execution_count": None,
            "outputs": [],
            "id": "boom",
            "source": "raise RuntimeError('failed on purpose')",
        }
    )
    first.write_text(json.dumps(nb), encoding="utf-8")
    res = report.build_reports([corpus / "a_example.txt"], out, quiet=True, notebooks_dir=notebooks_dir)
    assert not res.ok and "01_tokenise" in (res.articles[0].error or "")
    assert "failed on purpose" in (res.articles[0].error or "")
    assert page.read_bytes() == before
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "previous report kept" in index
    assert not [p for p in out.iterdir() if p.name.startswith(".") and p.name != MARKER]


def test_inputs_are_never_modified(corpus):
    # the module fixture ran the report over this folder: the files are byte-for-byte as written
    assert (corpus / "a_example.txt").read_bytes() == EXAMPLE.read_bytes()
    assert (corpus / "d_bad.txt").read_bytes() == "Café".encode("latin-1")


def test_bad_parameter_fails_before_anything_runs(tmp_path):
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "sahyog",
            "report",
            str(EXAMPLE),
            "--out",
            str(tmp_path / "r"),
            "-p",
            "topn=3",
            "--quiet",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0 and "did you mean top_n?" in proc.stderr
    assert not (tmp_path / "r").exists()


def test_index_keeps_articles_of_earlier_runs(built, corpus):
    out, _ = built
    res = report.build_reports([corpus / "b_short.txt"], out, quiet=True)
    assert res.ok
    index = (out / "index.html").read_text(encoding="utf-8")
    for doc in ("a_example", "b_short", "c_injected"):
        assert f'href="{doc}/01_tokenise.html"' in index


def test_the_corpus_chapter_covers_every_article_the_index_lists(built, corpus, tmp_path):
    # a run of one article into a site of three: the chapter is rebuilt over the three the index lists, not left
    # over an earlier run's articles (or missing, as a one-article run once left it)
    out, _ = built
    site = tmp_path / "site"
    shutil.copytree(out, site, ignore=shutil.ignore_patterns("corpus"))
    res = report.build_reports([corpus / "b_short.txt"], site, quiet=True, workers=1)
    assert res.ok and not res.corpus_error
    page = (site / "corpus" / "05_corpus.html").read_text(encoding="utf-8")
    assert ">3 articles" in page
    assert 'href="../corpus/05_corpus.html"' in (site / "b_short" / "04_entities.html").read_text(encoding="utf-8")


def test_hostile_file_names_stay_inside_the_report_folder(tmp_path):
    articles = tmp_path / "in"
    articles.mkdir()
    (articles / "..txt").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (articles / "a#b c.txt").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("unrelated")
    with pytest.raises(InputError, match="not a Sahyog report output"):  # the user's folder
        report.build_reports(sorted(articles.iterdir()), out, quiet=True, workers=1)
    res = report.build_reports(sorted(articles.iterdir()), out, quiet=True, workers=1, force=True)
    assert res.ok, [a.error for a in res.articles]
    assert (out / "keep.txt").read_text() == "unrelated"
    assert sorted(p.name for p in out.iterdir()) == [MARKER, "a_b_c", "article", "corpus", "index.html", "keep.txt"]
    assert 'href="a_b_c/01_tokenise.html"' in (out / "index.html").read_text(encoding="utf-8")


def test_path_parameters_are_taken_from_the_callers_folder_and_must_exist(notebooks, tmp_path):
    lexicon = tmp_path / "my_lexicon.csv"
    lexicon.write_text("sector,term\ntrade,व्यापार\n", encoding="utf-8")
    params = report.validate_parameters({"lexicon_path": "my_lexicon.csv"}, notebooks, base=tmp_path)
    assert params == {"lexicon_path": str(lexicon.resolve())}
    with pytest.raises(InputError, match="no such file"):
        report.validate_parameters({"lexicon_path": "nope.csv"}, notebooks, base=tmp_path)


# --- the site a reader sees ----------------------------------------------------------------------


def test_index_names_who_met_where_and_what_was_agreed(built):
    out, _ = built
    index = (out / "index.html").read_text(encoding="utf-8")
    for name in ("पाकिस्तान", "Pakistan", "कज़ाखस्तान", "Kazakhstan", "इस्लामाबाद", "Islamabad", "समझौता ज्ञापन", "MoU"):
        assert name in index, name
    headline = re.sub(r"<[^>]+>", "", index.split("<h2>")[1].split("</h2>")[0])
    assert "a_example" not in headline and "पाकिस्तान और कजाकिस्तान" in headline  # a headline, not a file id
    assert 'href="corpus/05_corpus.html"' in index


def test_chapters_open_with_the_brief_and_fold_the_appendix(built):
    out, _ = built
    for page in sorted((out / "a_example").glob("0*.html")):
        html = page.read_text(encoding="utf-8")
        assert '<html lang="en">' in html and 'lang="hi"' in html
        assert html.index('class="brief"') < html.index("<h1")
        reader, _, appendix = html.partition('<details class="appendix">')
        assert appendix, page
        for noise in ("Sanity checks", "all checks passed", "Write the tables", "## Parameters"):
            assert noise not in reader, (page.name, noise)
        assert "all checks passed" in appendix and 'href="' in appendix.split("<h3>Files</h3>")[1]
        assert "No description has been provided" not in html
        assert "generated on " in html and " by Sahyog " in html
        assert 'rel="next"' in html or "all articles →" in html
    sectors = (out / "a_example" / "02_sectors.html").read_text(encoding="utf-8")
    assert "<strong>Figure 1.</strong>" in sectors and 'alt="सहयोग के क्षेत्र · sectors of cooperation"' in sectors
    assert 'href="03_agreements.html"' in sectors  # "Read on in 03" is a link
    assert '<mark title="' in sectors


def test_tables_are_for_people(built):
    out, _ = built
    html = (out / "a_example" / "03_agreements.html").read_text(encoding="utf-8")
    events, talks, table = (t.split("</table>", 1)[0] for t in html.split('<div class="table-wrap">')[1:4])
    # the talks held, between the events and their evidence: the meeting in Islamabad, by the sides' names
    assert ">held</th>" in talks and "Kazakhstan, Pakistan" in talks and "Islamabad" in talks and "[KZ" not in talks
    for t in (events, table):
        assert "[KZ" not in t and "org:" not in t and "&lt;NA&gt;" not in t and "NaN" not in t
        assert "Kazakhstan" in t and "Pakistan" in t  # names, not codes (parties come from each clause)
        # one evidence cell per sentence: sentence 8 has two agreements and its text once (the copy of a merged
        # cell, class "dup", is shown only when a phone stacks the rows)
        shown = re.sub(r'<td class="[^"]*\bdup\b[^"]*".*?</td>', "", t)
        assert shown.count("इनमें ") == 1 and 'rowspan="2"' in t
    assert re.search(r">when</th><th[^>]*>where</th>", events) and events.count("Islamabad") == events.count("<tr>") - 1


def test_corpus_chapter_is_in_the_site_and_offline(built):
    out, _ = built
    page = re.sub(r'data:image/png;base64,[^"]+', "", (out / "corpus" / "05_corpus.html").read_text(encoding="utf-8"))
    assert "<script" not in page.lower() and "require.js" not in page.lower() and "mathjax" not in page.lower()
    assert "<strong>Figure 1.</strong>" in page
    assert (out / "corpus" / "05_top_entities.png").is_file() and '<section class="brief">' in page
    # the articles behind the events link to their pages in the site
    assert '<a href="../a_example/index.html">' in page and (out / "a_example" / "index.html").is_file()


def test_one_extraction_per_article_and_every_chapter_uses_the_lexicon(tmp_path):
    lexicon = tmp_path / "only_trade.csv"
    lexicon.write_text("sector,term\ntrade,व्यापार\n", encoding="utf-8")
    out = tmp_path / "r"
    res = report.build_reports([EXAMPLE], out, {"lexicon_path": str(lexicon)}, quiet=True)
    assert res.ok, [a.error for a in res.articles]
    doc = out / EXAMPLE.stem
    record = json.loads((doc / report.RECORD_FILE).read_text(encoding="utf-8"))
    assert {m["sector"] for m in record["sectors"]} == {"trade"}
    agreements = (doc / "03_agreements.csv").read_text(encoding="utf-8")
    assert "transport" not in agreements and "technology" not in agreements
    sectors = (doc / "02_sectors.csv").read_text(encoding="utf-8").splitlines()  # the charted table
    assert len(sectors) == 2 and sectors[1].startswith("व्यापार · Trade,")
    contexts = (doc / "02_sector_contexts.csv").read_text(encoding="utf-8").splitlines()
    assert len(contexts) == 2 and contexts[1].startswith("trade,")
    executed = (doc / "04_entities.ipynb").read_text(encoding="utf-8")
    assert report.RECORD_FILE in executed  # 04 read the record too (it has no extraction of its own here)


def test_corpus_command_builds_the_same_page(corpus, tmp_path):
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "sahyog",
            "corpus",
            str(corpus),
            "--out",
            str(tmp_path / "c"),
            "--workers",
            "1",
            "--quiet",
            "--report",
            str(tmp_path / "site"),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    page = (tmp_path / "site" / "05_corpus.html").read_text(encoding="utf-8")
    assert "<strong>Figure 1.</strong>" in page and "<script" not in page
    assert (tmp_path / "site" / "05_top_entities.png").is_file() and '<section class="brief">' in page


def test_sector_words_outside_cooperation_are_shown_apart(built):
    out, _ = built
    page = (out / "c_injected" / "02_sectors.html").read_text(encoding="utf-8")
    assert "mentioned only" in page.split('<div class="article"', 1)[1]  # शेयर बाजार में ... व्यापार


def test_a_party_found_only_for_the_event_has_its_row(tmp_path):
    # the mention names no state ("दोनों नेताओं", the sentence before names none); its event takes the article's two
    # states: chapter 04's table of parties lists them, and its sanity check must agree (it once asserted on mentions)
    article = tmp_path / "both.txt"
    article.write_text("भारत और यूएई के रिश्ते मजबूत हैं। आज की बैठक अच्छी रही। दोनों नेताओं ने कई समझौतों पर हस्ताक्षर किए।\n")
    out = tmp_path / "out"
    proc = subprocess.run(
        [sys.executable, "-m", "sahyog", "report", str(article), "--out", str(out), "--quiet"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    parties = (out / "both" / "04_parties.csv").read_text(encoding="utf-8")
    assert "India" in parties and "United Arab Emirates" in parties


def test_pages_show_no_paths_of_the_machine_that_built_them(built, corpus):
    # the appendix shows parameters as a reader can use them: no staging folder, no temporary folder, no article path
    out, _ = built
    for page in out.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert ".tmp-" not in text and str(corpus) not in text and str(out) not in text, page
        assert "/sahyog-corpus-" not in text, page  # the corpus chapter's temporary tables


def test_the_corpus_chapter_dates_articles_by_their_own_dates(tmp_path, monkeypatch):
    # an article of 14 May reporting a signing "कल" (13 May): the corpus chapter counts it on 14 May, as
    # `sahyog corpus` does, not on its event's day (the two pages once differed by that day)
    import pandas as pd

    from sahyog.extract import extract_text, write_record

    text = "भारत और नेपाल ने कल व्यापार समझौते पर हस्ताक्षर किए।\n"
    record = extract_text(text, "2024-05-14_a", "2024-05-14_a.txt")
    assert record["article_date"] == "2024-05-14" and record["events"][0]["date"] == "2024-05-13"
    (tmp_path / "2024-05-14_a").mkdir()
    write_record(record, tmp_path / "2024-05-14_a" / report.RECORD_FILE)
    seen = {}

    def fake_page(tables, *args, **kwargs):
        seen["dates"] = list(pd.read_parquet(tables / "documents.parquet")["date"].astype(str))

    other = extract_text("भारत और नेपाल ने व्यापार समझौते पर हस्ताक्षर किए।\n", "b", "b.txt")
    (tmp_path / "b").mkdir()
    write_record(other, tmp_path / "b" / report.RECORD_FILE)
    monkeypatch.setattr(report, "corpus_page", fake_page)
    assert report._corpus_chapter(tmp_path, False) is None
    assert len(seen["dates"]) == 2 and seen["dates"][0] == "2024-05-14"  # "b" has no date


def test_an_article_with_no_sector_draws_no_empty_chart(tmp_path):
    article = tmp_path / "x_plain.txt"
    article.write_text("आज मौसम साफ रहेगा और शाम को हल्की बारिश हो सकती है।\nलोग घरों से बाहर निकले।\n", encoding="utf-8")
    res = report.build_reports([article], tmp_path / "r", {}, quiet=True)
    assert res.ok, [a.error for a in res.articles]
    doc = tmp_path / "r" / "x_plain"
    page = (doc / "02_sectors.html").read_text(encoding="utf-8")
    assert "no chart: no sector of cooperation is counted in this article" in page
    assert "<strong>Figure" not in page and "(nothing to show)" not in page
    assert not (doc / "02_sectors.png").exists() and (doc / "02_sectors.csv").is_file()

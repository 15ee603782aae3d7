"""The ``corpus`` command: same results as ``extract`` article by article, on a local or remote Dask cluster.

Corpora are generated from ``seeds/`` and inline Hindi, so nothing outside the repository is needed.
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow.parquet as pq
import pytest

from sahyog import corpus, tables
from sahyog.errors import InputError
from sahyog.extract import extract_file, extract_text
from sahyog.paths import example_article

EXAMPLE_TEXT = example_article().read_text(encoding="utf-8")
SHORT = "नई दिल्ली: भारत और कजाकिस्तान ने व्यापार और ऊर्जा पर एक समझौता ज्ञापन पर हस्ताक्षर किए। दोनों देश परिवहन सहयोग बढ़ाएंगे।\n"
ENGLISH = "India and Kazakhstan signed a memorandum of understanding on trade and energy cooperation.\n"
COMPARED = {  # output table -> (tables function, columns compared)
    "sectors": (tables.sector_mentions, tables.SECTOR_COLUMNS),
    "agreements": (tables.agreements, tables.AGREEMENT_COLUMNS),
    "entities": (tables.entities, tables.ENTITY_COLUMNS),
    "entity_mentions": (tables.entity_mentions, tables.MENTION_COLUMNS),
}
DOC_COLUMNS = [
    "doc_id",
    "source",
    "dateline",
    "n_sentences",
    "n_tokens",
    "n_sector_mentions",
    "n_agreements",
    "n_entities",
    "n_events",
    "n_talks",
]


def _plain(v: Any) -> Any:
    """A table cell as a plain Python value: NaN -> None, arrays and tuples -> lists, numpy scalars -> Python."""
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return None
    if hasattr(v, "tolist"):
        return v.tolist()
    if isinstance(v, tuple):
        return list(v)
    return v


def _rows(df: pd.DataFrame, columns: list[str]) -> list[dict[str, Any]]:
    return [{c: _plain(r[c]) for c in columns} for r in df[columns].to_dict("records")]


def assert_same_as_extract(out: Path, records: list[dict[str, Any]]) -> None:
    """Every output table equals the :mod:`sahyog.tables` table of the ``extract`` records, row for row."""
    docs = pq.read_table(out / "documents.parquet").to_pandas()
    ok = docs[docs["error"].isna()]
    assert _rows(ok, DOC_COLUMNS) == _rows(tables.documents(records), DOC_COLUMNS)
    for name, (make, columns) in COMPARED.items():
        got = pq.read_table(out / f"{name}.parquet").to_pylist()
        assert [{c: _plain(r[c]) for c in columns} for r in got] == _rows(make(records), columns), name


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """Twelve dated variants of the example, two short articles (one without dateline), three bad files."""
    root = tmp_path_factory.mktemp("corpus")
    path = corpus.write_corpus(corpus.make_articles([EXAMPLE_TEXT, SHORT], 12, seed=1), root / "articles", "folder")
    (path / "2025-06-01_short.txt").write_text(SHORT, encoding="utf-8")
    (path / "2025-07-01_no_dateline.txt").write_text(SHORT.split(": ", 1)[1], encoding="utf-8")
    (path / "zz_bad_encoding.txt").write_bytes("कज़ाकिस्तान".encode() + b"\xff\xfe\x00 Caf\xe9")
    (path / "zz_empty.txt").write_bytes(b"  \n")
    (path / "zz_english.txt").write_text(ENGLISH, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def folder_records(folder) -> list[dict[str, Any]]:
    return [extract_file(p) for p in sorted(folder.glob("*.txt")) if not p.name.startswith("zz_")]


@pytest.fixture(scope="module")
def cluster():
    """A Dask cluster of two worker processes, reached by address as a remote one would be."""
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as c:
        yield c


def test_folder_on_local_cluster_equals_extract(folder, folder_records, tmp_path):
    out = tmp_path / "out"
    summary = corpus.run_corpus(folder, out, workers=2, partition_size=4, progress=False)
    assert_same_as_extract(out, folder_records)
    assert summary["articles"] == 17 and summary["ok"] == 14 and summary["errors"] == 3
    assert summary["workers"] == 2 and summary["partitions"] == 5
    assert json.loads((out / "summary.json").read_text(encoding="utf-8")) == summary
    docs = corpus.load_tables(out)["documents"]
    assert docs["doc_id"].tolist() == sorted(p.stem for p in folder.glob("*.txt"))  # input order kept
    assert docs["date"].notna().sum() == 14  # dates from YYYY-MM-DD_ file names


def test_partitions_are_buffered_into_few_row_groups(folder, tmp_path):
    """A row group per partition made the client's memory grow with the corpus: small partitions are buffered."""
    import pyarrow.parquet as pq

    out = tmp_path / "out"
    summary = corpus.run_corpus(folder, out, workers=1, partition_size=1, progress=False)
    parts = summary["partitions"]
    assert parts > corpus.ROW_GROUP_PARTS  # a row group per partition would show
    for name in ("documents", "sectors", "entities"):
        assert pq.ParquetFile(out / f"{name}.parquet").metadata.num_row_groups <= -(-parts // corpus.ROW_GROUP_PARTS)


def test_a_buffer_holds_at_most_a_few_partitions(folder, tmp_path, monkeypatch):
    """A buffer bounded by bytes alone kept a small table's results for the whole run: partitions are capped too."""
    import pyarrow.parquet as pq

    monkeypatch.setattr(corpus, "ROW_GROUP_PARTS", 2)
    summary = corpus.run_corpus(folder, tmp_path / "out", workers=1, partition_size=1, progress=False)
    groups = pq.ParquetFile(tmp_path / "out" / "documents.parquet").metadata.num_row_groups  # a row per article
    assert groups == -(-summary["partitions"] // 2)


def test_bad_articles_are_recorded_and_the_run_goes_on(folder, tmp_path):
    corpus.run_corpus(folder, tmp_path / "out", workers=1, partition_size=50, progress=False)
    docs = corpus.load_tables(tmp_path / "out")["documents"].set_index("doc_id")
    errors = docs["error"].dropna().to_dict()
    assert set(errors) == {"zz_bad_encoding", "zz_empty", "zz_english"}
    assert errors["zz_bad_encoding"].endswith(
        "not UTF-8 or UTF-16 text (undecodable byte 0xff at offset 33); save the file as UTF-8"
    )
    assert errors["zz_empty"] == f"{folder / 'zz_empty.txt'}: empty file (no text)"
    assert "not Hindi text" in errors["zz_english"]
    assert all("\n" not in e for e in errors.values())
    assert docs.loc["zz_empty", ["n_tokens", "dateline"]].isna().all()


def test_remote_cluster_by_address(cluster, folder, folder_records, tmp_path):
    out = tmp_path / "out"
    summary = corpus.run_corpus(folder, out, scheduler=cluster.scheduler_address, partition_size=3, progress=False)
    assert_same_as_extract(out, folder_records)  # files shipped as bytes by the client
    assert summary["workers"] == 2 and summary["scheduler"] == cluster.scheduler_address


def test_jsonl_with_column_options_and_bad_rows(cluster, tmp_path):
    rows = [
        {"uid": f"x{i}", "body": text, "when": f"2025-0{i % 3 + 1}-15", "outlet": "Jagran"}
        for i, text in enumerate([EXAMPLE_TEXT, SHORT, SHORT.replace("ऊर्जा", "कृषि")])
    ]
    rows += [{"body": "", "when": "2025-04-01"}, {"uid": "no-text"}]
    lines = [json.dumps(r, ensure_ascii=False) for r in rows]
    lines.insert(2, "{not json")
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join(lines) + "\n\n", encoding="utf-8")
    out = tmp_path / "out"
    summary = corpus.run_corpus(
        path,
        out,
        scheduler=cluster.scheduler_address,
        text_column="body",
        date_column="when",
        source_column="outlet",
        id_column="uid",
        partition_size=2,
        progress=False,
    )
    records = [extract_text(r["body"], r["uid"], "Jagran") for r in rows[:3]]
    assert_same_as_extract(out, records)
    docs = corpus.load_tables(out)["documents"]
    assert docs["doc_id"].tolist() == ["x0", "x1", "news-3", "x2", "news-5", "no-text"]
    assert docs["date"].tolist()[:2] == [date(2025, 1, 15), date(2025, 2, 15)]
    err = docs.set_index("doc_id")["error"]
    assert err["news-3"].startswith(f"{path}:3: not valid JSON")
    assert err["news-5"] == f"{path}:5: empty 'body' value"  # an empty value, not an empty file
    assert err["no-text"] == f"{path}:6: no 'body' value"
    assert summary["errors"] == 3 and summary["dates"] == {
        "first": "2025-01-15",
        "last": "2025-04-01",
        "undated": 2,
        "invalid": 0,
        "first_invalid": None,
    }


def test_csv_with_column_options(cluster, tmp_path):
    texts = [SHORT, EXAMPLE_TEXT.replace("\n", "\r\n")]
    df = pd.DataFrame({"published": ["2025-03-01", "not a date"], "article": texts, "paper": ["", "Hindustan"]})
    path = tmp_path / "news.csv"
    df.to_csv(path, index=False, encoding="utf-8")
    out = tmp_path / "out"
    corpus.run_corpus(
        path,
        out,
        scheduler=cluster.scheduler_address,
        text_column="article",
        date_column="published",
        source_column="paper",
        progress=False,
    )
    # ids and origins name the file line a record starts on: the header is line 1, SHORT spans lines 2-3
    records = [extract_text(SHORT, "news-2", f"{path}:2"), extract_text(EXAMPLE_TEXT, "news-4", "Hindustan")]
    assert_same_as_extract(out, records)
    assert corpus.load_tables(out)["documents"]["date"].tolist()[0] == date(2025, 3, 1)


@pytest.mark.parametrize("suffix", [".csv", ".jsonl"])
def test_missing_text_column_is_an_input_error_and_keeps_old_output(tmp_path, suffix):
    path = tmp_path / f"news{suffix}"
    if suffix == ".csv":
        path.write_text("title,body\nx,भारत\n", encoding="utf-8")
    else:
        path.write_text(json.dumps({"title": "x", "body": "भारत"}) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "summary.json").write_text("{}", encoding="utf-8")
    with pytest.raises(InputError) as exc:
        corpus.run_corpus(path, out, progress=False)
    assert str(exc.value) == f"{path}: no text column 'text'; columns: title, body"
    assert (out / "summary.json").read_text(encoding="utf-8") == "{}"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp folder left


def test_refuses_to_replace_a_folder_that_is_not_a_corpus_output(folder, tmp_path):
    (tmp_path / "notes.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(InputError, match="not a Sahyog corpus output"):
        corpus.run_corpus(folder, tmp_path, progress=False)
    assert (tmp_path / "notes.txt").exists()


def test_cli_errors_name_the_file(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "sahyog", "corpus", str(tmp_path / "nope.jsonl"), "--out", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode != 0
    assert proc.stderr.strip() == f"sahyog: error: {tmp_path / 'nope.jsonl'}: no such file or folder"


def test_parse_date():
    assert corpus.parse_date("2025-03-14") == date(2025, 3, 14)
    assert corpus.parse_date("2025-03-14T10:00:00+05:30") == date(2025, 3, 14)
    assert corpus.parse_date("2025-03-14_a000001.txt") == date(2025, 3, 14)
    assert corpus.parse_date("14/03/2025") is None
    assert corpus.parse_date(None) is None and corpus.parse_date("") is None


def test_aggregates():
    docs = pd.DataFrame(
        {"doc_id": ["a", "b", "c"], "date": [date(2025, 1, 5), date(2025, 3, 1), None], "error": [None, None, "x: bad"]}
    )
    agr = pd.DataFrame(
        {
            "doc_id": ["a", "a", "b"],
            "category": ["mou", "visit", "mou"],
            "parties": [["IN", "KZ", "org:igc"], ["IN"], ["KZ", "IN", "PK"]],
        }
    )
    ents = pd.DataFrame(
        {
            "doc_id": ["a", "b", "b"],
            "type": ["country"] * 3,
            "id": ["IN", "IN", "KZ"],
            "name_en": ["India", "India", "Kazakhstan"],
            "name_hi": ["भारत", "भारत", "कज़ाखस्तान"],
            "n_mentions": [2, 3, 1],
        }
    )
    m = corpus.categories_by_month(docs, agr)
    assert list(m.columns) == ["2025-01", "2025-02", "2025-03"] and m.loc["mou"].tolist() == [1, 0, 1]
    pairs = corpus.country_pairs(agr, ents)
    assert pairs.iloc[0].to_dict() == {"pair": "India – Kazakhstan", "a": "IN", "b": "KZ", "agreements": 2}
    assert len(pairs) == 3
    top = corpus.top_entities(ents)
    assert top.iloc[0][["id", "articles", "mentions"]].tolist() == ["IN", 2, 5]
    sec = pd.DataFrame({"doc_id": ["a", "a", "b"], "sector": ["trade", "trade", "energy"]})
    shares = corpus.sector_shares(docs, sec)
    assert shares.to_dict("records")[0] == {"sector": "energy", "articles": 1, "share": 0.5, "mentions": 1}


def test_make_articles_is_deterministic():
    a = list(corpus.make_articles([EXAMPLE_TEXT, SHORT], 5, seed=3))
    assert a == list(corpus.make_articles([EXAMPLE_TEXT, SHORT], 5, seed=3))
    assert [d for _, d, _ in a] == sorted(d for _, d, _ in a) and len({t for _, _, t in a}) > 1


def test_article_ids_match_extract_for_odd_file_names(tmp_path):
    folder = tmp_path / "odd"
    folder.mkdir()
    (folder / "2025-03-04 a#b.txt").write_text(SHORT, encoding="utf-8")
    out = tmp_path / "out"
    corpus.run_corpus(folder, out, workers=1, progress=False)
    docs = pd.read_parquet(out / "documents.parquet")
    assert list(docs["doc_id"]) == [extract_file(folder / "2025-03-04 a#b.txt")["doc_id"]] == ["2025-03-04_a_b"]
    assert str(docs["date"].iloc[0])[:10] == "2025-03-04"


def test_partition_agreements_are_the_reported_ones_unless_all():
    text = "भारत और नेपाल ने ऊर्जा समझौते पर हस्ताक्षर किए। दोनों देशों के बीच व्यापार संधि पर बातचीत चल रही है।\n"
    items = [corpus.Item("a", "a.txt", "a.txt", text=text)]
    default = corpus.process_partition(items).tables["agreements"].to_pandas()
    full = corpus.process_partition(items, all_agreements=True).tables["agreements"].to_pandas()
    assert list(default["status"]) == ["agreed"]
    assert sorted(full["status"]) == ["agreed", "planned"] and set(full["level"]) == {"government"}


def test_origins_are_kept_compactly_and_read_back_exactly():
    from sahyog.corpus import _Origins

    o = _Origins()
    given = ["/data/a.jsonl:1", "/data/a.jsonl:123456", "/data/b.jsonl:7", "/data/x.txt", "C:/in/a.txt", "a:007", ""]
    codes = [o.encode(g) for g in given]
    assert [o.decode(c) for c in codes] == given
    assert all(isinstance(c, int) for c in codes[:3]) and isinstance(codes[5], str)  # "007" kept as written
    assert len({codes[0], codes[1], codes[2]}) == 3 and o.names == ["/data/a.jsonl", "/data/b.jsonl"]


def test_the_inputs_date_resolves_the_days_an_article_names_as_extract_date_does():
    # a JSON line's or CSV row's date is the article's date: "कल" is the day before it, as `extract --date` reads it
    text = "भारत और नेपाल ने कल ऊर्जा समझौते पर हस्ताक्षर किए।\n"
    items = [corpus.Item("a", "a.txt", "a.txt", date=date(2024, 5, 14), text=text)]
    events = corpus.process_partition(items).tables["event_sources"].to_pandas()
    assert list(events["date"]) == ["2024-05-13"]
    assert extract_text(text, "a", date="2024-05-14")["events"][0]["date"] == "2024-05-13"

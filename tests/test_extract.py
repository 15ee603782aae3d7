"""The extract record (the JSON contract), the ``extract`` command and the tables built from records."""

from __future__ import annotations

import itertools
import json
import subprocess
import sys

import pandas as pd
import pytest

from sahyog import tables
from sahyog.extract import RECORD_KEYS, extract_file
from sahyog.paths import example_article
from sahyog.record import EVENT_KEYS

EXAMPLE = example_article()


@pytest.fixture(scope="module")
def record():
    return extract_file(EXAMPLE)


def test_record_has_the_contract_keys(record):
    assert tuple(record) == RECORD_KEYS
    assert record["doc_id"] == EXAMPLE.stem and record["dateline"] == "इस्लामाबाद"
    s = record["sectors"][0]
    assert set(s) == {"sentence_id", "sector", "term", "start", "end", "context"}
    a = record["agreements"][0]
    assert set(a) == {"id", "sentence_id", "category", "sectors", "parties", "count", "text", "level", "status",
                      "routes"}  # fmt: skip
    assert [a["id"] for a in record["agreements"]] == [f"a{n}" for n in range(1, len(record["agreements"]) + 1)]
    ev = record["events"][0]
    assert tuple(ev) == EVENT_KEYS and set(ev["mentions"]) <= {a["id"] for a in record["agreements"]}
    e = record["entities"][0]
    assert {"type", "id", "name_en", "name_hi", "lat", "lon", "mentions", "country", "actor_type"} <= set(e)
    assert set(e["mentions"][0]) == {"text", "start", "end", "sentence_id"}
    json.dumps(record, ensure_ascii=False)  # plain data only


def test_offsets_point_into_the_decoded_original(record):
    raw = EXAMPLE.read_text(encoding="utf-8")
    for s in record["sentences"]:
        assert raw[s["start"] : s["end"]] == s["text"]
    for e in record["entities"]:
        for m in e["mentions"]:
            assert raw[m["start"] : m["end"]] == m["text"]
    for m in record["sectors"]:
        assert m["start"] < m["end"] and raw[m["start"] : m["end"]].strip()


def test_example_agreements_are_agreed_between_governments(record):
    # the hand annotation: every agreement of the example is an outcome of the intergovernmental commission
    assert len(record["agreements"]) == 10
    assert {(a["level"], a["status"]) for a in record["agreements"]} == {("government", "agreed")}


def test_entities_have_actor_types(record):
    types = {e["id"]: e["actor_type"] for e in record["entities"]}
    assert types["PK"] == types["KZ"] == "state"
    assert types["org:nadra"] == "government"
    assert all(types[e["id"]] is None for e in record["entities"] if e["type"] in ("place", "region"))


def test_agreement_parties_are_entity_ids(record):
    ids = {e["id"] for e in record["entities"]}
    parties = {p for a in record["agreements"] for p in a["parties"]}
    assert parties and parties <= ids


def test_route_stops_are_kept_in_the_record_with_offsets(record):
    raw = EXAMPLE.read_text(encoding="utf-8")
    names = {m["text"]: e["id"] for e in record["entities"] for m in e["mentions"]}
    corridors = [a for a in record["agreements"] if a["category"] == "corridor"]
    routes = [r for a in corridors for r in a["routes"]]
    assert routes and all(not a["routes"] for a in record["agreements"] if a["category"] != "corridor")
    for route in routes:
        assert len(route) >= 2
        for stop in route:
            assert names[raw[stop["start"] : stop["end"]]] == stop["id"]
    hyphenated = [r for r in routes if all(raw[a["end"] : b["start"]] == "-" for a, b in itertools.pairwise(r))]
    assert [s["id"] for s in hyphenated[0]] == ["KZ", "TM", "AF", "PK"]


def test_routes_of_the_example(record):
    # read from the article: two hyphenated routes, and Almaty -> (via Pakistan) -> Jebel Ali
    routes = tables.routes(record)
    stops = [tuple(s) for s in routes["stops"]]
    assert ("KZ", "TM", "AF", "PK") in stops
    assert ("KZ", "UZ", "AF", "PK") in stops
    almaty = next(s for s in stops if s[0].startswith("geo:") and len(s) == 3)
    assert almaty[1] == "PK"
    assert routes["route"].str.contains("Almaty → Pakistan → Jebel Ali").any()


def test_country_co_mentions(record):
    co = tables.co_mentions(record, "country")
    assert (co.to_numpy() == co.to_numpy().T).all()
    assert co.loc["Pakistan", "Kazakhstan"] >= 3  # sentences 0, 4, 9 name both at least
    assert co.loc["Kazakhstan", "Kazakhstan"] >= co.loc["Pakistan", "Kazakhstan"]


def test_sector_and_category_tables(record):
    from sahyog.sectors import sector_labels

    st = tables.sector_table(record, sector_labels())
    assert st["mentions"].sum() == len(record["sectors"])
    assert (st[["agreement", "cooperation", "portfolio", "mention", "conflict"]].sum(axis=1) == st["mentions"]).all()
    assert st.set_index("sector").loc["trade", "label_hi"] == "व्यापार"
    counts = tables.category_counts(record)
    assert counts["events"].sum() == len(record["events"])
    assert counts["mentions"].sum() == len(record["agreements"]) > len(record["events"])
    m = tables.category_sector_matrix(record)
    assert m.loc["cultural_initiative", "culture"] == 1
    assert m.loc["mou"].max() == 1  # a sector counts once per event, however often its sentences name it


def test_evidence_columns(record):
    df = tables.with_evidence(tables.sector_mentions(record), record)
    water = df[df["sector"] == "water"].iloc[0]
    assert water["written"] == "जल संसाधन"
    assert "मंत्रालयों" in water["evidence"]


def test_csv_is_written_atomically_and_flattens_lists(tmp_path, record):
    path = tables.write_csv(tables.agreements(record), tmp_path / "a.csv")
    back = pd.read_csv(path)
    assert len(back) == len(record["agreements"])
    assert back["parties"].str.contains("; ").any()
    assert [p.name for p in tmp_path.iterdir()] == ["a.csv"]


# --- the command ---------------------------------------------------------------------------------------


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "sahyog", *args], capture_output=True, text=True, timeout=120)


def test_extract_command_prints_one_json_object_per_article(tmp_path):
    second = tmp_path / "second.txt"
    second.write_text(EXAMPLE.read_text(encoding="utf-8").split("\n", 2)[2], encoding="utf-8")
    proc = _run("extract", str(EXAMPLE), str(second))
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.strip().split("\n")
    assert len(lines) == 2
    first, other = (json.loads(line) for line in lines)
    assert first["dateline"] == "इस्लामाबाद" and other["dateline"] is None
    assert other["doc_id"] == "second"


def test_extract_lists_planned_and_non_state_agreements_only_when_asked(tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_text(
        "भारत और नेपाल ने ऊर्जा समझौते पर हस्ताक्षर किए। दोनों देशों के बीच व्यापार संधि पर अगले महीने हस्ताक्षर किए जाएंगे।\n",
        encoding="utf-8",
    )
    default = json.loads(_run("extract", str(path)).stdout)
    full = json.loads(_run("extract", str(path), "--all-agreements").stdout)
    assert [(a["category"], a["status"]) for a in default["agreements"]] == [("agreement", "agreed")]
    assert [(a["category"], a["status"]) for a in full["agreements"]] == [
        ("agreement", "agreed"),
        ("treaty", "planned"),
    ]
    assert tables.reported(full)[0]["agreements"] == default["agreements"]
    assert [(e["category"], e["status"]) for e in default["events"]] == [("agreement", "agreed")]
    assert [(e["category"], e["status"]) for e in full["events"]] == [("agreement", "agreed"), ("treaty", "planned")]
    assert tables.reported(full, all_agreements=True)[0] is full


def test_extract_folder_to_csv(tmp_path):
    proc = _run("extract", str(EXAMPLE.parent), "--format", "csv", "--out", str(tmp_path / "t"))
    assert proc.returncode == 0, proc.stderr
    names = {p.name for p in (tmp_path / "t").iterdir()}
    assert {"documents.csv", "sentences.csv", "sectors.csv", "agreements.csv", "events.csv", "entities.csv"} <= names
    events = pd.read_csv(tmp_path / "t" / "events.csv")
    assert list(events.columns) == ["doc_id", *EVENT_KEYS] and len(events) > 0
    # the talks the example reports (Kazakhstan and Pakistan, in Islamabad) are tables too, beside the agreements
    talks = pd.read_csv(tmp_path / "t" / "talks_events.csv")
    assert list(talks.columns) == ["doc_id", *EVENT_KEYS]
    assert (talks["category"] == "talks").all() and "KZ; PK" in set(talks["parties"])
    assert "talks" not in set(events["category"])  # what was agreed and what was held stay apart
    docs = pd.read_csv(tmp_path / "t" / "documents.csv").set_index("doc_id")
    for doc_id, group in events.groupby("doc_id"):  # each agreement once, beside its mentions
        assert docs.loc[doc_id, "n_events"] == len(group) <= docs.loc[doc_id, "n_agreements"]
    assert docs["n_talks"].sum() == len(talks)
    mentions = pd.read_csv(tmp_path / "t" / "talks.csv")
    assert set(mentions["id"]) >= {i for ids in talks["mentions"] for i in ids.split("; ")}


def _bad_input(folder, kind):
    """Create one kind of bad input under ``folder`` and return its path."""
    path = folder / {"missing": "missing.txt", "empty": "empty.txt", "english": "en.txt", "folder": "sub"}[kind]
    if kind == "empty":
        path.write_text("")
    elif kind == "english":
        path.write_text("Hello world, this is English.")
    elif kind == "folder":
        path.mkdir()
    return path


@pytest.mark.parametrize(
    ("kind", "problem"),
    [("missing", "no such file"), ("empty", "empty"), ("english", "not Hindi"), ("folder", "no .txt articles")],
)
def test_extract_bad_input_is_one_line_and_nonzero(tmp_path, kind, problem):
    path = _bad_input(tmp_path, kind)
    proc = _run("extract", str(path))
    assert proc.returncode != 0
    assert proc.stdout == ""
    err = proc.stderr.strip()
    assert "\n" not in err and err.startswith("sahyog: error:") and str(path) in err and problem in err


def test_csv_needs_out():
    proc = _run("extract", str(EXAMPLE), "--format", "csv")
    assert proc.returncode == 2 and "--out" in proc.stderr


def test_one_very_long_line_without_sentence_marks(tmp_path):
    # an article pasted as one line with its dandas lost, repeated: every mention is still found, once
    body = EXAMPLE.read_text(encoding="utf-8").replace("\n", " ").replace("।", " ")
    path = tmp_path / "long.txt"
    path.write_text(" ".join([body] * 40), encoding="utf-8")
    rec = extract_file(path)
    assert len(rec["sentences"]) < 10
    kz = next(e for e in rec["entities"] if e["id"] == "KZ")
    one = next(e for e in extract_file(EXAMPLE)["entities"] if e["id"] == "KZ")
    assert len(kz["mentions"]) == 40 * len(one["mentions"])


def test_agreements_with_named_and_typed_parties(record):
    df = tables.agreements_with_parties(record)
    mou = df[df["sentence_id"] == 13].iloc[0]
    assert "NADRA (government body, PK)" in mou["parties"] and "Kazakhstan (state)" in mou["parties"]
    assert mou["party_types"][mou["parties"].index("NADRA (government body, PK)")] == "government"
    assert set(df["level"]) == {"government"} and set(df["status"]) == {"agreed"}
    parties = tables.parties_table(record).set_index("id")
    # parties come from the words around each trigger (never the article's favourites): KZ is named in four
    assert parties.loc["KZ", "actor_type"] == "state" and parties.loc["KZ", "agreements"] >= 4
    assert parties.loc["KZ", "events"] == len(record["events"])  # every event of the example is between KZ and PK
    assert parties.loc["org:nadra", ["name_hi", "country"]].tolist() == ["नादरा", "PK"]
    assert set(parties.index) <= {p for a in record["agreements"] for p in a["parties"]}

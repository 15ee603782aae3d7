"""Corpus events from a real ``sahyog corpus`` run: the same events and ids on 1 or 2 workers and in any input
order (short Hindi articles written for this test)."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from sahyog import corpus, plover

KZ = "नई दिल्ली: भारत और कजाकिस्तान ने व्यापार और ऊर्जा पर एक समझौता ज्ञापन पर हस्ताक्षर किए।\n"
NP = "भारत और नेपाल ने {day} को काठमांडू में आठ समझौतों पर हस्ताक्षर किए।\n"
ARTICLES = [  # (doc_id, article date, text)
    ("kz1", "2025-06-01", KZ),
    ("kz2", "2025-06-02", KZ),
    ("kz3", "2025-06-04", KZ),
    ("kz4", "2025-06-20", KZ),
    ("np1", "2017-08-24", NP.format(day="24 अगस्त 2017")),
    ("np2", "2017-08-25", NP.format(day="24 अगस्त 2017")),
    ("np3", "2017-08-26", NP.format(day="25 अगस्त 2017")),
    ("np4", "2017-09-03", NP.format(day="2 सितंबर 2017")),
]


def write_jsonl(path: Path, order: list[int]) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for i in order:
            doc_id, day, text = ARTICLES[i]
            fh.write(json.dumps({"doc_id": doc_id, "date": day, "text": text}, ensure_ascii=False) + "\n")
    return path


def merged(out: Path) -> set[tuple[str, str, str]]:
    rows = pq.read_table(out / "event_sources.parquet").to_pylist()
    return {(r["event_id"], r["doc_id"], r["article_event_id"]) for r in rows}


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("events-run")
    order = list(range(len(ARTICLES)))
    shuffled = order[:]
    random.Random(3).shuffle(shuffled)
    a = write_jsonl(root / "a.jsonl", order)
    b = write_jsonl(root / "b.jsonl", shuffled)
    corpus.run_corpus(a, root / "one", workers=1, partition_size=3, progress=False, export=("plover",))
    corpus.run_corpus(b, root / "two", workers=2, partition_size=2, progress=False)
    return {"one": root / "one", "two": root / "two"}


def test_same_events_and_ids_with_other_workers_and_order(runs) -> None:
    one, two = merged(runs["one"]), merged(runs["two"])
    assert one == two
    assert len(one) == len(ARTICLES)


def test_reports_of_one_occasion_are_one_event(runs) -> None:
    groups: dict[str, set[str]] = {}
    for event_id, doc_id, _ in merged(runs["one"]):
        groups.setdefault(event_id, set()).add(doc_id)
    # undated MoUs: articles within three days of each other; the 2 September signing is another event
    assert sorted(map(sorted, groups.values())) == [["kz1", "kz2", "kz3"], ["kz4"], ["np1", "np2", "np3"], ["np4"]]
    events = pq.read_table(runs["one"] / "events.parquet").to_pylist()
    np_event = next(e for e in events if e["n_sources"] == 3 and e["parties"] == ["IN", "NP"])
    assert (np_event["date"], np_event["date_precision"], np_event["place_name"]) == ("2017-08-24", "day", "Kathmandu")


def test_the_run_exports_plover_records(runs) -> None:
    import jsonschema

    lines = (runs["one"] / plover.EXPORT_FILE).read_text(encoding="utf-8").splitlines()
    assert len(lines) == 4
    for line in lines:
        jsonschema.validate(json.loads(line), plover.schema())
    summary = json.loads((runs["one"] / corpus.SUMMARY_FILE).read_text(encoding="utf-8"))
    assert summary["events"]["events"] == 4 and summary["events"]["exports"] == {plover.EXPORT_FILE: 4}

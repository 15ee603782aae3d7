"""``sahyog extract`` writes each article as it is done: the same bytes as writing everything at the end."""

from __future__ import annotations

import io
import json
import subprocess
import sys

from sahyog import streaming, tables
from sahyog.extract import extract_file
from sahyog.paths import example_article
from sahyog.record import reported

EXAMPLE = example_article()


def test_json_line_is_json_dumps_written_piece_by_piece():
    record = {"doc_id": "a\u200db", "n": 3, "empty": [], "items": [{"x": "भारत", "y": [1, 2.5, None]}, {"z": True}]}
    out = io.StringIO()
    streaming.write_json_line(record, out)
    assert out.getvalue() == json.dumps(record, ensure_ascii=False) + "\n"


def test_json_line_of_a_real_record():
    (record,) = reported(extract_file(EXAMPLE))
    out = io.StringIO()
    streaming.write_json_line(record, out)
    assert out.getvalue() == json.dumps(record, ensure_ascii=False) + "\n"


def test_csv_tables_appended_per_article_equal_the_tables_of_all(tmp_path):
    text = EXAMPLE.read_text(encoding="utf-8")
    short = tmp_path / "short.txt"
    short.write_text("\n".join(text.split("\n")[:3]) + "\n", encoding="utf-8")
    records = reported([extract_file(EXAMPLE), extract_file(short)])
    whole = tables.write_all_csv(records, tmp_path / "whole")
    (tmp_path / "streamed").mkdir()
    out = streaming.CsvTables(tmp_path / "streamed")
    for r in records:
        out.add(r)
    streamed = out.close()
    assert [p.name for p in streamed] == [p.name for p in whole]
    for a, b in zip(whole, streamed, strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name
    assert sorted(p.name for p in (tmp_path / "streamed").iterdir()) == sorted(p.name for p in whole)


def test_discarded_csv_run_leaves_the_earlier_tables(tmp_path):
    (tmp_path / "sectors.csv").write_text("earlier\n", encoding="utf-8")
    out = streaming.CsvTables(tmp_path)
    out.add(reported(extract_file(EXAMPLE))[0])
    out.discard()
    assert [p.name for p in tmp_path.iterdir()] == ["sectors.csv"]
    assert (tmp_path / "sectors.csv").read_text(encoding="utf-8") == "earlier\n"


def test_extract_command_loads_no_pandas():
    code = (
        "import sys, contextlib, io\n"
        "from sahyog import cli\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    assert cli.main(['extract', {str(EXAMPLE)!r}]) == 0\n"
        "assert 'pandas' not in sys.modules, 'pandas was imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)

"""The reliability suite: the ``sahyog`` command under bad input, interrupts and faults.

Every case asserts the exit status (see :mod:`sahyog.errors`), the one line ``sahyog: error: …`` on
stderr, and that outputs written before are byte-identical afterwards. Most cases fail before any
notebook or cluster starts, so they run in-process; interrupts, killed runs and worker faults use
real processes and a real local Dask cluster.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import warnings
from pathlib import Path

import pandas as pd
import pytest

from sahyog import cli, corpus
from sahyog.errors import EXIT_ARTICLES_FAILED, EXIT_ERROR, EXIT_INTERRUPTED, EXIT_OK
from sahyog.files import MARKER, marker_text
from sahyog.paths import REPO_ROOT, example_article
from sahyog.text import split_article

EXAMPLE = example_article()
SHORT = "नई दिल्ली: भारत और नेपाल ने व्यापार और ऊर्जा पर एक समझौता ज्ञापन पर हस्ताक्षर किए। दोनों देश परिवहन सहयोग बढ़ाएंगे।\n"
OTHER = "काठमांडू: दोनों देशों ने कृषि और पर्यटन में सहयोग पर बात की।\n"


# --- helpers -------------------------------------------------------------------------------------


def run(capsys, *argv: str) -> tuple[int, str, str]:
    """``sahyog ARGV`` in this process: exit status, stdout, stderr."""
    try:
        code = cli.main([str(a) for a in argv])
    except SystemExit as exc:  # argparse
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


def one_error(err: str) -> str:
    """The single line on stderr, which must be Sahyog's one-line error (no traceback, no noise)."""
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) == 1, err
    assert lines[0].startswith("sahyog: error: "), err
    return lines[0]


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (hidden ones too) with its bytes."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def dead_pid() -> int:
    """The id of a process that has exited (as a killed run's would be)."""
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def sahyog_cmd(*argv: object) -> list[str]:
    return [sys.executable, "-m", "sahyog", *[str(a) for a in argv]]


def interrupt_when(cmd: list[str], ready, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Start ``cmd`` in its own session, press Ctrl-C (SIGINT to the whole group, like a terminal) once
    ``ready()`` is true, and wait for it to end. The run starts with Ctrl-C's default action, as from a
    terminal: a test run started in the background (``make test &``) passes SIGINT on as ignored, and Python
    then installs no KeyboardInterrupt handler."""
    proc = subprocess.Popen(
        cmd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    t0 = time.monotonic()
    while not ready() and proc.poll() is None and time.monotonic() - t0 < timeout:
        time.sleep(0.1)
    assert proc.poll() is None, "the run ended before it could be interrupted"
    os.killpg(proc.pid, signal.SIGINT)
    out, err = proc.communicate(timeout=timeout)
    return subprocess.CompletedProcess(cmd, proc.returncode, out, err)


@pytest.fixture
def articles(tmp_path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a_short.txt").write_text(SHORT, encoding="utf-8")
    (folder / "b_other.txt").write_text(OTHER, encoding="utf-8")
    return folder


@pytest.fixture
def earlier_report(tmp_path) -> Path:
    """A report folder from an earlier run (Sahyog's marker, one article's report, an index)."""
    out = tmp_path / "reports"
    (out / "a_short").mkdir(parents=True)
    (out / MARKER).write_text('{"kind": "report"}\n', encoding="utf-8")
    (out / "a_short" / "summary.json").write_text(
        json.dumps({"doc_id": "a_short", "pages": ["01_tokenise"], "n_sentences": 2}), encoding="utf-8"
    )
    (out / "a_short" / "01_tokenise.html").write_text("<p>earlier report</p>", encoding="utf-8")
    (out / "index.html").write_text("<title>Sahyog reports</title> earlier index", encoding="utf-8")
    return out


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=1, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=logging.CRITICAL
    ) as c:
        yield c


# --- options: checked before anything runs ----------------------------------------------------------


@pytest.mark.parametrize("command", ["report", "corpus"])
@pytest.mark.parametrize("workers", ["-1", "0", "two"])
def test_workers_must_be_a_positive_number(capsys, articles, tmp_path, command, workers):
    out = tmp_path / "out"
    code, _, err = run(capsys, command, articles, "--out", out, "--workers", workers)
    assert code == EXIT_ERROR
    assert "--workers" in one_error(err)
    assert not out.exists()


@pytest.mark.parametrize("value", ["0", "-3"])
def test_top_n_out_of_range_is_refused_before_any_notebook(capsys, articles, tmp_path, value):
    out = tmp_path / "out"
    code, _, err = run(capsys, "report", articles, "--out", out, "-p", f"top_n={value}")
    assert code == EXIT_ERROR
    assert one_error(err) == f"sahyog: error: parameter top_n: must be ≥ 1, got {value}"
    assert not out.exists()


def test_partition_size_must_be_positive(capsys, articles, tmp_path):
    code, _, err = run(capsys, "corpus", articles, "--out", tmp_path / "out", "--partition-size", "0")
    assert code == EXIT_ERROR and "--partition-size" in one_error(err)


# --- lexicons: one line naming file and line, before any notebook -----------------------------------

BAD_LEXICONS = {
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe", "bad.csv: binary data (NUL bytes)"),
    "not_utf8": ("sector,term\ntrade,व्यापार\n".encode("utf-16-le"), "bad.csv: binary data"),
    "latin1": (b"sector,term\ntrade,caf\xe9\n", "bad.csv: not UTF-8 text (undecodable byte 0xe9 at offset 21)"),
    "empty": (b"", "bad.csv: empty file"),
    "header_only": (b"sector,term\n", "bad.csv: no rows after the header"),
    "wrong_columns": ("क्षेत्र,शब्द\ntrade,व्यापार\n".encode(), "bad.csv:1: wrong columns"),
    "ragged": ("sector,term\ntrade,व्यापार\nenergy,ऊर्जा,extra\n".encode(), "bad.csv:3: 3 fields, but the header has 2"),
    "unknown_sector": ("sector,term\ntrade,व्यापार\nsport,क्रिकेट\n".encode(), "bad.csv:3: unknown sector 'sport'"),
}


@pytest.mark.parametrize("case", BAD_LEXICONS, ids=list(BAD_LEXICONS))
def test_bad_lexicon_is_one_line_naming_file_and_line(capsys, articles, earlier_report, tmp_path, case):
    data, expected = BAD_LEXICONS[case]
    lexicon = tmp_path / "bad.csv"
    lexicon.write_bytes(data)
    before = snapshot(earlier_report)
    t0 = time.monotonic()
    code, _, err = run(capsys, "report", articles, "--out", earlier_report, "-p", f"lexicon_path={lexicon}")
    assert code == EXIT_ERROR
    line = one_error(err)
    assert f"{tmp_path}/{expected}" in line, line
    assert time.monotonic() - t0 < 5  # found before any notebook ran (a notebook alone takes seconds)
    assert snapshot(earlier_report) == before


# --- output folders: owned, refused, unwritable ------------------------------------------------------


def test_report_refuses_a_folder_sahyog_did_not_create(capsys, articles, tmp_path):
    user = tmp_path / "mine"
    (user / "a_short").mkdir(parents=True)
    (user / "index.html").write_text("<h1>my own page</h1>", encoding="utf-8")
    (user / "a_short" / "notes.txt").write_text("my notes", encoding="utf-8")
    before = snapshot(user)
    code, _, err = run(capsys, "report", articles, "--out", user)
    assert code == EXIT_ERROR
    line = one_error(err)
    assert f"{user}: folder exists and is not a Sahyog report output" in line and "--force" in line
    assert snapshot(user) == before


def test_force_adopts_the_folder_but_never_deletes_a_foreign_subfolder(capsys, articles, tmp_path):
    user = tmp_path / "mine"
    (user / "a_short").mkdir(parents=True)
    (user / "a_short" / "notes.txt").write_text("my notes", encoding="utf-8")
    code, _, err = run(capsys, "report", articles, "--out", user, "--force", "--quiet")
    assert code == EXIT_ARTICLES_FAILED
    assert f"{user / 'a_short'}: exists and is not a Sahyog report" in one_error(err)
    assert (user / "a_short" / "notes.txt").read_text(encoding="utf-8") == "my notes"
    assert (user / MARKER).is_file() and (user / "index.html").is_file() and (user / "b_other").is_dir()
    index = (user / "index.html").read_text(encoding="utf-8")
    assert "a_short: exists and is not a Sahyog report" in index and str(tmp_path) not in index  # no machine path


@pytest.mark.parametrize("command", [["report"], ["extract", "--format", "csv"]])
def test_nothing_is_written_when_no_article_can_be_read(capsys, tmp_path, command):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    for bad, problem in ((tmp_path / "missing.txt", "no such file"), (empty, "empty file")):
        out = tmp_path / f"out_{bad.stem}"
        code, _, err = run(capsys, *command, bad, "--out", out)
        assert code == EXIT_ARTICLES_FAILED
        assert f"{bad}: {problem}" in one_error(err)
        assert not out.exists(), "a run that read no article leaves no output folder"
    deep = tmp_path / "deep" / "a" / "b"
    code, _, err = run(capsys, *command, empty, "--out", deep)
    assert code == EXIT_ARTICLES_FAILED and not (tmp_path / "deep").exists()  # nor the folders above it


def test_corpus_page_folder_is_checked_before_the_run(capsys, articles, tmp_path):
    user = tmp_path / "site"
    user.mkdir()
    (user / "index.html").write_text("<h1>my own page</h1>", encoding="utf-8")
    before = snapshot(user)
    t0 = time.monotonic()
    code, _, err = run(capsys, "corpus", articles, "--out", tmp_path / "out", "--report", user)
    assert code == EXIT_ERROR
    assert f"{user}: folder exists and is not a Sahyog corpus page output" in one_error(err)
    assert time.monotonic() - t0 < 5 and not (tmp_path / "out").exists()  # refused before any cluster started
    assert snapshot(user) == before


def test_one_commands_output_is_never_taken_for_anothers(capsys, articles, tmp_path):
    # a report site given as a corpus page or a corpus's --out, a corpus given to report or extract: refused whole
    site, tables = tmp_path / "site", tmp_path / "tables"
    for folder, kind in ((site, "report"), (tables, "corpus")):
        folder.mkdir()
        (folder / MARKER).write_text(marker_text(kind), encoding="utf-8")
        (folder / "index.html").write_text("<h1>an earlier result</h1>", encoding="utf-8")
    before = snapshot(tmp_path)
    for command, found, wanted in (
        (("corpus", articles, "--out", tmp_path / "new", "--report", site), "report", "a corpus page"),
        (("corpus", articles, "--out", site), "report", "a corpus"),
        (("extract", articles, "--format", "csv", "--out", site), "report", "an extract"),
        (("report", articles, "--out", tables), "corpus", "a report"),
    ):
        for force in ((), ("--force",)):  # --force adopts the user's folder, never another command's output
            code, _, err = run(capsys, *command, *force)
            assert code == EXIT_ERROR, command
            assert f"is a Sahyog {found} output, not {wanted} output" in one_error(err)
            assert "never another command's output" in one_error(err)
    assert snapshot(tmp_path) == before


def test_a_corpus_page_folder_apart_from_the_tables(capsys, articles, tmp_path):
    # the page built into the tables' folder (or around it) replaced the tables the run had just written
    for out, page in (("x", "x"), ("s/t", "s"), ("u", "u/page")):
        code, _, err = run(capsys, "corpus", articles, "--out", tmp_path / out, "--report", tmp_path / page)
        assert code == EXIT_ERROR and "--report: " in one_error(err) and "apart from --out" in one_error(err)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["articles"]  # refused before any run


def test_an_empty_folder_is_adopted(capsys, tmp_path):
    out = tmp_path / "reports"
    out.mkdir()
    (out / ".gitkeep").touch()
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    code, _, err = run(capsys, "report", bad, "--out", out)
    assert code == EXIT_ARTICLES_FAILED and "empty file" in one_error(err)  # the folder was accepted, the article not
    assert not (out / MARKER).exists() and sorted(p.name for p in out.iterdir()) == [".gitkeep"]  # nothing built


@pytest.mark.parametrize("command", ["report", "corpus", "extract"])
def test_unwritable_output_is_one_line(capsys, articles, tmp_path, command):
    blocker = tmp_path / "file"
    blocker.write_text("a file, not a folder", encoding="utf-8")
    extra = ["--format", "csv"] if command == "extract" else []
    for out in (blocker, blocker / "sub"):
        code, stdout, err = run(capsys, command, articles, "--out", out, *extra)
        assert code == EXIT_ERROR, err
        assert str(out) in one_error(err)
        assert stdout == ""
    assert blocker.read_text(encoding="utf-8") == "a file, not a folder"


def test_stale_temporary_folders_of_a_killed_report_are_removed(capsys, earlier_report, tmp_path):
    gone, alive = dead_pid(), os.getpid()
    stale = [earlier_report / f".a_short.tmp-{gone}-x1y2", earlier_report / f".a_short.old-{gone}-abcd"]
    for d in stale:
        d.mkdir()
        (d / "01_tokenise.html").write_text("half", encoding="utf-8")
    (earlier_report / f".index.html.tmp-{gone}-q9").write_text("half an index", encoding="utf-8")
    running = earlier_report / f".b_other.tmp-{alive}-zz"  # a live run's folder is left alone
    running.mkdir()
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00")
    code, _, _ = run(capsys, "report", bad, "--out", earlier_report)
    assert code == EXIT_ARTICLES_FAILED
    hidden = sorted(p.name for p in earlier_report.iterdir() if p.name.startswith("."))
    assert hidden == [f".b_other.tmp-{alive}-zz", MARKER]


def test_stale_temporary_folder_of_a_killed_corpus_run_is_removed(capsys, articles, cluster, tmp_path):
    out = tmp_path / "out"
    stale = tmp_path / f".out.tmp-{dead_pid()}-abc"
    stale.mkdir()
    (stale / "documents.parquet").write_bytes(b"half")
    other = tmp_path / f".other.tmp-{dead_pid()}-abc"  # not this output's: not ours to judge
    other.mkdir()
    code, _, err = run(capsys, "corpus", articles, "--out", out, "--scheduler", cluster.scheduler_address, "--quiet")
    assert code == EXIT_OK, err
    assert not stale.exists() and other.exists()
    assert (out / MARKER).is_file() and (out / "summary.json").is_file()


def _kill_when(cmd: list[str], ready, timeout: float = 120) -> None:
    """Start ``cmd`` in its own session and SIGKILL the whole group once ``ready()`` (a killed run)."""
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    t0 = time.monotonic()
    while not ready() and proc.poll() is None and time.monotonic() - t0 < timeout:
        time.sleep(0.05)
    assert proc.poll() is None, "the run ended before it could be killed"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=60)


def test_a_killed_report_leaves_temporary_folders_the_next_run_removes(capsys, articles, earlier_report, tmp_path):
    def staging() -> list[Path]:
        return [p for p in earlier_report.iterdir() if ".tmp-" in p.name]

    _kill_when(
        sahyog_cmd("report", articles, "--out", earlier_report, "--quiet", "--workers", "1"),
        lambda: any(p.is_dir() and any(p.glob("*.ipynb")) for p in staging()),
    )
    assert staging(), "the killed run left nothing to clean up"
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    code, _, _ = run(capsys, "report", bad, "--out", earlier_report)
    assert code == EXIT_ARTICLES_FAILED
    assert staging() == []
    assert (earlier_report / "a_short" / "01_tokenise.html").read_text(encoding="utf-8") == "<p>earlier report</p>"


def test_a_killed_corpus_run_leaves_a_folder_the_next_run_removes(capsys, articles, cluster, tmp_path):
    source = corpus.sample_corpus(tmp_path / "news.jsonl", n=300)
    out = tmp_path / "out"

    def staging() -> list[Path]:
        return [p for p in tmp_path.iterdir() if p.name.startswith(".out.tmp-")]

    _kill_when(
        sahyog_cmd("corpus", source, "--out", out, "--workers", "1", "--partition-size", "5", "--quiet"),
        lambda: any((p / "documents.parquet").exists() for p in staging()),
    )
    assert staging() and not out.exists()
    code, _, err = run(capsys, "corpus", articles, "--out", out, "--scheduler", cluster.scheduler_address, "--quiet")
    assert code == EXIT_OK, err
    assert staging() == [] and (out / "summary.json").is_file()


# --- duplicate ids ----------------------------------------------------------------------------------


def test_extract_refuses_two_files_with_the_same_id(capsys, tmp_path):
    (tmp_path / "a b.txt").write_text(SHORT, encoding="utf-8")
    (tmp_path / "a_b.txt").write_text(OTHER, encoding="utf-8")
    code, out, err = run(capsys, "extract", tmp_path)
    assert code == EXIT_ERROR and out == ""
    assert one_error(err) == (
        f"sahyog: error: {tmp_path / 'a_b.txt'}: same article id 'a_b' as {tmp_path / 'a b.txt'}: rename one of them"
    )


def test_corpus_jsonl_repeated_id_is_a_bad_article_not_a_merge(cluster, tmp_path):
    path = tmp_path / "news.jsonl"
    rows = [{"doc_id": "x", "text": SHORT}, {"doc_id": "y", "text": OTHER}, {"doc_id": "x", "text": OTHER}]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "out"
    summary = corpus.run_corpus(path, out, scheduler=cluster.scheduler_address, progress=False)
    tables = corpus.load_tables(out)
    docs = tables["documents"]
    assert docs["doc_id"].is_unique
    assert docs["doc_id"].tolist() == ["x", "y", f"{path}:3"]
    assert docs["error"].isna().tolist() == [True, True, False]
    assert docs["error"].tolist()[2] == f"{path}:3: doc_id 'x' repeats that of {path}:1; ids must be unique"
    # x's rows are the first article's only (OTHER has no trade sector)
    assert set(tables["sectors"].query("doc_id == 'x'")["sector"]) == {"trade", "energy", "transport"}
    assert summary["errors"] == 1


# --- corpus JSONL input -----------------------------------------------------------------------------


def test_a_corpus_with_no_readable_article_replaces_no_earlier_output(capsys, cluster, tmp_path):
    good, bad = tmp_path / "good.jsonl", tmp_path / "bad.jsonl"
    good.write_text(json.dumps({"doc_id": "a", "text": SHORT}, ensure_ascii=False) + "\n", encoding="utf-8")
    bad.write_text('{"doc_id": "x", "text": "English words only."}\n{"doc_id": "y", "text": "अधूरा\n', encoding="utf-8")
    out = tmp_path / "out"
    assert run(capsys, "corpus", good, "--out", out, "--scheduler", cluster.scheduler_address, "--quiet")[0] == EXIT_OK
    before = snapshot(out)
    code, _, err = run(capsys, "corpus", bad, "--out", out, "--scheduler", cluster.scheduler_address, "--quiet")
    assert code == EXIT_ERROR
    assert one_error(err).startswith(
        f"sahyog: error: {bad}: no article could be read (2 tried; first: x: {bad}:1: not Hindi"
    )
    assert snapshot(out) == before and sorted(p.name for p in tmp_path.iterdir()) == ["bad.jsonl", "good.jsonl", "out"]


def test_jsonl_errors_name_the_file_line_after_blank_lines(capsys, cluster, tmp_path):
    path = tmp_path / "news.jsonl"
    lines = [
        json.dumps({"doc_id": "a", "text": SHORT}, ensure_ascii=False),
        "",
        "",
        '{"doc_id": "b", "text": "अधूरा',
        json.dumps({"doc_id": "c", "text": OTHER, "date": "2025-02-30"}, ensure_ascii=False),
        "",
        '{"doc_id": "d", "text": "अधूरा',
    ]
    path.write_text("\n".join(lines), encoding="utf-8")  # the last line has no line end
    out = tmp_path / "out"
    code, _, err = run(capsys, "corpus", path, "--out", out, "--scheduler", cluster.scheduler_address, "--quiet")
    assert code == EXIT_OK
    docs = corpus.load_tables(out)["documents"].set_index("doc_id")
    assert docs.loc["news-4", "error"] == f"{path}:4: not valid JSON (Invalid control character at column 31)"
    assert docs.loc["news-7", "error"] == f"{path}:7: not valid JSON (Unterminated string starting at column 25)"
    assert pd.isna(docs.loc["c", "date"])
    warnings_ = [ln for ln in err.splitlines() if ln.strip()]
    assert warnings_ == [
        f"sahyog: warning: 2 of 4 articles had errors (see documents.error in {out})",
        f"sahyog: warning: 1 article(s) have a date that is not YYYY-MM-DD, left empty ({path}:5: '2025-02-30')",
    ]


# --- text edge cases ---------------------------------------------------------------------------------


OTHER_SCRIPTS = ["ਭਾਰਤ ਅਤੇ ਨੇਪਾਲ ਨੇ ਸਮਝੌਤਾ ਕੀਤਾ", "ভারত ও নেপাল চুক্তি করেছে", "بھارت اور نیپال نے معاہدہ کیا"]


@pytest.mark.parametrize("line", OTHER_SCRIPTS)
def test_a_line_in_another_script_is_its_own_sentence(line):
    text = f"भारत और नेपाल ने समझौता किया\n{line}\nआगे बातचीत होगी।\n"
    assert [s.text for s in split_article(text).sentences] == ["भारत और नेपाल ने समझौता किया", line, "आगे बातचीत होगी।"]


def test_a_stray_danda_on_its_own_line_stays_with_its_sentence():
    text = "भारत और नेपाल ने समझौता किया\n।\nआगे बातचीत होगी।\n"
    assert [s.text for s in split_article(text).sentences] == ["भारत और नेपाल ने समझौता किया\n।", "आगे बातचीत होगी।"]


def test_a_dateline_only_file_is_the_same_error_for_extract_and_report(capsys, tmp_path):
    article = tmp_path / "dateline.txt"
    article.write_text("नई दिल्ली, 13 मई:\n", encoding="utf-8")
    expected = f"sahyog: error: {article}: no sentences, only a dateline: not an article"
    code, out, err = run(capsys, "extract", article)
    assert (code, out, one_error(err)) == (EXIT_ARTICLES_FAILED, "", expected)
    code, _, err = run(capsys, "report", article, "--out", tmp_path / "out")
    assert code == EXIT_ARTICLES_FAILED and one_error(err) == expected


# --- scheduler ----------------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize(
    ("address", "problem"),
    [
        ("http://127.0.0.1:8786", "unknown scheme 'http'"),
        ("tcp://127.0.0.1:99999", "port 99999 is not between 1 and 65535"),
        ("tcp://127.0.0.1:abc", "not a scheduler address"),
        ("127.0.0.1", "missing port"),
    ],
)
def test_malformed_scheduler_address(capsys, articles, tmp_path, address, problem):
    code, _, err = run(capsys, "corpus", articles, "--out", tmp_path / "out", "--scheduler", address)
    assert code == EXIT_ERROR
    line = one_error(err)
    assert line.startswith(f"sahyog: error: --scheduler {address}: ") and problem in line


def test_scheduler_where_nothing_listens_fails_fast(articles, tmp_path):
    address = f"tcp://127.0.0.1:{_free_port()}"
    t0 = time.monotonic()
    proc = subprocess.run(
        sahyog_cmd("corpus", articles, "--out", tmp_path / "out", "--scheduler", address),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert time.monotonic() - t0 < 10
    assert proc.returncode == EXIT_ERROR
    assert "cannot connect within 10 s" in one_error(proc.stderr)
    assert not (tmp_path / "out").exists() and list(tmp_path.iterdir()) == [articles]


def test_a_server_that_is_not_a_scheduler_times_out_with_connect_timeout(articles, tmp_path):
    with socket.socket() as server:  # accepts connections, never speaks Dask
        server.bind(("127.0.0.1", 0))
        server.listen(8)
        address = f"tcp://127.0.0.1:{server.getsockname()[1]}"
        t0 = time.monotonic()
        proc = subprocess.run(
            sahyog_cmd("corpus", articles, "--out", tmp_path / "out", "--scheduler", address, "--connect-timeout", "2"),
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert time.monotonic() - t0 < 10
    assert proc.returncode == EXIT_ERROR
    assert "no Dask scheduler answered within" in one_error(proc.stderr)


# --- noise --------------------------------------------------------------------------------------------


def test_long_articles_do_not_go_into_the_task_graph(cluster, tmp_path):
    import dask

    path = tmp_path / "long.jsonl"
    path.write_text(json.dumps({"doc_id": "long", "text": SHORT * 40}, ensure_ascii=False) + "\n", encoding="utf-8")
    with (
        dask.config.set({"distributed.admin.large-graph-warning-threshold": "2kB"}),
        warnings.catch_warnings(record=True) as caught,
    ):
        warnings.simplefilter("always")
        summary = corpus.run_corpus(path, tmp_path / "out", scheduler=cluster.scheduler_address, progress=False)
    assert summary["ok"] == 1
    assert not [w for w in caught if "large graph" in str(w.message)]


def test_a_successful_run_prints_nothing_on_stderr(articles, tmp_path):
    proc = subprocess.run(
        sahyog_cmd("corpus", articles, "--out", tmp_path / "out", "--workers", "1", "--quiet"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == EXIT_OK
    assert proc.stderr == ""


# --- interrupts and killed workers -----------------------------------------------------------------------


def test_ctrl_c_on_report_keeps_earlier_reports_and_rewrites_the_index(articles, earlier_report):
    before = snapshot(earlier_report)
    index_before = (earlier_report / "index.html").read_bytes()

    def building() -> bool:  # a notebook is running for some article
        return any(
            p.name.startswith((".a_short.tmp-", ".b_other.tmp-")) and any(p.glob("*.ipynb"))
            for p in earlier_report.iterdir()
        )

    proc = interrupt_when(
        sahyog_cmd("report", articles, "--out", earlier_report, "--quiet", "--workers", "1"), building
    )
    assert proc.returncode == EXIT_INTERRUPTED, proc.stderr
    line = one_error(proc.stderr)
    assert line.startswith("sahyog: error: interrupted: 0 of 2 article(s) built")
    after = snapshot(earlier_report)
    assert {k: v for k, v in after.items() if k != "index.html"} == {
        k: v for k, v in before.items() if k != "index.html"
    }
    index = after["index.html"].decode("utf-8")
    assert index != index_before.decode("utf-8") and "a_short" in index and "b_other" not in index
    assert sorted(p.name for p in earlier_report.iterdir()) == [MARKER, "a_short", "index.html"]


def test_ctrl_c_on_a_fresh_report_leaves_an_index(articles, tmp_path):
    out = tmp_path / "fresh"
    proc = interrupt_when(
        sahyog_cmd("report", articles, "--out", out, "--quiet", "--workers", "1"),
        lambda: out.is_dir() and any(p.name.startswith(".a_short.tmp-") for p in out.iterdir()),
    )
    assert proc.returncode == EXIT_INTERRUPTED and one_error(proc.stderr).startswith("sahyog: error: interrupted")
    assert sorted(p.name for p in out.iterdir()) == [MARKER, "index.html"]


def test_ctrl_c_on_corpus_is_one_line_and_keeps_the_earlier_output(cluster, tmp_path):
    # The interrupted run is long (400 tasks), so it cannot end between the readiness check and Ctrl-C
    # on a busy machine; the earlier output comes from a small corpus.
    source = corpus.sample_corpus(tmp_path / "news.jsonl", n=2000)
    small = corpus.sample_corpus(tmp_path / "small.jsonl", n=20)
    out = tmp_path / "out"
    corpus.run_corpus(small, out, scheduler=cluster.scheduler_address, partition_size=200, progress=False)
    before = snapshot(out)

    def started() -> bool:
        staging = [p for p in tmp_path.iterdir() if p.name.startswith(".out.tmp-")]
        return bool(staging) and (staging[0] / "documents.parquet").exists()

    proc = interrupt_when(
        sahyog_cmd("corpus", source, "--out", out, "--workers", "1", "--partition-size", "5", "--quiet"), started
    )
    assert proc.returncode == EXIT_INTERRUPTED
    assert one_error(proc.stderr) == f"sahyog: error: interrupted: {out} was not replaced (any earlier output is kept)"
    assert snapshot(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["news.jsonl", "out", "small.jsonl"]


def test_a_killed_worker_is_survived_with_every_article_once(tmp_path):
    from distributed import Client, LocalCluster

    source = corpus.sample_corpus(tmp_path / "news.jsonl", n=24)
    out = tmp_path / "out"
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=logging.CRITICAL
        ) as cluster,
        Client(cluster) as client,
    ):
        pids = client.run(os.getpid)
        result: dict[str, object] = {}

        def go() -> None:
            try:
                result["summary"] = corpus.run_corpus(
                    source, out, scheduler=cluster.scheduler_address, partition_size=2, progress=False
                )
            except BaseException as exc:  # reported below
                result["error"] = exc

        thread = threading.Thread(target=go)
        thread.start()
        killed = None
        t0 = time.monotonic()
        while killed is None and time.monotonic() - t0 < 60:
            for ts in list(cluster.scheduler.tasks.values()):
                if str(ts.key).startswith("sahyog-partition") and ts.state == "processing" and ts.processing_on:
                    killed = ts.processing_on.address
                    os.kill(pids[killed], signal.SIGKILL)
                    break
            time.sleep(0.02)
        thread.join(timeout=300)
    assert killed is not None, "no partition was seen running"
    assert "error" not in result, result.get("error")
    docs = corpus.load_tables(out)["documents"]
    assert sorted(docs["doc_id"]) == [f"a{i:06d}" for i in range(24)]
    assert docs["error"].isna().all()
    assert result["summary"]["articles"] == 24


def test_a_corpus_run_that_loses_its_cluster_keeps_the_earlier_output(articles, tmp_path, capsys):
    out = tmp_path / "out"
    out.mkdir()
    (out / MARKER).write_text('{"kind": "corpus"}\n', encoding="utf-8")
    (out / "summary.json").write_text("{}", encoding="utf-8")
    before = snapshot(out)
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        code, _, err = run(
            capsys,
            "corpus",
            articles,
            "--out",
            out,
            "--scheduler",
            f"tcp://127.0.0.1:{server.getsockname()[1]}",
            "--connect-timeout",
            "1",
        )
    assert code == EXIT_ERROR and "no Dask scheduler answered" in one_error(err)
    assert snapshot(out) == before


# --- make test under an apt lock -----------------------------------------------------------------------------

SCRIPT = REPO_ROOT / "scripts" / "install-chromium.sh"


def _fake_system(tmp_path: Path, apt_script: str) -> dict[str, str]:
    """A PATH with the basic tools, a fake ``id`` (root) and a fake ``apt-get``, and no Chromium."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("sh", "grep", "tail", "sleep", "cat", "rm", "touch", "test", "["):
        found = shutil.which(tool)
        if found:
            (bin_dir / tool).symlink_to(found)
    (bin_dir / "id").write_text("#!/bin/sh\necho 0\n")
    (bin_dir / "apt-get").write_text("#!/bin/sh\n" + apt_script)
    for f in ("id", "apt-get"):
        (bin_dir / f).chmod(0o755)
    return {"PATH": str(bin_dir), "LOCK_POLL": "0", "HOME": str(tmp_path)}


def _install(tmp_path: Path, apt_script: str, **env: str) -> tuple[subprocess.CompletedProcess[str], Path]:
    note = tmp_path / "reason.txt"
    proc = subprocess.run(
        [shutil.which("sh"), str(SCRIPT), str(note), str(tmp_path / "apt.log")],
        env={**_fake_system(tmp_path, apt_script), **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    return proc, note


def test_browser_install_waits_for_the_apt_lock(tmp_path):
    count = tmp_path / "count"
    apt = (
        f"n=$(cat {count} 2>/dev/null || echo 0); echo $((n+1)) > {count}\n"
        'if [ "$n" -lt 2 ]; then echo "E: Could not get lock /var/lib/dpkg/lock-frontend." >&2; exit 100; fi\n'
        "exit 0\n"
    )
    proc, note = _install(tmp_path, apt)
    assert proc.returncode == 0
    assert "waiting" in proc.stdout and "E:" not in proc.stdout + proc.stderr
    assert not note.exists()


def test_browser_install_says_why_it_gave_up(tmp_path):
    proc, note = _install(
        tmp_path, 'echo "E: Could not get lock /var/lib/dpkg/lock-frontend." >&2; exit 100\n', LOCK_WAIT="0"
    )
    assert proc.returncode == 0
    lines = proc.stdout.strip().splitlines()
    assert lines[-1].startswith("warning: Chromium could not be installed: apt stayed locked")
    assert "needs root" not in proc.stdout and "apt stayed locked" in note.read_text()


def test_browser_install_reports_apts_own_error(tmp_path):
    proc, note = _install(tmp_path, 'echo "E: Unable to locate package chromium" >&2; exit 100\n')
    assert "apt-get said: E: Unable to locate package chromium" in proc.stdout
    assert "E: Unable to locate package chromium" in note.read_text()


# --- issue 18: every writer owns its folder; errors where they belong -----------------------------------


def test_extract_csv_refuses_a_folder_sahyog_did_not_create(capsys, articles, tmp_path):
    user = tmp_path / "mine"
    user.mkdir()
    (user / "documents.csv").write_text("my own table\n", encoding="utf-8")
    before = snapshot(user)
    code, out, err = run(capsys, "extract", articles, "--format", "csv", "--out", user)
    assert code == EXIT_ERROR and out == ""
    line = one_error(err)
    assert f"{user}: folder exists and is not a Sahyog extract output" in line and "--force" in line
    assert snapshot(user) == before


def test_extract_csv_force_adopts_the_folder_and_a_rerun_needs_no_force(capsys, articles, tmp_path):
    user = tmp_path / "mine"
    user.mkdir()
    (user / "notes.txt").write_text("my notes", encoding="utf-8")
    code, _, err = run(capsys, "extract", articles, "--format", "csv", "--out", user, "--force")
    assert code == EXIT_OK, err
    assert (user / MARKER).is_file() and (user / "documents.csv").is_file()
    assert (user / "notes.txt").read_text(encoding="utf-8") == "my notes"
    code, _, err = run(capsys, "extract", articles, "--format", "csv", "--out", user)
    assert code == EXIT_OK, err


def test_extract_csv_adopts_a_folder_an_earlier_version_wrote(capsys, articles, tmp_path):
    out = tmp_path / "tables"
    out.mkdir()
    for name in ("documents", "sentences", "sectors", "agreements", "entities", "entity_mentions"):
        (out / f"{name}.csv").write_text("doc_id\n", encoding="utf-8")
    code, _, err = run(capsys, "extract", articles, "--format", "csv", "--out", out)
    assert code == EXIT_OK, err
    assert "a_short" in (out / "documents.csv").read_text(encoding="utf-8")


def test_corpus_report_folder_that_cannot_be_created_is_refused_before_the_run(capsys, articles, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("a file", encoding="utf-8")
    t0 = time.monotonic()
    code, out, err = run(capsys, "corpus", articles, "--out", tmp_path / "out", "--report", blocker / "site")
    assert code == EXIT_ERROR and out == ""
    assert one_error(err) == f"sahyog: error: {blocker / 'site'}: cannot create the folder: {blocker} is a file"
    assert time.monotonic() - t0 < 5 and not (tmp_path / "out").exists()  # refused before any cluster started
    assert blocker.read_text(encoding="utf-8") == "a file"


def test_a_server_that_answers_but_is_not_dask_is_one_line(articles, tmp_path):
    """An HTTP server at --scheduler: it answers the handshake with text (Dask once read it as a frame
    length of exabytes: MemoryError, status 3)."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(8)
        stop = threading.Event()

        def serve() -> None:
            server.settimeout(0.2)
            while not stop.is_set():
                try:
                    conn, _ = server.accept()
                except OSError:
                    continue
                with conn:
                    conn.settimeout(5)
                    try:
                        conn.recv(65536)
                        conn.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 20\r\n\r\n<h1>bad request</h1>")
                        conn.recv(65536)
                    except OSError:
                        pass

        thread = threading.Thread(target=serve, daemon=True)
        thread.start()
        address = f"tcp://127.0.0.1:{server.getsockname()[1]}"
        proc = subprocess.run(
            sahyog_cmd("corpus", articles, "--out", tmp_path / "out", "--scheduler", address),
            capture_output=True,
            text=True,
            timeout=60,
        )
        stop.set()
        thread.join(timeout=5)
    assert proc.returncode == EXIT_ERROR, proc.stderr
    assert one_error(proc.stderr).startswith(
        f"sahyog: error: --scheduler {address}: the server there is not a Dask scheduler"
    )
    assert not (tmp_path / "out").exists()


def test_csv_corpus_errors_name_the_physical_line_and_an_empty_cell(capsys, cluster, tmp_path):
    path = tmp_path / "news.csv"
    path.write_text(
        "doc_id,text\n"
        f'a,"{SHORT.strip()}\ndue lines\nthree"\n'  # one record on lines 2-4
        "\n"
        "b,\n"  # line 6: an empty cell
        f"c,{OTHER.strip()},extra\n",  # line 7: a field too many
        encoding="utf-8",
    )
    out = tmp_path / "out"
    code, _, err = run(capsys, "corpus", path, "--out", out, "--scheduler", cluster.scheduler_address, "--quiet")
    assert code == EXIT_OK, err
    docs = corpus.load_tables(out)["documents"].set_index("doc_id")
    assert docs.loc["b", "error"] == f"{path}:6: empty 'text' value"
    assert docs.loc["news-7", "error"] == f"{path}:7: 3 fields, but the header has 2"
    assert pd.isna(docs.loc["a", "error"])


@pytest.mark.parametrize("command", ["extract", "report"])
def test_a_folder_without_articles_is_one_failed_input_and_the_others_run(capsys, articles, tmp_path, command):
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.md").write_text("not an article", encoding="utf-8")
    extra = ["--out", tmp_path / "out", "--quiet"] if command == "report" else []
    code, out, err = run(capsys, command, empty, articles / "a_short.txt", *extra)
    assert code == EXIT_ARTICLES_FAILED
    assert one_error(err) == f"sahyog: error: {empty}: folder has no .txt articles"
    if command == "extract":
        assert json.loads(out)["doc_id"] == "a_short"
    else:
        assert (tmp_path / "out" / "a_short" / "index.html").is_file()


# --- issue 18: the command line as people expect it --------------------------------------------------------


def test_version(capsys):
    from sahyog import __version__

    code, out, _ = run(capsys, "--version")
    assert code == 0 and out.strip() == f"sahyog {__version__}"


def test_run_bare_shows_the_commands(capsys):
    code, out, err = run(capsys)
    assert code == EXIT_ERROR and out == ""
    assert err.startswith("usage: sahyog") and all(c in err for c in ("extract", "report", "corpus"))


@pytest.mark.parametrize(
    ("argv", "line"),
    [
        (["-p", "top_n", "10"], "sahyog: error: -p top_n 10: write a parameter as NAME=VALUE: -p top_n=10"),
        (["--param", "top_n"], "sahyog: error: -p top_n: write a parameter as NAME=VALUE, e.g. -p top_n=VALUE"),
    ],
)
def test_papermill_style_parameters_get_a_hint(capsys, tmp_path, argv, line):
    code, _, err = run(capsys, "report", EXAMPLE, "--out", tmp_path / "out", *argv)
    assert code == EXIT_ERROR and one_error(err) == line
    assert not (tmp_path / "out").exists()


def test_report_help_lists_the_parameters_and_every_option_has_help(capsys):
    from sahyog import params

    code, out, _ = run(capsys, "report", "--help")
    assert code == 0
    for name in ("top_n", "fold_nukta", "lexicon_path", "include_portfolio", "hindi_labels", "all_agreements"):
        assert f"  {name} ({params.PARAMETERS[name].kind.__name__};" in out
    for command in ("extract", "report", "corpus"):
        sub = cli.build_parser()._subparsers._group_actions[0].choices[command]
        silent = [a.option_strings for a in sub._actions if a.option_strings and not a.help]
        assert silent == [], f"{command}: options without help: {silent}"


def test_help_examples_are_commands_the_parser_takes(capsys):
    # the examples under --help must parse as written (a renamed option would make them lie)
    for argv in (["--help"], ["corpus", "--help"]):
        code, out, _ = run(capsys, *argv)
        examples = [
            ln.split("  ")[1].split() for ln in out.split("examples:", 1)[1].splitlines() if ln.startswith("  sahyog")
        ]
        assert code == 0 and examples and "README.md" in out
        for words in examples:
            cli.build_parser().parse_args(words[1:])  # raises SystemExit on an unknown option


def test_corpus_ends_with_one_line_saying_where_and_quiet_keeps_errors_only(capsys, articles, cluster, tmp_path):
    out = tmp_path / "out"
    code, stdout, err = run(capsys, "corpus", articles, "--out", out, "--scheduler", cluster.scheduler_address)
    assert code == EXIT_OK and stdout == ""  # no 74-line JSON dump
    lines = [ln for ln in err.splitlines() if ln.strip() and "corpus:" not in ln]  # the progress bar aside
    assert lines == [f"sahyog: read 2 article(s) (2 usable) into {out}/ (Parquet tables, summary.json)"]
    code, stdout, err = run(
        capsys, "corpus", articles, "--out", out, "--scheduler", cluster.scheduler_address, "--quiet"
    )
    assert (code, stdout, err) == (EXIT_OK, "", "")


def test_extract_csv_says_where_it_wrote(capsys, articles, tmp_path):
    out = tmp_path / "tables"
    code, stdout, err = run(capsys, "extract", articles, "--format", "csv", "--out", out)
    assert code == EXIT_OK and stdout == ""
    from sahyog.tables import TABLES

    assert sorted(p.name for p in out.glob("*.csv")) == sorted(f"{name}.csv" for name in TABLES)
    assert err.splitlines() == [f"sahyog: wrote {len(TABLES)} CSV tables of 2 article(s) to {out}/"]


def test_extract_reads_standard_input(capsys, monkeypatch):
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SHORT.encode("utf-8"))))
    code, stdout, err = run(capsys, "extract", "-")
    assert code == EXIT_OK, err
    record = json.loads(stdout)
    assert record["doc_id"] == "stdin" and record["dateline"] == "नई दिल्ली"


def test_report_reads_standard_input_and_leaves_no_temporary_article(capsys, monkeypatch, tmp_path):
    import io
    import tempfile

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SHORT.encode("utf-8"))))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # where the stdin article is kept during the run
    out = tmp_path / "out"
    code, _, err = run(capsys, "report", "-", "--out", out, "--quiet")
    assert code == EXIT_OK, err
    summary = json.loads((out / "stdin" / "summary.json").read_text(encoding="utf-8"))
    assert summary["doc_id"] == "stdin" and summary["dateline"] == "नई दिल्ली"
    assert (out / "stdin" / "03_agreements.html").is_file()
    assert not list(tmp_path.glob("sahyog-stdin-*"))


def test_report_refuses_standard_input_that_is_not_hindi(capsys, monkeypatch, tmp_path):
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"only latin letters here")))
    code, _, err = run(capsys, "report", "-", "--out", tmp_path / "out")
    assert code != EXIT_OK
    assert err.splitlines() == ["sahyog: error: <stdin>: not Hindi text: 0% of letters are Devanagari"]
    assert not (tmp_path / "out").exists()


def test_extract_takes_a_lexicon_checked_before_any_article(capsys, articles, tmp_path):
    lexicon = tmp_path / "lexicon.csv"
    lexicon.write_text("sector,term\nagriculture,व्यापार\n", encoding="utf-8")  # trade words count as agriculture
    code, stdout, err = run(capsys, "extract", articles / "a_short.txt", "--lexicon", lexicon)
    assert code == EXIT_OK, err
    assert {m["sector"] for m in json.loads(stdout)["sectors"]} == {"agriculture"}
    bad = tmp_path / "bad.csv"
    bad.write_text("sector,term\nsport,क्रिकेट\n", encoding="utf-8")
    code, stdout, err = run(capsys, "extract", articles, "--lexicon", bad)
    assert code == EXIT_ERROR and stdout == ""
    assert one_error(err).startswith(f"sahyog: error: {bad}:2: unknown sector 'sport'")


def test_corpus_takes_a_lexicon_checked_before_the_run(capsys, articles, cluster, tmp_path):
    lexicon = tmp_path / "corpus_lexicon.csv"
    lexicon.write_text("sector,term\nagriculture,व्यापार\n", encoding="utf-8")
    out = tmp_path / "out"
    code, _, err = run(
        capsys,
        "corpus",
        articles,
        "--out",
        out,
        "--scheduler",
        cluster.scheduler_address,
        "--lexicon",
        lexicon,
        "--quiet",
    )
    assert code == EXIT_OK, err
    sectors = corpus.load_tables(out)["sectors"]
    assert set(sectors.query("doc_id == 'a_short'")["sector"]) == {"agriculture"}  # the built-in gives trade too
    bad = tmp_path / "corpus_bad.csv"
    bad.write_text("sector,term\nsport,क्रिकेट\n", encoding="utf-8")
    t0 = time.monotonic()
    code, _, err = run(capsys, "corpus", articles, "--out", tmp_path / "out2", "--lexicon", bad)
    assert code == EXIT_ERROR and one_error(err).startswith(f"sahyog: error: {bad}:2: unknown sector 'sport'")
    assert time.monotonic() - t0 < 5 and not (tmp_path / "out2").exists()


def test_a_reports_folder_holding_only_what_notebooks_wrote_by_hand_is_adopted(capsys, tmp_path):
    """A notebook run in JupyterLab writes to reports/lab/; `sahyog report` must still build in reports/."""
    out = tmp_path / "reports"
    (out / "lab" / "a_short").mkdir(parents=True)
    (out / ".gitkeep").touch()
    (out / "lab" / "a_short" / "01_top_words.csv").write_text("word,count\n", encoding="utf-8")
    before = snapshot(out / "lab")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    code, _, err = run(capsys, "report", bad, "--out", out, "--quiet")
    assert code == EXIT_ARTICLES_FAILED and "empty file" in one_error(err)  # the folder was accepted
    assert not (out / MARKER).exists() and snapshot(out / "lab") == before  # nothing built, nothing written
    other = tmp_path / "other"
    (other / "lab").mkdir(parents=True)
    (other / "mine.txt").write_text("my notes", encoding="utf-8")  # anything beside lab/: not ours
    code, _, err = run(capsys, "report", bad, "--out", other, "--quiet")
    assert code == EXIT_ERROR and "is not a Sahyog report output" in one_error(err)

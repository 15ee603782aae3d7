"""A lexicon bundle (sahyog.bundle): a folder of data files of one's own swaps any rule's words, checked up
front, without touching the packaged rules in the same process."""

from __future__ import annotations

from pathlib import Path

import pytest

from sahyog import cli
from sahyog.bundle import Bundle, load_bundle, load_lexicon_arg
from sahyog.errors import InputError
from sahyog.extract import extract_text
from sahyog.paths import DATA_DIR
from sahyog.sectors import Lexicon

COOPERATION = "भारत और नेपाल ने बिजली में सहयोग बढ़ाया।"
SIGNED = "भारत और नेपाल ने व्यापार समझौते पर हस्ताक्षर किए।"


def contexts(text: str, lexicon=None) -> set[tuple[str, str]]:
    return {(m["sector"], m["context"]) for m in extract_text(text, "t", lexicon=lexicon)["sectors"]}


def categories(text: str, lexicon=None) -> set[str]:
    return {a["category"] for a in extract_text(text, "t", lexicon=lexicon)["agreements"]}


def packaged_without(name: str, *rows: str) -> str:
    """The packaged data file ``name`` without the lines ``rows``."""
    lines = (DATA_DIR / name).read_text(encoding="utf-8").splitlines()
    return "\n".join(ln for ln in lines if ln not in rows) + "\n"


def test_a_bundle_swaps_the_cues_and_leaves_the_packaged_ones(tmp_path: Path) -> None:
    (tmp_path / "cues.csv").write_text(packaged_without("cues.csv", "cooperation,सहयोग"), encoding="utf-8")
    bundle = load_bundle(tmp_path)
    assert isinstance(bundle, Bundle) and bundle.names == ["cues.csv"]
    assert contexts(COOPERATION) == {("energy", "cooperation")}
    assert contexts(COOPERATION, bundle) == {("energy", "mention")}  # no cue left in the sentence
    assert contexts(COOPERATION) == {("energy", "cooperation")}  # no stale cache either way


def test_a_bundle_swaps_the_agreement_triggers(tmp_path: Path) -> None:
    (tmp_path / "agreements.csv").write_text("category,term,requires\nmou,समझौता ज्ञापन,\n", encoding="utf-8")
    bundle = load_lexicon_arg(tmp_path)
    assert categories(SIGNED) == {"agreement"}
    assert categories(SIGNED, bundle) == set()
    assert categories(SIGNED) == {"agreement"}


def test_a_csv_is_still_a_sector_lexicon(tmp_path: Path) -> None:
    (tmp_path / "mine.csv").write_text("sector,term\nenergy,बिजली\n", encoding="utf-8")
    assert isinstance(load_lexicon_arg(tmp_path / "mine.csv"), Lexicon)


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("notes.csv", "a,b\n1,2\n", "notes.csv: not a lexicon file Sahyog reads"),
        ("cues.csv", "cue,term\nhopeful,उम्मीद\n", "cues.csv:2"),
        ("settings.csv", "name,value,description\nclause_after,10,\n", "settings.csv: missing windows"),
    ],
)
def test_a_bad_file_is_refused_up_front_naming_it(tmp_path: Path, name: str, text: str, expected: str) -> None:
    (tmp_path / name).write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_bundle(tmp_path)
    assert expected in str(err.value)


def test_the_command_line_names_the_bad_file(tmp_path: Path, capsys) -> None:
    article = tmp_path / "a.txt"
    article.write_text(SIGNED, encoding="utf-8")
    bundle = tmp_path / "rules"
    bundle.mkdir()
    (bundle / "cues.csv").write_text("cue,term\nhopeful,उम्मीद\n", encoding="utf-8")
    code = cli.main(["extract", str(article), "--lexicon", str(bundle)])
    err = capsys.readouterr().err.strip().splitlines()
    assert code != 0 and len(err) == 1 and err[0].startswith("sahyog: error: ") and "cues.csv:2" in err[0]


def test_a_bundle_reaches_the_dask_workers(tmp_path: Path) -> None:
    from sahyog import corpus

    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "cues.csv").write_text(packaged_without("cues.csv", "cooperation,सहयोग"), encoding="utf-8")
    articles = tmp_path / "in"
    articles.mkdir()
    (articles / "a.txt").write_text(COOPERATION, encoding="utf-8")
    corpus.run_corpus(articles, tmp_path / "out", workers=1, progress=False, lexicon=load_bundle(rules))
    sectors = corpus.load_tables(tmp_path / "out")["sectors"]
    assert set(sectors["context"]) == {"mention"}

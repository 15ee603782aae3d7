"""One parameter check for every way a notebook runs (issue 18): declared once in ``sahyog.params``,
run by the cell after ``parameters`` in JupyterLab and papermill, and by ``sahyog report``."""

from __future__ import annotations

import ast
import json

import pytest

from sahyog import params
from sahyog.errors import InputError
from sahyog.paths import NOTEBOOKS_DIR, REPO_ROOT

NOTEBOOKS = sorted(NOTEBOOKS_DIR.glob("[0-9][0-9]_*.ipynb"))


def _cells(path):
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def _src(cell) -> str:
    return "".join(cell["source"])


# --- the declarations and the notebooks agree ----------------------------------------------------------


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_parameters_cell_matches_the_declarations(path):
    cells = _cells(path)
    (cell,) = [c for c in cells if "parameters" in c["metadata"].get("tags", [])]
    found = {}
    for stmt in ast.parse(_src(cell)).body:
        found[stmt.target.id] = (stmt.annotation.id, stmt.value.value)
    declared = {
        name: (params.PARAMETERS[name].kind.__name__, params.PARAMETERS[name].default)
        for name in params.names_for(path.stem)
    }
    # top_n's default differs between 01 and 05: the name and type are what is shared
    assert {k: v[0] for k, v in found.items()} == {k: v[0] for k, v in declared.items()}
    for name, (_, default) in found.items():
        assert params.convert(name, default) == default or name == "input_path"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_the_cell_after_parameters_checks_them(path):
    cells = _cells(path)
    i = next(k for k, c in enumerate(cells) if "parameters" in c["metadata"].get("tags", []))
    assert f'params.check_notebook(globals(), "{path.stem}")' in _src(cells[i + 1])


# --- values --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("given", "expected"), [(True, True), ("false", False), ("False", False), ("TRUE", True)])
def test_booleans_are_true_or_false_in_any_case(given, expected):
    assert params.convert("fold_nukta", given) is expected


@pytest.mark.parametrize("given", ["maybe", "yes", "1", 1, None, ""])
def test_anything_else_is_not_a_boolean(given):
    with pytest.raises(InputError, match=rf"^parameter hindi_labels: must be true or false, got {given!r}$"):
        params.convert("hindi_labels", given)


def test_numbers_have_their_type_and_range():
    assert params.convert("top_n", "12") == 12
    assert params.convert("workers", 3) == 3
    with pytest.raises(InputError, match=r"^parameter top_n: must be ≥ 1, got 0$"):
        params.convert("top_n", 0)
    for bad in (2.5, True, "ten", None):
        with pytest.raises(InputError, match="must be a whole number"):
            params.convert("top_n", bad)


def test_paths_must_exist_where_they_are_read(tmp_path):
    assert params.convert("input_path", "seeds/000_3d80eca237f60a55.txt") == "seeds/000_3d80eca237f60a55.txt"
    with pytest.raises(InputError, match=r"^parameter input_path: no such file: "):
        params.convert("input_path", "seeds/nope.txt")
    with pytest.raises(InputError, match=r"^parameter input_path: must name a file"):
        params.convert("input_path", "")
    assert params.convert("lexicon_path", "") == ""
    with pytest.raises(InputError, match=rf"^parameter tables_dir: not a corpus output folder .*{tmp_path}"):
        params.convert("tables_dir", str(tmp_path))
    with pytest.raises(InputError, match=r"^parameter corpus_path: no such file or folder"):
        params.convert("corpus_path", str(tmp_path / "news.jsonl"))
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match=r"^parameter output_dir: is a file, not a folder"):
        params.convert("output_dir", str(tmp_path / "file"))
    with pytest.raises(InputError, match="must be text"):
        params.convert("scheduler", 8786)


def test_unknown_names_are_refused_with_the_closest_match():
    with pytest.raises(InputError, match=r"^parameter tpo_n: no such parameter here .*did you mean top_n\?$"):
        params.unknown(["top_n", "tpo_n"], params.names_for("01_tokenise"))


def test_the_names_a_parameters_cell_sets():
    assert params.assigned_names("# Parameters\ntop_n = 3\nx: int = 2\n") == ["top_n", "x"]
    assert params.assigned_names("import os\nx = 1") is None
    assert params.assigned_names("print(1)") is None


def test_check_notebook_converts_in_place_and_reads_the_injected_cell():
    ns = {
        "In": ["", "input_path: str = 'seeds/000_3d80eca237f60a55.txt'", "# Parameters\nfold_nukta = 'true'\n", "x"],
        "input_path": "seeds/000_3d80eca237f60a55.txt",
        "fold_nukta": "true",
        "top_n": 20,
        "output_dir": "",
    }
    params.check_notebook(ns, "01_tokenise")
    assert ns["fold_nukta"] is True
    ns["In"] = ["", "# Parameters\nhindi_labels = False\n", "x"]
    with pytest.raises(InputError, match="parameter hindi_labels: no such parameter here"):
        params.check_notebook(ns, "01_tokenise")


def test_a_notebook_shows_the_error_as_one_line():
    exc = params.ParameterError("top_n", "must be ≥ 1, got 0")
    assert exc._render_traceback_() == ["sahyog: error: parameter top_n: must be ≥ 1, got 0"]


# --- papermill: good and bad parameters, end to end ---------------------------------------------------


def _papermill(notebook: str, out_dir, **parameters):
    import papermill

    return papermill.execute_notebook(
        str(NOTEBOOKS_DIR / f"{notebook}.ipynb"),
        str(out_dir / f"{notebook}.ipynb"),
        parameters=parameters,
        kernel_name="python3",
        progress_bar=False,
        cwd=str(REPO_ROOT),
    )


BAD = [
    ("01_tokenise", {"top_n": 0}, "parameter top_n: must be ≥ 1, got 0"),
    ("01_tokenise", {"tpo_n": 3}, "parameter tpo_n: no such parameter here"),
    ("01_tokenise", {"top_n": "many"}, "parameter top_n: must be a whole number, got 'many'"),
    ("02_sectors", {"include_portfolio": "maybe"}, "parameter include_portfolio: must be true or false"),
    ("04_entities", {"hindi_labels": "no"}, "parameter hindi_labels: must be true or false, got 'no'"),
    ("02_sectors", {"lexicon_path": "nope.csv"}, "parameter lexicon_path: no such file"),
    ("05_corpus", {"tables_dir": "reports/no-such-corpus"}, "parameter tables_dir: not a corpus output folder"),
]


@pytest.mark.parametrize(("notebook", "given", "line"), BAD, ids=[f"{n}-{next(iter(g))}" for n, g, _ in BAD])
def test_papermill_stops_on_a_bad_parameter_before_anything_is_written(tmp_path, notebook, given, line):
    import papermill

    out = tmp_path / "out"
    with pytest.raises(papermill.PapermillExecutionError) as info:
        _papermill(notebook, tmp_path, output_dir=str(out), **given)
    assert info.value.ename == "ParameterError"
    assert info.value.traceback == [f"sahyog: error: {info.value.evalue}"]
    assert info.value.evalue.startswith(line)
    assert not out.exists()  # nothing written
    assert not (REPO_ROOT / "reports" / "no-such-corpus").exists()  # a mistyped folder is not created


def test_papermill_false_as_text_means_false(tmp_path):
    """``papermill -p include_portfolio false`` passes the string "false"; it must not count as true."""
    from sahyog import present, site
    from sahyog.extract import extract_file

    out = tmp_path / "out"
    nb = _papermill("02_sectors", tmp_path, output_dir=str(out), include_portfolio="false")
    (cell,) = [
        c
        for c in nb["cells"]
        if _src(c).strip().startswith("sector_view = present.sector_summary(record, include_portfolio)\nsite.Table(")
    ]
    shown = "".join(cell["outputs"][0]["data"]["text/html"])
    record = extract_file(REPO_ROOT / "seeds" / "000_3d80eca237f60a55.txt")
    without, with_titles = (site.Table(present.sector_summary(record, flag))._repr_html_() for flag in (False, True))
    assert without != with_titles  # the example article has ministry titles, so the flag shows
    assert shown == without
    assert (out / "02_sectors.png").is_file()

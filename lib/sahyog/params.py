"""The notebooks' parameters, declared once: name, type, range, meaning, and the notebooks that take them.

One check for every way a notebook runs: in JupyterLab and under papermill the cell after
``parameters`` calls :func:`check_notebook`; ``sahyog report`` calls :func:`convert` on every ``-p``
before any notebook runs. A bad value stops with one line, ``sahyog: error: parameter top_n: must be
≥ 1, got 0``, before anything is written. Booleans are ``true``/``false`` in any case (papermill passes
``-p x false`` as a string); numbers may come as text; paths must exist where they are read.
"""

from __future__ import annotations

import ast
import difflib
from collections.abc import Iterable, Mapping, MutableMapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import InputError
from .paths import repo_path

ARTICLE_NOTEBOOKS = ("01_tokenise", "02_sectors", "03_agreements", "04_entities")
CORPUS_NOTEBOOK = "05_corpus"
_EXTRACTING = ("02_sectors", "03_agreements", "04_entities")


@dataclass(frozen=True)
class Param:
    """One notebook parameter: its type (bool, int, str), default, meaning and checks.

    ``least``: the smallest allowed number. ``path``: what a non-empty value must name — ``file`` (an
    existing file), ``input`` (an existing file or folder), ``tables`` (a ``sahyog corpus`` output
    folder), ``out`` (a folder to write, not a file); ``required``: the value may not be empty.
    """

    name: str
    kind: type
    default: Any
    meaning: str
    notebooks: tuple[str, ...]
    least: int | None = None
    path: str | None = None
    required: bool = False


PARAMETERS: dict[str, Param] = {
    p.name: p
    for p in (
        Param(
            "input_path",
            str,
            "seeds/000_3d80eca237f60a55.txt",
            "the article to analyse",
            ARTICLE_NOTEBOOKS,
            path="file",
            required=True,
        ),
        Param(
            "record_path", str, "", "the extract record (JSON) to read instead of extracting", _EXTRACTING, path="file"
        ),
        Param(
            "lexicon_path",
            str,
            "",
            "a sector lexicon CSV (sector,term) or a folder of lexicon files of your own",
            _EXTRACTING,
            path="lexicon",
        ),
        Param("fold_nukta", bool, False, "count ज़/ज, न्द/ंद as one spelling in word counts", ("01_tokenise",)),
        Param(
            "top_n",
            int,
            20,
            "top content words (01) or rows in the corpus charts (05)",
            ("01_tokenise", CORPUS_NOTEBOOK),
            least=1,
        ),
        Param(
            "include_portfolio", bool, False, "count ministry titles (परिवहन मंत्री) in the sector chart", ("02_sectors",)
        ),
        Param(
            "all_agreements",
            bool,
            False,
            "also list agreements only planned or not between governments",
            ("03_agreements", "04_entities"),
        ),
        Param("hindi_labels", bool, True, "label the map in Hindi and English (false: English only)", ("04_entities",)),
        Param(
            "output_dir",
            str,
            "",
            "folder for the CSV tables and PNG charts (default: reports/lab/…)",
            (*ARTICLE_NOTEBOOKS, CORPUS_NOTEBOOK),
            path="out",
        ),
        Param(
            "corpus_path",
            str,
            "",
            "a folder of .txt, a .jsonl or a .csv file (default: a generated corpus)",
            (CORPUS_NOTEBOOK,),
            path="input",
        ),
        Param("n_generated", int, 40, "articles in the generated corpus", (CORPUS_NOTEBOOK,), least=1),
        Param(
            "tables_dir", str, "", "an earlier `sahyog corpus --out` folder to read", (CORPUS_NOTEBOOK,), path="tables"
        ),
        Param("scheduler", str, "", "address of a Dask scheduler (default: a local cluster)", (CORPUS_NOTEBOOK,)),
        Param("workers", int, 2, "local worker processes", (CORPUS_NOTEBOOK,), least=1),
        Param("partition_size", int, 10, "articles per Dask task", (CORPUS_NOTEBOOK,), least=1),
        Param("pairs_shown", int, 8, "country pairs given a timeline", (CORPUS_NOTEBOOK,), least=1),
        Param(
            "article_pages",
            str,
            "",
            "the folder of the articles' pages as a link from the chapter (a report site: ../); empty: no links",
            (CORPUS_NOTEBOOK,),
        ),
    )
}
# Parameters the report command sets itself for every article.
RESERVED = ("input_path", "output_dir", "record_path")
SUMMARY_FILE = "summary.json"  # what makes a folder a corpus output (see sahyog.corpus)


class ParameterError(InputError):
    """A notebook parameter that cannot be used. In a notebook it shows as its one line, no traceback."""

    def __init__(self, name: str, problem: str) -> None:
        super().__init__(f"parameter {name}", problem)

    def _render_traceback_(self) -> list[str]:  # IPython shows this instead of a traceback
        return [f"sahyog: error: {self}"]


def names_for(notebook: str) -> list[str]:
    """The parameters a notebook declares, in declaration order."""
    return [p.name for p in PARAMETERS.values() if notebook in p.notebooks]


def _boolean(name: str, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    raise ParameterError(name, f"must be true or false, got {value!r}")


def _integer(p: Param, value: Any) -> int:
    number = value
    if isinstance(value, str):
        try:
            number = int(value.strip())
        except ValueError:
            number = None
    if not isinstance(number, int) or isinstance(number, bool):
        raise ParameterError(p.name, f"must be a whole number, got {value!r}")
    if p.least is not None and number < p.least:
        raise ParameterError(p.name, f"must be ≥ {p.least}, got {number}")
    return number


def _path(p: Param, value: str, base: Path | None) -> str:
    """A path parameter checked for what it must name; relative to ``base`` (else the repository root)."""
    if not value:
        if p.required:
            raise ParameterError(p.name, "must name a file, got an empty value")
        return value
    full = (base / Path(value).expanduser()) if base is not None else repo_path(value)
    if p.path == "file" and not full.is_file():
        raise ParameterError(p.name, f"no such file: {full}")
    if p.path == "lexicon" and not full.exists():
        raise ParameterError(p.name, f"no such file or folder: {full}")
    if p.path == "input" and not full.exists():
        raise ParameterError(p.name, f"no such file or folder: {full}")
    if p.path == "tables" and not (full / SUMMARY_FILE).is_file():
        raise ParameterError(p.name, f"not a corpus output folder (no {SUMMARY_FILE}): {full}")
    if p.path == "out" and full.exists() and not full.is_dir():
        raise ParameterError(p.name, f"is a file, not a folder: {full}")
    return str(full.resolve()) if base is not None else value


def convert(name: str, value: Any, base: Path | None = None) -> Any:
    """``value`` of the declared parameter ``name`` as its type, checked; else a :class:`ParameterError`.

    ``base``: the folder relative paths are taken from (the caller's, for ``sahyog report``: the value
    comes back absolute); None: the repository root, as the notebooks resolve them (kept as given).
    """
    p = PARAMETERS[name]
    if p.kind is bool:
        return _boolean(name, value)
    if p.kind is int:
        return _integer(p, value)
    if not isinstance(value, str):
        raise ParameterError(name, f"must be text (a quoted string), got {value!r}")
    return _path(p, value, base) if p.path else value


def unknown(names: Iterable[str], valid: Sequence[str]) -> None:
    """Raise a :class:`ParameterError` for the first of ``names`` not in ``valid``, with the closest match."""
    for name in names:
        if name not in valid:
            close = difflib.get_close_matches(name, valid, n=1)
            hint = f"; did you mean {close[0]}?" if close else ""
            raise ParameterError(name, f"no such parameter here (valid: {', '.join(valid)}){hint}")


def assigned_names(source: str) -> list[str] | None:
    """The names a parameters cell assigns (``x = 1``, ``x: int = 1``), or None if the cell is anything else."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return None
    names = []
    for stmt in tree.body:
        targets = stmt.targets if isinstance(stmt, ast.Assign) else [getattr(stmt, "target", None)]
        if not isinstance(stmt, ast.Assign | ast.AnnAssign) or not all(isinstance(t, ast.Name) for t in targets):
            return None
        names.extend(t.id for t in targets)
    return names


def _given_names(namespace: Mapping[str, Any]) -> list[str]:
    """The names set by the cells run just before this one that only assign values: the notebook's
    ``parameters`` cell and papermill's ``injected-parameters`` cell (from IPython's input history)."""
    history = namespace.get("In")
    if not isinstance(history, list) or len(history) < 2:
        return []
    names: list[str] = []
    for source in reversed(history[:-1]):
        found = assigned_names(source) if source.strip() else None
        if not found:
            break
        names.extend(found)
    return names


def check_notebook(namespace: MutableMapping[str, Any], notebook: str) -> None:
    """Check a notebook's parameters where they live (its globals), converting them in place.

    Unknown names given to the notebook (papermill ``-p``, or a line added to the ``parameters``
    cell) are refused; every declared value must have its type, range and existing path.
    """
    valid = names_for(notebook)
    unknown(_given_names(namespace), valid)
    for name in valid:
        if name not in namespace:
            raise ParameterError(name, f"missing: the parameters cell of {notebook} must set it")
        namespace[name] = convert(name, namespace[name])


def describe(notebooks: Sequence[str] = ARTICLE_NOTEBOOKS, skip: Sequence[str] = RESERVED) -> str:
    """The parameters of ``notebooks`` as lines for ``--help``: name, type, notebooks, meaning, default."""
    lines = []
    for p in PARAMETERS.values():
        taken = [n[:2] for n in p.notebooks if n in notebooks]
        if taken and p.name not in skip:
            default = str(p.default).lower() if p.kind is bool else repr(p.default)
            lines.append(f"  {p.name} ({p.kind.__name__}; {', '.join(taken)}): {p.meaning} (default {default})")
    return "\n".join(lines)

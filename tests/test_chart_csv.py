"""A chapter's chart and the CSV written beside it show the same numbers (issue 15: chapter 02 drew
Transport 8 where its CSV said 11). The chapters' code cells run here on the example article; every
chart saved next to a CSV of the same stem is compared with that CSV: a bar chart label by label, a
heatmap cell by cell."""

from __future__ import annotations

import json
from pathlib import Path

import matplotlib
import numpy as np
import pandas as pd
import pytest

from sahyog import site
from sahyog.paths import NOTEBOOKS_DIR, SEEDS_DIR

matplotlib.use("Agg")

EXAMPLE = SEEDS_DIR / "000_3d80eca237f60a55.txt"


def _drawn(fig) -> list[float] | np.ndarray | None:
    """A bar chart's bar lengths from the top, or a heatmap's cells (the matrix drawn); None for a map."""
    ax = fig.axes[0]
    if ax.images:
        return np.asarray(ax.images[0].get_array(), dtype=float)
    if ax.containers:
        return [float(bar.get_width()) for bar in ax.containers[0]][::-1]  # barh draws the first row on top
    return None


def _run_chapter(
    name: str, out_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> dict[str, list[float] | np.ndarray | None]:
    """Run the chapter's code cells on the example article; return what each saved chart drew, by file stem."""
    drawn: dict[str, list[float] | np.ndarray | None] = {}
    real = site.show_chart

    def capture(fig, path):
        drawn[Path(path).stem] = _drawn(fig)
        return real(fig, path)

    monkeypatch.setattr(site, "show_chart", capture)
    nb = json.loads((NOTEBOOKS_DIR / f"{name}.ipynb").read_text(encoding="utf-8"))
    ns: dict = {}
    for cell in nb["cells"]:
        if cell["cell_type"] != "code":
            continue
        src = "".join(cell["source"])
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            src += f"\ninput_path = {str(EXAMPLE)!r}\noutput_dir = {str(out_dir)!r}\n"
        exec(compile(src, f"{name}.ipynb", "exec"), ns)
    return drawn


@pytest.mark.parametrize(
    ("chapter", "charts"),
    [
        ("02_sectors", {"02_sectors", "02_sector_events"}),
        ("03_agreements", {"03_categories", "03_category_sector"}),
        ("04_entities", {"04_country_co_mentions"}),
    ],
)
def test_each_chart_equals_the_csv_beside_it(chapter, charts, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    drawn = _run_chapter(chapter, tmp_path, monkeypatch)
    with_csv = {stem for stem in drawn if (tmp_path / f"{stem}.csv").exists()}
    assert charts <= with_csv, f"charts of {chapter} without a CSV beside them: {charts - with_csv}"
    for stem in with_csv:
        table = pd.read_csv(tmp_path / f"{stem}.csv")
        numbers = table.select_dtypes("number")
        got = drawn[stem]
        if isinstance(got, np.ndarray):  # heatmap: the CSV is the matrix, its first column the row labels
            np.testing.assert_array_equal(numbers.to_numpy(dtype=float), got, err_msg=stem)
        else:  # bars, top to bottom: the CSV's rows in order, its first count column their length
            value = numbers[numbers.columns[0]]
            assert value[value > 0].astype(float).tolist() == got, stem

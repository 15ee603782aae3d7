"""The annotator pipeline: one list, each component's requires assigned earlier, no layer assigned twice."""

from __future__ import annotations

import dataclasses

import pytest

from sahyog import pipeline
from sahyog.pipeline import INPUTS, PIPELINE, Component, PipelineOrderError, check_order


def test_every_requirement_is_assigned_by_an_earlier_component_and_no_layer_twice() -> None:
    assigned = set(INPUTS)
    for comp in PIPELINE:
        assert set(comp.requires) <= assigned, f"{comp.name} runs before what it requires"
        assert not set(comp.assigns) & assigned, f"{comp.name} re-assigns a layer"
        assigned |= set(comp.assigns)
    assert {"entities", "agreements", "sectors"} <= assigned  # what extract reads
    check_order(PIPELINE)


def test_a_misordered_list_is_rejected_with_a_clear_error() -> None:
    swapped = list(PIPELINE)
    i = next(n for n, c in enumerate(swapped) if c.name == "agreements")
    swapped[i - 1], swapped[i] = swapped[i], swapped[i - 1]  # agreements before the index it reads
    with pytest.raises(PipelineOrderError, match=r"component 'agreements' requires index, which no earlier"):
        check_order(swapped)


def test_a_layer_assigned_twice_is_rejected() -> None:
    twice = [*PIPELINE, dataclasses.replace(PIPELINE[0], name="entities_again")]
    with pytest.raises(
        PipelineOrderError, match=r"'entities_again' assigns 'entities', already assigned by 'entities'"
    ):
        check_order(twice)


def test_run_checks_what_each_component_returns() -> None:
    comps = [Component("a", ("doc",), ("x", "y"), lambda s: (s["doc"] + 1, s["doc"] + 2))]
    check_order(comps)
    assert pipeline.run(comps, {"doc": 1, "lexicon": None}) == {"doc": 1, "lexicon": None, "x": 2, "y": 3}
    with pytest.raises(ValueError):
        pipeline.run([Component("b", ("doc",), ("x", "y"), lambda s: (1,))], {"doc": 1})


def test_extract_runs_the_pipeline_list(monkeypatch: pytest.MonkeyPatch) -> None:
    from sahyog.extract import extract_text

    seen: list[str] = []
    wrapped = tuple(dataclasses.replace(c, run=lambda s, c=c: (seen.append(c.name), c.run(s))[1]) for c in PIPELINE)
    monkeypatch.setattr(pipeline, "PIPELINE", wrapped)
    extract_text("भारत और जापान ने रक्षा सहयोग पर एक समझौते पर हस्ताक्षर किए।", "t")
    assert seen == [c.name for c in PIPELINE]

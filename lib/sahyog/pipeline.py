"""The annotators as one ordered list of components, each declaring the layers it reads and writes.

Modelled on spaCy's pipeline components (``requires`` / ``assigns``): a :class:`Component` is a name,
the layers it ``requires``, the layers it ``assigns`` and a pure function from the shared state (the
:class:`~sahyog.text.Document` under ``doc``, the sector lexicon under ``lexicon``, and every layer
assigned so far) to its new layers. :data:`PIPELINE` is the one list :func:`sahyog.extract.extract_text`
runs; :func:`check_order` rejects a list where a component reads a layer no earlier one assigned, or where
two components assign the same layer (a layer, once assigned, never changes).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from . import actors, cooperation
from . import agreements as agreements_mod
from . import entities as entities_mod
from . import sectors as sectors_mod
from . import talks as talks_mod
from .sentence_index import build_index

INPUTS = ("doc", "lexicon")  # the layers the caller puts in the state before the first component

State = Mapping[str, Any]


@dataclass(frozen=True)
class Component:
    """One annotator: ``run(state)`` returns a tuple of values, one per name in ``assigns``."""

    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    run: Callable[[State], tuple[Any, ...]]


PIPELINE: tuple[Component, ...] = (
    Component(
        "entities",
        ("doc",),
        ("entities",),
        lambda s: (actors.with_actor_types(entities_mod.find_entities(s["doc"])),),
    ),
    Component(
        "sectors", ("doc", "lexicon"), ("sector_words",), lambda s: (sectors_mod.find_sectors(s["doc"], s["lexicon"]),)
    ),
    # one per-sentence index of actors, read by both annotators below
    Component("sentence_index", ("doc", "entities"), ("index",), lambda s: (build_index(s["doc"], s["entities"]),)),
    Component(
        "agreements",
        ("doc", "sector_words", "entities", "index"),
        ("agreements",),
        lambda s: (agreements_mod.find_agreements(s["doc"], s["sector_words"], s["entities"], s["index"]),),
    ),
    Component(
        "talks",
        ("doc", "entities", "index", "agreements"),
        ("talks",),
        lambda s: (talks_mod.find_talks(s["doc"], s["entities"], s["index"], s["agreements"]),),
    ),
    Component(
        "agreement_context",
        ("sector_words", "agreements"),
        ("sector_words_agreed",),
        lambda s: (sectors_mod.with_agreement_context(s["sector_words"], s["agreements"]),),
    ),
    Component(
        "cooperation",
        ("sector_words_agreed", "doc", "entities", "agreements", "index"),
        ("sectors",),
        lambda s: (
            cooperation.with_mention_context(
                s["sector_words_agreed"], s["doc"], s["entities"], s["agreements"], s["index"]
            ),
        ),
    ),
)


class PipelineOrderError(ValueError):
    """A component list whose order cannot run."""


def check_order(components: Sequence[Component], inputs: Sequence[str] = INPUTS) -> None:
    """Raise :class:`PipelineOrderError` unless every component's ``requires`` is an input or assigned by
    an earlier component, and no layer is assigned twice."""
    known = {name: "the caller" for name in inputs}
    for comp in components:
        missing = [layer for layer in comp.requires if layer not in known]
        if missing:
            raise PipelineOrderError(
                f"component {comp.name!r} requires {', '.join(missing)}, which no earlier component assigns"
            )
        for layer in comp.assigns:
            if layer in known:
                raise PipelineOrderError(
                    f"component {comp.name!r} assigns {layer!r}, already assigned by {known[layer]}"
                )
            known[layer] = repr(comp.name)


def run(components: Sequence[Component], state: dict[str, Any]) -> dict[str, Any]:
    """Run ``components`` in order, adding each one's layers to ``state`` (which is returned)."""
    for comp in components:
        values = comp.run(state)
        state.update(zip(comp.assigns, values, strict=True))
    return state


check_order(PIPELINE)  # at import: a misordered PIPELINE fails every command and test at once

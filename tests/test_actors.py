"""Actor types of names and entities (sahyog.actors)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from sahyog.actors import ACTOR_TYPES, CAMEO_CODES, entity_actor, load_actor_terms, name_type


@pytest.mark.parametrize(
    ("name", "actor_type"),
    [
        ("विदेश मंत्रालय", "government"),
        ("विश्वविद्यालय अनुदान आयोग", "government"),  # the head noun decides
        ("राष्ट्रीय कृषि विश्वविद्यालय", "education"),
        ("एबीसी मशीनरी कंपनी लिमिटेड", "company"),
        ("राष्ट्रीय फुटबॉल महासंघ", "sport"),
        ("एशियाई विकास बैंक", "igo"),
        ("शंघाई सहयोग संगठन", "igo"),
        ("विपक्षी गठबंधन", "party"),
        ("ट्रेड यूनियन", "union"),
        ("Foreign Ministry", "government"),
        ("Agriculture University", "education"),
    ],
)
def test_name_types(name: str, actor_type: str) -> None:
    term = name_type(name)
    assert term is not None and term.actor_type == actor_type


def test_plural_and_unknown_names() -> None:
    assert name_type("मंत्रालयों").actor_type == "government"  # type: ignore[union-attr]
    assert name_type("राम श्याम") is None


@dataclass(frozen=True)
class Ent:
    type: str
    id: str
    name_hi: str = ""
    name_en: str = ""
    role: str | None = None
    country: str | None = None


def test_entity_actor() -> None:
    assert entity_actor(Ent("country", "NP", "नेपाल", "Nepal", country="NP")) == ("state", "NP")
    assert entity_actor(Ent("organisation", "org:nadra", "नादरा", "NADRA")) == ("government", "PK")
    assert entity_actor(Ent("organisation", "org:x", "कोई संस्था", "Koi Sanstha")) == ("other", None)
    assert entity_actor(Ent("person", "person:a", role="विदेश मंत्री", country="IN")) == ("government", "IN")
    assert entity_actor(Ent("person", "person:b")) == ("other", None)
    assert entity_actor(Ent("place", "geo:1", country="IN")) == (None, "IN")


def test_lexicon_types_are_known_and_mapped() -> None:
    assert set(CAMEO_CODES) == set(ACTOR_TYPES)
    assert {t.actor_type for t in load_actor_terms().phrases.values()} <= set(ACTOR_TYPES)


def test_opec_is_an_igo_entity() -> None:
    """OPEC (ओपेक) is an organisation of states: found as an entity, typed igo, so its deals are between states."""
    from sahyog import entities
    from sahyog.actors import with_actor_types
    from sahyog.text import build_document

    for name in ("ओपेक", "OPEC"):
        found = with_actor_types(entities.find_entities(build_document(f"{name} ने उत्पादन घटाने पर सहमति जताई।")))
        assert [(e.id, e.actor_type) for e in found] == [("org:opec", "igo")], name

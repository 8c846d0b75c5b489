"""Speaker lists in the order readers look people up (model/collation.py)."""

from __future__ import annotations

from symposium.model.collation import by_family_name, sort_name
from symposium.model.entities import Speaker


def speaker(name: str, **keys: str) -> Speaker:
    slug = "-".join(name.lower().split())
    return Speaker(slug=slug, docname=f"speakers/{slug}", name=name, affiliations=(), **keys)


def names(speakers) -> list[str]:
    return [s.name for s in by_family_name(speakers)]


def test_mueller_sorts_with_muller_not_after_murphy():
    people = [speaker("Siobhán Murphy"), speaker("Anna Müller"), speaker("Jan Muller"), speaker("Zoë Zimmer"),
              speaker("Łucja Łukasiewicz"), speaker("Ebba Ångström")]
    assert names(people) == ["Ebba Ångström", "Łucja Łukasiewicz", "Jan Muller", "Anna Müller", "Siobhán Murphy",
                             "Zoë Zimmer"]
    # code points would have put Müller after Murphy, and Ångström and Łukasiewicz after Zimmer
    assert sorted(p.name.split()[-1] for p in people) == ["Muller", "Murphy", "Müller", "Zimmer", "Ångström",
                                                          "Łukasiewicz"]


def test_the_family_name_or_the_sort_name_before_the_last_word():
    people = [speaker("Rafael Ferreira da Silva", family_name="Ferreira da Silva"),
              speaker("Martin Luther King Jr.", sort_name="King"), speaker("Ian Foster"), speaker("Katrin Heitmann"),
              speaker("Zhang Wei", family_name="Zhang")]
    assert sort_name(people[1]) == "King" and sort_name(people[0]) == "Ferreira da Silva"
    assert names(people) == ["Rafael Ferreira da Silva", "Ian Foster", "Katrin Heitmann", "Martin Luther King Jr.",
                             "Zhang Wei"]


def test_case_does_not_order_and_equal_names_keep_one_order():
    people = [speaker("ada lovelace"), speaker("Ada Lovelace"), speaker("Charles Babbage")]
    assert names(people)[0] == "Charles Babbage"
    assert by_family_name(people) == by_family_name(list(reversed(people)))

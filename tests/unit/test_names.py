"""Names in every script: the avatar's letters, the family name citations and lists use, and the
note that asks for ``family_name:``."""

from __future__ import annotations

import unicodedata

import pytest

from helpers import frontmatter_of
from symposium.model.collation import by_family_name
from symposium.model.names import family_and_given, family_name_hint, initials
from symposium.model.reading import read_speaker


@pytest.mark.parametrize(("name", "family_name", "expected"), [
    # Latin: two initials, the given name's and the family name's (its first word with a capital)
    ("Grace Hopper", "", "GH"),
    ("Loïc Pottier", "", "LP"),
    ("loïc pottier", "", "LP"),
    ("Madonna", "", "M"),
    ("Jean-Pierre Dupont", "", "JD"),
    ("Rafael Ferreira da Silva", "Ferreira da Silva", "RF"),
    ("Rafael Ferreira da Silva", "", "RS"),
    ("Ludwig van Beethoven", "van Beethoven", "LB"),
    ("Zhang Wei", "Zhang", "ZW"),  # in the order the name is written
    ("Łukasz Żółć", "", "ŁŻ"),
    # letters with case: two initials read as letters
    ("Владимир Петров", "", "ВП"),
    ("Γιώργος Παπαδόπουλος", "", "ΓΠ"),
    ("Արամ Խաչատրյան", "", "ԱԽ"),
    # Chinese, Japanese, Korean: the family name first, one character
    ("山田 太郎", "", "山"),
    ("山田太郎", "", "山"),
    ("やまだ たろう", "", "や"),
    ("김 민준", "", "김"),
    ("김민준", "", "김"),
    ("王 小明", "", "王"),
    # Arabic: one letter (two would join into a word), of the family name
    ("محمد عبد الله", "", "ع"),
    ("محمد عبد الله", "عبد الله", "ع"),
    ("فاطمة الزهراء", "", "ز"),  # not the article's alef
    ("ليلى حداد", "", "ح"),
    # Hebrew, Devanagari, Thai: one character
    ("דוד בן-גוריון", "", "ב"),
    ("שרה כהן", "", "כ"),
    ("अमित शर्मा", "", "श"),
    ("प्रिया क्षेत्री", "", "क"),  # no consonant cut off by its virama
    ("สมชาย ใจดี", "", "จ"),  # the vowel written before the consonant is left out
    # no letters: an icon
    ("—", "", ""),
    ("🎉", "", ""),
    ("", "", ""),
])
def test_initials_fit_the_script(name, family_name, expected):
    assert initials(name, family_name) == expected


def test_initials_never_are_two_characters_of_a_script_without_case():
    names = ["山田 太郎", "محمد عبد الله", "שרה כהן", "김 민준", "अमित शर्मा", "Taro 山田", "山田 Taro", "ليلى Haddad"]
    for name in names:
        shown = initials(name)
        letters = [c for c in shown if unicodedata.category(c).startswith("L")]
        assert len(letters) == 1 or all(c.lower() != c.upper() for c in letters), (name, shown)


@pytest.mark.parametrize(("name", "expected"), [
    ("山田 太郎", ("山田", "太郎")),
    ("김 민준", ("김", "민준")),
    ("محمد عبد الله", ("عبد الله", "محمد")),
    ("عبد الله", ("عبد الله", "")),
    ("Владимир Петров", ("Петров", "Владимир")),
    ("Debbie Bard", ("Bard", "Debbie")),
])
def test_the_family_name_in_each_script(name, expected):
    assert family_and_given(name) == expected


def test_speakers_in_cjk_script_sort_by_their_family_name():
    data, where = frontmatter_of("---\nspeaker:\n  name: 山田 太郎\n  affiliation: 東京大学\n---\n")
    yamada, _ = read_speaker("yamada", "speakers/yamada", data, where)
    data, where = frontmatter_of("---\nspeaker:\n  name: 田中 花子\n  affiliation: 京都大学\n---\n")
    tanaka, _ = read_speaker("tanaka", "speakers/tanaka", data, where)
    assert yamada.family_and_given == ("山田", "太郎")
    assert yamada.initials == "山"
    assert [s.slug for s in by_family_name([yamada, tanaka])] == [s.slug for s in by_family_name([tanaka, yamada])]


@pytest.mark.parametrize(("name", "suggested"), [
    ("Rafael Ferreira da Silva", ["'family_name: da Silva'", "'family_name: Ferreira da Silva'"]),
    ("José Ortega y Gasset", ["'family_name: Ortega y Gasset'"]),
    ("Juan Carlos de la Cruz", ["'family_name: de la Cruz'"]),
    ("Ludwig van Beethoven", ["'family_name: van Beethoven'"]),
    ("محمد عبد الله", ["'family_name: عبد الله'"]),
    ("محمد بن سلمان", ["'family_name: بن سلمان'"]),
    ("Omar Abd al-Rahman", ["'family_name: Abd al-Rahman'"]),
    ("Mahathir bin Mohamad", ["'family_name: bin Mohamad'"]),
])
def test_a_name_whose_last_word_is_likely_not_the_family_name_gets_a_note(name, suggested):
    note = family_name_hint(name)
    assert note is not None
    for option in suggested:
        assert option in note
    assert f"the site takes {family_and_given(name)[0]!r} as the family name" in note
    assert family_name_hint(name, family_and_given(name)[0]) is None  # saying it silences the note


@pytest.mark.parametrize("name", ["Grace Hopper", "Debbie Bard", "Loïc Pottier", "Madonna", "山田 太郎", "김 민준",
                                  "Владимир Петров", "عبد الله", "Anne-Marie Smith-Jones", "Da Silva", "Ana de"])
def test_no_note_for_a_name_whose_last_word_is_its_family_name(name):
    assert family_name_hint(name) is None


@pytest.mark.parametrize(("shown", "drawn"), [("GH", 'font-size="38"'), ("山", 'font-size="46"'), ("", "<path ")])
def test_the_avatar_draws_initials_one_larger_character_or_an_outline(shown, drawn):
    from types import SimpleNamespace

    from docutils import nodes

    from symposium.rendering.html_nodes import avatar, visit_avatar_html

    translator = SimpleNamespace(body=[])
    with pytest.raises(nodes.SkipNode):
        visit_avatar_html(translator, avatar(slug="someone", initials=shown))
    (svg,) = translator.body
    assert drawn in svg
    assert ("<text" in svg) == bool(shown) and "?" not in svg

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sergebib.model import Name


@pytest.mark.parametrize(
    "text, family, given, particle, literal",
    [("Serge, Victor", "Serge", "Victor", None, None),
     ("Albert, R.", "Albert", "R.", None, None),
     ("{Le Rétif}", None, None, None, "Le Rétif"),
     ("de Beauvoir, Simone", "Beauvoir", "Simone", "de", None),
     ("{González y Contreras}, Gilberto", "González y Contreras", "Gilberto", None, None),
     ("{Federal Bureau of Investigation}", None, None, None, "Federal Bureau of Investigation")],
)
def test_names_parse_into_parts_and_print_back(text, family, given, particle, literal):
    name = Name.parse(text)
    assert (name.family, name.given, name.particle, name.literal) == (family, given, particle, literal)
    assert name.to_biblatex() == text
    assert Name.parse(name.to_biblatex()) == name


def test_display_puts_given_name_first():
    assert Name.parse("de Beauvoir, Simone").display == "Simone de Beauvoir"
    assert Name.parse("{Le Rétif}").display == "Le Rétif"


def test_a_person_needs_a_family_name():
    with pytest.raises(ValueError, match="family name"):
        Name(given="Victor")


_word = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZÉÅÖabcdefghijklmnopqrstuvwxyzéèüïç", min_size=1, max_size=8)


@given(st.lists(_word, min_size=1, max_size=3), st.lists(_word, min_size=1, max_size=2))
def test_personal_names_round_trip_through_biblatex(family_words, given_words):
    # (a several-word family name with no given name is written, and read back, as a literal name)
    family = " ".join(w.capitalize() for w in family_words)
    given_name = " ".join(w.capitalize() for w in given_words) or None
    name = Name(family=family, given=given_name)
    assert Name.parse(name.to_biblatex()) == name

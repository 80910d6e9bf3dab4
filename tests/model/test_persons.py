from sergebib.model import Name, PersonRegistry


def test_every_form_of_serge_resolves_to_one_person():
    registry = PersonRegistry.load()
    for printed in ["Serge, Victor", "{Le Rétif}", "Albert, R.", "Kibal'chich, Viktor L'vovich", "Serge, V."]:
        assert registry.resolve(Name.parse(printed)) == "serge", printed


def test_matching_ignores_accents_and_case():
    registry = PersonRegistry.load()
    assert "serge" in registry.matching("le retif")
    assert "istrati" in registry.matching("PANAÏT")


def test_an_unknown_name_resolves_to_nobody():
    assert PersonRegistry.load().resolve(Name.parse("Nobody, Anne")) is None

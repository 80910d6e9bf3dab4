import pytest
from pydantic import ValidationError

from sergebib.model import EDTFDate, Work, WorkType
from sergebib.model.identifiers import check_isbn


def test_a_minimal_record():
    work = Work(key="serge1930hommes", type="novel", title="Les Hommes dans la prison", date=EDTFDate.parse("1930"))
    assert work.year == 1930 and work.type is WorkType.NOVEL


@pytest.mark.parametrize(
    "fields, field, reason",
    [({"title": None}, None, "needs a title"),
     ({"key": "bad key!"}, "key", "not a usable citation key"),
     ({"language": "French"}, "language", "BCP 47"),
     ({"isbn": "978-0-940322-02-5"}, "isbn", "wrong check digit")],
)
def test_invalid_records_are_refused_naming_field_and_reason(fields, field, reason):
    data = {"key": "serge1951memoires", "type": "book", "title": "Mémoires", **fields}
    with pytest.raises(ValidationError) as exc:
        Work(**data)
    text = str(exc.value)
    assert reason in text
    if field:
        assert field in text


def test_isbn_checksums():
    check_isbn("9781590170786")  # NYRB Memoirs of a Revolutionary
    check_isbn("0-8044-2957-X")
    check_isbn("0-306-40615-2")
    with pytest.raises(ValueError):
        check_isbn("9781590170787")


def test_navigation_needs_a_library():
    work = Work(key="x1930y", type="book", title="Y")
    with pytest.raises(LookupError, match="not part of a Library"):
        _ = work.translations

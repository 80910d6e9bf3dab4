import pytest
from hypothesis import given
from hypothesis import strategies as st

from sergebib.model import DateError, EDTFDate


@pytest.mark.parametrize(
    "text, year, end_year, uncertain",
    [("1930", 1930, None, False), ("1937-01", 1937, None, False), ("1933-06-25", 1933, None, False),
     ("1929/1930", 1929, 1930, False), ("1936/1939", 1936, 1939, False), ("1948?", 1948, None, True)],
)
def test_the_forms_real_bibliographies_need(text, year, end_year, uncertain):
    date = EDTFDate.parse(text)
    assert date.year == year
    assert (date.end.year if date.end else None) == end_year
    assert date.uncertain is uncertain
    assert date.to_edtf() == text


def test_seasons_and_approximate_dates():
    spring = EDTFDate.parse("1993-21")
    assert spring.start.season == 21 and spring.start.month is None
    assert EDTFDate.parse("1951~").start.approximate


def test_no_date_is_explicit_and_written_as_edtf_unspecified():
    undated = EDTFDate.parse("XXXX")
    assert undated.nodate and undated.year is None
    assert undated.to_edtf() == "XXXX"
    assert EDTFDate.undated() == undated


@pytest.mark.parametrize(
    "text, reason",
    [("1933-02-30", "does not exist"), ("1933-13", "between 1 and 12"), ("1940/1930", "before it starts"),
     ("Spring 1993", "is not a date"), ("19300", "is not a date")],
)
def test_bad_dates_are_refused_with_the_reason(text, reason):
    with pytest.raises(DateError, match=reason):
        EDTFDate.parse(text)


@given(st.dates(min_value=__import__("datetime").date(1000, 1, 1)), st.sampled_from(["", "?", "~", "%"]))
def test_any_real_day_round_trips(day, qualifier):
    text = day.isoformat() + qualifier
    assert EDTFDate.parse(text).to_edtf() == text

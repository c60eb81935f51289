"""core.numbers: the one reader of typed and linked numbers (the softmax, loss and regression
pages' fields, and ui.state's link values)."""

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core import numbers
from ui import numbers as ui_numbers


@pytest.mark.parametrize("token, value", [
    ("3", 3.0), ("-1.5", -1.5), ("+2", 2.0), (".5", 0.5), ("5.", 5.0), ("2e3", 2000.0),
    ("1E-3", 0.001), ("−4", -4.0), ("-0", 0.0), (" 7 ", 7.0),
    ("１２．５", 12.5), ("－３", -3.0), ("１ｅ３", 1000.0),  # full width, as a Chinese IME types
    (repr(0.1), 0.1), (repr(1e-05), 1e-05), (repr(1e16), 1e16),  # what ui.state writes
])
def test_to_float_reads_numbers_as_typed(token, value):
    got = numbers.to_float(token)
    assert got == value and math.copysign(1.0, got) == math.copysign(1.0, value)


@pytest.mark.parametrize("token, code", [
    ("", "not_number"), ("abc", "not_number"), ("1_000", "not_number"), ("0x10", "not_number"),
    ("3²", "not_number"), ("١", "not_number"), ("1..2", "not_number"), ("nan", "not_finite"),
    ("-Infinity", "not_finite"), ("ｉｎｆ", "not_finite"), ("1e400", "too_large"),
])
def test_to_float_names_what_is_wrong(token, code):
    with pytest.raises(numbers.NumberError) as info:
        numbers.to_float(token)
    assert info.value.code == code and isinstance(info.value, ValueError)


def test_max_abs_is_inclusive():
    assert numbers.to_float("1e6", max_abs=1e6) == 1e6
    with pytest.raises(numbers.NumberError, match="too_large"):
        numbers.to_float("-1000001", max_abs=1e6)


@pytest.mark.parametrize("token, value", [("50", 50), ("-3", -3), ("５０", 50), ("+0", 0)])
def test_to_int_reads_whole_numbers(token, value):
    assert numbers.to_int(token) == value


@pytest.mark.parametrize("token", ["5.0", "1e2", "5_0", "", "five"])
def test_to_int_refuses_anything_else(token):
    with pytest.raises(ValueError):
        numbers.to_int(token)


def test_counts_are_checked_and_reported():
    assert numbers.parse_numbers("1 2 3", 2, 10) == numbers.Parsed(error="too_many", detail="3")
    assert numbers.parse_numbers("1", 5, 10, min_count=2) == numbers.Parsed(error="too_few",
                                                                             detail="1")
    assert numbers.parse_numbers("(1; 2)", 5, 10) == numbers.Parsed(values=(1.0, 2.0))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_parse_numbers_never_raises(text):
    parsed = numbers.parse_numbers(text, 64, 1e6)
    assert (parsed.values is None) != (parsed.error is None)
    assert parsed.error is None or parsed.error in numbers.ERRORS
    assert len(parsed.detail) <= numbers.DETAIL


# ---- ui.numbers: the one formatter --------------------------------------------------------

@pytest.mark.parametrize("value, digits, infinity, text", [
    (0.30000000000000004, 4, "∞", "0.3"), (2.0, 4, "∞", "2"), (-0.0, 4, "∞", "0"),
    (123456.0, 4, "∞", "1.235e+05"), (123456.0, 6, "inf", "123456"),
    (math.inf, 4, "∞", "∞"), (-math.inf, 4, "∞", "−∞"), (-math.inf, 6, "inf", "−inf"),
    (math.nan, 4, "∞", "nan"), (3, 4, "∞", "3"), ("0 ✓", 4, "∞", "0 ✓"),
])
def test_number_spells_out_what_is_not_an_ordinary_float(value, digits, infinity, text):
    assert ui_numbers.number(value, digits, infinity) == text


def test_vector_and_decimals():
    assert ui_numbers.vector([2.0, math.inf, 0.1], 3) == "[2, ∞, 0.1]"
    assert ui_numbers.decimals([1, -0.00004, 2.5]) == "[1.0000, -0.0000, 2.5000]"
    assert ui_numbers.decimals((v for v in (0.25, 0.75)), 1) == "[0.2, 0.8]"  # round half even

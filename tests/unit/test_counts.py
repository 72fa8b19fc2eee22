"""Counts written with thousands separators and read back strictly."""

import re

import pytest

from pubcomment.core import numbers
from pubcomment.core.numbers import DigitStyle


@pytest.mark.parametrize(
    ("count", "expected"),
    [(0, "0"), (7, "7"), (999, "999"), (1000, "1,000"), (1764, "1,764"), (1234567, "1,234,567"), (9_999_999_999, "9,999,999,999")],
)
def test_format_count(count: int, expected: str) -> None:
    assert numbers.format_count(count) == expected


def test_format_count_styles_and_unit() -> None:
    assert numbers.format_count(1764, unit="通") == "1,764通"
    assert numbers.format_count(1764, digits="fullwidth") == "１，７６４"
    assert numbers.format_count(1764, digits=DigitStyle.FULLWIDTH, unit="件") == "１，７６４件"
    assert numbers.format_count(10, digits="ascii", unit="件") == "10件"


@pytest.mark.parametrize(("count", "message"), [(-1, "a count cannot be negative: -1"), (10**10, "a count has at most 10 digits")])
def test_format_count_refuses_what_parse_count_would(count: int, message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        numbers.format_count(count)


@pytest.mark.parametrize("value", [True, 1.0, "1764"])
def test_format_count_takes_an_int(value: object) -> None:
    with pytest.raises(TypeError, match="a count is an int"):
        numbers.format_count(value)  # type: ignore[arg-type]


def test_digit_style_names() -> None:
    assert numbers.digit_style(" FullWidth ") is DigitStyle.FULLWIDTH
    assert [style.value for style in DigitStyle] == ["ascii", "fullwidth"]
    with pytest.raises(ValueError, match=re.escape("digits style 'zenkaku' is not one of 'ascii', 'fullwidth'")):
        numbers.format_count(1, digits="zenkaku")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0", 0),
        ("1764", 1764),
        ("1,764", 1764),
        ("１７６４", 1764),
        ("１，７６４", 1764),
        ("1，764", 1764),
        (" 1,764\n", 1764),
        ("\u30001,764\u3000", 1764),  # ideographic spaces
        ("9,999,999,999", 9_999_999_999),
        ("9999999999", 9_999_999_999),
    ],
)
def test_parse_count(text: str, expected: int) -> None:
    assert numbers.parse_count(text) == expected


@pytest.mark.parametrize("text", ["1,764通", "1764通", "１，７６４通", "1,764 通", "1,764"])
def test_parse_count_with_the_unit_it_is_given(text: str) -> None:
    assert numbers.parse_count(text, unit="通") == 1764


@pytest.mark.parametrize("count", [0, 5, 999, 1000, 1764, 123_456_789, 9_999_999_999])
@pytest.mark.parametrize("digits", ["ascii", "fullwidth"])
def test_what_is_written_reads_back(count: int, digits: str) -> None:
    assert numbers.parse_count(numbers.format_count(count, digits=digits, unit="件"), unit="件") == count


@pytest.mark.parametrize(
    ("text", "unit", "problem"),
    [
        ("", None, "it is empty"),
        ("   ", None, "it is empty"),
        ("通", "通", "no number before '通'"),
        (",", None, "it has no digits"),
        ("1,764通", None, "it ends in '通'; a unit after the number is accepted only where one is expected"),
        ("1,764件", "通", "it ends in '件', and only the unit '通' may follow the number"),
        ("①", None, "'①' (CIRCLED DIGIT ONE) is not one of the digits 0-9 or ０-９"),
        ("²", None, "'²' (SUPERSCRIPT TWO) is not one of the digits 0-9 or ０-９"),
        ("1²", None, "'²' (SUPERSCRIPT TWO) is not one of the digits 0-9 or ０-９"),
        ("٣", None, "'٣' (ARABIC-INDIC DIGIT THREE) is not one of the digits 0-9 or ０-９"),
        ("𝟓", None, "'𝟓' (MATHEMATICAL BOLD DIGIT FIVE) is not one of the digits 0-9 or ０-９"),
        ("五十", None, "'五' (CJK UNIFIED IDEOGRAPH-4E94) is not one of the digits 0-9 or ０-９"),
        ("-5", None, "it is negative"),
        ("−5", None, "it is negative"),
        ("－５", None, "it is negative"),
        ("▲5", None, "it is negative"),
        ("△1,000", None, "it is negative"),
        ("1.5", None, "it is not a whole number"),
        ("１．５", None, "it is not a whole number"),
        ("17,64", None, "its commas do not separate the digits in groups of three (1,764)"),
        ("1764,000", None, "its commas do not separate the digits in groups of three"),
        (",764", None, "its commas do not separate the digits in groups of three"),
        ("1,764,", None, "its commas do not separate the digits in groups of three"),
        ("12345678901", None, "it has 11 digits, and a count has at most 10"),
        ("10,000,000,000", None, "it has 11 digits, and a count has at most 10"),
        ("007", None, "it starts with 0"),
        ("0,764", None, "it starts with 0"),
        ("+5", None, "'+' (PLUS SIGN) is not a digit"),
        ("1 764", None, "' ' (SPACE) is not a digit"),
        ("1e3", None, "'e' (LATIN SMALL LETTER E) is not a digit"),
    ],
)
def test_parse_count_refuses_with_the_problem_named(text: str, unit: str | None, problem: str) -> None:
    with pytest.raises(ValueError, match=re.escape(f"{text!r} is not a count: {problem}")):
        numbers.parse_count(text, unit=unit)


def test_python_isdigit_is_not_enough() -> None:
    # Why parse_count does not use str.isdigit(): these pass it, and int() refuses or misreads them.
    assert all(char.isdigit() for char in "①²٣")
    for char in "①²٣":
        with pytest.raises(ValueError, match="is not one of the digits 0-9"):
            numbers.parse_count(char)


def test_a_huge_number_is_refused_before_it_is_converted() -> None:
    # int() itself refuses more than 4,300 digits with a message about sys.set_int_max_str_digits.
    with pytest.raises(ValueError, match="it has 100000 digits, and a count has at most 10"):
        numbers.parse_count("9" * 100_000)


def test_parse_count_reads_text() -> None:
    with pytest.raises(TypeError, match="parse_count reads text, not int"):
        numbers.parse_count(1764)  # type: ignore[arg-type]

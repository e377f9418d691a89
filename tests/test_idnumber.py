"""ID numbers: what roster cells really look like, and what must be rejected and why."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gridkeeper.rules.idnumber import PROVINCES, IdInfo, IdNumberError, check_char, make, mask, normalize, parse

TODAY = date(2024, 6, 1)
PUBLISHED = "11010519491231002X"  # the example printed with GB 11643


def code_of(raw: object, today: date = TODAY) -> str:
    with pytest.raises(IdNumberError) as caught:
        parse(raw, today=today)
    return caught.value.code


# (division, birth date, sequence, gender) for numbers built with make()
VALID = [
    ("330382", date(1950, 3, 2), 123, "M"),  # Yueqing: absent from published tables
    ("330302", date(1988, 11, 30), 42, "F"),
    ("110105", date(2000, 2, 29), 1, "M"),
    ("440305", date(2015, 7, 9), 998, "F"),
    ("652801", date(1935, 1, 1), 7, "M"),
    ("510104", date(1890, 1, 1), 0, "F"),
]


@pytest.mark.parametrize(("division", "born", "seq", "gender"), VALID)
def test_made_numbers_parse_back(division: str, born: date, seq: int, gender: str) -> None:
    number = make(division, born, seq)
    info = parse(number, today=TODAY)
    assert info == IdInfo(number, born, gender, division, False)
    assert len(number) == 18


def test_published_example_is_valid() -> None:
    info = parse(PUBLISHED, today=TODAY)
    assert info.number == PUBLISHED
    assert info.birth_date == date(1949, 12, 31)
    assert info.gender == "F"  # sequence 002
    assert info.division_code == "110105"
    assert not info.converted_from_15


def test_check_char_matches_published_example() -> None:
    assert check_char(PUBLISHED[:17]) == "X"
    assert check_char("33038219500302123") == make("330382", date(1950, 3, 2), 123)[-1]


def test_check_char_needs_17_digits() -> None:
    with pytest.raises(ValueError):
        check_char("1234")
    with pytest.raises(ValueError):
        check_char("1101051949123100X")


def test_every_remainder_maps_to_its_check_char() -> None:
    seen = {check_char(f"{n:017d}") for n in range(1, 400)}
    assert seen == set("10X98765432")


def test_unknown_division_code_is_accepted() -> None:
    number = make("330382", date(1962, 5, 17), 311)
    assert parse(number, today=TODAY).division_code == "330382"
    assert parse(make("339999", date(1962, 5, 17), 311), today=TODAY).division_code == "339999"  # county unchecked


@pytest.mark.parametrize("province", ["71", "81", "82", "11", "65"])
def test_every_province_level_code_is_accepted(province: str) -> None:
    assert parse(make(province + "0000", date(1962, 5, 17), 311), today=TODAY).division_code[:2] == province


@pytest.mark.parametrize("division", ["000000", "999999", "100000", "380000", "660000", "900000"])
def test_no_province_is_its_own_reason(division: str) -> None:
    assert code_of(make(division, date(1962, 5, 17), 311)) == "id_province"
    assert code_of(division + "620517311") == "id_province"  # the 15-digit form too


def test_exactly_the_34_province_level_codes() -> None:
    accepted = {f"{p:02d}" for p in range(100)
                if _accepts(make(f"{p:02d}0101", date(1962, 5, 17), 311))}
    assert len(accepted) == 34 and {"71", "81", "82"} <= accepted and accepted == PROVINCES


def _accepts(number: str) -> bool:
    try:
        parse(number, today=TODAY)
    except IdNumberError:
        return False
    return True


def test_checksum_failure() -> None:
    wrong = PUBLISHED[:17] + "1"
    assert code_of(wrong) == "id_checksum"
    mistyped = "11010519491231012X"  # one sequence digit changed
    assert code_of(mistyped) == "id_checksum"


def test_impossible_birth_date() -> None:
    first17 = "110105" + "19490230" + "002"  # 30 February
    assert code_of(first17 + check_char(first17)) == "id_birth_date"


def test_future_birth_date() -> None:
    number = make("110105", date(2030, 1, 1), 2)
    assert code_of(number) == "id_birth_date"
    assert parse(number, today=date(2031, 1, 1)).birth_date == date(2030, 1, 1)


def test_birth_before_1890_is_rejected() -> None:
    assert code_of(make("110105", date(1889, 12, 31), 2)) == "id_birth_date"


def test_default_today_rejects_far_future() -> None:
    with pytest.raises(IdNumberError) as caught:
        parse(make("110105", date(9000, 1, 1), 2))
    assert caught.value.code == "id_birth_date"


def test_15_digit_number_converts_to_18() -> None:
    info = parse("110105491231002", today=TODAY)
    assert info.number == PUBLISHED
    assert info.converted_from_15
    assert info.birth_date == date(1949, 12, 31)
    assert info.gender == "F"


def test_15_digit_with_impossible_date() -> None:
    assert code_of("110105490231002") == "id_birth_date"


def test_full_width_input() -> None:
    assert parse("１１０１０５１９４９１２３１００２ｘ", today=TODAY).number == PUBLISHED
    assert parse("１１０１０５１９４９１２３１００２Ｘ", today=TODAY).number == PUBLISHED


def test_lowercase_x_spaces_and_hyphens() -> None:
    assert parse("11010519491231002x", today=TODAY).number == PUBLISHED
    assert parse(" 110105 19491231 002x\n", today=TODAY).number == PUBLISHED
    assert parse("110105\u300019491231\u00a0002X", today=TODAY).number == PUBLISHED
    assert parse("110105-19491231-002X", today=TODAY).number == PUBLISHED


def test_normalize_only_cleans() -> None:
    assert normalize("１１０ １０５-x") == "110105X"
    for marked in ("'110105", "`110105", "\u2018110105", " ＇110105"):  # typed to keep Excel off it
        assert normalize(marked) == "110105"
    assert normalize("110'105") == "110'105"  # only a leading mark: anything else is for parse to judge
    assert normalize("\u3000abc\u00a0") == "ABC"
    assert normalize(123) == "123"


def test_float_cell_has_lost_digits() -> None:
    assert code_of(1.10105194912310e17) == "id_lost_digits"
    assert code_of(110105194912310000) == "id_lost_digits"
    assert code_of(330382195003021000.0) == "id_lost_digits"


def test_numeric_cell_policy_for_15_digits() -> None:
    # Excel keeps 15 significant digits: an old 15-digit number stored as a number is whole,
    # and is converted as its text would be; 16 digits and more cannot be.
    for cell in (110105491231002, 110105491231002.0):
        info = parse(cell, today=date(2026, 1, 1))
        assert info == parse("110105491231002", today=date(2026, 1, 1)) and info.converted_from_15
    assert code_of(1101054912310021) == "id_lost_digits"


def test_short_numeric_cell_is_a_length_error() -> None:
    assert code_of(12345) == "id_length"


@pytest.mark.parametrize("text", ["1.10105E+17", "3.30382E+17", "1.1010519491231E+17", "3.30382e17"])
def test_scientific_notation_text_has_lost_digits(text: str) -> None:
    assert code_of(text) == "id_lost_digits"


def test_18_digits_ending_000_with_bad_checksum_has_lost_digits() -> None:
    assert code_of("330382195003022000") == "id_lost_digits"
    assert code_of("110105194912310000") == "id_lost_digits"  # PUBLISHED after Excel


def test_a_real_number_can_end_in_000() -> None:
    # 330382195003021000 looks truncated, but its check character really is 0.
    assert check_char("33038219500302100") == "0"
    assert parse("330382195003021000", today=TODAY).gender == "F"


def test_18_digits_ending_000_with_good_checksum_is_valid() -> None:
    # A genuine number may end in 000 when its check character happens to be 0.
    candidates = (
        make("330382", date(1975, 4, day), seq) for day in range(1, 31) for seq in range(0, 1000, 100)
    )
    number = next(n for n in candidates if n.endswith("000"))
    assert parse(number, today=TODAY).number == number


def test_empty_inputs() -> None:
    assert code_of("") == "id_empty"
    assert code_of("  \u3000 ") == "id_empty"
    assert code_of(None) == "id_empty"


def test_wrong_length() -> None:
    assert code_of("1101051949123100") == "id_length"
    assert code_of(PUBLISHED + "1") == "id_length"


def test_bad_characters() -> None:
    assert code_of("11010519491231002Y") == "id_format"
    assert code_of("110105194912310X2X") == "id_format"
    assert code_of("身份证11010519491231002X") == "id_format"
    assert code_of("11010549123100X") == "id_format"


def test_error_is_a_value_error_with_a_message() -> None:
    with pytest.raises(ValueError) as caught:
        parse("abc", today=TODAY)
    assert isinstance(caught.value, IdNumberError)
    assert str(caught.value)


def test_mask() -> None:
    assert mask("33038219500302123X") == "330382********123X"
    assert mask(PUBLISHED) == "110105********002X"
    assert mask("110105491231002") == "110105*****1002"
    assert mask("12345") == "***45"
    assert mask("") == ""


def test_make_rejects_bad_arguments() -> None:
    with pytest.raises(ValueError):
        make("33038", date(1950, 1, 1), 1)
    with pytest.raises(ValueError):
        make("330382", date(1950, 1, 1), 1000)
    with pytest.raises(ValueError):
        make("330382", date(1950, 1, 1), -1)


divisions = st.tuples(st.sampled_from(sorted(PROVINCES)), st.from_regex(r"[0-9]{4}", fullmatch=True)).map("".join)
births = st.dates(min_value=date(1890, 1, 1), max_value=TODAY)
sequences = st.integers(min_value=0, max_value=999)


@given(divisions, births, sequences)
def test_make_round_trips(division: str, born: date, seq: int) -> None:
    info = parse(make(division, born, seq), today=TODAY)
    assert info.birth_date == born
    assert info.gender == ("M" if seq % 2 else "F")
    assert info.division_code == division


@given(divisions, births, sequences, st.integers(min_value=0, max_value=16), st.integers(1, 9))
def test_single_digit_change_is_caught(division: str, born: date, seq: int, pos: int, delta: int) -> None:
    number = make(division, born, seq)
    digit = (int(number[pos]) + delta) % 10
    changed = number[:pos] + str(digit) + number[pos + 1 :]
    try:
        parse(changed, today=TODAY)
    except IdNumberError as e:
        assert e.code in {"id_checksum", "id_birth_date", "id_lost_digits", "id_province"}
    else:
        raise AssertionError(f"{changed} accepted after changing digit {pos}")


@given(divisions, births, sequences)
def test_mask_never_reveals_the_middle(division: str, born: date, seq: int) -> None:
    number = make(division, born, seq)
    masked = mask(number)
    assert len(masked) == 18
    assert masked[6:14] == "*" * 8
    assert masked[:6] == number[:6] and masked[-4:] == number[-4:]
    assert f"{born:%Y%m%d}" not in masked

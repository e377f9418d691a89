"""Phone numbers as cadres type them into rosters."""

from __future__ import annotations

import phonenumbers
import pytest
from hypothesis import given
from hypothesis import strategies as st

from gridkeeper.rules.area_codes import from_division
from gridkeeper.rules.phone import REASONS, PhoneError, display, is_mobile, mask, normalize_one, reason, split_cell


@pytest.mark.parametrize(
    "raw",
    [
        "13812345678",
        "138 1234 5678",
        "138-1234-5678",
        "+86 138 1234 5678",
        "+8613812345678",
        "0086 13812345678",
        "8613812345678",
        "(+86)138-1234-5678",
        "１３８１２３４５６７８",
        "\u3000138 1234 5678\u3000",
        "13812345678.0",  # a number cell exported as text
    ],
)
def test_mobile_forms(raw: str) -> None:
    assert normalize_one(raw) == "13812345678"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("0577-62345678", "0577-62345678"),
        ("057762345678", "0577-62345678"),
        ("(0577)62345678", "0577-62345678"),
        ("（０５７７）６２３４５６７８", "0577-62345678"),
        ("0577 62345678", "0577-62345678"),
        ("010-12345678", "010-12345678"),
        ("01012345678", "010-12345678"),
        ("021 87654321", "021-87654321"),
        ("+86 577 62345678", "0577-62345678"),
        ("0577-62345678转123", "0577-62345678转123"),  # extensions are kept
        ("0577-62345678 转 8", "0577-62345678转8"),
        ("0577-62345678-123", "0577-62345678转123"),
        ("0577-62345678 ext. 8001", "0577-62345678转8001"),
        ("0570-6234567", "0570-6234567"),  # Quzhou still has 7-digit numbers
    ],
)
def test_landline_forms(raw: str, expected: str) -> None:
    assert normalize_one(raw) == expected


def test_local_number_takes_the_profiles_area_code() -> None:
    assert normalize_one("62345678", "0577") == "0577-62345678"
    assert split_cell("6234 5678、13812345678", "0577") == (["0577-62345678", "13812345678"], [])
    assert normalize_one("010-12345678", "0577") == "010-12345678"  # an area code typed wins


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("0577-4658612", "phone_length"),  # Wenzhou numbers all have 8 digits
        ("0577-465861234", "phone_length"),
        ("1381234567", "phone_length"),
        ("14012345678", "phone_range"),  # unallocated or data-only mobile ranges
        ("16412345678", "phone_range"),
        ("19412345678", "phone_range"),
        ("62345678", "phone_no_area"),
        ("无", "phone_invalid"),
    ],
)
def test_reasons(raw: str, code: str) -> None:
    with pytest.raises(PhoneError) as caught:
        normalize_one(raw)
    assert caught.value.code == code
    assert reason(raw) == code


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "12812345678",  # 12x is not a mobile prefix
        "1381234567",  # 10 digits
        "138123456789",  # 12 digits
        "62345678",  # local number without area code: cannot guess the area
        "0112345678",  # 011 is no area code
        "0577-0234567",  # local numbers do not start with 0
        "13812345678-123",  # mobiles have no extensions
        "13812345678转123",
        "0577-6234567-12",  # 0577 numbers have 8 digits, extension or not
        "电话13812345678",
        "无",
    ],
)
def test_invalid(raw: str) -> None:
    with pytest.raises(PhoneError) as caught:
        normalize_one(raw)
    assert caught.value.code in REASONS
    assert isinstance(caught.value, ValueError)


def test_several_numbers_in_one_cell() -> None:
    cell = "13812345678、0577-62345678，139 8765 4321;010-12345678／15012345678\n18612345678"
    valid, invalid = split_cell(cell)
    assert valid == [
        "13812345678",
        "0577-62345678",
        "13987654321",
        "010-12345678",
        "15012345678",
        "18612345678",
    ]
    assert invalid == []


def test_whitespace_separated_numbers_and_split_landline() -> None:
    valid, invalid = split_cell("0577 62345678 13812345678")
    assert valid == ["0577-62345678", "13812345678"]
    assert invalid == []
    assert split_cell("13812345678 13987654321") == (["13812345678", "13987654321"], [])


def test_invalid_pieces_are_reported() -> None:
    valid, invalid = split_cell("13812345678；1381234；不详, 0577-62345678")
    assert valid == ["13812345678", "0577-62345678"]
    assert invalid == ["1381234", "不详"]


def test_duplicates_removed_in_order() -> None:
    valid, invalid = split_cell("13812345678/138-1234-5678, 0577-62345678, +86 13812345678, x, x")
    assert valid == ["13812345678", "0577-62345678"]
    assert invalid == ["x"]


@pytest.mark.parametrize("cell", [13812345678.0, 13812345678])
def test_numeric_cells(cell: object) -> None:
    assert split_cell(cell) == (["13812345678"], [])


def test_numeric_landline_lost_its_zero() -> None:
    valid, invalid = split_cell(57762345678.0)
    assert valid == []
    assert invalid == ["57762345678"]


@pytest.mark.parametrize("cell", [None, "", "  ", "\n"])
def test_empty_cells(cell: object) -> None:
    assert split_cell(cell) == ([], [])


def test_is_mobile() -> None:
    assert is_mobile("13812345678")
    assert is_mobile("+86 138 1234 5678")
    assert not is_mobile("0577-62345678")
    assert not is_mobile("12812345678")
    assert not is_mobile("")


def test_mask() -> None:
    assert mask("13812345678") == "138****5678"
    assert mask("0577-62345678") == "0577-****5678"
    assert mask("010-12345678") == "010-****5678"
    assert mask("0577-6234567") == "0577-***4567"
    assert mask("0577-62345678转8001") == "0577-****5678转8001"


def test_display_groups_as_people_read() -> None:
    assert display("13812345678") == "138 1234 5678"
    assert display("0577-62345678") == "0577-6234 5678"
    assert display("0577-62345678转8001") == "0577-6234 5678转8001"
    assert display("不详") == "不详"
    assert mask("62345678") == "****5678"
    assert mask("123") == "***"
    assert mask("") == ""


def _plan_says(national: str) -> bool:
    nsn = national.replace("-", "").removeprefix("0")
    return phonenumbers.is_valid_number(phonenumbers.PhoneNumber(country_code=86, national_number=int(nsn)))


any_mobile = st.from_regex(r"1[0-9]{10}", fullmatch=True)
any_landline = st.tuples(
    st.sampled_from(["010", "021", "029", "0577", "0571", "0570", "0898", "0755", "0991"]),
    st.from_regex(r"[0-9]{6,9}", fullmatch=True),
).map(lambda t: f"{t[0]}-{t[1]}")


@given(st.one_of(any_mobile, any_landline))
def test_verdict_is_libphonenumbers(number: str) -> None:
    """Generated numbers, in and out of the plan: GridKeeper accepts exactly what libphonenumber does."""
    assert (reason(number) is None) == _plan_says(number)
    if reason(number) is None:
        assert normalize_one(number) == number
        nsn = phonenumbers.PhoneNumber(country_code=86, national_number=int(number.replace("-", "").lstrip("0")))
        if "-" in number:  # the area code where libphonenumber puts it
            assert len(number.split("-")[0]) == 1 + phonenumbers.length_of_geographical_area_code(nsn)


# Mostly valid numbers (filtering any_* would reject most draws): common ranges, 8-digit local numbers.
mobiles = st.tuples(st.sampled_from(["130", "133", "138", "139", "150", "158", "177", "186", "189", "199"]),
                    st.from_regex(r"[0-9]{8}", fullmatch=True)).map("".join).filter(_plan_says)
landlines = st.tuples(st.sampled_from(["010", "021", "0577", "0571", "0755"]),
                      st.from_regex(r"[2-8][0-9]{7}", fullmatch=True)).map("-".join).filter(_plan_says)


@given(mobiles, st.sampled_from(["", " ", "-"]), st.sampled_from(["", "+86", "0086 ", "+86-"]))
def test_mobile_survives_formatting(number: str, sep: str, prefix: str) -> None:
    typed = prefix + sep.join([number[:3], number[3:7], number[7:]])
    assert normalize_one(typed) == number
    assert is_mobile(typed)


@given(st.lists(st.one_of(mobiles, landlines), min_size=1, max_size=5), st.sampled_from(["、", ", ", "；", "/", "\n", " "]))
def test_split_cell_finds_every_number(numbers: list[str], sep: str) -> None:
    valid, invalid = split_cell(sep.join(numbers))
    assert valid == list(dict.fromkeys(numbers))
    assert invalid == []


@given(st.one_of(mobiles, landlines))
def test_mask_hides_the_middle(number: str) -> None:
    masked = mask(number)
    assert len(masked) == len(number)
    assert masked[-4:] == number[-4:]
    if "-" in number:
        area = number.split("-")[0]
        assert masked.startswith(area + "-")
        assert set(masked[len(area) + 1 : -4]) == {"*"}
    else:
        assert masked[:3] == number[:3]
        assert masked[3:7] == "****"


def test_area_code_from_the_streets_division_code() -> None:
    assert from_division("330382001001") == "0577"  # Yueqing, in Wenzhou
    assert from_division("110105") == "010"
    assert from_division("440305") == ""  # not in the table: the cadre types it

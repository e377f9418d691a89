"""searchkeys' shortcuts (one phone, JSON without the encoder) give the same keys as the general path."""

from __future__ import annotations

import json

import pytest

from gridkeeper.store import searchkeys as k


def reference(name: str | None, id_number: str | None, phones_json: str | None) -> list[str]:
    keys = set(k.name_keys(name or ""))
    if id_number:
        keys.add(k.REVERSED + id_number.upper()[::-1])
    try:
        phones = json.loads(phones_json or "[]")
    except ValueError:
        phones = []
    for phone in phones if isinstance(phones, list) else []:
        digits = "".join(c for c in str(phone) if c.isdigit())
        if digits:
            keys.add(k.REVERSED + digits[::-1])
    keys.discard("")
    return sorted(keys)


@pytest.mark.parametrize(("name", "id_number", "phones"), [
    ("张伟", "33038219700101123x", '["13812345678"]'),
    ("李 娜", None, '["0577-65022798", "13812345678"]'),
    ("单丽华", None, '["+86 138 1234 5678"]'),
    ('O"Neil', None, "[]"),
    ("a\\b", None, None),
    ("王\x01芳", "1", "not json"),
    ("欧阳修", None, '{"a": 1}'),
    (None, None, '[13812345678]'),
])
def test_person_keys_match_the_general_path(name: str | None, id_number: str | None, phones: str | None) -> None:
    assert json.loads(k.person_keys(name, id_number, phones)) == reference(name, id_number, phones)


@pytest.mark.parametrize("keys", [[], ["a"], ["", "2单元501"], ['x"y'], ["a\\b"], ["\x01"], ["张伟", "~8765"]])
def test_json_list_is_json(keys: list[str]) -> None:
    assert json.loads(k._json_list(keys)) == keys


def test_keys_made_ahead_in_another_process_are_the_keys_person_keys_gives() -> None:
    names = ["欧阳修", "单雄信", "张 伟", "Anna Li"]
    expected = {n: person_keys_now(n) for n in names}
    ahead = k.NameKeysAhead([*names, names[0], ""])  # repeats and empty names are not sent
    assert ahead.collect() == len(names)
    try:
        assert {n: k._MADE_AHEAD[n] for n in names} == {n: k.name_keys(n) for n in names}
        assert {n: person_keys_now(n) for n in names} == expected
    finally:
        k.forget_made_ahead()
    assert k._MADE_AHEAD == {}


def person_keys_now(name: str) -> str:
    return k.person_keys(name, "33038219700101123x", '["13812345678"]')

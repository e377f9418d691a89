"""Deterministic ids: two cadres importing the same roster offline get the same rows."""

from __future__ import annotations

import json
import subprocess
import sys
import uuid
from pathlib import Path

from gridkeeper import ids

ADDRESS = ("塘川社区", "阳光花园", "3幢", "2", "501")
ID_NUMBER = "33038219700101123X"


def _sample() -> dict[str, str]:
    return {
        "household": ids.household_id(*ADDRESS),
        "person": ids.person_id(ID_NUMBER),
        "community": ids.community_id("塘川社区"),
        "compound": ids.compound_id("塘川社区", "阳光花园"),
        "building": ids.building_id("阳光花园", "3幢"),
        "grid": ids.grid_id("塘川社区", "第1网格"),
        "tag": ids.tag_id("独居"),
        "cadre": ids.cadre_id("许慧琳", "13812345678"),
    }


def test_ids_are_uuid5_and_stable_across_calls() -> None:
    first, second = _sample(), _sample()
    assert first == second
    for value in first.values():
        assert uuid.UUID(value).version == 5
    assert len(set(first.values())) == len(first)  # the kind is part of the key


def test_ids_are_stable_across_processes() -> None:
    code = (
        "import json\n"
        "from tests.test_ids import _sample\n"
        "print(json.dumps(_sample()))\n"
    )
    outs = []
    for seed in ("0", "12345"):  # a different str hash seed in each process
        env = {"PYTHONHASHSEED": seed, "PATH": "/usr/bin:/bin"}
        proc = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True,
            cwd=Path(__file__).resolve().parents[1],
        )
        outs.append(json.loads(proc.stdout))
    assert outs[0] == outs[1] == _sample()


def test_the_same_id_for_a_kind_and_key_is_pinned() -> None:
    """The namespace is fixed forever: a change would fork every dataset's ids."""
    expected = str(uuid.uuid5(ids.NAMESPACE, "household:塘川社区|阳光花园|3幢|2|501"))
    assert ids.household_id(*ADDRESS) == expected
    assert str(ids.NAMESPACE) == "6b1f9c3e-3d2a-5a7e-9c41-0c9d3a2f4e10"


def test_person_id_ignores_the_case_of_the_check_letter() -> None:
    assert ids.person_id("33038219700101123x") == ids.person_id(ID_NUMBER)
    assert ids.person_id("33038219700101123Ｘ") == ids.person_id(ID_NUMBER)  # full-width X
    assert ids.person_id(" 330382 19700101 123X ") == ids.person_id(ID_NUMBER)
    assert ids.person_id("330382197001011230") != ids.person_id(ID_NUMBER)


def test_household_id_ignores_whitespace_and_full_width_forms() -> None:
    base = ids.household_id(*ADDRESS)
    assert ids.household_id("塘川社区", "阳光花园", "３幢", "２", "５０１") == base
    assert ids.household_id(" 塘川 社区", "阳光花园\u3000", "3 幢", " 2 ", "50\t1") == base
    assert ids.household_id("塘川社区", "阳光花园", "3幢", "２", "501") == base


def test_different_addresses_get_different_ids() -> None:
    base = ids.household_id(*ADDRESS)
    others = {
        ids.household_id("塘川社区", "阳光花园", "3幢", "2", "502"),
        ids.household_id("塘川社区", "阳光花园", "3幢", "1", "501"),
        ids.household_id("塘川社区", "阳光花园", "13幢", "2", "501"),
        ids.household_id("塘川社区", "阳光花园1", "3幢", "2", "501"),  # a character moved between parts
        ids.household_id("塘川社区", "幸福里", "3幢", "2", "501"),
        ids.household_id("双雁社区", "阳光花园", "3幢", "2", "501"),
        ids.household_id("塘川社区", "阳光花园", "3幢", "", "2501"),
    }
    assert base not in others
    assert len(others) == 7
    assert ids.household_id("塘川社区", "阳光花园", "3幢", None, "501") == ids.household_id(
        "塘川社区", "阳光花园", "3幢", "", "501"
    )


def test_other_natural_keys() -> None:
    # A community is known by its name (rosters rarely carry the division code).
    assert ids.community_id("塘川社区") == ids.community_id(" 塘川社区 ")
    assert ids.community_id("塘川社区") != ids.community_id("双雁社区")
    assert ids.cadre_id("许慧琳", "13812345678") != ids.cadre_id("许慧琳", "13812345679")
    assert ids.cadre_id("许慧琳") == ids.cadre_id("许慧琳", None)
    p = ids.person_id(ID_NUMBER)
    assert ids.person_tag_id(p, ids.tag_id("独居")) != ids.person_tag_id(p, ids.tag_id("高龄"))
    assert ids.assignment_id("c1", "g1") != ids.assignment_id("c1", "g2")


def test_fast_uuid5_equals_the_standard_library() -> None:
    import uuid

    from gridkeeper.ids import NAMESPACE, uuid5

    for name in ("person:11010519491231002X", "household:塘川社区|阳光花园|3幢|2|501", "", "x" * 500):
        assert uuid5(name) == str(uuid.uuid5(NAMESPACE, name))


def test_fast_uuid5_every_variant_digit() -> None:
    """The hex-digit arithmetic for version and variant, over enough names to meet all 16 digits."""
    import hashlib
    import uuid

    from gridkeeper.ids import NAMESPACE, uuid5

    seen = set()
    for i in range(2000):
        name = f"person:{i}|楼{i % 7}"
        ours = uuid5(name)
        assert ours == str(uuid.uuid5(NAMESPACE, name))
        seen.add(hashlib.sha1(NAMESPACE.bytes + name.encode()).hexdigest()[16])  # the digit before the variant
    assert len(seen) == 16

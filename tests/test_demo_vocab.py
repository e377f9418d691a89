"""Tests for gridkeeper.demo.vocab: determinism, uniqueness, realism bounds."""

from __future__ import annotations

import random
import re
import statistics
from collections import Counter

import pytest

from gridkeeper.demo import vocab as v

CJK_NAME = re.compile(r"^[\u4e00-\u9fff]{2,4}$")
MOBILE = re.compile(r"^1[3-9]\d{9}$")
LANDLINE = re.compile(r"^0577-6\d{7}$")


def _specs(seed: int, n: int) -> list[tuple[str, int]]:
    rng = random.Random(seed)
    return [(rng.choice("MF"), rng.randint(1930, 2020)) for _ in range(n)]


def _names(seed: int, n: int) -> list[str]:
    rng = random.Random(seed)
    return [v.person_name(rng, g, y) for g, y in _specs(seed, n)]


@pytest.fixture(scope="module")
def names_80k() -> list[str]:
    return _names(1, 80_000)


def test_same_seed_same_names():
    assert _names(7, 1_000) == _names(7, 1_000)
    assert _names(7, 1_000) != _names(8, 1_000)


def test_helpers_do_not_touch_global_random():
    random.seed(123)
    expected = random.random()
    random.seed(123)
    rng = random.Random(5)
    v.person_name(rng, "F", 1950)
    v.compound_names(rng, 10)
    v.mobile(rng)
    v.landline(rng)
    v.household_size(rng)
    v.ethnicity(rng)
    v.disability(rng)
    v.surname(rng)
    assert random.random() == expected


def test_names_are_two_to_four_cjk_chars(names_80k):
    assert all(CJK_NAME.match(n) for n in names_80k)
    lengths = Counter(len(n) for n in names_80k)
    assert lengths[2] > 0 and lengths[3] > lengths[2]


def test_zhang_wei_is_common(names_80k):
    counts = Counter(names_80k)
    assert counts["张伟"] >= 3
    for common in ("王芳", "李娜", "刘洋"):
        assert counts[common] >= 1, common


def test_rare_and_compound_surnames_occur(names_80k):
    firsts = Counter(n[0] for n in names_80k)
    for s in v.POLYPHONIC_SURNAMES:
        assert firsts[s] > 0, s
    for s in v.COMPOUND_SURNAMES:
        assert any(n.startswith(s) for n in names_80k), s


def test_chen_is_the_most_common_surname_in_yueqing(names_80k):
    firsts = Counter(n[0] for n in names_80k)
    assert firsts.most_common(1)[0][0] == "陈"


def test_names_follow_era_and_gender():
    rng = random.Random(3)
    old_women = Counter(v.person_name(rng, "女", 1940)[1:] for _ in range(5_000))
    young_women = Counter(v.person_name(rng, "女", 2010)[1:] for _ in range(5_000))
    assert old_women["秀英"] > 0 and young_women["秀英"] == 0
    assert young_women["欣怡"] > 0 and old_women["欣怡"] == 0
    single_old = sum(c for g, c in old_women.items() if len(g) == 1) / 5_000
    single_young = sum(c for g, c in young_women.items() if len(g) == 1) / 5_000
    assert 0.25 < single_old < 0.35
    assert single_young < single_old


def test_unknown_gender_rejected():
    with pytest.raises(ValueError):
        v.person_name(random.Random(1), "X", 1980)


def test_era_of():
    assert v.era_of(1959) == "pre1960"
    assert v.era_of(1960) == "1960-1989"
    assert v.era_of(1989) == "1960-1989"
    assert v.era_of(1990) == "1990+"


def test_compound_names_unique_and_plausible():
    names = v.compound_names(random.Random(1), 86)
    assert len(names) == 86
    assert len(set(names)) == 86
    assert set(v.SEED_COMPOUNDS) <= set(names)
    assert all(re.match(r"^[\u4e00-\u9fff]{3,7}$", n) for n in names)
    assert v.compound_names(random.Random(1), 86) == names


def test_compound_names_bounds():
    rng = random.Random(1)
    assert v.compound_names(rng, 0) == []
    assert len(set(v.compound_names(rng, len(v.COMPOUND_PREFIXES) + 2))) == len(v.COMPOUND_PREFIXES) + 2
    with pytest.raises(ValueError):
        v.compound_names(rng, len(v.COMPOUND_PREFIXES) + 3)


def test_hoa_name():
    assert v.hoa_name("阳光花园") == "阳光花园业主委员会"


def test_communities():
    assert len(v.COMMUNITIES) == 6
    assert len({c.name for c in v.COMMUNITIES}) == 6
    for c in v.COMMUNITIES:
        assert c.name.endswith("社区")
        assert re.match(r"^330382\d{6}$", c.code)


def test_property_companies():
    assert len(v.PROPERTY_COMPANIES) >= 15
    assert len(set(v.PROPERTY_COMPANIES)) == len(v.PROPERTY_COMPANIES)
    assert all(re.search(r"物业(服务|管理)有限公司$", p) for p in v.PROPERTY_COMPANIES)


def test_household_size_mean():
    rng = random.Random(1)
    sizes = [v.household_size(rng) for _ in range(30_000)]
    assert 2.5 <= statistics.mean(sizes) <= 2.85
    assert set(sizes) == {1, 2, 3, 4, 5, 6}
    assert Counter(sizes)[1] > 0.15 * len(sizes)


def test_ethnicity_mostly_han():
    rng = random.Random(1)
    counts = Counter(v.ethnicity(rng) for _ in range(20_000))
    assert 0.96 < counts["汉族"] / 20_000 < 0.995
    assert counts["畲族"] > 0


def test_tags():
    sensitive = {t.name for t in v.ALL_TAGS if t.sensitive}
    assert sensitive == {"失能失智", "残疾", "低保", "特困", "重病"}
    assert {"独居", "空巢", "高龄"} <= {t.name for t in v.CARE_TAGS}
    assert {"党员", "退役军人", "志愿者"} <= {t.name for t in v.OTHER_TAGS}
    assert v.TAG_SENSITIVE["低保"] is True and v.TAG_SENSITIVE["党员"] is False
    for name, is_sensitive, weight in v.ALL_TAGS:
        assert isinstance(is_sensitive, bool) and 0 < weight < 1


def test_disability():
    rng = random.Random(1)
    types = {t for t, _ in v.DISABILITY_TYPES}
    grades = {g for g, _ in v.DISABILITY_GRADES}
    assert types == {"视力", "听力", "言语", "肢体", "智力", "精神", "多重"}
    assert grades == {"一级", "二级", "三级", "四级"}
    for _ in range(200):
        t, g = v.disability(rng)
        assert t in types and g in grades


def test_relations():
    assert v.RELATIONS[0] == "户主"
    assert {"配偶", "子", "女", "父亲", "母亲", "其他"} <= set(v.RELATIONS)


def test_phones():
    rng = random.Random(1)
    mobiles = [v.mobile(rng) for _ in range(5_000)]
    assert all(MOBILE.match(m) for m in mobiles)
    assert len(set(mobiles)) > 4_990
    assert {m[:2] for m in mobiles} == {"13", "15", "17", "18", "19"}
    assert all(LANDLINE.match(v.landline(rng)) for _ in range(1_000))


def test_cadre_roles():
    assert {"驻格干部", "网格长", "专职网格员", "社区工作者"} <= set(v.CADRE_ROLES)
    assert v.CADRE_POSITIONS

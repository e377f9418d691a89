"""Vocabulary and small pure helpers for the deterministic demo data generator.

Everything here is plain Python: no Qt, no database, no third-party imports.
Every helper takes a :class:`random.Random` instance and never touches the
global ``random`` state, so the same seed always yields the same data.

Weighted draws use cumulative weights computed once at import time and a
``bisect`` on ``rng.random()``, which keeps :func:`person_name` at a couple of
microseconds per call (80,000 names take well under a second).

The place names, codes and company names are invented but plausible for
城南街道, 乐清市 (Yueqing, Wenzhou, Zhejiang; county code 330382); they are demo
data, not an authoritative gazetteer.
"""

from __future__ import annotations

import random
from bisect import bisect_right
from itertools import accumulate
from typing import NamedTuple, Sequence

__all__ = [
    "SURNAMES",
    "COMPOUND_SURNAMES",
    "POLYPHONIC_SURNAMES",
    "ERAS",
    "GIVEN_CHARS_MALE",
    "GIVEN_CHARS_FEMALE",
    "GIVEN_NAMES_MALE",
    "GIVEN_NAMES_FEMALE",
    "SINGLE_GIVEN_MALE",
    "SINGLE_GIVEN_FEMALE",
    "Community",
    "STREET_NAME",
    "STREET_CODE",
    "COMMUNITIES",
    "SEED_COMPOUNDS",
    "COMPOUND_PREFIXES",
    "COMPOUND_SUFFIXES",
    "PROPERTY_COMPANIES",
    "ETHNICITIES",
    "RELATIONS",
    "HOUSEHOLD_SIZE_WEIGHTS",
    "TagSpec",
    "CARE_TAGS",
    "OTHER_TAGS",
    "ALL_TAGS",
    "TAG_SENSITIVE",
    "DISABILITY_TYPES",
    "DISABILITY_GRADES",
    "MOBILE_PREFIXES",
    "YUEQING_AREA_CODE",
    "CADRE_ROLES",
    "CADRE_POSITIONS",
    "era_of",
    "single_given_probability",
    "surname",
    "person_name",
    "compound_names",
    "hoa_name",
    "ethnicity",
    "household_size",
    "disability",
    "mobile",
    "landline",
]


# ---------------------------------------------------------------------------
# weighted-choice plumbing


class _Table:
    """Items with cumulative weights, for O(log n) weighted draws."""

    __slots__ = ("items", "cum", "total")

    def __init__(self, pairs: Sequence[tuple[str, float]]) -> None:
        if not pairs:
            raise ValueError("empty weight table")
        self.items: tuple[str, ...] = tuple(p[0] for p in pairs)
        self.cum: list[float] = list(accumulate(float(p[1]) for p in pairs))
        self.total: float = self.cum[-1]

    def draw(self, rng: random.Random) -> str:
        return self.items[bisect_right(self.cum, rng.random() * self.total)]


def _zipf(items: str | Sequence[str], offset: float) -> tuple[tuple[str, float], ...]:
    """Rank-ordered items (most common first) with Zipf-like weights 1/(rank+offset)."""
    return tuple((item, 1.0 / (rank + offset)) for rank, item in enumerate(items))


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# ---------------------------------------------------------------------------
# surnames

# Relative weights (roughly per-cent of population).  National frequencies,
# shifted toward Wenzhou/Yueqing where 陈 林 王 黄 郑 周 叶 李 张 金 dominate and
# 潘 蔡 卢 施 应 翁 卓 洪 倪 are more frequent than nationally.
SURNAMES: tuple[tuple[str, float], ...] = (
    ("陈", 9.0), ("王", 7.5), ("林", 5.5), ("李", 5.5), ("张", 5.5),
    ("黄", 4.0), ("郑", 3.5), ("周", 3.0), ("刘", 3.0), ("叶", 2.8),
    ("金", 2.2), ("吴", 2.2), ("杨", 2.0), ("徐", 1.8), ("朱", 1.3),
    ("赵", 1.2), ("胡", 1.2), ("潘", 1.0), ("孙", 0.9), ("蔡", 0.9),
    ("何", 0.8), ("高", 0.8), ("许", 0.8), ("郭", 0.7), ("马", 0.6),
    ("谢", 0.6), ("余", 0.6), ("罗", 0.5), ("梁", 0.5), ("宋", 0.5),
    ("唐", 0.5), ("冯", 0.5), ("曹", 0.5), ("蒋", 0.5), ("沈", 0.5),
    ("卢", 0.5), ("方", 0.5), ("韩", 0.4), ("邓", 0.4), ("彭", 0.4),
    ("曾", 0.4), ("肖", 0.4), ("董", 0.4), ("袁", 0.4), ("程", 0.4),
    ("苏", 0.4), ("吕", 0.4), ("丁", 0.4), ("姚", 0.4), ("陆", 0.4),
    ("汪", 0.4), ("田", 0.3), ("于", 0.3), ("杜", 0.3), ("魏", 0.3),
    ("任", 0.3), ("姜", 0.3), ("钟", 0.3), ("范", 0.3), ("石", 0.3),
    ("夏", 0.3), ("邱", 0.3), ("江", 0.3), ("毛", 0.3), ("邵", 0.3),
    ("钱", 0.3), ("严", 0.3), ("戴", 0.3), ("施", 0.3), ("章", 0.3),
    ("洪", 0.3), ("倪", 0.3), ("崔", 0.2), ("谭", 0.2), ("廖", 0.2),
    ("贾", 0.2), ("付", 0.2), ("白", 0.2), ("邹", 0.2), ("孟", 0.2),
    ("熊", 0.2), ("秦", 0.2), ("尹", 0.2), ("薛", 0.2), ("雷", 0.2),
    ("陶", 0.2), ("顾", 0.2), ("龚", 0.2), ("万", 0.2), ("汤", 0.2),
    ("包", 0.2), ("应", 0.2), ("韦", 0.15), ("闫", 0.15), ("段", 0.15),
    ("侯", 0.15), ("龙", 0.15), ("史", 0.15), ("黎", 0.15), ("贺", 0.15),
    ("武", 0.15), ("莫", 0.15), ("孔", 0.15), ("卓", 0.15), ("翁", 0.15),
    ("季", 0.15), ("向", 0.12), ("郝", 0.1), ("虞", 0.1), ("滕", 0.1),
    ("厉", 0.1), ("覃", 0.08),
    # polyphonic surnames (单 shàn, 仇 qiú, 解 xiè, 查 zhā, 区 ōu): search tests
    ("单", 0.05), ("查", 0.04), ("仇", 0.03), ("解", 0.03), ("区", 0.02),
    # compound surnames
    ("欧阳", 0.03), ("诸葛", 0.01),
)

POLYPHONIC_SURNAMES: tuple[str, ...] = ("单", "仇", "解", "查", "区")
COMPOUND_SURNAMES: tuple[str, ...] = ("欧阳", "诸葛")

_SURNAME_TABLE = _Table(SURNAMES)


# ---------------------------------------------------------------------------
# given names, by era and gender

#: Era keys: born before 1960, born 1960–1989, born 1990 or later.
ERAS: tuple[str, str, str] = ("pre1960", "1960-1989", "1990+")


def era_of(birth_year: int) -> str:
    """The naming era of a birth year: ``"pre1960"``, ``"1960-1989"`` or ``"1990+"``."""
    if birth_year < 1960:
        return ERAS[0]
    if birth_year < 1990:
        return ERAS[1]
    return ERAS[2]


def single_given_probability(birth_year: int) -> float:
    """Share of single-character given names for people born in ``birth_year``."""
    if birth_year < 1980:
        return 0.30
    if birth_year < 1990:
        return 0.22
    if birth_year < 2000:
        return 0.12
    return 0.07


# Character pools for composing two-character given names: for each era a pair
# (first-position characters, second-position characters), most common first.
GIVEN_CHARS_MALE: dict[str, tuple[str, str]] = {
    "pre1960": (
        "建国志德永长金春海水宝文明荣兴振家世炳茂正忠福根宗仁树连庆光",
        "国华明生林平福根荣祥发强山成忠才贵全良顺松清义民昌胜兴富德",
    ),
    "1960-1989": (
        "伟建志海晓小卫红立永国学云俊剑宏鹏旭雪新文明东春振少利军",
        "军平伟明华峰涛波勇杰斌刚强东辉亮鹏飞锋新龙宇清宁洋俊林超",
    ),
    "1990+": (
        "子浩宇梓俊一博晨睿皓奕嘉逸天思承锦昊铭泽家佳明文雨沐景",
        "轩豪然宇航辰泽熙博阳睿文哲凯钧霖宸瑞翔杰远铭诚川恒琛彬",
    ),
}

GIVEN_CHARS_FEMALE: dict[str, tuple[str, str]] = {
    "pre1960": (
        "秀桂玉淑素凤翠月金彩美兰爱春冬巧银雪菊丽慧招小秋",
        "英兰珍梅芳云华琴凤花娥妹娟香芬莲娣玲仙霞菊贞萍",
    ),
    "1960-1989": (
        "丽晓红海春小艳美玉慧雪彩秀爱亚卫燕素利雅文静佳月",
        "华娟萍红燕丽梅霞敏静芳琴玲英君莉洁艳平娜婷颖琳",
    ),
    "1990+": (
        "欣子梓诗雨可思紫佳语梦一依若心嘉安婧晓雅静涵芷书",
        "怡涵萱馨妍琪桐瑶彤雯诺曦悦琳婷冉然菲蕾璐月欣洁宁",
    ),
}

# Curated whole two-character given names, most common first.
GIVEN_NAMES_MALE: dict[str, tuple[str, ...]] = {
    "pre1960": _words(
        "建国 建华 国强 志强 国华 德明 建民 国庆 福生 永福 金生 根生 长生 国平 "
        "志明 春生 海生 水生 德胜 振华 卫国 保国 文华 国良 国明 新民 宝林 家明 "
        "世杰 世明 炳南 炳生 明德 胜利 解放 援朝 光明 和平 建设 爱国 兴华 荣华 "
        "正清 茂林 树林 连生 跃进 忠诚 宝山 德华 福根 永康 文斌 长林 荣生 仁和"
    ),
    "1960-1989": _words(
        "建军 建平 志刚 志勇 海峰 海涛 晓东 晓明 卫东 红兵 建伟 建明 志华 海波 "
        "小军 小平 晓峰 卫华 向东 立新 立军 永刚 永强 俊杰 俊峰 剑锋 伟东 伟华 "
        "伟明 伟强 国伟 国栋 鹏飞 雪峰 旭东 学军 学东 春雷 明辉 文杰 建新 志伟 "
        "宏伟 海军 东升 云龙 振宇 红军 利民 少华 文斌 晓军 永生 新华 春华 海明"
    ),
    "1990+": _words(
        "浩然 子轩 宇轩 浩宇 梓豪 俊熙 子豪 宇航 一鸣 博文 晨阳 浩轩 睿泽 子墨 "
        "梓睿 皓轩 宇泽 逸飞 天佑 嘉豪 家豪 文博 宇辰 奕辰 沐阳 铭泽 思远 泽宇 "
        "明轩 昊天 子骞 锦程 佳豪 思源 承泽 浩楠 家乐 俊杰 一诺 子涵 景行 子睿"
    ),
}

GIVEN_NAMES_FEMALE: dict[str, tuple[str, ...]] = {
    "pre1960": _words(
        "秀英 桂英 秀兰 玉兰 桂兰 玉梅 淑珍 秀珍 凤英 玉珍 桂芳 秀云 玉英 兰英 "
        "翠英 桂珍 淑英 素珍 月英 金凤 彩凤 桂花 菊花 美英 丽华 淑华 秀芳 爱华 "
        "雪梅 冬梅 春兰 巧云 素芬 凤兰 慧英 美玉 秀琴 彩霞 小妹 银花 金花 招娣 "
        "爱玲 月娥 素娥 秀娟 玉莲 秋菊"
    ),
    "1960-1989": _words(
        "丽华 丽娟 丽萍 丽君 晓燕 晓红 晓丽 晓梅 红梅 红霞 海燕 春燕 彩霞 艳红 "
        "艳萍 小红 小燕 小丽 美玲 美华 玉洁 雪梅 慧敏 丽丽 婷婷 亚男 卫红 红英 "
        "爱萍 素芳 燕萍 建英 利萍 丽琴 月琴 海霞 晓敏 晓静 雅琴 文静 春梅 冬梅 "
        "玲玲 佳佳 丽娜 秀红 海英 静静"
    ),
    "1990+": _words(
        "欣怡 子涵 梓涵 诗涵 雨涵 可馨 梓萱 思涵 紫涵 一诺 欣妍 佳怡 雨欣 语桐 "
        "梦瑶 佳琪 思琪 雅婷 晓雯 诗琪 若曦 梓琪 雨萱 依诺 静怡 思雨 佳慧 心怡 "
        "紫萱 嘉怡 晨曦 安琪 雨桐 可欣 梦琪 婧琪 丹妮 甜甜 语嫣 芷若 书瑶 欣悦"
    ),
}

# Single-character given names, most common first.
SINGLE_GIVEN_MALE: dict[str, str] = {
    "pre1960": "明华军强平林福勇忠斌荣刚雄清祥德顺贵山海昌发财宝根",
    "1960-1989": "伟强磊军勇杰洋涛斌超明刚平辉鹏华峰亮飞鑫波锋健俊宁雷彬浩凯旭东",
    "1990+": "浩宇杰鑫磊涛阳洋伟帅凯博晨昊睿轩哲航豪毅诚彬翔",
}

SINGLE_GIVEN_FEMALE: dict[str, str] = {
    "pre1960": "英兰珍芳梅秀云琴霞华萍凤娟花莲菊玲娥香娣",
    "1960-1989": "芳娜敏静丽艳娟霞燕玲婷莉洁红琳萍颖倩雪慧琴佳蕾晶琼芬虹",
    "1990+": "婷琪欣妍悦雪琳颖蕾瑶璐倩佳萌雯涵薇娜静露怡",
}

# Share of two-character given names taken from the curated lists (the rest
# are composed from the positional character pools).
_CURATED_SHARE = 0.65

_GENDER_INDEX = {
    "M": 0, "m": 0, "男": 0, "male": 0, "Male": 0, "MALE": 0,
    "F": 1, "f": 1, "女": 1, "female": 1, "Female": 1, "FEMALE": 1,
}


class _EraPools(NamedTuple):
    single: _Table
    curated: _Table
    first: str
    second: str


def _build_pools() -> tuple[dict[str, _EraPools], dict[str, _EraPools]]:
    out: list[dict[str, _EraPools]] = []
    for chars, curated, single in (
        (GIVEN_CHARS_MALE, GIVEN_NAMES_MALE, SINGLE_GIVEN_MALE),
        (GIVEN_CHARS_FEMALE, GIVEN_NAMES_FEMALE, SINGLE_GIVEN_FEMALE),
    ):
        out.append({
            era: _EraPools(
                single=_Table(_zipf(single[era], 12.0)),
                curated=_Table(_zipf(curated[era], 15.0)),
                first=chars[era][0],
                second=chars[era][1],
            )
            for era in ERAS
        })
    return out[0], out[1]


_POOLS_MALE, _POOLS_FEMALE = _build_pools()
_POOLS_BY_GENDER = (_POOLS_MALE, _POOLS_FEMALE)


def surname(rng: random.Random) -> str:
    """A surname drawn with Yueqing-weighted frequencies."""
    return _SURNAME_TABLE.draw(rng)


def person_name(rng: random.Random, gender: str, birth_year: int) -> str:
    """A full name: surname + 1 or 2 given characters fitting gender and era.

    ``gender`` is ``"M"``/``"F"`` (also accepted: ``"男"``/``"女"``,
    ``"male"``/``"female"``).  The result is 2–4 CJK characters.
    """
    try:
        pools = _POOLS_BY_GENDER[_GENDER_INDEX[gender]]
    except KeyError:
        raise ValueError(f"unknown gender {gender!r}; expected 'M' or 'F'") from None
    if birth_year < 1960:
        era = pools["pre1960"]
    elif birth_year < 1990:
        era = pools["1960-1989"]
    else:
        era = pools["1990+"]
    sur = _SURNAME_TABLE.draw(rng)
    if rng.random() < single_given_probability(birth_year):
        given = era.single.draw(rng)
        while given == sur:  # e.g. 林林: legal, but avoid it in demo data
            given = era.single.draw(rng)
        return sur + given
    if rng.random() < _CURATED_SHARE:
        return sur + era.curated.draw(rng)
    first = era.first[int(rng.random() * len(era.first))]
    second = era.second[int(rng.random() * len(era.second))]
    while second == first:
        second = era.second[int(rng.random() * len(era.second))]
    return sur + first + second


# ---------------------------------------------------------------------------
# places


class Community(NamedTuple):
    name: str
    code: str  # 12-digit statistical division code (village/community level)


STREET_NAME = "城南街道"
#: Township-level code for 乐清市城南街道 used by the demo (county 330382).
STREET_CODE = "330382003"

COMMUNITIES: tuple[Community, ...] = (
    Community("塘川社区", STREET_CODE + "001"),
    Community("双雁社区", STREET_CODE + "002"),
    Community("南虹社区", STREET_CODE + "003"),
    Community("金溪社区", STREET_CODE + "004"),
    Community("万家社区", STREET_CODE + "005"),
    Community("清和社区", STREET_CODE + "006"),
)

#: Compounds named in the seed article; always part of compound_names(n >= 2).
SEED_COMPOUNDS: tuple[str, ...] = ("金色家园", "绿城玫瑰园")

# Name stems for residential compounds; each stem is used at most once.
COMPOUND_PREFIXES: tuple[str, ...] = _words(
    "阳光 金水湾 万家 南岳 乐成 清和 双雁 旭阳 银溪 东山 南虹 塘川 金溪 翠湖 "
    "碧水 锦绣 盛世 御景 丽景 滨江 江南 城南 新城 海棠 紫薇 桂花 香樟 银杏 "
    "丹桂 玉兰 春晖 朝阳 明珠 华府 金都 金鼎 鼎盛 恒通 宏宇 瑞祥 福星 吉祥 "
    "安居 康乐 和美 怡和 嘉禾 丰泽 泰和 永安 长乐 雁荡 雁湖 白鹭 天鹅湾 凤凰 "
    "龙湖 虹桥 翁垟 盐盆 晨光 曙光 星河 银河 文华 书香 学府 雅居 悦澜湾 "
    "海悦 海逸 海湾 东方 中瑞 南苑 金桥 银泰 富春 钱江 瓯江 蓝湾 绿洲 "
    "水岸 湖畔 山水 云栖 翠竹 梅园 兰亭 柳岸 荷塘 望江 观澜 上城 丽都 "
    "宝龙 世纪 未来 新世纪 时代 国贸 华侨 侨乡 聚福 万福 和平 向阳 东升 "
    "建设 解放 人民 工人 供销 电力 交通 教师 金丰 新河 南门 西门"
)

# Suffix types with weights.  Stems that already end in a place-like
# character (湾, 园, 苑, …) only take 小区.
COMPOUND_SUFFIXES: tuple[tuple[str, float], ...] = (
    ("小区", 3.0), ("花园", 3.0), ("家园", 2.0), ("新村", 1.5), ("苑", 1.5),
    ("公寓", 1.2), ("新苑", 1.0), ("嘉园", 0.8), ("华庭", 0.8), ("名苑", 0.7),
    ("府", 0.6), ("城", 0.5), ("花苑", 0.5), ("锦园", 0.4), ("公馆", 0.4),
)
_SUFFIX_TABLE = _Table(COMPOUND_SUFFIXES)
_PLACE_FINAL = set("湾园苑庭府城居里")
# Work-unit era stems (建设, 供销, 教师…) read naturally only with 新村/小区.
_OLD_STYLE_STEMS = set(_words("建设 解放 人民 工人 供销 电力 交通 教师 南门 西门 和平 向阳 东升"))


def _compound_from_stem(rng: random.Random, stem: str) -> str:
    if stem[-1] in _PLACE_FINAL:
        return stem + "小区"
    if stem in _OLD_STYLE_STEMS:
        return stem + ("新村" if rng.random() < 0.6 else "小区")
    suffix = _SUFFIX_TABLE.draw(rng)
    if (len(stem) >= 3 and len(suffix) == 1) or stem[-1] == suffix[0]:
        suffix = "小区"  # avoid 新世纪城, 桂花花园
    return stem + suffix


def compound_names(rng: random.Random, n: int) -> list[str]:
    """``n`` distinct residential compound names (小区/花园/苑/家园/新村/…).

    The two compounds named in the seed article are included when ``n >= 2``;
    the order is shuffled.  Raises ``ValueError`` if ``n`` exceeds the pool.
    """
    capacity = len(SEED_COMPOUNDS) + len(COMPOUND_PREFIXES)
    if n < 0 or n > capacity:
        raise ValueError(f"n must be between 0 and {capacity}, got {n}")
    seeds = list(SEED_COMPOUNDS[: min(n, len(SEED_COMPOUNDS))])
    stems = rng.sample(COMPOUND_PREFIXES, n - len(seeds))
    names = seeds + [_compound_from_stem(rng, s) for s in stems]
    rng.shuffle(names)
    return names


PROPERTY_COMPANIES: tuple[str, ...] = (
    "乐清市城南物业服务有限公司",
    "乐清市雁荡物业管理有限公司",
    "乐清市乐成物业服务有限公司",
    "乐清市佳和物业管理有限公司",
    "乐清市锦绣物业服务有限公司",
    "乐清市清和物业服务有限公司",
    "乐清市万家物业管理有限公司",
    "温州瓯江物业服务有限公司",
    "温州华安物业管理有限公司",
    "温州新湖物业管理有限公司",
    "温州金鼎物业管理有限公司",
    "浙江恒悦物业服务有限公司",
    "浙江宏泰物业服务有限公司",
    "浙江南虹物业服务有限公司",
    "浙江安和物业服务有限公司",
)


def hoa_name(compound: str) -> str:
    """The homeowners' committee of a compound, e.g. ``阳光花园业主委员会``."""
    return f"{compound}业主委员会"


# ---------------------------------------------------------------------------
# people

ETHNICITIES: tuple[tuple[str, float], ...] = (
    ("汉族", 98.0),
    ("畲族", 0.6),   # Zhejiang's largest minority
    ("苗族", 0.3),   # many migrant workers from Guizhou/Hunan
    ("土家族", 0.3),
    ("回族", 0.2),
    ("布依族", 0.15),
    ("壮族", 0.12),
    ("侗族", 0.1),
    ("满族", 0.1),
    ("彝族", 0.05),
    ("蒙古族", 0.04),
    ("朝鲜族", 0.02),
)
_ETHNICITY_TABLE = _Table(ETHNICITIES)

RELATIONS: tuple[str, ...] = (
    "户主", "配偶", "子", "女", "父亲", "母亲", "孙子", "孙女",
    "儿媳", "女婿", "兄弟", "姐妹", "其他",
)

#: Household size → weight; mean ≈ 2.66 persons (80,000 persons / 30,000 households).
HOUSEHOLD_SIZE_WEIGHTS: dict[int, float] = {
    1: 0.23,  # many are elderly living alone
    2: 0.28,
    3: 0.23,
    4: 0.15,
    5: 0.08,
    6: 0.03,
}
_HOUSEHOLD_SIZES = tuple(HOUSEHOLD_SIZE_WEIGHTS)
_HOUSEHOLD_CUM = list(accumulate(HOUSEHOLD_SIZE_WEIGHTS.values()))


class TagSpec(NamedTuple):
    name: str
    sensitive: bool  # personal information needing care under PIPL art. 28
    weight: float    # rough share of all residents carrying the tag


# Weights are approximate prevalences among all residents; the generator is
# expected to apply conditions itself (高龄 only at 80+, 独居/空巢 for elders…).
CARE_TAGS: tuple[TagSpec, ...] = (
    TagSpec("独居", False, 0.030),
    TagSpec("空巢", False, 0.050),
    TagSpec("高龄", False, 0.035),
    TagSpec("失能失智", True, 0.010),
    TagSpec("残疾", True, 0.020),
    TagSpec("低保", True, 0.010),
    TagSpec("特困", True, 0.002),
    TagSpec("重病", True, 0.008),
)

OTHER_TAGS: tuple[TagSpec, ...] = (
    TagSpec("党员", False, 0.060),
    TagSpec("退役军人", False, 0.015),
    TagSpec("志愿者", False, 0.050),
)

ALL_TAGS: tuple[TagSpec, ...] = CARE_TAGS + OTHER_TAGS
TAG_SENSITIVE: dict[str, bool] = {t.name: t.sensitive for t in ALL_TAGS}

#: Disability types with rough shares (肢体 and 听力 most common).
DISABILITY_TYPES: tuple[tuple[str, float], ...] = (
    ("肢体", 29.0), ("听力", 24.0), ("多重", 16.0), ("视力", 15.0),
    ("精神", 7.5), ("智力", 7.0), ("言语", 1.5),
)
#: Disability grades, 一级 most severe, with rough shares.
DISABILITY_GRADES: tuple[tuple[str, float], ...] = (
    ("一级", 0.12), ("二级", 0.20), ("三级", 0.30), ("四级", 0.38),
)
_DISABILITY_TYPE_TABLE = _Table(DISABILITY_TYPES)
_DISABILITY_GRADE_TABLE = _Table(DISABILITY_GRADES)


def ethnicity(rng: random.Random) -> str:
    return _ETHNICITY_TABLE.draw(rng)


def household_size(rng: random.Random) -> int:
    """A household size 1..6 drawn from HOUSEHOLD_SIZE_WEIGHTS."""
    return _HOUSEHOLD_SIZES[bisect_right(_HOUSEHOLD_CUM, rng.random() * _HOUSEHOLD_CUM[-1])]


def disability(rng: random.Random) -> tuple[str, str]:
    """A (type, grade) pair such as ``("肢体", "三级")``."""
    return _DISABILITY_TYPE_TABLE.draw(rng), _DISABILITY_GRADE_TABLE.draw(rng)


# ---------------------------------------------------------------------------
# phones

MOBILE_PREFIXES: tuple[str, ...] = tuple(
    [f"13{d}" for d in range(10)]
    + ["150", "151", "152", "153", "155", "156", "157", "158", "159"]
    + ["170", "173", "175", "176", "177", "178"]
    + [f"18{d}" for d in range(10)]
    + ["191", "193", "195", "196", "198", "199"]
)

YUEQING_AREA_CODE = "0577"


def mobile(rng: random.Random) -> str:
    """An 11-digit mainland mobile number, e.g. ``13857712345``."""
    prefix = MOBILE_PREFIXES[int(rng.random() * len(MOBILE_PREFIXES))]
    return f"{prefix}{rng.randrange(100_000_000):08d}"


def landline(rng: random.Random) -> str:
    """A Yueqing landline ``0577-6xxxxxxx`` (8-digit local number starting with 6)."""
    return f"{YUEQING_AREA_CODE}-6{rng.randrange(10_000_000):07d}"


# ---------------------------------------------------------------------------
# cadres

#: Roles a person can hold in grid work (for Cadre records and assignments).
CADRE_ROLES: tuple[str, ...] = (
    "驻格干部",
    "专职网格员",
    "兼职网格员",
    "网格长",
    "社区工作者",
    "小区党建指导员",
    "小区党支部书记",
    "业委会主任",
    "物业项目经理",
    "楼道长",
    "志愿者",
)

#: Position titles (职务) shown next to a cadre's name.
CADRE_POSITIONS: tuple[str, ...] = (
    "街道党工委委员",
    "街道办事处副主任",
    "街道社会治理办主任",
    "街道社会治理办科员",
    "街道党建办科员",
    "街道民政办科员",
    "社区党委书记",
    "社区居委会主任",
    "社区党委副书记",
    "社区居委会副主任",
    "社区居委会委员",
    "社区专职工作者",
    "驻社区干部",
    "驻经合社干部",
)


#: Themes of volunteer teams' names (…志愿服务队).
TEAM_THEMES = ("红色管家", "银龄互助", "邻里守望", "巾帼", "青年突击", "党员先锋", "夕阳红", "爱心助老",
               "平安", "文明劝导", "楼道长", "暖心")

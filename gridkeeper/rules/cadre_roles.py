"""The roles of the people who hold a grid (三员合一、一格统管).

The seed's three: the cadre stationed in the community (驻社区干部), the cadre
stationed in the village economic cooperative (驻经合社干部) and the compound's
Party-building instructor (小区党建指导员); beside them the full-time grid
worker (专职网格员) and the community's own staff. Roles are stored as these
Chinese names, like tags: they are what the street's tables and reports print,
and an office may type a role of its own (网格长, 兼职网格员) which is kept as typed.
"""

from __future__ import annotations

COMMUNITY_CADRE = "驻社区干部"
COOPERATIVE_CADRE = "驻经合社干部"
PARTY_INSTRUCTOR = "小区党建指导员"
GRID_WORKER = "专职网格员"
COMMUNITY_STAFF = "社区工作人员"

#: Offered first wherever a role is chosen, in this order (the grid division table's columns too).
ROLES: tuple[str, ...] = (COMMUNITY_CADRE, COOPERATIVE_CADRE, PARTY_INSTRUCTOR, GRID_WORKER, COMMUNITY_STAFF)

#: The three of 三员合一: a grid is fully staffed when it has one of each.
THREE: tuple[str, ...] = (COMMUNITY_CADRE, COOPERATIVE_CADRE, PARTY_INSTRUCTOR)


def normalise(role: str | None) -> str:
    """One spelling per role: whitespace dropped; "社区干部" and "网格员" read as the standard roles."""
    text = "".join((role or "").split())
    return _ALIASES.get(text, text)


_ALIASES = {
    "社区干部": COMMUNITY_CADRE,
    "驻社干部": COMMUNITY_CADRE,
    "经合社干部": COOPERATIVE_CADRE,
    "驻村干部": COOPERATIVE_CADRE,
    "党建指导员": PARTY_INSTRUCTOR,
    "网格员": GRID_WORKER,
    "社区工作者": COMMUNITY_STAFF,
    "社工": COMMUNITY_STAFF,
}

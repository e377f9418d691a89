"""The telephone area code of a street, from its division code (GB/T 2260).

A landline typed without its area code (62345678) takes the profile's area code;
the setting starts from the street's division code so a Yueqing office finds 0577
there without typing it. libphonenumber maps numbers to places, not division codes
to area codes, so this is a small table: the municipalities (one code for the whole
city) and Zhejiang's prefectures, where GridKeeper is used. Elsewhere the setting
starts empty and the cadre types the code once (Settings).
"""

from __future__ import annotations

# First two digits: a municipality with one area code.
_MUNICIPALITIES = {"11": "010", "12": "022", "31": "021", "50": "023"}
# First four digits: Zhejiang's prefecture-level cities.
_ZHEJIANG = {
    "3301": "0571", "3302": "0574", "3303": "0577", "3304": "0573", "3305": "0572", "3306": "0575",
    "3307": "0579", "3308": "0570", "3309": "0580", "3310": "0576", "3311": "0578",
}


def from_division(division_code: str) -> str:
    """0577 for 330382001001 (Yueqing, in Wenzhou); "" when the table does not know the place."""
    code = "".join(division_code.split())
    return _MUNICIPALITIES.get(code[:2]) or _ZHEJIANG.get(code[:4], "")

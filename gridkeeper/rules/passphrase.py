"""What a new passphrase must be, and a rough idea of how hard it is to guess (the prompt's hint).

The estimate is deliberately simple (an attacker's alphabet, repeats counted as
almost nothing); it is a hint to the person choosing, not a gate. The one rule is
a minimum length, because a key file copied off a stolen laptop can be attacked
at Argon2id's cost for as long as the thief likes.
"""

from __future__ import annotations

import math
import unicodedata

from gridkeeper.errors import PassphrasesDiffer, PassphraseTooShort

MIN_LENGTH = 8

WEAK, FAIR, GOOD, STRONG = 1, 2, 3, 4


def _is_cjk(ch: str) -> bool:
    return unicodedata.name(ch, "").startswith(("CJK UNIFIED", "CJK COMPATIBILITY"))


def bits(passphrase: str) -> float:
    """A rough guessing cost in bits: each new character counts log2 of the alphabet it implies."""
    pool = 0
    if any(c.islower() and c.isascii() for c in passphrase):
        pool += 26
    if any(c.isupper() and c.isascii() for c in passphrase):
        pool += 26
    if any(c.isdigit() and c.isascii() for c in passphrase):
        pool += 10
    if any(not c.isalnum() and c.isascii() for c in passphrase):
        pool += 33
    if any(_is_cjk(c) for c in passphrase):
        pool += 3500  # the characters in everyday use
    elif any(not c.isascii() for c in passphrase):
        pool += 100
    if pool == 0:
        return 0.0
    each = math.log2(pool)
    seen: set[str] = set()
    total = 0.0
    for c in passphrase:
        total += 1.0 if c in seen else each
        seen.add(c)
    return total


def strength(passphrase: str) -> int:
    """0 (shorter than MIN_LENGTH), then WEAK, FAIR, GOOD or STRONG."""
    if len(passphrase) < MIN_LENGTH:
        return 0
    b = bits(passphrase)
    if b < 40:
        return WEAK
    if b < 60:
        return FAIR
    if b < 80:
        return GOOD
    return STRONG


def check_new(passphrase: str, again: str | None = None) -> None:
    """PassphraseTooShort or PassphrasesDiffer for a new passphrase and its confirmation."""
    if len(passphrase) < MIN_LENGTH:
        raise PassphraseTooShort(MIN_LENGTH)
    if again is not None and again != passphrase:
        raise PassphrasesDiffer()

"""Text that is not what it shows: control, direction and invisible characters in a cell.

A roster cell is text someone typed, pasted or generated. Three kinds of character in it
are not text a person reads:

- control characters, C0 and C1 (NUL, ESC, BEL...) other than the ones that are whitespace
  (tab, line breaks, vertical tab, form feed, the separators U+001C-U+001F, NEL), which are
  collapsed like spaces wherever spaces are. A cell holding one was corrupted or crafted:
  "\\x1b[31m张三" colours a terminal, "塘川社区\\x00DROP" shows as 塘川社区 wherever text ends at
  NUL. Dropping them does not give back what the cell should say ("[31m张三", "塘川社区DROP"):
  the row is rejected (code "text_control");
- bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) show a
  cell's characters in another order than they are stored ("\\u202e三张" shows as 张三): what is
  shown and what is stored differ, and neither is known to be right, so the row is rejected
  (code "text_bidi");
- invisible characters: zero-width space, non-joiner and joiner, word joiner, byte-order mark,
  the direction marks (U+200E, U+200F, U+061C), which move no Chinese or Latin letter, the soft
  hyphen, the other format characters (Unicode category Cf), tag characters and the Hangul
  fillers that show as blanks (U+115F, U+1160, U+3164, U+FFA0). They come with text pasted from
  web pages and chat programs and change nothing a person sees: they are removed, so the text
  is what the cell shows. A cell that held only them (a zero-width space alone) is empty.

The sets follow Unicode 14 (Python 3.11's unicodedata): every Cc and Cf character is in one of
them, the whitespace controls excepted.
"""

from __future__ import annotations

import re

CONTROL_CHARS = "\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f"
BIDI_CHARS = "\u202a-\u202e\u2066-\u2069"
INVISIBLE_CHARS = (
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u115f\u1160\u180e\u200b-\u200f\u2060-\u2064"
    "\u206a-\u206f\u3164\ufeff\ufff9-\ufffb\uffa0\U000110bd\U000110cd\U00013430-\U00013438"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
)

# One search per text that finds nothing in the usual case; the others only run when it finds.
SUSPECT = re.compile(f"[{CONTROL_CHARS}{BIDI_CHARS}{INVISIBLE_CHARS}]")
_CONTROL = re.compile(f"[{CONTROL_CHARS}]")
_BIDI = re.compile(f"[{BIDI_CHARS}]")
_INVISIBLE = re.compile(f"[{INVISIBLE_CHARS}]")

CONTROL = "text_control"
BIDI = "text_bidi"


def scrub(text: str) -> tuple[str, str | None]:
    """(`text` without its invisible characters, None), or (`text` without any of the three
    kinds, the reason code) when it holds a control or direction character."""
    if SUSPECT.search(text) is None:
        return text, None
    if _CONTROL.search(text):
        return SUSPECT.sub("", text), CONTROL
    if _BIDI.search(text):
        return SUSPECT.sub("", text), BIDI
    return _INVISIBLE.sub("", text), None


def visible(text: str) -> str:
    """`text` with every character of the three kinds removed (for showing it in a message)."""
    return SUSPECT.sub("", text) if SUSPECT.search(text) else text

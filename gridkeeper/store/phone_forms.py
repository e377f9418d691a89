"""Stored phone numbers rewritten in the canonical form (migration 0010, issue 25).

Every stored number (person.phones, a JSON list; cadre.phone; volunteer.phone) is
read again with rules/phone.py and rewritten when its canonical form differs (a
landline saved with its area code split elsewhere, spaces, an extension). A number
the plan refuses (0577-4658612: Wenzhou numbers have 8 digits) is kept exactly as it
was: nothing a cadre typed is lost; the next edit of it says what is wrong.

The rewrite runs at open, after the migration, through store.begin(): the capture
triggers need this laptop's clock, which the migration runs without, and an edit
the triggers log syncs like any other. Two laptops rewriting the same row write the
same value, so their changes agree. Rows already canonical are not touched.
"""

from __future__ import annotations

import json

from sqlalchemy import Connection, text

from gridkeeper.rules import phone

#: local_meta key migration 0010 sets; cleared in the transaction that does the rewrite.
PENDING = "phones_to_canonical"


def canonical(number: str) -> str:
    """The number's canonical form, or the number itself when the plan refuses it."""
    try:
        return phone.normalize_one(number)
    except phone.PhoneError:
        return number


def _phones(value: str) -> str | None:
    """person.phones rewritten, or None when nothing changes (or it holds no JSON list)."""
    try:
        numbers = json.loads(value)
    except ValueError:
        return None
    if not isinstance(numbers, list):
        return None
    fixed = list(dict.fromkeys(canonical(n) if isinstance(n, str) else n for n in numbers))
    return json.dumps(fixed, ensure_ascii=False) if fixed != numbers else None


def rewrite(conn: Connection) -> int:
    """Rewrite the profile's numbers in a write transaction (store.begin()); how many rows changed.
    Clears the PENDING mark migration 0010 set, in the same transaction."""
    changed = 0
    rows = conn.execute(text("SELECT id, phones FROM person WHERE phones NOT IN ('[]', '')")).all()
    for row_id, value in rows:
        fixed = _phones(value)
        if fixed is not None:
            conn.execute(text("UPDATE person SET phones = :v WHERE id = :i"), {"v": fixed, "i": row_id})
            changed += 1
    for table in ("cadre", "volunteer"):
        for row_id, number in conn.execute(text(f"SELECT id, phone FROM {table} WHERE phone <> ''")).all():
            if canonical(number) != number:
                conn.execute(text(f"UPDATE {table} SET phone = :v WHERE id = :i"),
                             {"v": canonical(number), "i": row_id})
                changed += 1
    conn.execute(text("DELETE FROM local_meta WHERE key = :k"), {"k": PENDING})
    return changed

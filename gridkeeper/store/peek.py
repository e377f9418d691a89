"""What a profile is written in, read before it is opened (the language asked at the first start).

The language is chosen before the passphrase is asked, so the profile cannot be
opened yet: a plain one is read here, read-only, a few names; an encrypted one
cannot be read at all.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from gridkeeper import paths
from gridkeeper.store import encryption
from gridkeeper.store.encryption import State

_HAN = re.compile(r"[\u4e00-\u9fff]")

#: Names a street's data always has, places before people (the first rows decide).
_NAMES = ("SELECT name FROM community UNION ALL SELECT name FROM compound UNION ALL SELECT name FROM grid "
          "UNION ALL SELECT name FROM person LIMIT 200")


def holds_chinese(root: Path) -> bool | None:
    """True when the profile's places or people have Chinese names, False when they have none or there is
    no profile yet, None when it cannot be told before the profile is opened (encrypted, unreadable)."""
    found = encryption.state(root)
    if found is State.NEW:
        return False
    if found is not State.PLAIN:
        return None
    try:
        conn = sqlite3.connect(f"{paths.database_path(root).as_uri()}?mode=ro", uri=True, timeout=1)
        try:
            names = [r[0] for r in conn.execute(_NAMES)]
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return any(isinstance(n, str) and _HAN.search(n) for n in names)

"""UI tests run in English with its plural forms ("1 row", "2 rows"), as a user would see it."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def english(qapp):  # type: ignore[no-untyped-def]
    from gridkeeper.ui import i18n

    i18n.install(qapp, "en")
    yield
    i18n.install(qapp, "en")

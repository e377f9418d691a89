"""The photo strip on the household file, a walk's finding, a list item and a mediation case (issue 21 part 5)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QColor, QImage

from gridkeeper import attachments
from gridkeeper.places import households
from gridkeeper.store import Store
from gridkeeper.ui.households.detail import HouseholdDetail
from gridkeeper.ui.widgets.attachments import PhotoDialog, decode
from tests.attachment_files import png_header_only
from tests.walk_fixtures import street


def jpeg(width: int = 1200, height: int = 900) -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#3a7bd5"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, "JPG")
    return bytes(data.data())


def test_the_household_file_takes_photos_shows_thumbnails_and_refuses_in_words(qtbot, store: Store,
                                                                                tmp_path: Path) -> None:
    st = street(store)
    detail = HouseholdDetail(store)
    qtbot.addWidget(detail)
    detail.show_file(households.household_file(store, st.household))
    strip = detail.photos
    assert strip is not None and strip.add_button.isEnabled() and strip.list.count() == 0
    good, bad, bomb = tmp_path / "门牌.jpg", tmp_path / "notes.jpg", tmp_path / "bomb.png"
    good.write_bytes(jpeg())
    bad.write_bytes(b"not a picture at all")
    bomb.write_bytes(png_header_only(60_000, 60_000))
    assert strip.add_files([good, bad, bomb]) == 1
    assert strip.list.count() == 1
    icon = strip.list.item(0).icon().pixmap(QSize(96, 96))
    assert not icon.isNull() and icon.width() == 96  # a real thumbnail, decoded at thumbnail size
    said = strip.message.text()
    assert "notes.jpg" in said and "not a photo" in said and "bomb.png" in said and "million pixels" in said
    (row,) = attachments.of_entity(store, "household", st.household)
    big = PhotoDialog(attachments.content(store, row), "photo")
    qtbot.addWidget(big)
    assert big.picture.pixmap() is not None and not big.picture.pixmap().isNull()
    strip.remove(row.id, confirm=False)
    assert strip.list.count() == 0 and attachments.of_entity(store, "household", st.household) == []


def test_a_picture_qt_cannot_decode_gives_a_null_image_not_a_crash() -> None:
    assert decode(b"\x89PNG\r\n\x1a\n garbage").isNull()
    assert decode(jpeg(400, 300), QSize(96, 96)).size() == QSize(96, 72)


def test_the_walks_lists_and_mediation_pages_carry_the_strip(qtbot, store: Store) -> None:
    from gridkeeper.ui.lists.page import ListsPage
    from gridkeeper.ui.mediation.page import MediationsPage
    from gridkeeper.ui.walks.page import WalksPage

    st = street(store)
    for page in (WalksPage(store, [st.grid1]), ListsPage(store, [st.grid1]), MediationsPage(store)):
        qtbot.addWidget(page)
        assert page.photos.objectName() == "attachments"
        assert not page.photos.add_button.isEnabled()  # nothing chosen yet


def test_decrypted_pdf_copies_do_not_stay_behind(tmp_path: Path) -> None:
    import os
    import time

    from gridkeeper.ui.widgets.attachments import OPENED_SECONDS, _remove_stale

    old, fresh = tmp_path / "old.pdf", tmp_path / "fresh.pdf"
    old.write_bytes(b"%PDF")
    fresh.write_bytes(b"%PDF")
    past = time.time() - OPENED_SECONDS - 5
    os.utime(old, (past, past))
    _remove_stale(tmp_path)
    assert not old.exists() and fresh.exists()

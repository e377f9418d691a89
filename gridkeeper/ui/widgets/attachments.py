"""Photos and scans of one thing (a finding, a list item, a mediation case, a household): a strip of
thumbnails with Add, open full size on a click, remove or caption from the context menu.

Images are decoded here only, by QImageReader at a scaled size under an allocation limit, so even a
file that passed the header checks cannot make the UI allocate more than the limit. A photo another
laptop attached is fetched from the share in a job (a dead network drive must not freeze the page).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt, QThreadPool, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QIcon, QImage, QImageReader, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from gridkeeper import attachments, clock
from gridkeeper.errors import GridKeeperError
from gridkeeper.paths import write_private
from gridkeeper.store import Store
from gridkeeper.ui.worker import Job

log = logging.getLogger("gridkeeper.ui")

THUMB = 96
# Qt refuses to allocate more than this (MB) for one decoded image: 50 Mpx of RGBA is 200 MB.
ALLOCATION_LIMIT_MB = 256


def decode(data: bytes, fit: QSize | None = None) -> QImage:
    """The image in `data`, scaled to fit `fit` while decoding (a 12 Mpx JPEG decodes at thumbnail size)."""
    QImageReader.setAllocationLimit(ALLOCATION_LIMIT_MB)
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)  # a phone photo taken upright shows upright (EXIF orientation)
    size = reader.size()
    if fit is not None and size.isValid() and (size.width() > fit.width() or size.height() > fit.height()):
        reader.setScaledSize(size.scaled(fit, Qt.AspectRatioMode.KeepAspectRatio))
    return reader.read()  # a null image when it cannot be decoded: the caller shows a placeholder


# A decrypted PDF copy handed to the system's viewer is removed at the next opening after this long.
OPENED_SECONDS = 600


def _remove_stale(folder: Path) -> None:
    if not folder.is_dir():
        return
    now = clock.machine_seconds()  # compared with file times: the machine's, never the moved clock
    for f in folder.iterdir():
        try:
            if now - f.stat().st_mtime > OPENED_SECONDS:
                f.unlink()
        except OSError:  # still open in a viewer that locks it (Windows): the next opening tries again
            pass


class AttachmentStrip(QWidget):
    """The photos of one thing. `show_for(entity, id)`; `changed` after an add or removal."""

    changed = Signal()

    def __init__(self, store: Store, me: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attachments")
        self._store, self._me = store, me
        self._entity: str | None = None
        self._entity_id: str | None = None
        self._rows: dict[str, attachments.AttachmentRow] = {}
        self._jobs: list[Job] = []
        self.title = QLabel(self.tr("Photos and scans"))
        self.add_button = QPushButton(self.tr("Add pho&to or scan…"))
        self.add_button.setObjectName("addAttachment")
        self.add_button.setToolTip(self.tr("Attach a JPEG or PNG photo or a PDF scan (at most 15 MB)"))
        self.add_button.clicked.connect(self.choose_files)
        self.list = QListWidget()
        self.list.setObjectName("attachmentList")
        self.list.setViewMode(QListWidget.ViewMode.IconMode)
        self.list.setFlow(QListWidget.Flow.LeftToRight)
        self.list.setWrapping(False)
        self.list.setIconSize(QSize(THUMB, THUMB))
        self.list.setMovement(QListWidget.Movement.Static)
        self.list.setFixedHeight(THUMB + 3 * self.fontMetrics().height())
        self.list.setWordWrap(True)
        self.list.itemActivated.connect(lambda item: self.open(item.data(Qt.ItemDataRole.UserRole)))
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._menu)
        self.message = QLabel()
        self.message.setObjectName("attachmentMessage")
        self.message.setWordWrap(True)
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(head)
        layout.addWidget(self.list)
        layout.addWidget(self.message)
        layout.addStretch(1)  # in a tab of its own, the refusals stay under the thumbnails
        self.show_for(None, None)

    # -- what is shown -----------------------------------------------------------

    def show_for(self, entity: str | None, entity_id: str | None) -> None:
        if (entity, entity_id) == (self._entity, self._entity_id) and self.list.count():
            return  # the same thing again (a page re-reading its buttons): nothing to read
        self._entity, self._entity_id = entity, entity_id
        self.add_button.setEnabled(entity_id is not None)
        self.message.clear()
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        self._rows = {}
        if self._entity is None or self._entity_id is None:
            return
        for row in attachments.of_entity(self._store, self._entity, self._entity_id):
            self._rows[row.id] = row
            item = QListWidgetItem(self._placeholder(row), self._label(row))
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            item.setToolTip(self._tooltip(row))
            self.list.addItem(item)
            self._load_thumbnail(item, row)

    def _label(self, row: attachments.AttachmentRow) -> str:
        return row.caption or (self.tr("PDF scan") if row.kind == "pdf" else row.added_at[:10])

    def _tooltip(self, row: attachments.AttachmentRow) -> str:
        size = self.tr("{size} KB").format(size=f"{max(1, row.size // 1024):,}")
        by = row.added_by or self.tr("unknown")
        return self.tr("Added {at} by {by}, {size}").format(at=row.added_at.replace("T", " ")[:16], by=by, size=size)

    def _placeholder(self, row: attachments.AttachmentRow) -> QIcon:
        kind = QStyle.StandardPixmap.SP_FileIcon if row.kind == "pdf" else QStyle.StandardPixmap.SP_FileDialogContentsView
        return self.style().standardIcon(kind)

    def _load_thumbnail(self, item: QListWidgetItem, row: attachments.AttachmentRow) -> None:
        if row.kind == "pdf":
            return
        data = attachments.kept(self._store, row)
        if data is not None:
            self._set_thumbnail(item, data)
            return
        item.setText(self.tr("Not received yet"))
        job = Job(lambda _p, _c: attachments.content(self._store, row), self)
        job.finished.connect(lambda data, rid=row.id: self._fetched(rid, data))
        job.failed.connect(lambda _exc: None)  # stays "not received yet"; the next look tries again
        self._jobs.append(job)
        job.start(QThreadPool.globalInstance())

    def _fetched(self, attachment_id: str, data: object) -> None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == attachment_id and isinstance(data, bytes):
                item.setText(self._label(self._rows[attachment_id]))
                self._set_thumbnail(item, data)

    def _set_thumbnail(self, item: QListWidgetItem, data: bytes) -> None:
        image = decode(data, QSize(THUMB, THUMB))
        if not image.isNull():
            item.setIcon(QIcon(QPixmap.fromImage(image)))

    # -- adding ------------------------------------------------------------------

    def choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Attach photos or scans"), str(Path.home()),
                                                self.tr("Photos and scans (*.jpg *.jpeg *.png *.pdf)"))
        if names:
            self.add_files([Path(n) for n in names])

    def add_files(self, files: list[Path]) -> int:
        """Attach each file; a refused one is said in words and the others still go in. The number added."""
        if self._entity is None or self._entity_id is None:
            return 0
        added, refused = 0, []
        for path in files:
            try:
                attachments.add_file(self._store, self._entity, self._entity_id, path, by=self._by())
                added += 1
            except GridKeeperError as exc:
                refused.append(self.tr("{file}: {reason}").format(
                    file=path.name, reason=exc.translated(lambda c, t: self._translate(c, t))))
        self.refresh()
        if refused:
            self.message.setStyleSheet("color: #b00020;")
            self.message.setText("\n".join(refused))
        elif added:
            self.message.setStyleSheet("")
            self.message.setText(self.tr("%n photo(s) attached.", "", added))
        if added:
            self.changed.emit()
        return added

    def _by(self) -> str:
        if self._me:
            return self._me
        from gridkeeper.places import profile

        cadre = profile.current_cadre(self._store)
        return cadre.name if cadre else ""

    @staticmethod
    def _translate(context: str, text: str) -> str:
        from PySide6.QtCore import QCoreApplication

        return QCoreApplication.translate(context, text)

    # -- opening, captions, removal ------------------------------------------------

    def _content(self, row: attachments.AttachmentRow) -> bytes | None:
        try:
            return attachments.content(self._store, row)
        except attachments.NotReceived:
            self.message.setStyleSheet("color: #b00020;")
            self.message.setText(self.tr(
                "This photo has not been received from the office's shared folder yet. "
                "Sync when the shared folder can be reached, then try again."))
            return None

    def open(self, attachment_id: str) -> None:
        row = self._rows.get(attachment_id)
        if row is None:
            return
        data = self._content(row)
        if data is None:
            return
        if row.kind == "pdf":
            self._open_pdf(row, data)
            return
        PhotoDialog(data, self._tooltip(row), self).exec()

    def _open_pdf(self, row: attachments.AttachmentRow, data: bytes) -> None:
        # The system's PDF viewer needs a file: a private one in the profile, named by the blob, replaced each time.
        folder = self._store.root / "opened"
        _remove_stale(folder)
        path = folder / f"{row.blob[:12]}.pdf"
        write_private(path, data)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _menu(self, pos) -> None:  # type: ignore[no-untyped-def]
        item = self.list.itemAt(pos)
        if item is None:
            return
        attachment_id = item.data(Qt.ItemDataRole.UserRole)
        menu = QMenu(self)
        menu.addAction(self.tr("Open"), lambda: self.open(attachment_id))
        menu.addAction(self.tr("Caption…"), lambda: self.edit_caption(attachment_id))
        menu.addAction(self.tr("Remove"), lambda: self.remove(attachment_id))
        menu.exec(self.list.viewport().mapToGlobal(pos))

    def edit_caption(self, attachment_id: str) -> None:
        row = self._rows[attachment_id]
        text, ok = QInputDialog.getText(self, self.tr("Caption"), self.tr("What the photo shows:"), text=row.caption)
        if ok:
            attachments.set_caption(self._store, attachment_id, text)
            self.refresh()

    def remove(self, attachment_id: str, confirm: bool = True) -> None:
        if confirm and QMessageBox.question(
                self, self.tr("Remove photo"),
                self.tr("Remove this photo? It stays in the history and in backups.")) \
                != QMessageBox.StandardButton.Yes:
            return
        try:
            attachments.remove(self._store, attachment_id)
        except GridKeeperError:
            pass  # removed on another laptop meanwhile: the refresh shows it gone
        self.refresh()
        self.changed.emit()


class PhotoDialog(QDialog):
    """A photo at full size (scaled down to the screen, scrollable at 100 %)."""

    def __init__(self, data: bytes, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        screen = self.screen().availableGeometry().size() if self.screen() else QSize(1280, 800)
        image = decode(data, QSize(int(screen.width() * 0.9), int(screen.height() * 0.85)))
        self.picture = QLabel()
        self.picture.setObjectName("photo")
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        if image.isNull():
            self.picture.setText(self.tr("This picture cannot be shown."))
        else:
            self.picture.setPixmap(QPixmap.fromImage(image))
        scroll = QScrollArea()
        scroll.setWidget(self.picture)
        scroll.setWidgetResizable(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        if not image.isNull():
            self.resize(image.width() + 40, image.height() + 80)

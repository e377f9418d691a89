"""A sync's result in words a cadre understands, laptops named as the office knows them.

The engine reports held and missing batches by device id and a reason code;
here each becomes one sentence naming the laptop by its cadre and laptop name
from the membership ("王芳（PC-07）"), never by an id or a code.
"""

from __future__ import annotations

from datetime import datetime, timezone

from PySide6.QtCore import QCoreApplication, QObject

from gridkeeper.errors import join_list
from gridkeeper.sync.engine import Held, Missing, SyncResult
from gridkeeper.sync.office import Member

MAX_HELD_LINES = 8  # a share full of junk should not bury the rest of the report


def local_time(text: str) -> str:
    """An ISO time from the office's files (UTC) as the local date and minute."""
    try:
        moment = datetime.fromisoformat(text)
    except (TypeError, ValueError):
        return text
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


class SyncWords(QObject):
    """Sentences about a sync, in the user's language (translation context "SyncWords")."""

    def laptop(self, device: str, members: dict[str, Member], me: str = "") -> str:
        """'王芳 (PC-07)', the cadre or the laptop alone when only one is known."""
        if device == me:
            return self.tr("this laptop")
        member = members.get(device)
        if member is None:
            return self.tr("a laptop not admitted yet")
        cadre = member.about.get("cadre", "").strip()
        host = member.about.get("laptop", "").strip()
        if cadre and host:
            return self.tr("{cadre} ({laptop})").format(cadre=cadre, laptop=host)
        return cadre or host or self.tr("a laptop without a name")

    def summary(self, result: SyncResult) -> str:
        """One sentence for the status bar."""
        text = self.tr("Sent %n change(s), received {received}.", "", result.pushed_changes).format(
            received=result.pulled_changes)
        if result.conflicts:
            text += " " + self.tr("%n conflict(s) to review.", "", result.conflicts)
        return text

    def describe(self, result: SyncResult, members: dict[str, Member], me: str = "") -> list[str]:
        """The report of one good sync, line by line."""
        lines = [self.summary(result)]
        if not result.pushed_changes and not result.pulled_changes and result.complete:
            lines.append(self.tr("Nothing new on either side: this laptop is up to date."))
        if result.admitted:
            names = join_list((self.laptop(d, members, me) for d in result.admitted), self._translate)
            lines.append(self.tr("Admitted %n new laptop(s) to the office: {names}.", "",
                                 len(result.admitted)).format(names=names))
        for gap in result.missing:
            lines.append("• " + self.missing(gap, members, me))
        for held in result.held[:MAX_HELD_LINES]:
            lines.append("• " + self.held(held, members, me))
        if len(result.held) > MAX_HELD_LINES:
            lines.append("• " + self.tr("…and %n more batch(es) held back.", "", len(result.held) - MAX_HELD_LINES))
        if result.repaired_batches:
            lines.append(self.tr(
                "This laptop wrote %n batch(es) of its own again, missing or damaged on the shared folder.", "",
                result.repaired_batches))
        if result.set_aside:
            lines.append(self.tr(
                "Set aside, unused: %n file(s) in this laptop's place on the shared folder that it did not write.",
                "", len(result.set_aside)))
        if result.clock_behind_days > 0:
            lines.append(self.tr(
                "This laptop's clock is about %n day(s) behind; please correct it.", "", result.clock_behind_days))
        return lines

    def missing(self, gap: Missing, members: dict[str, Member], me: str = "") -> str:
        laptop = self.laptop(gap.device, members, me)
        if gap.from_seq == gap.to_seq:
            return self.tr("Change no. {first} of {laptop} is missing from the shared folder; waiting for that "
                           "laptop's next sync, which writes it again.").format(first=gap.from_seq, laptop=laptop)
        return self.tr("Changes no. {first} to {last} of {laptop} are missing from the shared folder; waiting for "
                       "that laptop's next sync, which writes them again.").format(
            first=gap.from_seq, last=gap.to_seq, laptop=laptop)

    def held(self, held: Held, members: dict[str, Member], me: str = "") -> str:
        """One sentence per reason code (folder.BadBatch and the engine's own)."""
        laptop, seq = self.laptop(held.device, members, me), held.seq
        reason = held.reason
        if reason == "not_regular":
            text = self.tr("Batch no. {seq} of {laptop} is not an ordinary file on the shared folder (something "
                           "was put in its place); it is not used.")
        elif reason == "too_large":
            text = self.tr("Batch no. {seq} of {laptop} is far larger than a batch can be; it was not read and "
                           "is not used.")
        elif reason == "timeout":
            text = self.tr("Batch no. {seq} of {laptop} could not be read in time (the network may be slow); it "
                           "is tried again at the next sync.")
        elif reason == "unreadable":
            text = self.tr("Batch no. {seq} of {laptop} is damaged or incomplete; it is not used for now and is "
                           "tried again at the next sync.")
        elif reason == "missing":
            text = self.tr("Batch no. {seq} of {laptop} disappeared from the shared folder while it was being "
                           "read; it is tried again at the next sync.")
        elif reason == "misplaced":
            text = self.tr("A file in the place of {laptop} on the shared folder, no. {seq}, belongs somewhere "
                           "else (copied or renamed); it is not used.")
        elif reason == "signature":
            text = self.tr("Batch no. {seq} of {laptop} has been damaged or tampered with (its signature does not "
                           "match); it is not used.")
        elif reason == "decrypt":
            text = self.tr("Batch no. {seq} of {laptop} cannot be opened with the office keys this laptop holds "
                           "(damaged or tampered with, or a key not received yet); it is not used for now.")
        elif reason in ("newer_format", "unknown_schema"):
            text = self.tr("{laptop} uses a newer GridKeeper; update this laptop to receive its changes.")
        elif reason == "not_admitted":
            return self.tr("A new laptop has joined but no admin has admitted it yet; its changes are kept and "
                           "used once an admin's laptop admits it at its next sync.")
        elif reason == "revoked":
            text = self.tr("{laptop} was removed from the office; its batch no. {seq}, written after that, is "
                           "refused.")
        elif reason == "clock_ahead":
            text = self.tr("The clock of {laptop} is more than a day ahead; its changes wait until its clock is "
                           "corrected.")
        elif reason == "waiting":
            text = self.tr("Changes from {laptop} wait for changes from another laptop.")
        else:
            text = self.tr("Changes from {laptop} were not received this time; they are kept and tried again at "
                           "the next sync.")
        return _capitalised(text.format(laptop=laptop, seq=seq))

    @staticmethod
    def _translate(context: str, text: str) -> str:
        return QCoreApplication.translate(context, text)


def _capitalised(text: str) -> str:
    """'this laptop uses…' at the start of a sentence: 'This laptop uses…' (no change to Chinese)."""
    return text[:1].upper() + text[1:] if text[:1].islower() else text

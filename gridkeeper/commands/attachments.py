"""`gridkeeper attachment add|list|remove|save`: photos and scans from the command line, the same use cases
the pages call (gridkeeper/attachments). A refused file is said in words and the others still go in."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from gridkeeper.commands.common import EXIT_OK, EXIT_REJECTED, EXIT_USAGE, _emit, _open, _translator, _words
from gridkeeper.errors import QT_TRANSLATE_NOOP

_M_ADDED = QT_TRANSLATE_NOOP("cli", "{file}: attached ({kind}, {size} bytes).")
_M_REFUSED = QT_TRANSLATE_NOOP("cli", "{file}: {reason}")
_M_NONE = QT_TRANSLATE_NOOP("cli", "No photos or scans.")
_M_REMOVED = QT_TRANSLATE_NOOP("cli", "Removed; the record stays in the history and the file in the backups.")
_M_SAVED = QT_TRANSLATE_NOOP("cli", "Saved to {path}.")
_M_NOT_RECEIVED = QT_TRANSLATE_NOOP(
    "cli", "This photo has not been received from the office's shared folder yet ({reason}); sync, then try again.")
_M_NO_SUCH = QT_TRANSLATE_NOOP("cli", "No photo or scan with the id {id}.")


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    from gridkeeper.store.attachments import ENTITIES

    p = sub.add_parser("attachment", help="photos and scans of a finding, list item, mediation case or household")
    kinds = p.add_subparsers(dest="attachment_command", required=True)
    add = kinds.add_parser("add", help="attach JPEG, PNG or PDF files")
    add.add_argument("entity", choices=ENTITIES)
    add.add_argument("id", help="the finding's, list item's, case's or household's id")
    add.add_argument("files", nargs="+", type=Path, metavar="FILE")
    add.add_argument("--caption", default="")
    add.add_argument("--by", default="", help="who attached them (default: this laptop's cadre)")
    listing = kinds.add_parser("list", help="the photos and scans of one thing")
    listing.add_argument("entity", choices=ENTITIES)
    listing.add_argument("id")
    remove = kinds.add_parser("remove", help="remove one (a tombstone: kept in the history)")
    remove.add_argument("attachment")
    save = kinds.add_parser("save", help="write one out as a file (fetched from the share if need be)")
    save.add_argument("attachment")
    save.add_argument("-o", "--output", type=Path, required=True)
    for each in (add, listing, remove, save):
        each.add_argument("--json", action="store_true", help="print the result as one JSON object")


def run(args: argparse.Namespace, root: Path) -> int:
    from gridkeeper import attachments

    translate = _translator(root)
    store = _open(root)
    try:
        if args.attachment_command == "add":
            by = args.by
            if not by:
                from gridkeeper.places import profile

                cadre = profile.current_cadre(store)
                by = cadre.name if cadre else ""
            added, refused, lines = [], [], []
            for path in args.files:
                try:
                    row = attachments.add_file(store, args.entity, args.id, path, caption=args.caption, by=by)
                    added.append({"file": str(path), "id": row.id, "kind": row.kind, "size": row.size})
                    lines.append(_words(translate, _M_ADDED, file=path.name, kind=row.kind, size=f"{row.size:,}"))
                except attachments.AttachmentRefused as exc:
                    refused.append({"file": str(path), "reason": exc.reason, "message": exc.translated(translate)})
                    lines.append(_words(translate, _M_REFUSED, file=path.name, reason=exc.translated(translate)))
            _emit(args, {"added": added, "refused": refused}, "\n".join(lines))
            return EXIT_REJECTED if refused else EXIT_OK
        if args.attachment_command == "list":
            rows = attachments.of_entity(store, args.entity, args.id)
            _emit(args, {"attachments": [r.__dict__ for r in rows]},
                  "\n".join(f"{r.id}  {r.added_at.replace('T', ' ')[:16]}  {r.kind}  {r.size:>10,}  {r.added_by}  "
                            f"{r.caption}" for r in rows) or _words(translate, _M_NONE))
            return EXIT_OK
        if args.attachment_command == "remove":
            attachments.remove(store, args.attachment)
            _emit(args, {"removed": args.attachment}, _words(translate, _M_REMOVED))
            return EXIT_OK
        row = attachments.one(store, args.attachment)
        if row is None:
            print(_words(translate, _M_NO_SUCH, id=args.attachment), file=sys.stderr)
            return EXIT_USAGE
        try:
            data = attachments.content(store, row)
        except attachments.NotReceived as exc:
            print(_words(translate, _M_NOT_RECEIVED, reason=exc.reason), file=sys.stderr)
            return EXIT_REJECTED
        args.output.write_bytes(data)
        _emit(args, {"saved": str(args.output), "size": len(data)}, _words(translate, _M_SAVED, path=args.output))
        return EXIT_OK
    finally:
        store.close()

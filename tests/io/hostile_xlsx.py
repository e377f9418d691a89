"""Workbooks written by hand, part by part, for what no spreadsheet program writes: bombs,
lying sizes, cells far apart, odd attribute syntax. Tests that could kill the interpreter if
the reader's limits broke (calamine aborts the process when an allocation fails) run the read
in a child process (`read_in_child`), so a regression fails one test instead of the run.
"""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'worksheet" Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'sharedStrings" Target="sharedStrings.xml"/></Relationships>'
)
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def workbook_xml(sheet: str = "花名册", calc: str = "") -> str:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook {NS} '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            f'<sheets><sheet name="{sheet}" sheetId="1" r:id="rId1"/></sheets>{calc}</workbook>')


def sheet_xml(rows: str) -> str:
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet {NS}><sheetData>{rows}</sheetData></worksheet>'


def shared_strings_xml(texts: list[str], unique_count: int | None = None) -> str:
    count = len(texts) if unique_count is None else unique_count
    items = "".join(f"<si><t>{t}</t></si>" for t in texts)
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst {NS} count="{len(texts)}" uniqueCount="{count}">{items}</sst>'


def inline(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def header_rows(extra: str = "") -> str:
    """A roster header (姓名 in A1, 房号 in B1) and one person, then `extra` rows."""
    return ('<row r="1">' + inline("A1", "姓名") + inline("B1", "楼栋") + inline("C1", "房号") + "</row>"
            '<row r="2">' + inline("A2", "张三") + inline("B2", "3") + inline("C2", "501") + "</row>" + extra)


def write_xlsx(path: Path, sheet: str, *, shared: str | None = None, workbook: str | None = None,
               extra: dict[str, bytes] | None = None) -> Path:
    """A minimal workbook calamine reads: the parts given, deflated."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        book.writestr("[Content_Types].xml", CONTENT_TYPES)
        book.writestr("_rels/.rels", ROOT_RELS)
        book.writestr("xl/workbook.xml", workbook or workbook_xml())
        book.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        book.writestr("xl/worksheets/sheet1.xml", sheet)
        if shared is not None:
            book.writestr("xl/sharedStrings.xml", shared)
        for name, data in (extra or {}).items():
            book.writestr(name, data)
    return path


def declare_size(path: Path, entry: str, size: int) -> Path:
    """Make the zip say `entry` inflates to `size` bytes (both headers), without its data changing:
    what a bomb's directory looks like, at no cost to build or to refuse."""
    data = bytearray(path.read_bytes())
    name = entry.encode()
    for signature, size_at, name_len_at, name_at in ((b"PK\x03\x04", 22, 26, 30), (b"PK\x01\x02", 24, 28, 46)):
        at = 0
        while (at := data.find(signature, at)) >= 0:
            length = struct.unpack_from("<H", data, at + name_len_at)[0]
            if bytes(data[at + name_at:at + name_at + length]) == name:
                struct.pack_into("<I", data, at + size_at, size)
            at += 4
    path.write_bytes(bytes(data))
    return path


def read_in_child(path: Path, *, memory_mb: int = 4096) -> dict[str, object]:
    """read_sheet(path) in a child process with its address space capped at `memory_mb`: the
    rows read, or the RosterError's code and message, or how the child died."""
    code = (
        "import json, resource, sys\n"
        f"resource.setrlimit(resource.RLIMIT_AS, ({memory_mb} << 20, {memory_mb} << 20))\n"
        "from gridkeeper.io.roster import RosterError, read_sheet\n"
        "try:\n"
        "    sheet = read_sheet(sys.argv[1])\n"
        "    out = {'rows': len(sheet.rows), 'width': max(map(len, sheet.rows))}\n"
        "except RosterError as exc:\n"
        "    out = {'code': exc.code, 'message': str(exc)}\n"
        "from tests.io.fuzz_workbooks import peak_mb\n"
        "out['maxrss_mb'] = peak_mb()\n"
        "print(json.dumps(out, ensure_ascii=False))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT), "RUST_BACKTRACE": "0", "MALLOC_ARENA_MAX": "2"}
    done = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, env=env,
                          timeout=120, cwd=ROOT, check=False)
    if done.returncode != 0:
        return {"died": done.returncode, "stderr": done.stderr[-2000:]}
    return json.loads(done.stdout)

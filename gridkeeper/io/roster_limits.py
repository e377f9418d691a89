"""How much of a workbook a roster import will read, checked before calamine parses it.

A roster is a file someone sent: it may be huge by mistake or crafted. calamine (Rust) parses
what it is given: a sheet that inflates to gigabytes exhausts memory, and two tiny things kill
the process outright, with no exception to catch ("memory allocation of N bytes failed", then
abort): a sharedStrings part whose `uniqueCount` says billions (calamine reserves that many
strings up front) and two cells far apart, A1 and XFD1048576 (calamine allocates the whole
rectangle between them, 17 billion cells). So before any calamine call:

- the file's size and, for a zip (xlsx, xlsm, xlsb, ods), every entry's declared sizes
  (zipfile's infolist: file_size, compress_size and their ratio) against the limits below.
  calamine's zip reader stops an entry at its declared size ("File is larger than its declared
  uncompressed size"), so the declared sizes bound what it inflates;
- for an xlsx, the parts' content, streamed a few MB at a time (`_Part`): the `uniqueCount`s,
  texts longer than Excel's cell limit, and where the cells are. The cells are vouched for by
  searches that find nothing in the form Excel, WPS, LibreOffice, openpyxl, XlsxWriter and the
  OpenXML SDK write: every cell tag's first attribute is its reference (`<c r="...`), and every
  attribute named r, however written (calamine reads `r = 'X1'` too, and takes the last of
  several), is a reference inside a rectangle within the limits (`_BOUNDS`: BZ99999 in the one
  pass over the part, AN199999, DZ59999 or IV29999 in a second pass when that fails). A part
  none of that vouches for (cells without a reference, a sheet inside no rectangle) gets an
  exact scan that follows calamine's own rules for positions (`_exact_extent`): sound, but
  ~5 us a cell, so only for what nothing else vouches for.

A file past a limit is refused with a RosterError saying which limit, in one line, before
calamine sees it. .xls (not a zip) is bounded by its file size only, and .xlsb/.ods by their
entries' declared sizes: calamine's own allocations for those formats are not checked here
(see docs/architecture.md, "Roster import: limits").

The limits are sized from a street's roster: about 80,000 rows of about 20 columns, 1.6
million cells. Excel and WPS save that as a ~6 MB .xlsx whose sheet part inflates to ~60 MB
(37 bytes a cell, with a ~10 MB shared-strings part); openpyxl, which writes every text inline,
makes the sheet part ~90 MB (57 bytes a cell; both measured on the 50,000-row benchmark roster).
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gridkeeper.errors import QT_TRANSLATE_NOOP, GridKeeperError

_MiB = 1024 * 1024

# The file itself. The .xlsx of a street's roster is ~6 MB; an .xls (not compressed) of it
# ~40 MB. Above this the file is not one street's roster. Also bounds what is read into memory
# to tell what a file is (an OLE file is read whole for that).
MAX_FILE_BYTES = 128 * _MiB
# Entries in a zip: a workbook has 10 to 50 (one per sheet, style, image...); each name is held
# in memory by calamine's path cache.
MAX_ZIP_ENTRIES = 10_000
# One part inflated: twice the ~90 MB sheet part of a street's roster written with inline
# strings (openpyxl); Excel's own is ~60 MB. calamine holds every cell of the part at once, so
# this bounds its memory for one sheet (~300 MB of cells at the limit).
MAX_PART_BYTES = 192 * _MiB
# A sharedStrings part inflated: a street's roster has ~10 MB of distinct texts (5 MB at
# 50,000 rows of 14 columns); calamine keeps them all for the whole read.
MAX_SHARED_STRINGS_BYTES = 64 * _MiB
# All parts together: the sheet, its shared strings and everything else with room to spare.
MAX_INFLATED_BYTES = 384 * _MiB
# Inflated / compressed of one part of 1 MiB or more. Spreadsheet XML compresses 4 to 20 times
# (the benchmark roster: sheet 9:1, shared strings 4:1); deflate cannot go past ~1030:1, and only
# long runs of one byte get near that: a part past 200:1 was made to inflate, not to be read.
MAX_RATIO = 200
_RATIO_FROM_BYTES = 1 * _MiB
# Distinct texts a sharedStrings part may announce (`uniqueCount`, which calamine reserves up
# front): a street's roster has ~350,000 (names, ID numbers, phones, addresses).
MAX_SHARED_STRINGS = 4_000_000
# Rows, columns and cells of a sheet (the rectangle from A1 to the last row and column used:
# calamine and the rows read hold all of it). A street's roster is ~80,000 rows of ~20
# columns; 200,000 rows is two and a half streets, 256 columns what an .xls can hold at most,
# and 8 million cells five streets' worth (~250 MB for calamine, ~70 MB of Python lists).
MAX_ROWS = 200_000
MAX_COLUMNS = 256
MAX_CELLS = 8_000_000
# Excel's own limit for the text of one cell: a longer one was not written by Excel or WPS.
MAX_CELL_CHARS = 32_767

# The fast path's bounds, each a rectangle within every limit above, as a regular expression
# for "a reference inside it" (letters optional: a row's r is digits only). The first, up to
# column BZ and row 99,999 (7.8 million cells), holds every ordinary roster and is checked in
# the one pass over the part; the others (a long sheet, a wide one, a very wide one) are tried
# in a second pass only when it fails, and a sheet inside none of them gets the exact scan.
_BOUNDS: tuple[tuple[int, int, bytes], ...] = (
    (78, 99_999, rb"[A-Ba-b]?[A-Za-z]?\d{1,5}"),  # BZ99999
    (40, 199_999, rb"(?:[Aa][A-Na-n]|[A-Za-z])?(?:1\d{5}|\d{1,5})"),  # AN199999
    (130, 59_999, rb"(?:[A-Da-d]?[A-Za-z])?(?:[1-5]\d{4}|\d{1,4})"),  # DZ59999
    (256, 29_999, rb"(?:[A-Ha-h][A-Za-z]|[Ii][A-Va-v]|[A-Za-z])?(?:[12]\d{4}|\d{1,4})"),  # IV29999
)
assert all(c <= MAX_COLUMNS and r <= MAX_ROWS and c * r <= MAX_CELLS for c, r, _ in _BOUNDS)

_CHUNK = 4 * _MiB
_WHITESPACE = b" \t\n\r"
_UNIQUE_COUNT = re.compile(rb"uniqueCount")
_DIGITS = re.compile(rb"\d+")
_FULL_CALC = re.compile(rb"""fullCalcOnLoad\s*=\s*["'](?:1|true)["']""")
# A text is at least as long in bytes as in characters: one of more than MAX_CELL_CHARS
# characters holds a whole aligned block of this many bytes with no '<' or '>'.
_BLOCK = (MAX_CELL_CHARS + 1) // 2
_UTF8_CONTINUATION = bytes(range(0x80, 0xC0))

_M_TOO_BIG = QT_TRANSLATE_NOOP(
    "errors",
    "{file} is {size} MB; a roster workbook may be at most {limit} MB. Save only the roster's sheet "
    "in a new workbook and import that.",
)
_M_TOO_MUCH_INSIDE = QT_TRANSLATE_NOOP(
    "errors",
    "{file} unpacks to more than a roster can be ({part}: {size} MB, at most {limit} MB); it was not read. "
    "Save only the roster's sheet in a new workbook in Excel or WPS and import that.",
)
_M_BOMB = QT_TRANSLATE_NOOP(
    "errors",
    "{file} is not an ordinary workbook: a part of it ({part}) inflates {ratio} times, which no "
    "spreadsheet program writes; it was not read. Ask for the file again.",
)
_M_TOO_MANY_TEXTS = QT_TRANSLATE_NOOP(
    "errors",
    "{file} is not an ordinary workbook: it announces {count} different texts, where a roster has at most "
    "{limit}; it was not read. Ask for the file again.",
)
_M_TOO_LARGE = QT_TRANSLATE_NOOP(
    "errors",
    "{file} has a sheet that uses cells up to row {rows} and column {column}; a roster may have at most "
    "{max_rows} rows, {max_columns} columns and {max_cells} cells in all. Split it into smaller workbooks "
    "and import each.",
)
_M_CELL_TOO_LONG = QT_TRANSLATE_NOOP(
    "errors",
    "{file} has a cell of more than {limit} characters, more than Excel allows in a cell, so the file "
    "was not saved by Excel or WPS; it was not read. Open it in Excel or WPS, save it as .xlsx and "
    "import that file.",
)


M_DAMAGED = QT_TRANSLATE_NOOP(
    "errors",
    "{file} is an Excel workbook that is damaged or incomplete (perhaps it was not completely copied "
    "or downloaded). Open it in Excel or WPS: if it opens, save it as .xlsx again and import that file; "
    "if not, ask for the file again.",
)


class RosterError(GridKeeperError):
    """The file cannot be read as a roster at all (the CLI exits 2); `code` says why."""

    def __init__(self, code: str, message: str, **params: Any) -> None:
        self.code = code
        super().__init__(message, **params)


def damaged(path: Path) -> RosterError:
    """A workbook that is damaged or incomplete (a zip that cannot be read whole)."""
    return RosterError("file_unreadable", M_DAMAGED, file=path.name)


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.1f}".rstrip("0").rstrip(".") if size < 10_000_000 else str(round(size / 1_000_000))


def check_size(path: Path) -> None:
    """The file's own size (every format)."""
    try:
        size = path.stat().st_size
    except OSError:
        return  # the reader says what is wrong with the path, in words
    if size > MAX_FILE_BYTES:
        raise RosterError("file_too_big", _M_TOO_BIG, file=path.name, size=_mb(size), limit=_mb(MAX_FILE_BYTES))


@dataclass
class WorkbookFacts:
    """What checking a zip workbook's content found that reading it needs again."""

    formula_parts: set[str] = field(default_factory=set)  # entry names of parts holding formulas
    recalculate: bool = False  # the workbook asks for every formula to be computed when opened


def check_zip(path: Path) -> WorkbookFacts:
    """What calamine reads when it opens a zip workbook, before it does: every entry's declared
    sizes, and the shared strings (their `uniqueCount`, their texts' lengths). Raises
    RosterError past a limit; a zip that zipfile cannot read is called damaged (calamine's zip
    reader is not given it)."""
    try:
        book = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise damaged(path) from exc
    with book:
        infos = book.infolist()
        _check_declared(path, infos)
        facts = WorkbookFacts()
        for info in infos:
            if _shared_strings(info):
                _check_part(path, book, info, facts)
        return facts


def check_parts(path: Path, facts: WorkbookFacts) -> None:
    """Before a sheet is parsed: every other part of a zip workbook checked by check_zip() (any
    of them may be the sheet calamine reads), for where its cells are and for texts longer than
    a cell may hold; `facts` learns which parts hold formulas. Raises RosterError past a limit."""
    try:
        book = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise damaged(path) from exc
    with book:
        for info in book.infolist():
            if not _shared_strings(info):
                _check_part(path, book, info, facts)


def _shared_strings(info: zipfile.ZipInfo) -> bool:
    # calamine reads "<folder>sharedStrings.xml", the name compared without case
    return info.filename.replace("\\", "/").lower().endswith("sharedstrings.xml")


def _check_declared(path: Path, infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > MAX_ZIP_ENTRIES:
        raise RosterError("file_too_big", _M_TOO_MUCH_INSIDE, file=path.name, part=f"{len(infos)} parts",
                          size=_mb(sum(i.file_size for i in infos)), limit=_mb(MAX_INFLATED_BYTES))
    total = 0
    for info in infos:
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED) or info.flag_bits & 0x1:
            raise damaged(path)  # calamine inflates deflate only; an encrypted entry is no workbook
        limit = MAX_SHARED_STRINGS_BYTES if info.filename.lower().endswith("sharedstrings.xml") else MAX_PART_BYTES
        if info.file_size > limit:
            raise RosterError("file_too_big", _M_TOO_MUCH_INSIDE, file=path.name, part=info.filename,
                              size=_mb(info.file_size), limit=_mb(limit))
        if info.file_size >= _RATIO_FROM_BYTES and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise RosterError("file_bomb", _M_BOMB, file=path.name, part=info.filename,
                              ratio=info.file_size // max(info.compress_size, 1))
        total += info.file_size
    if total > MAX_INFLATED_BYTES:
        raise RosterError("file_too_big", _M_TOO_MUCH_INSIDE, file=path.name, part=f"{len(infos)} parts",
                          size=_mb(total), limit=_mb(MAX_INFLATED_BYTES))


def _letters(columns: int) -> str:
    """Excel's name of the `columns`-th column (1 -> A, 27 -> AA)."""
    letters = ""
    while columns > 0:
        columns, rem = divmod(columns - 1, 26)
        letters = chr(65 + rem) + letters
    return letters or "A"


def too_large(path: Path, rows: int, columns: int) -> RosterError:
    return RosterError("sheet_too_large", _M_TOO_LARGE, file=path.name, rows=rows,
                       column=_letters(columns), max_rows=f"{MAX_ROWS:,}",
                       max_columns=MAX_COLUMNS, max_cells=f"{MAX_CELLS:,}")


def cell_too_long(path: Path) -> RosterError:
    return RosterError("cell_too_long", _M_CELL_TOO_LONG, file=path.name, limit=f"{MAX_CELL_CHARS:,}")


def check_extent(path: Path, rows: int, columns: int) -> None:
    """The rectangle a sheet uses, from A1 (rows and columns counted, not indexes)."""
    if rows > MAX_ROWS or columns > MAX_COLUMNS or rows * columns > MAX_CELLS:
        raise too_large(path, rows, columns)


def _chars(data: bytes) -> int:
    """Characters in UTF-8 bytes (an entity counts as several: an overestimate, on the safe side)."""
    return len(data.translate(None, _UTF8_CONTINUATION))


class _Part:
    """One part streamed through the checks a chunk at a time, so memory stays a few MB."""

    def __init__(self, path: Path, name: str, *, cells: bool) -> None:
        self.path, self.name, self.cells = path, name, cells
        self.run = 0  # characters of the text run (no '<') the last chunk ended in
        self.pending = b""  # the last chunk's bytes after its last '>' (a tag cut in two)
        self.irregular = False  # the fast path cannot vouch for the cells' places: scan exactly
        self.outside = False  # an r attribute is outside the first bound (the others are tried after)
        self.formulas = False
        self.recalculate = False

    def feed(self, raw: bytes, final: bool) -> None:
        self._runs(raw)
        if not self.cells:
            return
        data = self.pending + raw
        # Every pattern below lies inside one tag, so cutting after a '>' splits none of them.
        limit = len(data) if final else data.rfind(b">") + 1
        if not self.irregular and (_PLAIN_CELL.search(data, 0, limit) or _PREFIXED_CELL.search(data, 0, limit)):
            self.irregular = True  # a cell without its reference first: its place needs the exact scan
        if not self.outside and _R_OUTSIDE[0].search(data, 0, limit):
            self.outside = True
        if not self.formulas and _FORMULA.search(data, 0, limit):
            self.formulas = True
        if self.name.endswith("workbook.xml") and _FULL_CALC.search(data, 0, limit):
            self.recalculate = True
        self.pending = data[limit:]
        if len(self.pending) > _CHUNK:  # megabytes without a '>': no ordinary part
            self.irregular = True
            self.pending = self.pending[-4096:]

    def _runs(self, raw: bytes) -> None:
        """Texts longer than a cell may hold, across chunk boundaries too: runs of characters
        between a '>' and a '<', measured exactly where an aligned block holds neither."""
        first = _mark(raw.find(b"<"), raw.find(b">"), min)
        if first < 0:
            self.run += _chars(raw)
            if self.run > MAX_CELL_CHARS:
                raise cell_too_long(self.path)
            return
        if self.run + _chars(raw[:first]) > MAX_CELL_CHARS:
            raise cell_too_long(self.path)
        last = max(raw.rfind(b"<"), raw.rfind(b">"))
        find, rfind = raw.find, raw.rfind
        for block in range(first - first % _BLOCK + _BLOCK, last - _BLOCK + 1, _BLOCK):
            if find(b"<", block, block + _BLOCK) < 0 and find(b">", block, block + _BLOCK) < 0:
                begin = max(rfind(b"<", 0, block), rfind(b">", 0, block)) + 1
                end = _mark(find(b"<", block + _BLOCK), find(b">", block + _BLOCK), min)
                if _chars(raw[begin:end]) > MAX_CELL_CHARS:
                    raise cell_too_long(self.path)
        self.run = _chars(raw[last + 1:])


def _mark(a: int, b: int, pick: Callable[[int, int], int]) -> int:
    """pick() of two find() results, -1 (not found) left out; -1 if both are."""
    if a < 0:
        return b
    return a if b < 0 else pick(a, b)


# The fast path, three searches that find nothing in the form every spreadsheet program writes:
# a cell tag whose first attribute is not r="...", the same with a namespace prefix (<x:c>, as
# the OpenXML SDK writes), and an attribute named r, written in any way calamine reads (space or
# not before it, spaces around '=', either quote), whose value is not a reference inside B99999.
_PLAIN_CELL = re.compile(rb'<c(?![^\s/>])(?! r=")')
_PREFIXED_CELL = re.compile(rb':c(?![^\s/>])(?! r=")')
_FORMULA = re.compile(rb"<f(?![^\s/>])")  # a cell's formula (not <font>, <fileVersion>...)
_R_OUTSIDE = [re.compile(rb"""r(?<![\w:.-]r)\s*=\s*["'](?!""" + inside + rb"""["'])""") for _, _, inside in _BOUNDS]


def _inside_another_bound(stream: Any) -> bool:
    """Whether every r attribute of the part lies inside one of the bounds after the first."""
    left = list(_R_OUTSIDE[1:])
    pending = b""
    while left:
        raw = stream.read(_CHUNK)
        final = len(raw) < _CHUNK
        data = pending + raw
        limit = len(data) if final else data.rfind(b">") + 1
        left = [pattern for pattern in left if not pattern.search(data, 0, limit)]
        pending = data[limit:][-4096:]
        if final:
            return bool(left)
    return False


def _check_part(path: Path, book: zipfile.ZipFile, info: zipfile.ZipInfo, facts: WorkbookFacts) -> None:
    name = info.filename.replace("\\", "/").lower()
    shared = _shared_strings(info)
    part = _Part(path, name, cells=not shared)
    tail = b""  # the end of the chunk before, for a uniqueCount cut in two
    try:
        with book.open(info) as stream:
            # calamine checks each entry's CRC as it reads it (a mismatch fails the read), so the
            # check here would only cost time (12 ms of the benchmark roster's ~50 to inflate).
            if hasattr(stream, "_expected_crc"):
                stream._expected_crc = None
            while True:
                raw = stream.read(_CHUNK)
                final = len(raw) < _CHUNK
                if shared:
                    _check_unique_count(path, tail + raw)
                    tail = raw[-96:]
                part.feed(raw, final)
                if final:
                    break
            if part.outside and not part.irregular:
                with book.open(info) as again:
                    part.irregular = not _inside_another_bound(again)
            if part.irregular:
                rows, columns = _exact_extent(book.read(info))
                check_extent(path, rows, columns)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, RuntimeError) as exc:
        raise damaged(path) from exc  # a bad CRC, an entry cut short: calamine would fail on it too
    if part.formulas:
        facts.formula_parts.add(info.filename)
    facts.recalculate = facts.recalculate or part.recalculate


def _check_unique_count(path: Path, data: bytes) -> None:
    """calamine reserves room for `uniqueCount` strings before reading one: a huge count aborts it."""
    for found in _UNIQUE_COUNT.finditer(data):
        for digits in _DIGITS.findall(data, found.end(), found.end() + 64):
            if len(digits) > 9 or int(digits) > MAX_SHARED_STRINGS:
                raise RosterError("file_bomb", _M_TOO_MANY_TEXTS, file=path.name, count=digits.decode(),
                                  limit=f"{MAX_SHARED_STRINGS:,}")


# --- the exact scan: cell positions as calamine gives them ----------------------------------

# The tags the exact scan looks at (cells, rows, sheetData, with any prefix), and what hides
# tags from calamine's parser (comments, CDATA, processing instructions, a DOCTYPE): every
# other '<' is passed over inside the regular expression engine, not in Python.
_TAG = re.compile(
    rb"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<\?.*?\?>|<![^>]*>"
    rb"|</(?P<end>(?:[^\s/>!?:]+:)?(?:row|sheetData))\s*>"
    rb"|<(?P<name>(?:[^\s/>!?:]+:)?(?:c|row|sheetData))(?=[\s/>])(?P<attrs>(?:[^>\"']++|\"[^\"]*+\"|'[^']*+')*+)>",
    re.DOTALL,
)
_ATTR = re.compile(rb"""([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_U32 = 0xFFFFFFFF


_PLAIN_REF = re.compile(rb"([A-Za-z]{1,3})([0-9]{1,7})")  # too short to wrap around 32 bits
_COLUMN_OF: dict[bytes, int] = {}


def _reference(value: bytes) -> tuple[int, int | None] | None:
    """(row, column) 0-based as calamine reads "AB12" (u32 arithmetic, wrapping); None if it fails."""
    plain = _PLAIN_REF.fullmatch(value)
    if plain is not None:
        letters, digits = plain.groups()
        col = _COLUMN_OF.get(letters)
        if col is None:
            col = 0
            for c in letters:
                col = col * 26 + (c & 0x1F)
            col = _COLUMN_OF[letters] = col - 1
        row = int(digits)
        return (row - 1, col) if row else None
    col = row = 0
    i, n = 0, len(value)
    while i < n:
        c = value[i]
        if 65 <= c <= 90 or 97 <= c <= 122:
            col = (col * 26 + (c & 0x1F)) & _U32
        elif 48 <= c <= 57:
            break
        else:
            return None
        i += 1
    if i == n:
        return None
    while i < n:
        c = value[i]
        if not 48 <= c <= 57:
            return None
        row = (row * 10 + c - 48) & _U32
        i += 1
    if row == 0:
        return None
    return row - 1, (col - 1 if col else None)


def _exact_extent(data: bytes) -> tuple[int, int]:
    """Rows and columns calamine's rectangle would span (from A1) for the sheet XML `data`.

    Follows calamine's xlsx cell reader: the first <sheetData> start tag begins the cells,
    the first </sheetData> after it ends them; a <row r> sets the row, </row> moves to the
    next; a cell <c> (not self-closing) takes its place from `r`, else the one after the
    previous cell. Every r attribute of a tag is taken (calamine takes one of them), so the
    rectangle is never underestimated. Stops early once past the limits; an error calamine
    would stop at (a bad reference, a tag that does not close) stops the scan too: calamine
    reads no further either.
    """
    if data.find(b"sheetData") < 0:
        return 0, 0  # calamine finds no cells in it
    inside = False
    row_index = col_index = 0
    max_row = max_col = -1
    for m in _TAG.finditer(data):
        end, name, attrs = m.group("end", "name", "attrs")
        if end is not None:  # </row> or </sheetData>
            if not inside:
                continue
            if end.rpartition(b":")[2] == b"sheetData":
                break
            row_index = (row_index + 1) & _U32
            col_index = 0
            continue
        if name is None:
            continue  # a comment, CDATA, a processing instruction: no tags for calamine
        local = name.rpartition(b":")[2]
        empty = attrs.rstrip().endswith(b"/")
        if not inside:
            if local == b"sheetData" and not empty:
                inside = True
            continue
        if empty or local == b"sheetData":
            continue
        refs = [a[1] or a[2] for a in _ATTR.findall(attrs) if a[0] == b"r"]
        if local == b"row":
            for ref in refs:
                parsed = _reference(ref)
                if parsed is None:
                    return max_row + 1, max_col + 1  # calamine stops here with an error
                row_index = parsed[0]
            continue
        if len(refs) == 1:  # the usual case, without building lists
            place = _reference(refs[0])
            if place is None or place[1] is None:
                return max_row + 1, max_col + 1  # calamine stops here with an error
            r, c = place  # type: ignore[assignment]
            col_index = c
        elif refs:
            places = [_reference(ref) for ref in refs]
            if any(p is None or p[1] is None for p in places):
                return max_row + 1, max_col + 1
            r = max(p[0] for p in places)  # type: ignore[index]
            c = max(p[1] for p in places)  # type: ignore[index,type-var]
            col_index = c
        else:
            r, c = row_index, col_index
        col_index = (col_index + 1) & _U32
        if r > max_row or c > max_col:
            max_row, max_col = max(max_row, r), max(max_col, c)
            if max_row >= MAX_ROWS or max_col >= MAX_COLUMNS or (max_row + 1) * (max_col + 1) > MAX_CELLS:
                break
    return max_row + 1, max_col + 1


# --- formula cells without a saved result --------------------------------------------------

_FORMULA_CELL = re.compile(rb'<cr="([A-Za-z]{1,3})(\d{1,7})"([^>]*)>(?:<f[^>]*/>|<f[^>]*>[^<]*</f>)(<v>[^<]*</v>|<v/>)?')


def _column_index(letters: bytes) -> int:
    index = 0
    for c in letters.upper():
        index = index * 26 + c - 64
    return index - 1


def formula_cells_without_value(path: Path, part: str, recalculate: bool) -> frozenset[tuple[int, int]]:
    """(row, column), 0-based, of the formula cells of `part` that hold no saved result.

    calamine gives such a cell as an empty string, like an empty cell, or (XlsxWriter) the 0
    its writer put there: the cell's value was never computed. A formula has no saved result
    when its <v> is missing, or empty while the cell is not a text cell (Excel saves a formula
    that gives "" as t="str" with an empty <v>). A workbook that asks for every formula to be
    computed when it is opened (`recalculate`: fullCalcOnLoad, what XlsxWriter and other
    generators write because they cannot compute formulas) has no saved result in any of them.
    Read from the plain form the fast path checks (`<c r="..."` first); a part written otherwise
    yields nothing here and its formula cells read as empty.
    """
    found: set[tuple[int, int]] = set()
    try:
        with zipfile.ZipFile(path) as book, book.open(part) as stream:
            pending = b""
            while True:
                raw = stream.read(_CHUNK)
                final = len(raw) < _CHUNK
                data = pending + raw.translate(None, _WHITESPACE)
                cut = len(data) if final else data.rfind(b"</c>") + 4
                if cut < 4:
                    cut = len(data) if len(data) > _CHUNK else 0
                for m in _FORMULA_CELL.finditer(data, 0, cut):
                    letters, digits, attrs, value = m.groups()
                    text = attrs.startswith(b't="str"') or b'"t="str"' in attrs
                    if recalculate or value is None or (value in (b"<v/>", b"<v></v>") and not text):
                        found.add((int(digits) - 1, _column_index(letters)))
                pending = data[cut:]
                if final:
                    break
    except (KeyError, zipfile.BadZipFile, OSError, EOFError, ValueError, RuntimeError):
        return frozenset()  # read once already: only the reason given for these cells is lost
    return frozenset(found)


def sheet_part(path: Path, sheet: str) -> str | None:
    """The zip entry calamine reads for `sheet`, found as calamine finds it (the package's
    officeDocument relationship, the workbook's sheet and its relationship, names compared
    without case); None when that cannot be worked out."""
    from xml.etree import ElementTree

    def local(tag: str) -> str:
        return tag.rpartition("}")[2]

    try:
        with zipfile.ZipFile(path) as book:
            names = {n.replace("\\", "/").lower(): n for n in book.namelist()}

            def read(name: str) -> Any:
                real = names.get(name.lower())
                info = book.getinfo(real) if real else None
                if info is None or info.file_size > 16 * _MiB:
                    return None
                return ElementTree.fromstring(book.read(info))

            package = read("_rels/.rels")
            target = next((r.get("Target", "") for r in package.iter() if local(r.tag) == "Relationship"
                           and r.get("Type", "").endswith("/relationships/officeDocument")), None)
            if target is None:
                return None
            xl = target[:target.rfind("/") + 1].removeprefix("/")
            workbook, relations = read(f"{xl}workbook.xml"), read(f"{xl}_rels/workbook.xml.rels")
            if workbook is None or relations is None:
                return None
            rel = next((next((v for k, v in s.attrib.items() if local(k) == "id"), None) for s in workbook.iter()
                        if local(s.tag) == "sheet" and s.get("name") == sheet), None)
            target = next((r.get("Target") for r in relations.iter()
                           if local(r.tag) == "Relationship" and r.get("Id") == rel), None)
            if target is None:
                return None
            path_in_zip = target[1:] if target.startswith("/") else xl + target
            return names.get(path_in_zip.lower())
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, KeyError, ElementTree.ParseError):
        return None

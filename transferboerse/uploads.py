"""Limits for uploaded files. The only uploads are CSV/XLSX imports in the back office.

A spreadsheet is small on disk and may still be huge for a parser: a 1.6 KB .xlsx that declares the
range ``A1:XFD1048576`` made openpyxl's full load try to allocate about 128 GB. So everything a file
declares about itself is checked *before* a parser sees it (size, type, the zip entries' uncompressed
sizes and compression ratios, the sheets' declared dimensions, rows and columns of a CSV), and the
reader then streams rows (openpyxl's read-only mode) and stops at the caps, whatever was declared.
"""

import csv
import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from import_export.forms import ImportForm

CSV = "csv"
XLSX = "xlsx"

# A municipality's workbook is a few MB unpacked; these bounds keep what openpyxl loads whole
# (shared strings, styles) well inside the worker's memory budget.
MAX_ZIP_ENTRIES = 200
MAX_ZIP_ENTRY_SIZE = 20 * 1024 * 1024
MAX_ZIP_TOTAL_SIZE = 40 * 1024 * 1024
MAX_COMPRESSION_RATIO = 100  # zip bombs pack far tighter; real sheets stay below ~30
RATIO_CHECK_FROM = 1024 * 1024  # tiny entries (an empty sheet) may compress well without harm
XML_HEAD = 64 * 1024  # the <dimension> element comes right after the sheet's first elements
# Rows an .xlsx may list before the cap stops reading, counting empty but formatted rows too.
MAX_LISTED_ROWS_FACTOR = 10

DIMENSION = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?dimension\b[^>]*?\bref\s*=\s*[\"']([^\"']+)[\"']")
CELL = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d{1,7})")
WORKSHEET = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?worksheet\b")
NON_EMPTY_LINE = re.compile(rb"^[ \t]*[^\s]", re.MULTILINE)


class ImportFileError(Exception):
    """The file cannot be imported; the message is German and meant for the user."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass
class Table:
    """The rows of an import file: header, data rows, and the file line of each data row (1-based)."""

    headers: list[str]
    rows: list[list] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)


def unreadable_message() -> str:
    return _(
        "Die Datei konnte nicht gelesen werden. Bitte prüfen Sie, ob das gewählte Dateiformat passt: "
        "CSV (UTF-8 oder Windows-1252, getrennt durch Komma oder Semikolon) oder Excel (.xlsx)."
    )


def _too_many_rows(count: int | None, *, declared: bool = False) -> ImportFileError:
    limit = number_format(settings.MAX_IMPORT_ROWS, force_grouping=True)
    if count is None:
        message = _("Die Datei hat mehr als {limit} Zeilen; höchstens {limit} sind erlaubt. Bitte teilen Sie sie auf.")
    elif declared:
        message = _(
            "Die Datei hat laut Excel {count} Zeilen; höchstens {limit} sind erlaubt. Bitte teilen Sie sie auf "
            "oder löschen Sie leere, aber formatierte Zeilen am Ende der Tabelle."
        )
    else:
        message = _("Die Datei hat {count} Zeilen; höchstens {limit} sind erlaubt. Bitte teilen Sie sie auf.")
    return ImportFileError(message.format(count=number_format(count or 0, force_grouping=True), limit=limit))


def _too_many_columns(count: int) -> ImportFileError:
    return ImportFileError(
        _(
            "Die Datei hat {count} Spalten; höchstens {limit} sind erlaubt. "
            "Bitte entfernen Sie die Spalten, die nicht importiert werden."
        ).format(
            count=number_format(count, force_grouping=True),
            limit=number_format(settings.MAX_IMPORT_COLUMNS, force_grouping=True),
        )
    )


# Checks before parsing ------------------------------------------------------------------------------


def check_import_file(data: bytes, file_format: str) -> None:
    """Refuse ``data`` (raise ImportFileError) unless it is a CSV or XLSX within every limit.

    Reads no more than the zip directory and the first bytes of each XML part of an .xlsx, or tokenises
    the CSV up to the row cap without keeping its rows: cheap enough for the upload request.
    """
    if len(data) > settings.MAX_IMPORT_FILE_SIZE:
        raise ImportFileError(
            _("Die Datei ist zu groß ({size}); erlaubt sind höchstens {limit}.").format(
                size=filesizeformat(len(data)), limit=filesizeformat(settings.MAX_IMPORT_FILE_SIZE)
            )
        )
    if file_format == XLSX:
        _check_xlsx(data)
    elif file_format == CSV:
        _check_csv(data)
    else:
        raise ImportFileError(_("Bitte wählen Sie ein gültiges Dateiformat."))


def _check_xlsx(data: bytes) -> None:
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportFileError(
            _("Die Datei ist im alten Excel-Format (.xls). Bitte speichern Sie sie in Excel als .xlsx oder als CSV.")
        )
    if not data.startswith(b"PK\x03\x04"):
        raise ImportFileError(unreadable_message())
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
            names = {entry.filename for entry in entries}
            if len(entries) > MAX_ZIP_ENTRIES or not {"[Content_Types].xml", "xl/workbook.xml"} <= names:
                raise ImportFileError(unreadable_message())
            _check_zip_sizes(entries)
            for entry in entries:
                if entry.filename.endswith(".xml"):
                    with archive.open(entry) as part:
                        _check_xml_head(part.read(XML_HEAD))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, OSError) as error:
        raise ImportFileError(unreadable_message()) from error


def _check_zip_sizes(entries: Sequence[zipfile.ZipInfo]) -> None:
    """The sizes come from the zip directory; zipfile stops reading an entry at its declared size and
    fails on a mismatch, so a part cannot unpack to more than is checked here."""
    too_large = ImportFileError(
        _("Die Excel-Datei ist entpackt zu groß. Bitte speichern Sie nur die Tabelle, die importiert werden soll.")
    )
    if sum(entry.file_size for entry in entries) > MAX_ZIP_TOTAL_SIZE:
        raise too_large
    for entry in entries:
        if entry.file_size > MAX_ZIP_ENTRY_SIZE:
            raise too_large
        if entry.file_size > RATIO_CHECK_FROM and entry.file_size > MAX_COMPRESSION_RATIO * max(entry.compress_size, 1):
            raise too_large


def _check_xml_head(head: bytes) -> None:
    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:  # entity expansion has no place in a spreadsheet
        raise ImportFileError(unreadable_message())
    if not WORKSHEET.search(head):
        return
    match = DIMENSION.search(head)
    if match is None:
        return  # no declared dimension: the streaming reader counts
    rows, columns = _dimension_size(match.group(1).decode("ascii", "replace"))
    if rows - 1 > settings.MAX_IMPORT_ROWS:  # the first row is the header
        raise _too_many_rows(rows - 1, declared=True)
    if columns > settings.MAX_IMPORT_COLUMNS:
        raise _too_many_columns(columns)


def _dimension_size(ref: str) -> tuple[int, int]:
    """The last row and column of a range like ``A1:XFD1048576`` (or of one cell); rows and columns
    before the range still count, because the reader starts at A1."""
    corners = [CELL.fullmatch(part.strip()) for part in ref.split(":")]
    if not corners or len(corners) > 2 or None in corners:
        raise ImportFileError(unreadable_message())
    last_row = max(int(corner.group(2)) for corner in corners)
    last_column = max(_column_index(corner.group(1)) for corner in corners)
    return last_row, last_column


def _column_index(letters: str) -> int:
    index = 0
    for letter in letters.upper():
        index = index * 26 + ord(letter) - ord("A") + 1
    return index


def _check_csv(data: bytes) -> None:
    for count, _row in enumerate(_csv_rows(data), start=1):
        if count - 1 > settings.MAX_IMPORT_ROWS:
            # Stop tokenising; the message counts the text's non-empty lines (a quoted line break aside,
            # one per row), which is fast even for 100 000 of them.
            lines = sum(1 for _match in NON_EMPTY_LINE.finditer(data))
            raise _too_many_rows(max(lines, count) - 1)


# Reading --------------------------------------------------------------------------------------------


def read_import_file(data: bytes, file_format: str) -> Table:
    """The checked, capped rows of ``data``; raises ImportFileError with a German message."""
    check_import_file(data, file_format)
    if file_format == CSV:
        return _collect(_csv_rows(data), listed_limit=None)
    return _read_xlsx(data)


def _read_xlsx(data: bytes) -> Table:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for broken files
        raise ImportFileError(unreadable_message()) from error
    try:
        sheet = workbook.active
        if sheet is None or not hasattr(sheet, "reset_dimensions"):
            raise ImportFileError(unreadable_message())
        # Never trust the declared range: without it rows are as wide as their cells, not as the range.
        sheet.reset_dimensions()
        rows = enumerate(sheet.iter_rows(values_only=True), start=1)
        limit = (settings.MAX_IMPORT_ROWS + 1) * MAX_LISTED_ROWS_FACTOR
        return _collect(rows, listed_limit=limit)
    except ImportFileError:
        raise
    except Exception as error:
        raise ImportFileError(unreadable_message()) from error
    finally:
        workbook.close()


def _csv_rows(data: bytes) -> Iterable[tuple[int, list[str]]]:
    """Non-empty rows of a CSV with their line numbers, in UTF-8 (with or without BOM) or, as German
    Excel writes it, Windows-1252, separated by comma, semicolon or tab (whichever the header uses)."""
    if data.startswith(b"PK\x03\x04"):
        raise ImportFileError(_("Die Datei ist eine Excel-Datei. Bitte wählen Sie als Dateiformat „xlsx“."))
    if b"\x00" in data:
        raise ImportFileError(unreadable_message())
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ImportFileError(unreadable_message())
    header = text.split("\n", 1)[0]
    delimiter = max([",", ";", "\t"], key=header.count) if any(d in header for d in ",;\t") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for values in reader:
            if len(values) > settings.MAX_IMPORT_COLUMNS:
                raise _too_many_columns(len(values))
            if any(value.strip() for value in values):
                yield reader.line_num, values
    except csv.Error as error:
        raise ImportFileError(unreadable_message()) from error


def _collect(rows: Iterable[tuple[int, Sequence]], *, listed_limit: int | None) -> Table:
    """Header and data rows, without empty rows; stops at the row and column caps."""
    table = None
    for line, values in rows:
        if listed_limit is not None and line > listed_limit:
            raise _too_many_rows(None)
        values = list(values)
        while values and values[-1] in (None, ""):
            values.pop()
        if len(values) > settings.MAX_IMPORT_COLUMNS:
            raise _too_many_columns(len(values))
        if not values:
            continue
        if table is None:
            table = Table(headers=["" if value is None else str(value).strip() for value in values])
            continue
        if len(table.rows) == settings.MAX_IMPORT_ROWS:
            raise _too_many_rows(None)
        if len(values) > len(table.headers):
            raise ImportFileError(_("Zeile {line} hat mehr Werte als die Kopfzeile Spalten hat.").format(line=line))
        table.rows.append(values + [""] * (len(table.headers) - len(values)))
        table.lines.append(line)
    if table is None or not table.rows:
        raise ImportFileError(
            _("Die Datei enthält keine Daten. In der ersten Zeile stehen die Spaltennamen, darunter die Zeilen.")
        )
    return table


# The upload form ------------------------------------------------------------------------------------


class LimitedImportForm(ImportForm):
    """The import form of django-import-export; the file is checked against every limit before it is
    accepted. ``file_data`` and ``file_format`` hold the checked upload afterwards."""

    def __init__(self, formats, resources, **kwargs):
        super().__init__(formats, resources, **kwargs)
        self.formats = formats
        self.file_data = b""
        self.file_format = ""

    def clean_import_file(self):
        upload = self.cleaned_data["import_file"]
        if upload.size > settings.MAX_IMPORT_FILE_SIZE:
            raise forms.ValidationError(
                _("Die Datei ist zu groß ({size}); erlaubt sind höchstens {limit}.").format(
                    size=filesizeformat(upload.size), limit=filesizeformat(settings.MAX_IMPORT_FILE_SIZE)
                )
            )
        return upload

    def clean_format(self):
        value = self.cleaned_data["format"]
        if value not in {str(index) for index in range(len(self.formats))}:
            raise forms.ValidationError(_("Bitte wählen Sie ein gültiges Dateiformat."))
        return value

    def clean(self):
        cleaned = super().clean()
        upload, index = cleaned.get("import_file"), cleaned.get("format")
        if upload is None or index is None:
            return cleaned
        data = b"".join(upload.chunks())
        file_format = self.formats[int(index)]().get_extension()
        try:
            check_import_file(data, file_format)
        except ImportFileError as error:
            self.add_error("import_file", error.message)
        else:
            self.file_data, self.file_format = data, file_format
        return cleaned

"""Every CSV and XLSX file the portal writes goes through here, so no cell can become a formula.

Networks, requests and project texts reach the public downloads and the back-office exports without
a review in between. A spreadsheet program runs a cell that starts with ``=``, ``+``, ``-`` or ``@``
(or a TAB or CR before one of them) as a formula, e.g. ``=HYPERLINK("http://…")``. Following OWASP's
rule for CSV injection, such a text cell is prefixed with ``'`` and so stays text; in an XLSX file
the cell is then written as a string instead of a formula. Numbers are left alone, also as text
("-3", "+1,5"), because digits and separators alone cannot call anything.

- ``neutralise_formula(value)``: one cell.
- ``writer(file, **csv_options)``: ``csv.writer`` whose every row goes through it.
- ``SafeCSV``, ``SafeXLSX``: django-import-export export formats (settings ``EXPORT_FORMATS``) that
  pass every exported cell, header included, through it; importing is not changed by them. The CSV is
  written as German Excel reads it: separated by ``;``, with a byte order mark (without one Excel takes
  UTF-8 for Windows-1252 and garbles every umlaut), lines ending in CRLF.

The widgets at the end read and write cells the German way (``1,5``, ``31.12.2025``, ``Ja``), and
accept what German Excel saves as well as the plain forms (``1.5``, ``2025-12-31``, ``TRUE``).
"""

import csv
import datetime
import io
import re
from decimal import Decimal, InvalidOperation

import tablib
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from import_export import widgets
from import_export.formats.base_formats import CSV, XLSX

from .text import normalise_text

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"[+-]?\d[\d.,]*")


def neutralise_formula(value):
    """The cell as a spreadsheet program should show it: text that starts a formula gets a leading ``'``."""
    if isinstance(value, Promise):
        value = str(value)
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES) and not PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


class SafeWriter:
    """A ``csv.writer`` that neutralises every cell it writes."""

    def __init__(self, file, **options):
        self._writer = csv.writer(file, **options)

    def writerow(self, row):
        return self._writer.writerow([neutralise_formula(cell) for cell in row])

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


def writer(file, **options) -> SafeWriter:
    return SafeWriter(file, **options)


def neutralised_dataset(dataset: tablib.Dataset) -> tablib.Dataset:
    safe = tablib.Dataset(title=dataset.title)
    if dataset.headers:
        safe.headers = [neutralise_formula(header) for header in dataset.headers]
    for row in dataset:
        safe.append([neutralise_formula(cell) for cell in row])
    return safe


CSV_DELIMITER = ";"  # the list separator of German Windows, which Excel uses for CSV
BOM = "\ufeff"


class SafeCSV(CSV):
    def export_data(self, dataset, **kwargs):
        kwargs.setdefault("delimiter", CSV_DELIMITER)
        kwargs.setdefault("lineterminator", "\r\n")
        return BOM + super().export_data(neutralised_dataset(dataset), **kwargs)


class SafeXLSX(XLSX):
    def export_data(self, dataset, **kwargs):
        return super().export_data(neutralised_dataset(dataset), **kwargs)


# German cells ------------------------------------------------------------------------------------

DATE_FORMAT = "%d.%m.%Y"
DATE_INPUT_FORMATS = [DATE_FORMAT, "%d.%m.%y", "%Y-%m-%d"]
DATETIME_FORMAT = "%d.%m.%Y %H:%M"
DATETIME_INPUT_FORMATS = [DATETIME_FORMAT, "%d.%m.%Y %H:%M:%S", "%d.%m.%Y", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M"]
TRUE_WORDS = {"ja", "j", "x", "wahr", "1", "true", "yes"}
FALSE_WORDS = {"nein", "n", "falsch", "0", "false", "no", ""}
GERMAN_NUMBER = re.compile(r"[+-]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?")
PLAIN_DECIMAL = re.compile(r"[+-]?\d+(\.\d+)?")


def parse_decimal(value) -> Decimal | None:
    """A number as German Excel writes it (``1,5``, ``1.234,5``) or plainly (``1.5``); None if empty."""
    if value is None or isinstance(value, bool):
        if value is None:
            return None
        raise ValueError(_("„{value}“ ist keine Zahl.").format(value=value))
    if isinstance(value, int | float | Decimal):
        return Decimal(str(value))
    text = str(value).strip().replace("\xa0", "").replace(" ", "")
    if not text:
        return None
    if GERMAN_NUMBER.fullmatch(text):
        text = text.replace(".", "").replace(",", ".")
    elif not PLAIN_DECIMAL.fullmatch(text):
        raise ValueError(_("„{value}“ ist keine Zahl. Bitte schreiben Sie z. B. 1,5.").format(value=value))
    try:
        return Decimal(text)
    except InvalidOperation as error:  # not reached for the patterns above; kept as a guard
        raise ValueError(_("„{value}“ ist keine Zahl.").format(value=value)) from error


class GermanTextWidget(widgets.CharWidget):
    """Text with LF line breaks and no trailing spaces, as the forms save it (``normalise_text``)."""

    def clean(self, value, row=None, **kwargs):
        return normalise_text(super().clean(value, row, **kwargs))


class GermanDecimalWidget(widgets.DecimalWidget):
    def clean(self, value, row=None, **kwargs):
        return parse_decimal(value)

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        return value if kwargs.get("force_native_type") else number_format(value)


class GermanIntegerWidget(widgets.IntegerWidget):
    def clean(self, value, row=None, **kwargs):
        try:
            number = parse_decimal(value)
        except ValueError:
            number = Decimal("0.5")  # reported below, as for any other non-integer
        if number is None:
            return None
        if number != number.to_integral_value() or abs(number) > 10**12:
            raise ValueError(_("„{value}“ ist keine ganze Zahl.").format(value=value))
        return int(number)

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        return value if kwargs.get("force_native_type") else str(value)


class GermanBooleanWidget(widgets.BooleanWidget):
    """``Ja``/``Nein`` (also WAHR/FALSCH, x, 1/0); an empty cell is ``Nein``."""

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, bool):
            return value
        if isinstance(value, int | float):
            value = str(int(value))
        word = str(value or "").strip().lower()
        if word in TRUE_WORDS:
            return True
        if word in FALSE_WORDS:
            return False
        raise ValueError(_("„{value}“ ist weder „Ja“ noch „Nein“.").format(value=value))

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        return _("Ja") if value else _("Nein")


class GermanChoiceWidget(widgets.Widget):
    """A choice by its German label (its key is accepted too)."""

    def __init__(self, choices):
        super().__init__()
        self.choices = [(str(key), str(label)) for key, label in choices]

    def clean(self, value, row=None, **kwargs):
        text = str(value or "").strip().lower()
        if not text:
            return None
        for key, label in self.choices:
            if text in {key.lower(), label.lower()}:
                return key
        raise ValueError(
            _("„{value}“ ist nicht vorgesehen. Möglich: {labels}").format(
                value=value, labels="; ".join(label for _key, label in self.choices)
            )
        )

    def render(self, value, obj=None, **kwargs):
        return dict(self.choices).get(str(value), "" if value is None else str(value))


def _parse_moment(value, formats: list[str]) -> datetime.datetime | None:
    text = str(value).strip()
    for pattern in formats:
        try:
            return datetime.datetime.strptime(text, pattern)
        except ValueError:
            continue
    return None


class GermanDateWidget(widgets.DateWidget):
    def clean(self, value, row=None, **kwargs):
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        if value is None or not str(value).strip():
            return None
        moment = _parse_moment(value, DATE_INPUT_FORMATS)
        if moment is None:
            raise ValueError(_("„{value}“ ist kein Datum. Bitte schreiben Sie z. B. 31.12.2025.").format(value=value))
        return moment.date()

    def render(self, value, obj=None, **kwargs):
        if not isinstance(value, datetime.date):
            return ""
        return value if kwargs.get("force_native_type") else value.strftime(DATE_FORMAT)


class GermanDateTimeWidget(widgets.DateTimeWidget):
    def clean(self, value, row=None, **kwargs):
        if value is None or not str(value).strip():
            return None
        moment = value if isinstance(value, datetime.datetime) else _parse_moment(value, DATETIME_INPUT_FORMATS)
        if moment is None:
            raise ValueError(
                _("„{value}“ ist kein Zeitpunkt. Bitte schreiben Sie z. B. 31.12.2025 14:30.").format(value=value)
            )
        return timezone.make_aware(moment) if timezone.is_naive(moment) else moment

    def render(self, value, obj=None, **kwargs):
        if not isinstance(value, datetime.datetime):
            return ""
        local = timezone.localtime(value).replace(tzinfo=None)
        return local if kwargs.get("force_native_type") else local.strftime(DATETIME_FORMAT)


GERMAN_WIDGETS = {
    "CharField": GermanTextWidget,
    "TextField": GermanTextWidget,
    "EmailField": GermanTextWidget,
    "URLField": GermanTextWidget,
    "SlugField": GermanTextWidget,
    "DecimalField": GermanDecimalWidget,
    "FloatField": GermanDecimalWidget,
    "IntegerField": GermanIntegerWidget,
    "PositiveIntegerField": GermanIntegerWidget,
    "PositiveSmallIntegerField": GermanIntegerWidget,
    "SmallIntegerField": GermanIntegerWidget,
    "BigIntegerField": GermanIntegerWidget,
    "BooleanField": GermanBooleanWidget,
    "DateField": GermanDateWidget,
    "DateTimeField": GermanDateTimeWidget,
}


# Import templates --------------------------------------------------------------------------------

TEMPLATE_CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def template_csv(headers: list[str], example: list) -> bytes:
    """An import template as German Excel saves CSV: ``;``, CRLF, UTF-8 with byte order mark."""
    buffer = io.StringIO(newline="")
    table = writer(buffer, delimiter=CSV_DELIMITER, lineterminator="\r\n")
    table.writerow(headers)
    table.writerow(example)
    return (BOM + buffer.getvalue()).encode("utf-8")


def template_xlsx(
    *, title: str, headers: list[str], example: list, explanations: list[tuple[str, str, str]], notes: list[str]
) -> bytes:
    """An import template with the columns and an example row on the first sheet, and a second sheet
    "Erläuterungen" that explains each column and how lists and CSV files are written."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title[:31]
    sheet.append([neutralise_formula(cell) for cell in headers])
    sheet.append([neutralise_formula(cell) for cell in example])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for column in sheet.columns:
        sheet.column_dimensions[column[0].column_letter].width = 24
    guide = workbook.create_sheet(_("Erläuterungen"))
    for note in notes:
        guide.append([neutralise_formula(note)])
    guide.append([])
    guide.append([_("Spalte"), _("Pflicht"), _("Inhalt")])
    for cell in guide[guide.max_row]:
        cell.font = Font(bold=True)
    for row in explanations:
        guide.append([neutralise_formula(str(cell)) for cell in row])
    guide.column_dimensions["A"].width = 30
    guide.column_dimensions["B"].width = 10
    guide.column_dimensions["C"].width = 100
    for row in guide.iter_rows():
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()

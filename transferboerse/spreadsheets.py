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
  pass every exported cell, header included, through it; importing is not changed by them.
"""

import csv
import re

import tablib
from django.utils.functional import Promise
from import_export.formats.base_formats import CSV, XLSX

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


class SafeCSV(CSV):
    def export_data(self, dataset, **kwargs):
        return super().export_data(neutralised_dataset(dataset), **kwargs)


class SafeXLSX(XLSX):
    def export_data(self, dataset, **kwargs):
        return super().export_data(neutralised_dataset(dataset), **kwargs)

"""CSV files people open in a spreadsheet: a cell that starts like a formula (`=HYPERLINK(…)`,
`@SUM(…)`, `-2+3+cmd|…`, `+…`, or with a tab or carriage return) is run by Excel or LibreOffice
when the file is opened. Text that comes from the public (search queries) or from imports
(agency names) is written with a leading apostrophe instead, which spreadsheets show as text.
Numbers stay numbers."""

import csv

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class SafeWriter:
    """csv.writer whose text cells are never formulas."""

    def __init__(self, out, **options):
        self._writer = csv.writer(out, **options)

    def writerow(self, row):
        return self._writer.writerow([safe_cell(value) for value in row])

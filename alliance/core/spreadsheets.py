"""Cells of the CSV files people open in a spreadsheet."""

# A cell starting with one of these runs as a formula in a spreadsheet: a leading apostrophe keeps it text.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value: object) -> str:
    """The value as text a spreadsheet shows and never runs: empty for None, ISO 8601 for dates and times."""
    text = "" if value is None else value.isoformat() if hasattr(value, "isoformat") else str(value)
    return f"'{text}" if text.startswith(FORMULA_PREFIXES) else text

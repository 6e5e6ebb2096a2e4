"""The 24 official languages of the European Union, the languages of the site."""

# Names are given in the language itself: a visitor looks for their own language by its own name.
EU_LANGUAGES: tuple[tuple[str, str], ...] = (
    ("bg", "български"),
    ("cs", "čeština"),
    ("da", "dansk"),
    ("de", "Deutsch"),
    ("el", "ελληνικά"),
    ("en", "English"),
    ("es", "español"),
    ("et", "eesti"),
    ("fi", "suomi"),
    ("fr", "français"),
    ("ga", "Gaeilge"),
    ("hr", "hrvatski"),
    ("hu", "magyar"),
    ("it", "italiano"),
    ("lt", "lietuvių"),
    ("lv", "latviešu"),
    ("mt", "Malti"),
    ("nl", "Nederlands"),
    ("pl", "polski"),
    ("pt", "português"),
    ("ro", "română"),
    ("sk", "slovenčina"),
    ("sl", "slovenščina"),
    ("sv", "svenska"),
)

LANGUAGE_CODES: tuple[str, ...] = tuple(code for code, _ in EU_LANGUAGES)

NATIVE_NAMES: dict[str, str] = dict(EU_LANGUAGES)

# Django ships no locale information for Maltese; the rest comes from Django itself.
EXTRA_LANG_INFO = {
    "mt": {"bidi": False, "code": "mt", "name": "Maltese", "name_local": "Malti"},
}

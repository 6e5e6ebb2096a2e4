"""Every interface string is translated into every EU language: no gap, no fuzzy guess, no English copy."""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings

from alliance.core.languages import LANGUAGE_CODES

LOCALE = Path(settings.LOCALE_PATHS[0])
TRANSLATED_LANGUAGES = [code for code in LANGUAGE_CODES if code != settings.LANGUAGE_CODE]
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")


def catalogue(code: str) -> polib.POFile:
    path = LOCALE / code / "LC_MESSAGES" / "django.po"
    assert path.exists(), f"{path} is missing"
    return polib.pofile(str(path))


@pytest.mark.parametrize("code", TRANSLATED_LANGUAGES)
def test_catalogue_has_no_untranslated_or_fuzzy_entry(code):
    po = catalogue(code)

    assert [entry.msgid for entry in po.untranslated_entries()] == []
    assert [entry.msgid for entry in po.fuzzy_entries()] == []
    assert not po.metadata_is_fuzzy, "the catalogue header is still marked fuzzy"


@pytest.mark.parametrize("code", TRANSLATED_LANGUAGES)
def test_catalogue_is_not_english_copied(code):
    po = catalogue(code)
    # A single word can be the same in two languages ("Logo", "Video"); a sentence cannot. Placeholders
    # are not words: "%(name)s: %(kind)s" may well stay as it is.
    copied_sentences = [
        entry.msgid
        for entry in po.translated_entries()
        if entry.msgstr == entry.msgid and len(PLACEHOLDER.sub("", entry.msgid).split()) > 2
    ]
    copied_words = [entry.msgid for entry in po.translated_entries() if entry.msgstr == entry.msgid]

    assert copied_sentences == []
    assert len(copied_words) <= len(po) // 10, f"too many entries identical to English: {copied_words}"


@pytest.mark.parametrize("code", TRANSLATED_LANGUAGES)
def test_translations_keep_every_placeholder(code):
    for entry in catalogue(code).translated_entries():
        # The singular may leave out the number the plural gives ("The page" / "The %(limit)s pages").
        expected = sorted(set(PLACEHOLDER.findall(entry.msgid)) | set(PLACEHOLDER.findall(entry.msgid_plural)))
        translations = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        for translation in translations:
            # A plural form for exactly one may spell the number out instead of using %(counter)s.
            found = sorted(PLACEHOLDER.findall(translation))
            assert set(found) <= set(expected), (entry.msgid, translation)
            if not entry.msgid_plural:
                assert found == expected, (entry.msgid, translation)


def test_every_site_language_has_a_catalogue():
    assert sorted(path.name for path in LOCALE.iterdir() if path.is_dir()) == sorted(TRANSLATED_LANGUAGES)

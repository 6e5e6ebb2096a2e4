import json
import re

import pytest
from django.utils import translation
from django.utils.translation import gettext

from alliance.content.models import LibraryDocument, StoryPage
from alliance.demo.loader import DATA as DEMO_DATA

pytestmark = pytest.mark.django_db

PAGES = {
    "home": ("/{lang}/", "content/home_page.html"),
    "statement": ("/{lang}/statement/", "content/statement_page.html"),
    "statement version": ("/{lang}/statement/statement-of-principles/", "content/statement_page.html"),
    "petition": ("/{lang}/petition/", "content/petition_page.html"),
    "about": ("/{lang}/about/", "content/about_page.html"),
    "stories": ("/{lang}/see-it/", "content/story_index_page.html"),
    "story": ("/{lang}/see-it/solar-roofs-for-schools/", "content/story_page.html"),
    "library": ("/{lang}/library/", "content/library_page.html"),
    "materials": ("/{lang}/materials/", "content/materials_page.html"),
    "take action": ("/{lang}/take-action/", "content/take_action_page.html"),
    "privacy": ("/{lang}/privacy/", "content/standard_page.html"),
}


@pytest.mark.parametrize("lang", ["en", "fr", "pl", "ga"])
@pytest.mark.parametrize("page", PAGES)
def test_every_page_type_renders_with_navigation_in_the_visitors_language(client, page, lang):
    url, template = PAGES[page]

    response = client.get(url.format(lang=lang))

    assert response.status_code == 200
    assert template in [t.name for t in response.templates]
    content = response.content.decode()
    assert f'<html lang="{lang}">' in content
    with translation.override(lang):
        for label in ("About", "Join us", "Petition", "See it", "Take action", "Library", "Materials"):
            assert f">{gettext(label)}</a>" in content


@pytest.mark.parametrize("lang", ["fr", "pl", "ga"])
def test_navigation_labels_are_really_translated(lang):
    with translation.override(lang):
        assert gettext("About") != "About"
        assert gettext("Take action") != "Take action"


def test_home_page_shows_translation_and_real_zero_counters(client):
    content = client.get("/fr/").content.decode()

    assert "La politique de cohésion" in content
    assert re.search(r'data-counter="statement-of-principles"[^>]*>\s*0\s*<', content)
    assert re.search(r'data-counter="petition"[^>]*>\s*0\s*<', content)
    assert "shown in English" not in content


def test_untranslated_page_is_shown_in_english_and_marked_as_such(client):
    response = client.get("/pl/about/")

    content = response.content.decode()
    assert "About the alliance" in content
    with translation.override("pl"):
        notice = gettext("This page has not been translated into your language yet, so it is shown in English.")
    assert notice in content


def test_about_page_shows_the_2020_figures_as_history(client):
    content = client.get("/en/about/").content.decode()

    assert "October 2017" in content
    assert "July 2020" in content
    assert "500+" in content
    assert "13,000+" in content


def test_statement_page_shows_declaration_2_0_with_its_five_demands_and_four_themes(client):
    content = client.get("/en/statement/").content.decode()

    assert "Declaration 2.0" in content
    assert content.count('class="theme theme--') == 4
    demands = content.split("Our five demands:")[1].split("</ol>")[0]
    assert demands.count("<li>") == 5
    assert "The COVID-19 crisis has shown" in content


def test_statement_page_offers_the_pdf_in_all_24_languages(client):
    content = client.get("/fr/statement/").content.decode()

    assert content.count('type="application/pdf"') == 24
    assert 'href="/ga/statements/declaration-2-0.pdf"' in content
    french = json.loads((DEMO_DATA / "statements" / "fr.json").read_text(encoding="utf-8"))
    assert french["declaration"]["title"] in content
    assert french["declaration"]["body"][0]["value"].replace("'", "&#x27;") in content


def test_older_statement_version_has_its_own_address(client):
    content = client.get("/en/statement/statement-of-principles/").content.decode()

    assert "Statement of principles" in content
    assert "available to every region in the European Union" in content


def test_unknown_statement_version_is_not_found(client):
    assert client.get("/en/statement/no-such-version/").status_code == 404


def test_story_shows_the_person_the_politician_and_the_region(client):
    content = client.get("/en/see-it/training-that-opens-doors/").content.decode()

    assert "Marek Nowicki" in content
    assert "Katarzyna Lis" in content
    assert "Podlaskie (PL84)" in content
    assert "Poland" in content


def test_stories_can_be_filtered_by_country_and_theme(client):
    greener = client.get("/en/see-it/", {"theme": "greener"}).content.decode()
    greek = client.get("/en/see-it/", {"country": "GR"}).content.decode()

    assert "Solar roofs keep village schools open" in greener
    assert "Clean buses for a port city" in greener
    assert "Training that opens doors to work" not in greener
    assert "Clean buses for a port city" in greek
    assert "Solar roofs keep village schools open" not in greek
    assert StoryPage.objects.filter(country="GR").count() == 1


def test_library_can_be_searched_and_filtered(client):
    found = client.get("/en/library/", {"q": "recovery"}).content.decode()
    french = client.get("/en/library/", {"language": "fr"}).content.decode()
    studies = client.get("/en/library/", {"kind": "study"}).content.decode()

    assert "Cohesion policy and the recovery from COVID-19" in found
    assert "Multilevel governance in practice" not in found
    assert "Politique de cohésion : l&#x27;avis des régions" in french
    assert "Kohäsionspolitik für alle Regionen" not in french
    assert studies.count('class="document"') == LibraryDocument.objects.filter(kind="study").count() == 2


def test_materials_show_banners_in_every_language_with_size_and_format(client):
    content = client.get("/en/materials/").content.decode()

    assert content.count("728 × 90 px") == 24
    assert content.count("160 × 600 px") == 24
    assert "PNG" in content
    assert "SVG" in content
    assert "PDF, A4" in content


def test_materials_can_be_narrowed_to_one_language(client):
    content = client.get("/en/materials/", {"language": "mt"}).content.decode()

    assert content.count("× 90 px") == 1
    assert "Malti" in content


def test_unknown_page_gets_a_translated_not_found_page(client):
    response = client.get("/fr/no-such-page/")

    assert response.status_code == 404
    with translation.override("fr"):
        assert gettext("Page not found") in response.content.decode()


@pytest.mark.parametrize("page", PAGES)
def test_page_needs_a_bounded_number_of_queries(client, page, django_assert_max_num_queries):
    url = PAGES[page][0].format(lang="fr")
    client.get(url)  # the first visit fills the per-process caches (site root paths, content types)

    with django_assert_max_num_queries(45):
        assert client.get(url).status_code == 200

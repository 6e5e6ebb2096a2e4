import re

import pytest

from alliance.core.languages import LANGUAGE_CODES

pytestmark = pytest.mark.django_db


def switcher_links(content: str) -> dict[str, str]:
    switcher = content.split('class="language-switcher"')[1].split("</nav>")[0]
    return {code: url for url, code in re.findall(r'href="([^"]+)"\s+hreflang="(\w+)"', switcher)}


def test_switcher_offers_all_24_languages_by_their_own_names(client):
    content = client.get("/en/").content.decode()

    links = switcher_links(content)
    assert sorted(links) == sorted(LANGUAGE_CODES)
    assert ">Gaeilge</a>" in content
    assert ">Malti</a>" in content
    assert ">ελληνικά</a>" in content


def test_switcher_keeps_the_visitor_on_the_same_page(client):
    links = switcher_links(client.get("/en/see-it/solar-roofs-for-schools/").content.decode())

    assert links["fr"] == "/fr/see-it/solar-roofs-for-schools/"
    assert links["ga"] == "/ga/see-it/solar-roofs-for-schools/"
    for code, url in links.items():
        assert client.get(url).status_code == 200, code


def test_switcher_links_to_the_translation_of_a_translated_page(client):
    links = switcher_links(client.get("/pl/").content.decode())

    assert links["fr"] == "/fr/"
    assert "La politique de cohésion" in client.get(links["fr"]).content.decode()


def test_switcher_keeps_the_statement_version_being_read(client):
    links = switcher_links(client.get("/en/statement/statement-of-principles/").content.decode())

    assert links["de"] == "/de/statement/statement-of-principles/"


def test_root_address_redirects_to_the_browsers_language(client):
    response = client.get("/", headers={"accept-language": "pl,en;q=0.5"})

    assert response.status_code == 302
    assert response["Location"] == "/pl/"


def test_current_language_is_marked_in_the_switcher(client):
    content = client.get("/ga/about/").content.decode()

    assert re.search(r'hreflang="ga"\s+lang="ga"\s+aria-current="true">Gaeilge</a>', content)
    assert len(re.findall(r'aria-current="true"', content)) == 1

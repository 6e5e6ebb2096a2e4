"""Every page type passes axe-core's WCAG 2.1 A and AA rules and loads nothing from another host."""

from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
PAGES = [
    "/en/",
    "/fr/statement/",
    "/pl/about/",
    "/ga/see-it/",
    "/en/see-it/a-bridge-between-two-towns/",
    "/de/library/",
    "/mt/materials/",
    "/el/take-action/",
    "/bg/privacy/",
]


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 900}, {"width": 375, "height": 740}])
def test_every_page_type_meets_wcag_21_aa_and_stays_on_our_host(browser, site, viewport):
    page = browser.new_page(viewport=viewport)
    requested_hosts: set[str] = set()
    page.on("request", lambda request: requested_hosts.add(urlsplit(request.url).netloc))
    axe = Axe()

    for path in PAGES:
        response = page.goto(site.url + path)
        assert response is not None
        assert response.status == 200, path
        results = axe.run(page, options=WCAG_21_AA)
        assert results.violations_count == 0, f"{path}:\n{results.generate_report()}"

    assert requested_hosts == {urlsplit(site.url).netloc}
    page.close()

import json

from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from alliance.demo.loader import DATA as DEMO_DATA

FRENCH = json.loads((DEMO_DATA / "statements" / "fr.json").read_text(encoding="utf-8"))


def test_visitor_switches_to_french_and_downloads_the_statement_pdf(browser, site, artifacts):
    with translation.override("fr"):
        main_navigation, join_us, download_as_pdf = gettext("Main"), gettext("Join us"), gettext("Download as PDF")
    page = browser.new_page(locale="en-GB", accept_downloads=True)

    page.goto(site.url + "/")
    expect(page).to_have_url(site.url + "/en/")
    expect(page.locator("html")).to_have_attribute("lang", "en")

    switcher = page.get_by_role("navigation", name="Language")
    switcher.locator("summary").click()  # the switcher at the top right opens
    switcher.get_by_role("link", name="français").click()
    expect(page).to_have_url(site.url + "/fr/")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.get_by_role("heading", level=1)).to_contain_text("La politique de cohésion")
    page.screenshot(path=artifacts / "home-fr.png", full_page=True)

    page.get_by_role("navigation", name=main_navigation).get_by_role("link", name=join_us).click()
    expect(page).to_have_url(site.url + "/fr/statement/")
    expect(page.get_by_role("heading", level=1)).to_have_text(FRENCH["declaration"]["title"])

    with page.expect_download() as download_info:
        page.get_by_role("region", name=download_as_pdf).get_by_role("link", name="français").click()
    download = download_info.value
    assert download.suggested_filename == "cohesion-alliance-declaration-2-0-fr.pdf"
    assert download.path().read_bytes().startswith(b"%PDF-")
    page.close()

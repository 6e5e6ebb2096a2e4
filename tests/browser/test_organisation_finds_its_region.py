"""An organisation finds its NUTS-2 region by typing part of its name; without JavaScript the plain list stays."""

import re

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from alliance.regions.nuts import region_name
from alliance.signatures.models import Signature
from tests.browser.test_pages_are_accessible_and_self_hosted import WCAG_21_AA

PHONE = {"width": 375, "height": 740}
ILE_DE_FRANCE = f"{region_name('FR10')} (FR10)"
KOLN = f"{region_name('DEA2')} (DEA2)"


def fill_in_the_organisation(page: Page) -> None:
    signing = page.locator("#sign")
    signing.get_by_label("Contact name").fill("Claire Martin")
    signing.get_by_label("Contact e-mail address").fill("europe@iledefrance.example.eu")
    signing.get_by_label("Organisation", exact=True).fill("Région Île-de-France")
    signing.get_by_label("Kind of organisation").select_option("regional-authority")


def test_organisation_types_part_of_its_region_and_picks_it_with_the_keyboard(browser, site, artifacts):
    page = browser.new_page(viewport=PHONE)
    page.goto(site.url + "/en/statement/")
    signing = page.locator("#sign")
    fill_in_the_organisation(page)
    region = signing.get_by_role("combobox", name="Region")
    suggestions = signing.get_by_role("listbox", name="Region")
    announcement = signing.get_by_role("status")

    region.fill("koln")
    expect(suggestions.get_by_role("option", name=KOLN)).to_be_visible()
    expect(suggestions.get_by_role("group", name="Germany")).to_be_visible()

    signing.get_by_label("Country").select_option("FR")
    region.fill("koln")
    expect(suggestions.get_by_role("option")).to_have_count(0)
    expect(announcement).to_have_text("No region found")

    region.fill("ile de")
    expect(suggestions.get_by_role("option", name=ILE_DE_FRANCE)).to_be_visible()
    expect(announcement).to_have_text("One region found")
    region.press("ArrowDown")
    expect(region).to_have_attribute("aria-activedescendant", re.compile("FR10$"))
    page.screenshot(path=artifacts / "region-picker-phone.png")
    region.press("Enter")

    expect(region).to_have_value(ILE_DE_FRANCE)
    expect(region).to_have_attribute("aria-expanded", "false")
    expect(suggestions).to_be_hidden()
    expect(signing.locator('select[name="region"]')).to_have_value("FR10")

    signing.get_by_label("I have read the privacy notice and agree that my signature is stored to be counted.").check()
    signing.get_by_role("button", name="Sign the statement").click()
    expect(page).to_have_url(re.compile(re.escape(site.url + "/en/statement/thanks/") + "(#sign)?$"))
    assert Signature.objects.get().region == "FR10"
    page.close()


def test_chosen_region_shows_again_after_an_error_and_emptying_the_box_drops_it(browser, site):
    page = browser.new_page()
    page.goto(site.url + "/en/statement/")
    signing = page.locator("#sign")
    fill_in_the_organisation(page)
    signing.get_by_role("combobox", name="Region").fill("ile de")
    signing.get_by_role("combobox", name="Region").press("Enter")
    signing.get_by_role("button", name="Sign the statement").click()  # without accepting the privacy notice

    expect(signing.get_by_role("alert")).to_contain_text("privacy notice")
    region = signing.get_by_role("combobox", name="Region")
    expect(region).to_have_value(ILE_DE_FRANCE)
    expect(signing.locator('select[name="region"]')).to_have_value("FR10")
    region.fill("")
    expect(signing.locator('select[name="region"]')).to_have_value("")
    page.close()


def test_open_region_picker_meets_wcag_21_aa(browser, site):
    page = browser.new_page(viewport=PHONE)
    page.goto(site.url + "/en/statement/")
    region = page.locator("#sign").get_by_role("combobox", name="Region")

    region.fill("ber")
    region.press("ArrowDown")
    expect(region).to_have_attribute("aria-expanded", "true")

    results = Axe().run(page, options=WCAG_21_AA)
    assert results.violations_count == 0, results.generate_report()
    page.close()


def test_without_javascript_the_region_is_a_plain_list(browser, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site.url + "/en/statement/")
    region = page.locator("#sign").get_by_label("Region")

    expect(region).to_be_visible()
    expect(region.locator("optgroup", has_text=ILE_DE_FRANCE)).to_have_attribute("label", "France")
    region.select_option(label=ILE_DE_FRANCE)

    expect(region).to_have_value("FR10")
    expect(page.get_by_role("listbox", name="Region")).to_have_count(0)
    context.close()

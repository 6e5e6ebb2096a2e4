"""A visitor explores the supporter map: a region's counts, its partners and the two layers, on one page."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Locator, Page, expect

from alliance.campaigns.models import Campaign
from alliance.partners.services import verify_partner
from alliance.regions.tests.test_load_regions import SHARED_NUTS, load
from alliance.signatures.models import Signature
from alliance.signatures.services import SignatureInput, confirm_signature, sign_campaign
from tests.browser.test_pages_are_accessible_and_self_hosted import WCAG_21_AA

# By its path, not its address: the address names the layer shown.
PODLASKIE = 'svg.supporter-map a:has(path[data-nuts="PL84"])'
REGIONAL_AUTHORITY_BLUE = "rgb(29, 79, 145)"
ONE_TO_NINE_SUPPORTERS_GREEN = "rgb(214, 239, 230)"
PHONE = {"width": 375, "height": 740}


def sign_in_podlaskie(*, people: int) -> None:
    campaign = Campaign.objects.get(slug="statement-of-principles")
    signature = sign_campaign(
        campaign=campaign,
        data=SignatureInput(
            kind=Signature.Kind.ORGANISATION,
            name="Anna Nowak",
            email="europa@wrotamazowsza.example.eu",
            country="PL",
            language="pl",
            region="PL84",
            organisation_name="Województwo Podlaskie",
            organisation_kind=Signature.OrganisationKind.REGIONAL_AUTHORITY,
            website="https://www.wrotapodlasia.pl/",
        ),
    )
    confirm_signature(signature=signature)
    verify_partner(signature=signature, user=None)
    for number in range(people):
        person = SignatureInput(
            kind=Signature.Kind.INDIVIDUAL,
            name=f"Person {number}",
            email=f"person-{number}@example.org",
            country="PL",
            language="pl",
            region="PL84",
        )
        confirm_signature(signature=sign_campaign(campaign=campaign, data=person))


def count_in(details: Locator, label: str) -> Locator:
    return details.locator("dt", has_text=label).locator("xpath=following-sibling::dd[1]")


def assert_accessible(page: Page) -> None:
    results = Axe().run(page, options=WCAG_21_AA)
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.skipif(not SHARED_NUTS.is_dir(), reason="the shared NUTS files are not beside this work tree")
def test_visitor_explores_regions_and_layers_without_reloading_the_map(browser, site, artifacts):
    load("--source", str(SHARED_NUTS))
    sign_in_podlaskie(people=3)
    page = browser.new_page(viewport={"width": 1280, "height": 1000})

    page.goto(site.url + "/en/map/")
    region = page.locator(PODLASKIE)
    expect(region.locator("path")).to_have_attribute("data-kind", "region")
    page.screenshot(path=str(artifacts / "map-en.png"), full_page=True)
    assert_accessible(page)
    page.evaluate("window.__marker = 1")

    region.hover()
    details = page.get_by_role("tooltip")
    expect(details.locator(".map-details__name")).to_have_text("Podlaskie")
    expect(details.locator(".map-details__country")).to_have_text("Poland")
    expect(count_in(details, "Regional authority")).to_have_text("1")
    expect(count_in(details, "Individual supporters")).to_have_text("3")
    page.mouse.move(0, 0)
    expect(details).to_be_hidden()

    region.click()

    expect(page).to_have_url(site.url + "/en/map/PL84/")
    panel = page.get_by_role("region", name="Podlaskie")
    expect(panel.get_by_role("heading", name="Podlaskie")).to_be_focused()
    expect(panel.get_by_text("Województwo Podlaskie")).to_be_visible()
    expect(panel.get_by_text("Regional authority")).to_be_visible()
    expect(panel.get_by_role("link", name="All partners in Podlaskie")).to_have_attribute(
        "href", "/en/partners/?region=PL84"
    )
    expect(region).to_have_attribute("aria-current", "page")
    expect(page.locator('tr[data-region="PL84"]')).to_have_class("is-selected")
    expect(page).to_have_title("Podlaskie · Supporter map · #CohesionAlliance")
    assert page.evaluate("window.__marker") == 1
    region.hover()
    expect(details).to_be_visible()
    assert_accessible(page)

    page.go_back()

    expect(page).to_have_url(site.url + "/en/map/")
    expect(page.locator(".map-panel")).to_have_count(0)
    expect(region).not_to_have_attribute("aria-current", "page")

    layers = page.get_by_role("navigation", name="What the map shows")
    layers.get_by_role("link", name="Individual supporters").focus()
    page.keyboard.press("Tab")
    focused = page.locator("svg.supporter-map a:focus")
    expect(focused).to_have_attribute("aria-describedby", "map-details")
    code = focused.locator("path").get_attribute("data-nuts")
    name = page.locator(f'tr[data-region="{code}"] th a').inner_text()
    expect(details.locator(".map-details__name")).to_have_text(name)
    page.keyboard.press("Escape")
    expect(details).to_be_hidden()
    page.keyboard.press("Enter")

    expect(page).to_have_url(f"{site.url}/en/map/{code}/")
    expect(page.get_by_role("heading", name=name, level=2)).to_be_focused()
    assert page.evaluate("window.__marker") == 1

    podlaskie = region.locator("path")
    expect(podlaskie).to_have_css("fill", REGIONAL_AUTHORITY_BLUE)
    layers.get_by_role("link", name="Individual supporters").click()

    expect(page).to_have_url(f"{site.url}/en/map/{code}/?layer=supporters")
    expect(podlaskie).to_have_css("fill", ONE_TO_NINE_SUPPORTERS_GREEN)
    expect(page.locator('ul.map-legend[data-legend="supporters"]')).to_be_visible()
    expect(page.locator('ul.map-legend[data-legend="kinds"]')).to_be_hidden()
    expect(page.get_by_role("link", name="PNG")).to_have_attribute("href", "/en/map.png?layer=supporters")
    assert page.evaluate("window.__marker") == 1
    page.close()

    phone = browser.new_page(viewport=PHONE)
    phone.goto(site.url + "/en/map/")
    # Cyprus lies at the map's right edge, where a box beside the pointer would run off the screen.
    phone.locator('svg.supporter-map [data-nuts="CY00"]').hover()
    box = phone.get_by_role("tooltip").bounding_box()
    assert box is not None
    assert 0 <= box["x"] <= PHONE["width"] - box["width"]
    assert 0 <= box["y"] <= PHONE["height"] - box["height"]
    phone.close()

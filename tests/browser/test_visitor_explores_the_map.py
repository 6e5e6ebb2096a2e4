"""A visitor opens the supporter map, clicks a region and sees who supports the alliance there."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from alliance.campaigns.models import Campaign
from alliance.partners.services import verify_partner
from alliance.regions.tests.test_load_regions import SHARED_NUTS, load
from alliance.signatures.models import Signature
from alliance.signatures.services import SignatureInput, confirm_signature, sign_campaign
from tests.browser.test_pages_are_accessible_and_self_hosted import WCAG_21_AA


@pytest.mark.skipif(not SHARED_NUTS.is_dir(), reason="the shared NUTS files are not beside this work tree")
def test_visitor_clicks_a_region_and_sees_its_partner(browser, site, artifacts):
    load("--source", str(SHARED_NUTS))
    signature = sign_campaign(
        campaign=Campaign.objects.get(slug="statement-of-principles"),
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
    page = browser.new_page(viewport={"width": 1280, "height": 1000})

    page.goto(site.url + "/en/map/")
    region = page.locator('svg.supporter-map a[href="/en/map/PL84/"]')
    expect(region.locator("path")).to_have_attribute("data-kind", "region")
    page.screenshot(path=str(artifacts / "map-en.png"), full_page=True)
    results = Axe().run(page, options=WCAG_21_AA)
    assert results.violations_count == 0, results.generate_report()

    region.click()

    expect(page).to_have_url(site.url + "/en/map/PL84/")
    panel = page.get_by_role("region", name="Podlaskie")
    expect(panel.get_by_text("Województwo Podlaskie")).to_be_visible()
    expect(panel.get_by_text("Regional authority")).to_be_visible()
    expect(panel.get_by_role("link", name="All partners in Podlaskie")).to_have_attribute(
        "href", "/en/partners/?region=PL84"
    )
    results = Axe().run(page, options=WCAG_21_AA)
    assert results.violations_count == 0, results.generate_report()
    page.close()

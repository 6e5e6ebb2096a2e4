import csv

from django.contrib.auth.models import Group, User
from playwright.sync_api import expect

from alliance.campaigns.models import Campaign
from alliance.core.roles import ADMINISTRATORS
from alliance.signatures.models import Signature
from alliance.signatures.services import SignatureInput, sign_campaign

PASSWORD = "a-long-password-for-tests"
SIGNATURES = 60


def test_administrator_exports_signatures_watching_the_progress_and_is_told_when_it_fails(browser, site, artifacts):
    petition = Campaign.objects.get(slug="petition")
    emails = {f"person{number}@example.org" for number in range(SIGNATURES)}
    for email in emails:
        data = SignatureInput(kind=Signature.Kind.INDIVIDUAL, name="Anna", email=email, country="DE", language="en")
        sign_campaign(campaign=petition, data=data)
    administrator = User.objects.create_user(username="administrator", password=PASSWORD)
    administrator.groups.add(Group.objects.get(name=ADMINISTRATORS))
    page = browser.new_page(accept_downloads=True)

    page.goto(site.url + "/admin/login/")
    page.get_by_label("Username").fill("administrator")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(site.url + "/admin/")
    page.goto(site.url + "/admin/signatures/export/")
    page.get_by_label("Campaign*", exact=True).select_option(label=petition.title)
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download CSV").click()
    download = download_info.value

    expect(page.locator("[data-export-status]")).to_have_text(
        f"{SIGNATURES} of {SIGNATURES} rows: export complete, your browser saves the file."
    )
    progress = page.get_by_label("Export progress")
    expect(progress).to_have_js_property("value", SIGNATURES)
    expect(progress).to_have_js_property("max", SIGNATURES)
    page.screenshot(path=artifacts / "admin-export-progress.png", full_page=True)
    assert download.suggested_filename.startswith("signatures-petition-")
    with open(download.path(), encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    assert {row["email"] for row in rows} == emails
    assert len(rows) == SIGNATURES

    error = page.locator("[data-export-error]")
    page.route(lambda url: "download=1" in url, lambda route: route.abort())
    page.get_by_role("button", name="Download CSV").click()
    expect(error).to_have_text("The export failed. Check your connection and try again.")
    page.unroute_all()
    page.context.clear_cookies()
    page.get_by_role("button", name="Download CSV").click()
    expect(error).to_contain_text("The export was refused.")
    page.close()

"""An organisation signs with its logo, staff verify it, and it joins the public partner list."""

import io
import re

from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth.models import Group, User
from PIL import Image
from playwright.sync_api import expect

from alliance.core.roles import MODERATORS, ensure_roles
from alliance.demo.loader import load_demo
from alliance.signatures.models import Signature
from alliance.signatures.services import confirm_signature
from tests.browser.test_pages_are_accessible_and_self_hosted import WCAG_21_AA

PASSWORD = "a-long-password-for-tests"


def logo_png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (800, 400), (0, 51, 153)).save(buffer, format="PNG")
    return buffer.getvalue()


def test_region_signs_with_its_logo_and_is_listed_once_a_moderator_verifies_it(browser, site, artifacts):
    load_demo(with_partners=True)
    ensure_roles()  # an earlier browser test may have emptied the tables that migrate had filled
    moderator = User.objects.create_user(username="moderator", password=PASSWORD)
    moderator.groups.add(Group.objects.get(name=MODERATORS))
    page = browser.new_page()

    page.goto(site.url + "/en/statement/")
    signing = page.locator("#sign")
    signing.get_by_label("Contact name").fill("Claire Martin")
    signing.get_by_label("Contact e-mail address").fill("europe@region.example.eu")
    signing.get_by_label("Organisation", exact=True).fill("Région Exemple")
    signing.get_by_label("Kind of organisation").select_option("regional-authority")
    signing.get_by_label("Country").select_option("FR")
    signing.get_by_label("Logo (optional)").set_input_files(
        {"name": "logo.png", "mimeType": "image/png", "buffer": logo_png()}
    )
    signing.get_by_label("I have read the privacy notice and agree that my signature is stored to be counted.").check()
    signing.get_by_role("button", name="Sign the statement").click()
    expect(page).to_have_url(re.compile(re.escape(site.url + "/en/statement/thanks/") + "(#sign)?$"))
    signature = Signature.objects.get(organisation_name="Région Exemple")
    assert signature.logo
    confirm_signature(signature=signature)

    page.goto(site.url + "/en/partners/")
    expect(page.get_by_role("heading", name="Région Exemple")).to_have_count(0)

    page.goto(site.url + "/admin/login/")
    page.get_by_label("Username").fill("moderator")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.goto(site.url + "/admin/partners/")
    expect(page.get_by_role("img", name="Logo of Région Exemple")).to_be_visible()
    page.get_by_role("button", name="Verify Région Exemple").click()
    expect(page.get_by_text("Région Exemple is verified")).to_be_visible()
    page.screenshot(path=artifacts / "admin-partner-verification.png", full_page=True)

    page.goto(site.url + "/fr/partners/?kind=regional-authority")
    expect(page.get_by_role("heading", name="Région Exemple")).to_be_visible()
    expect(page.get_by_role("img", name="Région Exemple")).to_have_attribute("width", "64")
    page.screenshot(path=artifacts / "partner-list.png", full_page=True)
    results = Axe().run(page, options=WCAG_21_AA)
    assert results.violations_count == 0, results.generate_report()
    page.close()


def test_partner_list_filters_without_javascript(browser, site):
    load_demo(with_partners=True)
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()

    page.goto(site.url + "/en/partners/")
    page.get_by_label("Country").select_option("IE")
    page.get_by_role("button", name="Show partners").click()

    expect(page).to_have_url(re.compile(r"country=IE"))
    expect(page.get_by_role("status")).to_have_text("1 partner")
    expect(page.get_by_role("heading", level=2, name="Atlantic Solar Crafts Ltd (demo)")).to_be_visible()
    context.close()

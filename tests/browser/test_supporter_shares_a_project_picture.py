"""A supporter sends a photo of a funded project, confirms it by e-mail, a moderator approves it, and it is shown."""

import email
import email.policy
import io
import re

from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth.models import Group, User
from django.test import override_settings
from PIL import Image
from playwright.sync_api import expect

from alliance.core.roles import MODERATORS
from tests.browser.test_pages_are_accessible_and_self_hosted import WCAG_21_AA

PASSWORD = "a-long-password-for-tests"


def photo_jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (1200, 800), (0, 120, 60)).save(buffer, format="JPEG", quality=85)
    return buffer.getvalue()


def test_supporter_shares_a_project_picture_that_a_moderator_approves(browser, site, tmp_path, artifacts):
    moderator = User.objects.create_user(username="moderator", password=PASSWORD)
    moderator.groups.add(Group.objects.get(name=MODERATORS))
    supporter = browser.new_page()
    file_mailbox = override_settings(
        EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
        EMAIL_FILE_PATH=str(tmp_path),
        SITE_URL=site.url,
    )

    with file_mailbox:
        supporter.goto(site.url + "/en/take-action/project-picture/")
        supporter.get_by_label("Your name").fill("Ana Kovač")
        supporter.get_by_label("E-mail address").fill("ana@example.org")
        supporter.get_by_label("Country").select_option("SI")
        supporter.get_by_label("Your photo").set_input_files(
            {"name": "tram.jpg", "mimeType": "image/jpeg", "buffer": photo_jpeg()}
        )
        supporter.get_by_label("Caption").fill("The new tram line in Maribor on its first day")
        supporter.get_by_label("Project name").fill("Maribor tram line")
        supporter.get_by_label("Fund", exact=True).select_option("erdf")
        supporter.get_by_label("I agree that what I send is published on this site").check()
        supporter.get_by_label("I have read the privacy notice").check()
        supporter.get_by_role("button", name=re.compile("Send")).click()
        expect(supporter.get_by_role("heading", level=1)).to_have_text("Check your inbox")

        (message_file,) = tmp_path.iterdir()
        message = email.message_from_bytes(message_file.read_bytes(), policy=email.policy.default)
        plain_text = message.get_body(("plain",))
        assert plain_text is not None
        confirm_link = re.search(r"http://\S+/take-action/confirm/\S+/", plain_text.get_content())
        assert confirm_link is not None, plain_text.get_content()
        supporter.goto(confirm_link.group(0))
        supporter.get_by_role("button", name="Confirm my submission").click()
        expect(supporter.get_by_role("heading", level=1)).to_have_text("Thank you: your submission is confirmed")

        supporter.goto(site.url + "/en/take-action/pictures/")
        expect(supporter.get_by_role("img", name="The new tram line in Maribor on its first day")).to_have_count(0)

        # Tall enough for the whole queue: the admin scrolls inside its own panel, beyond a full-page screenshot.
        staff = browser.new_page(viewport={"width": 1280, "height": 1600})
        staff.goto(site.url + "/admin/login/")
        staff.get_by_label("Username").fill("moderator")
        staff.get_by_label("Password").fill(PASSWORD)
        staff.get_by_role("button", name="Sign in").click()
        staff.goto(site.url + "/admin/moderation/")
        staff.screenshot(path=artifacts / "admin-moderation-queue.png")
        staff.get_by_role("link", name="Maribor tram line").click()
        expect(staff.get_by_role("img", name="The new tram line in Maribor on its first day")).to_be_visible()
        staff.screenshot(path=artifacts / "admin-moderation-item.png")
        staff.get_by_label("approved").check()
        staff.get_by_role("button", name="Decide and tell the author").click()
        staff.screenshot(path=artifacts / "admin-moderation-approved.png", full_page=True)
        staff.close()

    visitor = browser.new_context().new_page()
    visitor.goto(site.url + "/en/take-action/pictures/?fund=erdf")
    picture = visitor.get_by_role("img", name="The new tram line in Maribor on its first day")
    expect(picture).to_be_visible()
    assert visitor.evaluate("img => img.naturalWidth", picture.element_handle()) > 0
    results = Axe().run(visitor, options=WCAG_21_AA)
    assert results.violations_count == 0, results.generate_report()
    visitor.get_by_role("link", name="Maribor tram line").click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Maribor tram line")
    expect(visitor.get_by_role("link", name="Bluesky")).to_have_attribute("href", re.compile("%23CohesionAlliance"))
    visitor.screenshot(path=artifacts / "project-picture.png", full_page=True)
    results = Axe().run(visitor, options=WCAG_21_AA)
    assert results.violations_count == 0, results.generate_report()
    visitor.context.close()
    supporter.close()

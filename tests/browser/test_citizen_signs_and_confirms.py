import email
import email.policy
import re

from django.test import override_settings
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect


def german(message: str) -> str:
    with translation.override("de"):
        return gettext(message)


def test_citizen_signs_in_german_confirms_from_the_mailbox_and_is_counted(browser, site, tmp_path, artifacts):
    page = browser.new_page(locale="de-DE")
    file_mailbox = override_settings(
        EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
        EMAIL_FILE_PATH=str(tmp_path),
        SITE_URL=site.url,
    )

    with file_mailbox:
        page.goto(site.url + "/de/petition/")
        signing = page.locator("#sign")
        expect(signing.locator('[data-counter="confirmed"]')).to_have_text("0")
        signing.get_by_label(german("Your name")).fill("Anna Schmidt")
        signing.get_by_label(german("E-mail address")).fill("anna.schmidt@example.org")
        signing.get_by_label(german("Country")).select_option("DE")
        signing.get_by_label(german("Postal code (optional)")).fill("10115")
        signing.get_by_label(
            german("I have read the privacy notice and agree that my signature is stored to be counted.")
        ).check()
        signing.get_by_role("button", name=german("Sign the petition")).click()
        expect(page).to_have_url(re.compile(re.escape(site.url + "/de/petition/thanks/") + "(#sign)?$"))
        expect(page.get_by_role("status")).to_contain_text(german("Check your inbox"))
        page.screenshot(path=artifacts / "petition-thanks-de.png", full_page=True)

        (message_file,) = tmp_path.iterdir()
        message = email.message_from_bytes(message_file.read_bytes(), policy=email.policy.default)
        assert message["Subject"] == german("Please confirm your signature")
        plain_text = message.get_body(("plain",))
        assert plain_text is not None
        body = plain_text.get_content()
        confirm_link = re.search(r"http://\S+/de/signatures/confirm/\S+/", body)
        assert confirm_link is not None, body
        page.goto(confirm_link.group(0))
        page.get_by_role("button", name=german("Confirm my signature")).click()
        expect(page.get_by_role("heading", level=1)).to_have_text(german("Thank you: your signature counts"))

    page.goto(site.url + "/de/petition/")
    expect(page.locator('#sign [data-counter="confirmed"]')).to_have_text("1")
    page.close()

"""A partner's website carries the widget: a visitor signs inside it, confirms by e-mail, and is counted."""

import email
import email.policy
import functools
import re
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from django.test import override_settings
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from alliance.campaigns.models import Campaign
from alliance.signatures.models import Signature
from alliance.signatures.services import SignatureInput, confirm_signature, sign_campaign

PARTNER_HOST = "127.0.0.2"


def german(message: str) -> str:
    with translation.override("de"):
        return gettext(message)


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def partner_site(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A static website on another loopback address: its folder and its origin."""
    folder = tmp_path / "partner-site"
    folder.mkdir()
    server = ThreadingHTTPServer((PARTNER_HOST, 0), functools.partial(QuietHandler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield folder, f"http://{PARTNER_HOST}:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join()


def confirmed_partner() -> Signature:
    signature = sign_campaign(
        campaign=Campaign.objects.get(slug="statement-of-principles"),
        data=SignatureInput(
            kind=Signature.Kind.ORGANISATION,
            name="Jan Kowalski",
            email="office@podlaskie.example.eu",
            country="PL",
            language="pl",
            organisation_name="Podlaskie Cohesion Forum",
            organisation_kind=Signature.OrganisationKind.NGO,
        ),
    )
    confirm_signature(signature=signature)
    return signature


def test_visitor_signs_in_the_widget_on_a_partners_page_and_the_partners_count_goes_up(
    browser, site, partner_site, tmp_path, artifacts
):
    folder, partner_origin = partner_site
    partner = confirmed_partner()
    (folder / "news").mkdir()
    (folder / "news" / "index.html").write_text(
        "<!DOCTYPE html><html lang='pl'><head><meta charset='utf-8'><title>Podlaskie news</title></head><body>"
        "<h1>Support the petition</h1>"
        f'<script src="{site.url}/static/widget/v1.js" data-campaign="petition" data-partner="{partner.pk}"'
        ' data-lang="de" async></script>'
        "</body></html>",
        encoding="utf-8",
    )
    page = browser.new_page(locale="pl-PL")
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    file_mailbox = override_settings(
        EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
        EMAIL_FILE_PATH=str(tmp_path / "mail"),
        SITE_URL=site.url,
    )

    with file_mailbox:
        page.goto(partner_origin + "/news/?utm_source=newsletter#sign")
        widget = page.frame_locator("iframe[title='#CohesionAlliance']")
        expect(widget.locator('[data-counter="confirmed"]')).to_have_text("0")
        # The frame grows to the height its page reports, from the 640 pixels it starts with.
        expect(page.locator("iframe")).not_to_have_attribute("style", re.compile(r"height: 640px"))
        widget.get_by_label(german("Your name")).fill("Anna Schmidt")
        widget.get_by_label(german("E-mail address")).fill("anna.schmidt@example.org")
        widget.get_by_label(german("Country")).select_option("DE")
        widget.get_by_label(
            german("I have read the privacy notice and agree that my signature is stored to be counted.")
        ).check()
        widget.get_by_role("button", name=german("Sign the petition")).click()
        expect(widget.get_by_role("status")).to_contain_text(german("Check your inbox"))
        expect(page).to_have_url(partner_origin + "/news/?utm_source=newsletter#sign")
        page.screenshot(path=artifacts / "widget-on-partner-page-thanks-de.png", full_page=True)

        signature = Signature.objects.get(kind=Signature.Kind.INDIVIDUAL)
        assert signature.via_partner_id == partner.pk
        assert signature.via_page == partner_origin + "/news/"
        (message_file,) = (tmp_path / "mail").iterdir()
        message = email.message_from_bytes(message_file.read_bytes(), policy=email.policy.default)
        plain_text = message.get_body(("plain",))
        assert plain_text is not None
        confirm_link = re.search(r"http://\S+/de/signatures/confirm/\S+/", plain_text.get_content())
        assert confirm_link is not None
        inbox = browser.new_page()
        inbox.goto(confirm_link.group(0))
        inbox.get_by_role("button", name=german("Confirm my signature")).click()
        expect(inbox.get_by_role("heading", level=1)).to_have_text(german("Thank you: your signature counts"))
        inbox.close()

    page.reload()
    expect(page.frame_locator("iframe").locator('[data-counter="confirmed"]')).to_have_text("1")
    assert Signature.objects.confirmed().filter(via_partner=partner).count() == 1
    assert requested, "no request was seen"
    strangers = [url for url in requested if not url.startswith((partner_origin + "/", site.url + "/"))]
    assert strangers == []
    page.close()

import html
import re
from datetime import timedelta

import pytest
from django.contrib.staticfiles import finders
from django.utils import timezone

from alliance.signatures.models import Signature
from alliance.signatures.tests.conftest import citizen

pytestmark = pytest.mark.django_db

PARTNER_PAGE = "https://www.podlaskie.example.eu/news/petition/"


def widget_url(lang: str = "en", campaign: str = "petition", **query: object) -> str:
    url = f"/{lang}/widget/{campaign}/"
    if query:
        url += "?" + "&".join(f"{name}={value}" for name, value in query.items())
    return url


def error_summary(response) -> str:
    assert response.status_code == 200
    match = re.search(r'<div class="error-summary".*?</div>', response.content.decode(), re.DOTALL)
    assert match, "no error summary"
    return match.group(0)


def test_widget_shows_the_counter_and_the_sign_form_in_the_chosen_language(client):
    content = client.get(widget_url("de")).content.decode()

    assert '<html lang="de">' in content
    assert "Petition unterzeichnen" in content
    assert 'data-counter-url="/counters/petition.json"' in content
    assert 'name="email"' in content
    assert 'name="postal_code"' in content
    assert "js/captcha.js" in content
    assert 'class="site-header"' not in content


def test_statement_widget_carries_the_statement_form(client):
    content = client.get(widget_url("en", "statement-of-principles")).content.decode()

    assert 'name="organisation_name"' in content
    assert 'enctype="multipart/form-data"' in content


def test_widget_may_be_framed_by_the_allowed_sites_and_sets_no_cookie(client, settings, sign):
    settings.WIDGET_FRAME_ANCESTORS = ["https://*.example.eu", "https://partner.example.org"]

    # The second answer comes from the page cache: it must be as frameable as the first.
    for response in (
        client.get(widget_url()),
        client.get(widget_url()),
        sign(widget_url(), citizen(email="not-an-address")),
        client.get(widget_url() + "thanks/"),
    ):
        assert response.status_code == 200
        assert response["Content-Security-Policy"] == (
            "frame-ancestors 'self' https://*.example.eu https://partner.example.org"
        )
        assert "X-Frame-Options" not in response
        assert "Set-Cookie" not in response
        assert not response.cookies


def test_every_site_may_frame_the_widget_by_default(client):
    assert client.get(widget_url())["Content-Security-Policy"] == "frame-ancestors 'self' *"


def test_the_sites_own_pages_still_refuse_frames(client):
    assert client.get("/en/petition/")["X-Frame-Options"] == "DENY"


def test_signing_in_the_widget_records_the_partner_and_its_page(client, sign, partner, mailbox):
    podlaskie = partner("Podlaskie Region", kind="ngo", country="PL")
    mailbox.clear()

    response = sign(widget_url("pl", partner=podlaskie.pk, page=PARTNER_PAGE + "?utm_source=news%23top"), citizen())

    assert response.status_code == 302
    assert response["Location"] == "/pl/widget/petition/thanks/"
    signature = Signature.objects.get(kind=Signature.Kind.INDIVIDUAL)
    assert signature.via_partner_id == podlaskie.pk
    assert signature.via_page == PARTNER_PAGE
    assert signature.language == "pl"
    assert signature.status == Signature.Status.PENDING
    assert len(mailbox) == 1  # the confirmation e-mail, as for any signature
    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    assert 'role="status"' in thanks.content.decode()
    assert "frame-ancestors" in thanks["Content-Security-Policy"]


@pytest.mark.parametrize(
    "which",
    ["unlisted", "unconfirmed", "individual", "unknown", "not-a-number"],
)
def test_widget_ignores_a_partner_that_is_not_in_the_public_list(sign, partner, which):
    partners = {
        "unlisted": lambda: partner("Hidden Association", listed=False).pk,
        "unconfirmed": lambda: partner("Pending Association", confirmed=False).pk,
        "individual": lambda: None,
        "unknown": lambda: 999_999,
        "not-a-number": lambda: "12abc",
    }
    partner_id = partners[which]()
    if partner_id is None:
        sign(widget_url(), citizen(email="first@example.org"))
        partner_id = Signature.objects.get(kind=Signature.Kind.INDIVIDUAL).pk

    response = sign(widget_url(partner=partner_id, page=PARTNER_PAGE), citizen())

    assert response.status_code == 302
    signature = Signature.objects.filter(kind=Signature.Kind.INDIVIDUAL).latest("pk")
    assert signature.via_partner is None
    assert signature.via_page == PARTNER_PAGE


@pytest.mark.parametrize(
    "page",
    [
        "javascript:alert(document.cookie)",
        "data:text/html,hello",
        "ftp://files.example.org/petition/",
        "https://",
        "https://example.org/" + "a" * 300,
        "//example.org/petition/",
    ],
)
def test_widget_ignores_a_page_address_that_is_not_a_web_page(sign, page):
    response = sign(widget_url(page=page), citizen())

    assert response.status_code == 302
    assert Signature.objects.get().via_page == ""


def test_signing_on_the_site_itself_records_no_partner(sign, partner):
    podlaskie = partner("Podlaskie Region", kind="ngo", country="PL")

    sign(f"/en/petition/?partner={podlaskie.pk}&page={PARTNER_PAGE}", citizen())

    signature = Signature.objects.get(kind=Signature.Kind.INDIVIDUAL)
    assert signature.via_partner is None
    assert signature.via_page == ""


@pytest.mark.parametrize(
    "bad",
    [
        {"name": "=HYPERLINK(1)"},
        {"email": "anna@"},
        {"country": "XX"},
        {"privacy_consent": ""},
    ],
)
def test_widget_explains_bad_input_exactly_as_the_petition_page(sign, bad, mailbox):
    on_the_site = error_summary(sign("/pl/petition/", citizen(**bad)))
    in_the_widget = error_summary(sign(widget_url("pl"), citizen(**bad)))

    assert in_the_widget == on_the_site
    assert not Signature.objects.exists()
    assert mailbox == []


def test_widget_asks_the_captcha_question_without_a_solution(client):
    response = client.post(widget_url(), citizen())

    assert response.status_code == 200
    assert 'name="captcha_answer"' in response.content.decode()
    assert not Signature.objects.exists()


def test_closed_campaign_shows_its_count_and_takes_no_signature(client, sign, petition):
    petition.closes_at = timezone.now() - timedelta(days=1)
    petition.opens_at = timezone.now() - timedelta(days=30)
    petition.save()

    assert "Signing is closed." in client.get(widget_url()).content.decode()
    assert sign(widget_url(), citizen()).status_code == 403
    assert not Signature.objects.exists()


def test_cached_widget_keeps_each_partners_address_apart(client, partner):
    first, second = partner("First Association"), partner("Second Association")

    client.get(widget_url(partner=first.pk))
    content = client.get(widget_url(partner=second.pk)).content.decode()

    assert f'action="/en/widget/petition/?partner={second.pk}"' in content


def test_unknown_campaign_is_not_found(client):
    assert client.get(widget_url(campaign="no-such-campaign")).status_code == 404


def test_widget_without_a_language_follows_the_visitors_browser(client):
    response = client.get("/widget/petition/?partner=7", HTTP_ACCEPT_LANGUAGE="fr-FR,fr;q=0.9")

    assert response.status_code == 302
    assert response["Location"] == "/fr/widget/petition/?partner=7"


def snippet_page(client, **query: object) -> str:
    response = client.get("/en/partners/widget/", query)
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def test_snippet_page_finds_public_partners_by_country_and_name(client, partner):
    partner("Podlaskie Region", kind="ngo", country="PL")
    partner("Podlaskie Hidden Office", kind="ngo", country="PL", listed=False)
    partner("Podlaskie Friends", kind="ngo", country="DE")

    content = snippet_page(client, country="PL", q="podlaskie")

    assert "Podlaskie Region" in content
    assert "Podlaskie Hidden Office" not in content
    assert "Podlaskie Friends" not in content


def test_snippet_page_writes_the_snippets_for_the_chosen_partner_and_language(client, partner, settings):
    settings.SITE_URL = "https://cohesion-alliance.example.org"
    podlaskie = partner("Podlaskie Region", kind="ngo", country="PL")

    content = snippet_page(client, campaign="petition", partner=podlaskie.pk, language="de")

    site = "https://cohesion-alliance.example.org"
    assert (
        f'<script src="{site}/static/widget/v1.js" data-campaign="petition" data-partner="{podlaskie.pk}"'
        ' data-lang="de" async></script>'
    ) in content
    assert f'<div data-cohesion-widget data-campaign="petition" data-partner="{podlaskie.pk}"' in content
    assert f'<iframe src="{site}/de/widget/petition/?partner={podlaskie.pk}"' in content
    assert "Signatures made through this widget are counted for Podlaskie Region." in content


def test_snippet_for_the_visitors_language_and_no_partner_leaves_them_out(client, partner):
    hidden = partner("Hidden Association", listed=False)

    content = snippet_page(client, campaign="petition", partner=hidden.pk, language="")

    assert 'data-campaign="petition" async></script>' in content
    assert "data-partner" not in content
    assert "/widget/petition/" in content
    assert "/en/widget/petition/" not in content


def test_script_the_snippets_load_is_served(client):
    assert finders.find("widget/v1.js")
    content = snippet_page(client)

    assert "/static/widget/v1.js" in content
    script = client.get("/static/widget/v1.js")
    script.close()
    assert script.status_code == 200


def test_partner_list_links_to_the_snippet_page(client):
    assert 'href="/en/partners/widget/"' in client.get("/en/partners/").content.decode()

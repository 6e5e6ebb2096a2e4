import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test import override_settings
from django.utils import timezone, translation
from django.utils.translation import gettext

from alliance.signatures.models import Signature, Tally

from .conftest import citizen, link_in, organisation

pytestmark = pytest.mark.django_db


def counter(client, slug: str) -> int:
    return client.get(f"/counters/{slug}.json").json()["confirmed"]


def test_citizen_signs_confirms_by_e_mail_and_is_counted(
    client, sign, petition, mailbox, django_capture_on_commit_callbacks
):
    response = sign("/de/petition/", citizen())

    assert response.status_code == 302
    assert response["Location"] == "/de/petition/thanks/"
    assert len(mailbox) == 1
    with translation.override("de"):
        assert mailbox[0].subject == gettext("Please confirm your signature")
    assert mailbox[0].to == ["anna.schmidt@example.org"]
    assert counter(client, "petition") == 0

    confirm_path = link_in(mailbox[0], "confirm")
    assert client.get(confirm_path).status_code == 200
    assert Signature.objects.get().status == Signature.Status.PENDING  # opening the link confirms nothing

    with django_capture_on_commit_callbacks(execute=True):  # the cached count is forgotten on commit
        response = client.post(confirm_path)

    assert response.status_code == 200
    assert Signature.objects.get().status == Signature.Status.CONFIRMED
    assert counter(client, "petition") == 1
    with translation.override("de"):
        assert gettext("Thank you: your signature counts") in response.content.decode()


def test_a_used_confirmation_link_says_already_confirmed(client, sign, petition, mailbox):
    sign("/en/petition/", citizen())
    confirm_path = link_in(mailbox[0], "confirm")
    client.post(confirm_path)

    response = client.post(confirm_path)

    assert "Your signature is already confirmed" in response.content.decode()
    assert counter(client, "petition") == 1


def test_unconfirmed_signature_is_not_counted(client, sign, petition):
    sign("/en/petition/", citizen())

    assert Signature.objects.count() == 1
    assert counter(client, "petition") == 0
    assert "0" in client.get("/en/").content.decode()


@override_settings(SIGNATURE_MAIL_INTERVAL_SECONDS=0)
def test_signing_twice_sends_one_more_confirmation_but_stores_one_signature(client, sign, petition, mailbox):
    for email in ("anna.schmidt@gmail.com", " Anna.Schmidt+cohesion@GoogleMail.com ", "annaschmidt@gmail.com"):
        response = sign("/en/petition/", citizen(email=email))
        assert response.status_code == 302

    assert Signature.objects.filter(campaign=petition).count() == 1
    assert len(mailbox) == 3
    assert all(message.subject == "Please confirm your signature" for message in mailbox)


def test_signing_the_same_address_many_times_in_a_minute_sends_one_e_mail(sign, petition, mailbox):
    for _ in range(5):
        assert sign("/en/petition/", citizen()).status_code == 302

    assert len(mailbox) == 1


@override_settings(SIGNATURE_MAIL_INTERVAL_SECONDS=0)
def test_signing_again_after_confirming_looks_the_same_and_sends_already_signed(client, sign, petition, mailbox):
    first = sign("/en/petition/", citizen())
    client.post(link_in(mailbox[0], "confirm"))

    second = sign("/en/petition/", citizen(name="Someone Else"))

    assert second.status_code == first.status_code
    assert second["Location"] == first["Location"]
    assert mailbox[-1].subject == "You have already signed"
    assert Signature.objects.get().name == "Anna Schmidt"
    assert counter(client, "petition") == 1


def test_withdrawing_uncounts_the_signature_and_erases_the_data(client, sign, petition, mailbox):
    sign("/en/petition/", citizen())
    client.post(link_in(mailbox[0], "confirm"))
    manage_path = link_in(mailbox[0], "manage")

    response = client.post(manage_path, {"action": "withdraw"})

    assert "Your signature has been withdrawn" in response.content.decode()
    assert not Signature.objects.exists()
    assert counter(client, "petition") == 0
    assert client.get(manage_path).status_code == 404


def test_news_opt_in_can_be_changed_from_the_e_mail(client, sign, petition, mailbox):
    sign("/en/petition/", citizen(news_opt_in="on"))
    manage_path = link_in(mailbox[0], "manage")

    client.post(manage_path, {"action": "news-off"})

    assert Signature.objects.get().news_opt_in is False


def test_postal_code_places_the_signature_in_its_region(client, sign, petition):
    sign("/en/petition/", citizen(country="PL", postal_code="15001", email="a@example.org"))
    sign("/en/petition/", citizen(country="DE", postal_code="00000", email="b@example.org"))

    assert Signature.objects.get(country="PL").region == "PL84"
    unknown = Signature.objects.get(country="DE")
    assert (unknown.region, unknown.subregion) == ("", "")


def test_organisation_signs_the_statement_with_its_region(client, sign, statement_campaign, mailbox):
    response = sign("/fr/statement/", organisation())

    assert response.status_code == 302
    assert response["Location"] == "/fr/statement/thanks/"
    signature = Signature.objects.get(campaign=statement_campaign)
    assert (signature.kind, signature.region, signature.website) == (
        "organisation",
        "PL84",
        "https://podlaskie.example.eu",
    )
    assert signature.language == "fr"
    client.post(link_in(mailbox[0], "confirm"))
    assert Tally.objects.get(campaign=statement_campaign, dimension="region", key="PL84").count == 1
    assert Tally.objects.get(campaign=statement_campaign, dimension="kind", key="organisation").count == 1


def test_name_and_e_mail_are_encrypted_at_rest(client, sign, petition):
    sign("/en/petition/", citizen())

    with connection.cursor() as cursor:
        cursor.execute("SELECT name, email, email_hash FROM signatures_signature")
        name, email, email_hash = cursor.fetchone()
    assert "Anna" not in name
    assert "example.org" not in email
    assert "example.org" not in email_hash
    assert Signature.objects.get().email == "anna.schmidt@example.org"


def test_a_filled_in_trap_field_is_answered_like_a_person_but_stores_nothing(client, sign, petition, mailbox):
    response = sign("/en/petition/", citizen(homepage="http://spam.example"))

    assert response.status_code == 302
    assert not Signature.objects.exists()
    assert mailbox == []


def test_signing_a_closed_campaign_is_refused(client, sign, petition):
    petition.opens_at = timezone.now() - timedelta(days=30)
    petition.closes_at = timezone.now() - timedelta(days=1)
    petition.save()

    response = sign("/en/petition/", citizen())

    assert response.status_code == 403
    assert "Signing is closed." in response.content.decode()
    assert not Signature.objects.exists()


def test_counter_endpoint_is_cacheable_by_a_cdn(client, petition):
    response = client.get("/counters/petition.json")

    assert response.status_code == 200
    assert "public" in response["Cache-Control"]
    assert "max-age=10" in response["Cache-Control"]
    assert response.json()["goal"] == petition.goal
    assert client.get("/counters/no-such-campaign.json").status_code == 404


def test_home_page_counts_confirmed_signatures_of_each_kind(client, sign, petition, statement_campaign, mailbox):
    sign("/en/petition/", citizen())
    sign("/en/statement/", organisation())
    for message in mailbox:
        client.post(link_in(message, "confirm"))

    content = client.get("/en/").content.decode()

    assert re.search(r'data-counter="statement-of-principles"[^>]*>\s*1\s*<', content)
    assert re.search(r'data-counter="petition"[^>]*>\s*1\s*<', content)


def test_countries_are_listed_in_the_alphabetical_order_of_each_language(client):
    def countries_on(path: str) -> list[str]:
        page = client.get(path).content.decode()
        select = page[page.index('name="country"') : page.index("</select>", page.index('name="country"'))]
        return re.findall(r'<option value="([A-Z]{2})"', select)

    german, english = countries_on("/de/petition/"), countries_on("/en/petition/")

    assert german.index("HR") > german.index("DE")  # Kroatien after Deutschland
    assert english.index("HR") < english.index("DE")  # Croatia before Germany

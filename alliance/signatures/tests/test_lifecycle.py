from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from alliance.signatures.models import Signature, Tally
from alliance.signatures.services import (
    confirm_signature,
    purge_unconfirmed_signatures,
    recount_tallies,
    remind_unconfirmed_signatures,
)

from .conftest import citizen, link_in

pytestmark = pytest.mark.django_db


def age(signature: Signature, days: float) -> None:
    Signature.objects.filter(pk=signature.pk).update(created_at=timezone.now() - timedelta(days=days))


def test_unconfirmed_signature_gets_exactly_one_reminder(sign, petition, mailbox, django_capture_on_commit_callbacks):
    sign("/it/petition/", citizen())
    age(Signature.objects.get(), days=3)

    with django_capture_on_commit_callbacks(execute=True):
        assert remind_unconfirmed_signatures() == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert remind_unconfirmed_signatures() == 0

    assert len(mailbox) == 2
    assert mailbox[1].subject != mailbox[0].subject
    assert link_in(mailbox[1], "confirm").startswith("/it/signatures/confirm/")


def test_unconfirmed_signatures_are_deleted_after_seven_days(sign, petition):
    sign("/en/petition/", citizen(email="old@example.org"))
    sign("/en/petition/", citizen(email="recent@example.org"))
    sign("/en/petition/", citizen(email="confirmed@example.org"))
    old, _recent, confirmed = Signature.objects.order_by("pk")
    confirm_signature(signature=confirmed)
    age(old, days=7.5)
    age(confirmed, days=30)

    assert purge_unconfirmed_signatures() == 1

    assert Signature.objects.count() == 2
    assert not Signature.objects.filter(pk=old.pk).exists()


def test_tending_command_reminds_and_purges(sign, petition, capsys):
    sign("/en/petition/", citizen())
    age(Signature.objects.get(), days=10)

    call_command("tend_signatures")

    assert "Reminded 1 signer(s); deleted 1 unconfirmed signature(s); anonymised 0." in capsys.readouterr().out
    assert not Signature.objects.exists()


def test_recount_repairs_drifted_tallies(sign, petition):
    for number, country in enumerate(["DE", "DE", "PL"]):
        sign("/en/petition/", citizen(email=f"person{number}@example.org", country=country, postal_code=""))
    for signature in Signature.objects.all():
        confirm_signature(signature=signature)
    Tally.objects.filter(campaign=petition, dimension="total").update(count=999)
    Tally.objects.filter(campaign=petition, dimension="country", key="PL").delete()

    recount_tallies(campaign=petition)

    tallies = {(t.dimension, t.key): t.count for t in Tally.objects.filter(campaign=petition)}
    today = timezone.localdate().isoformat()
    assert tallies == {
        ("total", ""): 3,
        ("kind", "individual"): 3,
        ("country", "DE"): 2,
        ("country", "PL"): 1,
        ("day", today): 3,
    }


def test_a_signature_from_outside_the_eu_counts_without_a_country(sign, petition, mailbox, client):
    sign("/en/petition/", citizen(country="other", postal_code="SW1A 1AA"))
    client.post(link_in(mailbox[0], "confirm"))

    signature = Signature.objects.get()
    assert (signature.country, signature.region) == ("", "")
    assert Tally.objects.get(campaign=petition, dimension="country", key="").count == 1

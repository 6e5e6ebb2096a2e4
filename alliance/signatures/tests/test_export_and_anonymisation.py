import csv
import io
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, User
from django.utils import timezone
from wagtail.models import ModelLogEntry

from alliance.core.roles import ADMINISTRATORS, EDITORS
from alliance.signatures.models import Signature, Tally
from alliance.signatures.services import anonymise_closed_campaigns

from .conftest import citizen, link_in

pytestmark = pytest.mark.django_db


def staff(role: str) -> User:
    user = User.objects.create_user(username=role.lower(), password="a-long-password-for-tests")
    user.groups.add(Group.objects.get(name=role))
    return user


def test_administrator_exports_signatures_as_csv_and_the_export_is_audited(client, sign, petition, mailbox):
    sign("/en/petition/", citizen(news_opt_in="on"))
    sign("/en/petition/", citizen(email="other@example.org", country="PL", postal_code=""))
    client.post(link_in(mailbox[0], "confirm"))
    # The sign form refuses such names; the export must stay safe for values that arrived another way.
    first = Signature.objects.order_by("pk")[0]
    first.name = "=1+1"
    first.save()
    administrator = staff(ADMINISTRATORS)
    client.force_login(administrator)

    response = client.get(
        "/admin/signatures/export/", {"campaign": petition.pk, "status": "confirmed", "download": "1"}
    )

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="signatures-petition-')
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert len(rows) == 1
    assert rows[0]["email"] == "anna.schmidt@example.org"
    assert rows[0]["name"] == "'=1+1"  # a spreadsheet shows it as text instead of running it
    assert rows[0]["region"] == "DE30"
    entry = ModelLogEntry.objects.get(action="alliance.signatures.export")
    assert entry.user == administrator
    assert entry.data["rows"] == 1
    assert entry.data["filters"]["status"] == "confirmed"


def test_editors_cannot_export_personal_data(client, petition):
    client.force_login(staff(EDITORS))

    response = client.get("/admin/signatures/export/", {"campaign": petition.pk, "download": "1"})

    assert response.status_code in (302, 403)
    assert not ModelLogEntry.objects.filter(action="alliance.signatures.export").exists()


def test_signatures_are_anonymised_after_the_campaign_closed_keeping_the_counts(client, sign, petition, mailbox):
    sign("/en/petition/", citizen())
    client.post(link_in(mailbox[0], "confirm"))
    petition.opens_at = timezone.now() - timedelta(days=400)
    petition.closes_at = timezone.now() - timedelta(days=91)
    petition.save()

    assert anonymise_closed_campaigns() == 1
    assert anonymise_closed_campaigns() == 0

    signature = Signature.objects.get()
    assert (signature.name, signature.email, signature.ip_hash) == (None, None, "")
    assert (signature.country, signature.region, signature.status) == ("DE", "DE30", "confirmed")
    assert Tally.objects.get(campaign=petition, dimension="total").count == 1


def test_signatures_of_a_recently_closed_campaign_are_kept(client, sign, petition):
    sign("/en/petition/", citizen())
    petition.opens_at = timezone.now() - timedelta(days=100)
    petition.closes_at = timezone.now() - timedelta(days=10)
    petition.save()

    assert anonymise_closed_campaigns() == 0
    assert Signature.objects.get().name == "Anna Schmidt"

import csv
import io
import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, User
from django.utils import timezone
from wagtail.models import ModelLogEntry

from alliance.campaigns.models import Campaign
from alliance.core.roles import ADMINISTRATORS, EDITORS, MODERATORS
from alliance.signatures.identity import ip_hash
from alliance.signatures.models import BlockedEmailDomain, Signature
from alliance.signatures.selectors import busiest_email_domains, busiest_ip_hashes
from alliance.signatures.services import SignatureInput, confirm_signature, sign_campaign

pytestmark = pytest.mark.django_db

BUSIEST_URL = "/admin/signatures/busiest-sources/"
EXPORT_URL = "/admin/signatures/export/"
FLOOD_IP = "198.51.100.7"
OTHER_IP = "203.0.113.9"


def staff(role: str) -> User:
    user = User.objects.create_user(username=role.lower(), password="a-long-password-for-tests")
    user.groups.add(Group.objects.get(name=role))
    return user


def signed(campaign: Campaign, email: str, *, ip_address: str, hours_ago: float = 0) -> Signature:
    kind = Signature.Kind.INDIVIDUAL if campaign.kind == Campaign.Kind.PETITION else Signature.Kind.ORGANISATION
    data = SignatureInput(kind=kind, name="Anna Schmidt", email=email, country="DE", language="en")
    signature = sign_campaign(campaign=campaign, data=data, ip_address=ip_address)
    if hours_ago:
        Signature.objects.filter(pk=signature.pk).update(created_at=timezone.now() - timedelta(hours=hours_ago))
    return signature


@pytest.fixture
def flood(petition, statement_campaign) -> None:
    """Three signatures from one network and provider this hour (one confirmed), one elsewhere, one of yesterday."""
    confirm_signature(signature=signed(petition, "a@flood.example", ip_address=FLOOD_IP))
    signed(petition, "b@flood.example", ip_address=FLOOD_IP)
    signed(statement_campaign, "c@flood.example", ip_address=FLOOD_IP)
    signed(petition, "anna@example.org", ip_address=OTHER_IP)
    signed(petition, "old@yesterday.example", ip_address="192.0.2.1", hours_ago=20)


def table(content: str, table_id: str) -> list[list[str]]:
    """The cells of a table's body rows as a reader sees them, tags and surrounding spaces removed."""
    match = re.search(rf'<table[^>]*id="{table_id}".*?<tbody>(.*?)</tbody>', content, re.S)
    assert match, content
    return [
        [re.sub(r"<[^>]+>|\s+", " ", cell).strip() for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)]
        for row in re.findall(r"<tr>(.*?)</tr>", match.group(1), re.S)
    ]


def test_moderator_sees_the_busiest_ip_hashes_and_domains_of_the_last_hour(client, flood, petition, statement_campaign):
    client.force_login(staff(MODERATORS))

    content = client.get(BUSIEST_URL).content.decode()

    ip_rows = table(content, "busiest-ip-hashes")
    assert [row[:3] for row in ip_rows] == [[ip_hash(FLOOD_IP)[:12], "3", "1"], [ip_hash(OTHER_IP)[:12], "1", "0"]]
    assert ip_rows[0][3] == ", ".join(sorted([petition.title, statement_campaign.title]))
    domain_rows = table(content, "busiest-email-domains")
    assert [row[:3] for row in domain_rows] == [["flood.example", "3", "1"], ["example.org", "1", "0"]]
    assert "yesterday.example" not in content
    assert ip_hash("192.0.2.1")[:12] not in content
    assert ip_hash(FLOOD_IP) not in content  # only the shortened hash is shown
    assert "refused by the rate limit" in content


def test_a_wider_window_includes_older_signatures(client, flood):
    client.force_login(staff(MODERATORS))

    content = client.get(BUSIEST_URL, {"window": "1440"}).content.decode()

    assert [row[0] for row in table(content, "busiest-email-domains")] == [
        "flood.example",
        "example.org",
        "yesterday.example",
    ]


def test_a_busy_domain_can_be_blocked_from_its_row(client, flood):
    client.force_login(staff(MODERATORS))
    content = client.get(BUSIEST_URL).content.decode()
    link = re.search(r'href="([^"]+\?domain=flood\.example)"', content)
    assert link, content

    form = client.get(link.group(1).replace("&amp;", "&")).content.decode()

    assert re.search(r'<input[^>]*name="domain"[^>]*value="flood\.example"', form)


def test_a_blocked_domain_is_marked_instead_of_offered_for_blocking(client, flood):
    BlockedEmailDomain.objects.create(domain="flood.example")
    client.force_login(staff(MODERATORS))

    rows = table(client.get(BUSIEST_URL).content.decode(), "busiest-email-domains")

    assert rows[0][0] == "flood.example"
    assert rows[0][-1] == "Blocked"
    assert rows[1][-1] == "Block"


def test_editors_do_not_see_the_busiest_sources(client, flood):
    client.force_login(staff(EDITORS))

    response = client.get(BUSIEST_URL)

    assert response.status_code == 302
    assert "Busiest sources" not in client.get("/admin/").content.decode()


def test_moderators_find_the_busiest_sources_in_the_menu(client):
    client.force_login(staff(MODERATORS))

    assert "Busiest sources" in client.get("/admin/").content.decode()


def test_busiest_sources_take_two_queries_each(flood, django_assert_num_queries):
    since = timezone.now() - timedelta(hours=1)

    with django_assert_num_queries(2):
        ip_hashes = busiest_ip_hashes(since=since)
    with django_assert_num_queries(2):
        domains = busiest_email_domains(since=since)

    assert [(row.signatures, row.confirmed, len(row.campaigns)) for row in ip_hashes] == [(3, 1, 2), (1, 0, 1)]
    assert [(row.source, row.signatures) for row in domains] == [("flood.example", 3), ("example.org", 1)]
    assert domains[0].first_at <= domains[0].last_at


def test_only_the_25_busiest_sources_are_listed(petition):
    for number in range(26):
        signed(petition, f"person{number}@domain{number}.example", ip_address=f"198.51.100.{number}")
    signed(petition, "second@domain7.example", ip_address="198.51.100.7")

    domains = busiest_email_domains(since=timezone.now() - timedelta(hours=1))

    assert len(domains) == 25
    assert (domains[0].source, domains[0].signatures) == ("domain7.example", 2)


def test_export_announces_the_number_of_rows_it_holds(client, flood, petition):
    client.force_login(staff(ADMINISTRATORS))

    response = client.get(EXPORT_URL, {"campaign": petition.pk, "status": "pending", "download": "1"})

    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert response["X-Export-Rows"] == str(len(rows)) == "3"
    assert ModelLogEntry.objects.filter(action="alliance.signatures.export").count() == 1


def test_export_page_shows_how_many_signatures_match_before_downloading(client, flood, petition):
    client.force_login(staff(ADMINISTRATORS))

    content = client.get(EXPORT_URL, {"campaign": petition.pk, "status": "pending", "count": "1"}).content.decode()

    assert re.search(r"3 signatures match these filters\.", content)
    assert 'name="download"' in content
    assert not ModelLogEntry.objects.filter(action="alliance.signatures.export").exists()


def test_export_page_counts_a_single_match_in_the_singular(client, flood, petition):
    client.force_login(staff(ADMINISTRATORS))

    content = client.get(EXPORT_URL, {"campaign": petition.pk, "status": "confirmed"}).content.decode()

    assert "1 signature matches these filters." in content

import re

import pytest
from django.test import Client
from wagtail.models import ModelLogEntry

from alliance.core.roles import ADMINISTRATORS, EDITORS, MODERATORS

from .conftest import image_file, staff

pytestmark = pytest.mark.django_db

LISTING = "/admin/partners/"


def rows(response) -> list[str]:
    """The organisation named in each row of the listing."""
    return [
        " ".join(re.sub(r"<[^>]+>", " ", cell).split())
        for cell in re.findall(
            r'<th scope="row" data-column="organisation">(.*?)</th>', response.content.decode(), re.S
        )
    ]


def test_listing_shows_institutional_partners_awaiting_verification_first(client, partner):
    partner("Podlaskie Region", kind="regional-authority", country="PL", region="PL84", role="Marshal")
    partner("Town of Lindenau", kind="local-authority", region="DED5")
    partner("Unconfirmed Town", kind="local-authority", confirmed=False)
    partner("Solar Crafts", kind="sme")
    client.force_login(staff(MODERATORS))

    response = client.get(LISTING)

    assert response.status_code == 200
    assert rows(response) == ["Podlaskie Region", "Town of Lindenau"]
    content = response.content.decode()
    assert "Regional authority" in content
    assert "PL84" in content
    assert "Marshal" in content
    assert rows(client.get(LISTING, {"status": "all"})) == ["Solar Crafts", "Town of Lindenau", "Podlaskie Region"]
    assert rows(client.get(LISTING, {"status": "all", "kind": "sme"})) == ["Solar Crafts"]
    assert rows(client.get(LISTING, {"country": "PL"})) == ["Podlaskie Region"]


def test_moderator_verifies_a_partner_with_the_button_and_it_is_recorded(partner):
    region = partner("Podlaskie Region", kind="regional-authority", country="PL", region="PL84")
    moderator = staff(MODERATORS)
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(moderator)
    listing = browser.get(LISTING).content.decode()
    form = re.search(r'<form method="post" action="(/admin/partners/\d+/verify/)">.*?</form>', listing, re.S)
    assert form
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.group())
    assert token

    assert browser.post(form.group(1), {"next": LISTING}).status_code == 403  # no token, no change
    response = browser.post(form.group(1), {"csrfmiddlewaretoken": token.group(1), "next": LISTING}, follow=True)

    assert response.redirect_chain == [(LISTING, 302)]
    assert "Podlaskie Region is verified" in response.content.decode()
    assert rows(response) == []  # no longer awaiting
    region.refresh_from_db()
    assert region.verified_at is not None
    assert region.verified_by == moderator
    entry = ModelLogEntry.objects.get(action="alliance.partners.verify")
    assert (entry.user, entry.label, entry.object_id) == (moderator, "Podlaskie Region", str(region.pk))
    assert "Podlaskie Region" in browser.get("/en/partners/").content.decode()


def test_withdrawing_the_verification_takes_the_partner_off_the_public_list(client, partner):
    region = partner("Podlaskie Region", kind="regional-authority", country="PL", region="PL84")
    administrator = staff(ADMINISTRATORS)
    client.force_login(administrator)
    client.post(f"/admin/partners/{region.pk}/verify/")
    assert "Podlaskie Region" in client.get("/en/partners/").content.decode()

    response = client.post(f"/admin/partners/{region.pk}/unverify/", {"next": f"{LISTING}?status=verified"})

    assert response.status_code == 302
    assert response["Location"] == f"{LISTING}?status=verified"
    region.refresh_from_db()
    assert (region.verified_at, region.verified_by) == (None, None)
    assert "Podlaskie Region" not in client.get("/en/partners/").content.decode()
    entry = ModelLogEntry.objects.get(action="alliance.partners.unverify")
    assert entry.user == administrator
    assert rows(client.get(LISTING)) == ["Podlaskie Region"]  # awaiting verification again


def test_verifying_twice_records_one_verification(client, partner):
    region = partner("Podlaskie Region", kind="regional-authority")
    client.force_login(staff(MODERATORS))

    client.post(f"/admin/partners/{region.pk}/verify/")
    response = client.post(f"/admin/partners/{region.pk}/verify/", follow=True)

    assert "Podlaskie Region had already been verified." in response.content.decode()
    assert ModelLogEntry.objects.filter(action="alliance.partners.verify").count() == 1


def test_a_link_elsewhere_is_not_followed_after_verifying(client, partner):
    region = partner("Podlaskie Region", kind="regional-authority")
    client.force_login(staff(MODERATORS))

    response = client.post(f"/admin/partners/{region.pk}/verify/", {"next": "https://evil.example/"})

    assert response["Location"] == LISTING


def test_verification_cannot_be_changed_by_a_link(client, partner):
    region = partner("Podlaskie Region", kind="regional-authority")
    client.force_login(staff(MODERATORS))

    assert client.get(f"/admin/partners/{region.pk}/verify/").status_code == 405

    region.refresh_from_db()
    assert region.verified_at is None


def test_editors_can_neither_see_nor_verify_partners(client, partner):
    region = partner("Podlaskie Region", kind="regional-authority")
    client.force_login(staff(EDITORS))

    assert client.get(LISTING).status_code == 302
    assert client.post(f"/admin/partners/{region.pk}/verify/").status_code == 302
    assert "Verify partners" not in client.get("/admin/").content.decode()

    region.refresh_from_db()
    assert region.verified_at is None
    assert not ModelLogEntry.objects.filter(action="alliance.partners.verify").exists()


def test_contact_is_shown_only_to_staff_allowed_to_see_personal_data(client, partner):
    partner("Podlaskie Region", kind="regional-authority", email="office@podlaskie.example.org")
    client.force_login(staff(MODERATORS))

    moderator_view = client.get(LISTING).content.decode()

    assert "Podlaskie Region" in moderator_view
    assert "Contact Person" not in moderator_view
    assert "example.org" not in moderator_view

    client.force_login(staff(ADMINISTRATORS))
    administrator_view = client.get(LISTING).content.decode()

    assert "Contact Person" in administrator_view
    assert 'href="mailto:office@podlaskie.example.org"' in administrator_view


def test_listing_shows_the_logo_and_whether_the_partner_opted_out(client, partner):
    partner("Podlaskie Region", kind="regional-authority", logo_png=image_file("PNG", (100, 50)))
    partner("Quiet Region", kind="regional-authority", listed=False)
    client.force_login(staff(MODERATORS))

    content = client.get(LISTING).content.decode()

    assert re.search(
        r'<img src="/media/logos/\w+\.png"\s+width="48"\s+height="48"\s+alt="Logo of Podlaskie Region"', content
    )
    assert re.search(r"Quiet Region\s*<br>\s*<small>Opted out of the public list</small>", content)
    assert content.count("Opted out of the public list") == 1


def test_listing_needs_a_bounded_number_of_queries(client, partner, django_assert_max_num_queries):
    for number in range(10):
        partner(f"Town {number}", kind="local-authority")
    client.force_login(staff(ADMINISTRATORS))
    client.get(LISTING)  # the admin menu and permissions are looked up once per session

    with django_assert_max_num_queries(15):
        response = client.get(LISTING)

    assert len(rows(response)) == 10

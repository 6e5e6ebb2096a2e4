import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.translation import gettext

from alliance.core.roles import MODERATORS
from alliance.demo.loader import load_demo
from alliance.partners.selectors import partner_counts_by_kind, public_partners
from alliance.partners.services import verify_partner
from alliance.signatures.models import Signature, Tally

from .conftest import image_file, staff

pytestmark = pytest.mark.django_db


def listed_names(client, query: str = "", lang: str = "en") -> list[str]:
    response = client.get(f"/{lang}/partners/{query}")
    assert response.status_code == 200
    return re.findall(r'<h2 class="partner__name">([^<]+)</h2>', response.content.decode())


def test_institutional_partner_is_listed_only_once_staff_have_verified_it(client, partner):
    region = partner("Podlaskie Region", kind="regional-authority", country="PL", region="PL84")
    assert listed_names(client) == []

    verify_partner(signature=region, user=staff(MODERATORS))

    assert listed_names(client) == ["Podlaskie Region"]


@pytest.mark.parametrize("kind", ["sme", "ngo", "school", "university", "cultural", "other"])
def test_other_organisations_are_listed_as_soon_as_they_confirm(client, partner, kind):
    partner("Green Valleys", kind=kind)

    assert listed_names(client) == ["Green Valleys"]


def test_unconfirmed_organisation_is_not_listed(client, partner):
    partner("Waiting Ltd", kind="sme", confirmed=False)

    assert listed_names(client) == []


def test_organisation_that_opted_out_is_not_listed_even_when_verified(client, partner):
    partner("Quiet NGO", kind="ngo", listed=False)
    town = partner("Quiet Town", kind="local-authority", listed=False)
    verify_partner(signature=town, user=None)

    assert listed_names(client) == []


def test_list_is_sorted_by_name_and_counts_partners_by_kind(client, partner):
    partner("zeta school", kind="school")
    partner("Alpha School", kind="school")
    partner("Beta Ltd", kind="sme")

    response = client.get("/en/partners/")

    assert listed_names(client) == ["Alpha School", "Beta Ltd", "zeta school"]
    content = response.content.decode()
    assert "3 partners" in content
    assert re.search(r"<strong>2</strong>\s*School", content)
    assert re.search(r"<strong>1</strong>\s*Small or medium-sized enterprise", content)


def test_list_can_be_filtered_by_country_kind_and_name_without_javascript(client, partner):
    partner("Solar Crafts", kind="sme", country="IE", region="IE06")
    partner("Solar Schools", kind="school", country="IE", region="IE06")
    partner("Wind Crafts", kind="sme", country="DK", region="DK01")

    assert listed_names(client, "?country=IE") == ["Solar Crafts", "Solar Schools"]
    assert listed_names(client, "?kind=sme") == ["Solar Crafts", "Wind Crafts"]
    assert listed_names(client, "?country=IE&kind=sme") == ["Solar Crafts"]
    assert listed_names(client, "?q=crafts") == ["Solar Crafts", "Wind Crafts"]
    # A value that is not one of the choices is ignored rather than breaking the page.
    assert listed_names(client, "?country=XX&kind=nonsense") == ["Solar Crafts", "Solar Schools", "Wind Crafts"]


def test_list_can_be_narrowed_to_one_region_by_a_link(client, partner):
    partner("Podlaskie Crafts", kind="sme", country="PL", region="PL84")
    partner("Warsaw Crafts", kind="sme", country="PL", region="PL91")

    response = client.get("/en/partners/?region=PL84")

    content = response.content.decode()
    assert listed_names(client, "?region=PL84") == ["Podlaskie Crafts"]
    assert "Partners in Podlaskie" in content
    assert 'href="?">Show every region</a>' in content
    assert 'type="hidden" name="region" value="PL84"' in content


def test_partner_shows_its_kind_place_website_and_logo(client, partner):
    partner(
        "Valfiorita",
        kind="local-authority",
        country="IT",
        region="ITH5",
        website="https://valfiorita.example.org/",
        logo_png=image_file("PNG", (300, 150)),
    )
    verify_partner(signature=Signature.objects.get(organisation_name="Valfiorita"), user=None)

    content = client.get("/en/partners/").content.decode()

    assert "Local authority · Emilia-Romagna, Italy" in " ".join(content.split())
    assert re.search(r'<a class="partner__website"\s+href="https://valfiorita.example.org/"\s+rel="nofollow noopener">'
                     r"valfiorita.example.org</a>", content)  # fmt: skip
    logo = re.search(r'<img class="partner__logo"[^>]*>', content)
    assert logo
    assert 'src="/media/logos/' in logo.group()
    assert 'width="64"' in logo.group()
    assert 'height="64"' in logo.group()
    assert 'alt="Valfiorita"' in logo.group()


def test_contact_name_and_address_never_appear_in_the_list(client, partner):
    partner("Open Door NGO", kind="ngo", role="Director")

    content = client.get("/en/partners/").content.decode()

    assert "Open Door NGO" in content
    assert "Contact Person" not in content
    assert "@example.org" not in content


def test_list_is_paginated_by_fifty(client, partner):
    for number in range(51):
        partner(f"School {number:02d}", kind="school")

    assert len(listed_names(client)) == 50
    assert listed_names(client, "?page=2") == ["School 50"]
    assert "Page 1 of 2" in client.get("/en/partners/").content.decode()


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_partner_list_renders_in_the_visitors_language(client, partner, lang):
    partner("Kulturhuset Nordlys", kind="cultural", country="DK", region="DK01")

    response = client.get(f"/{lang}/partners/")

    assert response.status_code == 200
    assert "content/partners_page.html" in [template.name for template in response.templates]
    content = response.content.decode()
    assert f'<html lang="{lang}">' in content
    assert "Kulturhuset Nordlys" in content
    with translation.override(lang):
        assert gettext("Cultural organisation") in content
        assert gettext("Country") in content
    if lang == "fr":
        assert "Danemark" in content


def test_partner_list_is_in_the_main_navigation(client):
    content = client.get("/en/about/").content.decode()

    assert '<a href="/en/partners/"' in content


def test_selectors_each_need_one_query(partner, django_assert_num_queries):
    partner("Solar Crafts", kind="sme", country="IE", region="IE06")
    town = partner("Lindenau", kind="local-authority", country="DE", region="DED5")
    verify_partner(signature=town, user=None)

    with django_assert_num_queries(1):
        partners = list(public_partners(region="DED5"))
    with django_assert_num_queries(1):
        counts = partner_counts_by_kind(country="DE")

    assert [partner.organisation_name for partner in partners] == ["Lindenau"]
    assert partners[0].region_name == "Leipzig"
    assert [(count.kind, count.count) for count in counts] == [("local-authority", 1)]


def test_demo_partners_are_signed_confirmed_and_counted_once(client, statement_campaign):
    created = load_demo(with_partners=True)
    assert load_demo(with_partners=True) == {}

    signed = Signature.objects.filter(campaign=statement_campaign)
    assert created == {"partner signatures": signed.count()}
    assert signed.count() >= 20
    assert not signed.filter(status=Signature.Status.PENDING).exists()
    assert Tally.objects.get(campaign=statement_campaign, dimension="total").count == signed.count()
    names = listed_names(client)
    assert "Município de Serra Alta (demo)" not in names  # an authority not verified yet
    assert "Adriatic Regional Development Agency (demo)" not in names  # opted out
    assert len(names) == signed.count() - 2
    assert all("(demo)" in name.lower() or "(démo)" in name for name in names)
    assert signed.exclude(logo="").count() >= 10


def test_page_needs_as_many_queries_for_many_partners_as_for_one(client, partner, settings, django_assert_num_queries):
    settings.PAGE_CACHE_SECONDS = 0
    partner("Only School", kind="school", region="DE30", logo_png=image_file("PNG", (64, 64)))
    client.get("/fr/partners/")  # the first visit fills the per-process caches (site root paths, content types)
    with CaptureQueriesContext(connection) as one:
        client.get("/fr/partners/")
    for number in range(20):
        partner(f"School {number}", kind="school", region="DE30", logo_png=image_file("PNG", (64, 64)))

    with django_assert_num_queries(len(one.captured_queries)):
        assert len(listed_names(client, lang="fr")) == 21

import pytest
from wagtail.models import PageViewRestriction

from alliance.content.models import PetitionPage
from alliance.signatures.models import Signature

from .conftest import citizen

pytestmark = pytest.mark.django_db


def test_a_signature_costs_a_handful_of_queries_once_the_sign_pages_are_known(sign, django_assert_num_queries):
    sign("/en/petition/", citizen(email="first@example.org"))

    with django_assert_num_queries(5):
        response = sign("/en/petition/", citizen(email="second@example.org"))

    assert response.status_code == 302
    assert response["Location"] == "/en/petition/thanks/"
    assert Signature.objects.count() == 2


def test_a_renamed_sign_page_takes_signatures_at_its_new_address_at_once(client, sign):
    sign("/en/petition/", citizen(email="first@example.org"))
    page = PetitionPage.objects.get(locale__language_code="en")
    page.slug = "sign-now"
    page.save_revision().publish()

    response = sign("/en/sign-now/", citizen(email="second@example.org"))

    assert response["Location"] == "/en/sign-now/thanks/"
    assert client.post("/en/petition/", citizen(email="third@example.org")).status_code == 404
    assert Signature.objects.count() == 2


def test_a_password_protected_sign_page_asks_for_its_password_first(sign):
    page = PetitionPage.objects.get(locale__language_code="en")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret")

    response = sign("/en/petition/", citizen())

    assert response.status_code == 200
    assert 'name="password"' in response.content.decode()
    assert not Signature.objects.exists()

import gzip
import re

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from alliance.content.models import AboutPage

pytestmark = pytest.mark.django_db


def test_a_second_visit_is_served_from_the_cache_without_the_database(client, django_assert_num_queries):
    first = client.get("/en/petition/")

    with django_assert_num_queries(0):
        second = client.get("/en/petition/")

    assert second.status_code == 200
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


def test_each_language_and_query_is_cached_apart(client):
    english = client.get("/en/about/").content
    french = client.get("/fr/about/").content
    filtered = client.get("/en/see-it/?country=PL").content.decode()
    unfiltered = client.get("/en/see-it/").content.decode()

    assert english != french
    assert re.search(r'value="PL"\s+selected', filtered)
    assert not re.search(r'value="PL"\s+selected', unfiltered)


def test_a_published_edit_shows_at_once(client):
    client.get("/en/about/")
    page = AboutPage.objects.get(locale__language_code="en")
    page.intro = "A freshly edited introduction."
    page.save_revision().publish()

    assert "A freshly edited introduction." in client.get("/en/about/").content.decode()


def test_staff_with_a_session_always_get_a_freshly_rendered_page(client):
    client.force_login(User.objects.create_superuser("editor", "editor@example.org", "pw"))
    client.get("/en/about/")

    response = client.get("/en/about/")

    assert response.status_code == 200
    assert "wagtail-userbar" in response.content.decode()


@override_settings(PAGE_CACHE_SECONDS=0)
def test_the_cache_can_be_switched_off(client):
    client.get("/en/about/")

    with CaptureQueriesContext(connection) as queries:
        client.get("/en/about/")

    assert len(queries) > 0


def test_the_sign_form_works_without_a_csrf_cookie_from_an_earlier_visit(client):
    client.get("/en/petition/")
    page = client.get("/en/petition/").content.decode()

    assert "csrfmiddlewaretoken" not in page
    assert client.cookies.get("csrftoken") is None


def test_browsers_that_accept_gzip_get_the_page_compressed_once_and_others_get_it_plain(client):
    plain = client.get("/en/map/")

    compressed = client.get("/en/map/", HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    again_plain = client.get("/en/map/")

    assert compressed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in compressed["Vary"]
    assert gzip.decompress(compressed.content) == plain.content
    assert len(compressed.content) < len(plain.content) / 3
    assert not again_plain.has_header("Content-Encoding")
    assert again_plain.content == plain.content

import pytest
from django.contrib.auth.models import Group, User
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Locale

from alliance.content.models import AboutPage
from alliance.core.roles import EDITORS

pytestmark = pytest.mark.django_db

NOTICE = "This page has not been translated into your language yet, so it is shown in English."


@pytest.fixture
def editor(client):
    user = User.objects.create_user(username="editor", password="a-long-password-for-tests")
    user.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(user)
    return user


def test_editor_translates_a_page_and_visitors_then_read_it_in_their_language(client, editor):
    about = AboutPage.objects.get(locale__language_code="en")
    polish = Locale.objects.get(language_code="pl")
    with translation.override("pl"):
        polish_notice = gettext(NOTICE)
    assert polish_notice in client.get("/pl/about/").content.decode()

    response = client.post(f"/admin/localize/submit/page/{about.pk}/", {"locales": [polish.pk]})

    assert response.status_code == 302
    translated = about.get_translation(polish)
    translated.title = "O sojuszu"
    translated.intro = "#CohesionAlliance to koalicja na rzecz silnej polityki spójności UE."
    translated.save_revision(user=editor).publish()

    content = client.get("/pl/about/").content.decode()
    assert "O sojuszu" in content
    assert polish_notice not in content
    assert "About the alliance" in client.get("/en/about/").content.decode()

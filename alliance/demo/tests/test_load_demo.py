import pytest
from django.apps import apps
from django.core.management import call_command

from alliance.campaigns.models import Statement
from alliance.content.models import LibraryDocument, Material, StoryPage
from alliance.core.languages import LANGUAGE_CODES
from alliance.demo.loader import load_demo

pytestmark = pytest.mark.django_db


def row_counts() -> dict[str, int]:
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


def test_loading_the_demo_twice_changes_nothing(capsys):
    before = row_counts()

    call_command("load_demo")

    assert row_counts() == before
    assert "nothing to do" in capsys.readouterr().out


def test_demo_restores_what_is_missing_without_touching_the_rest():
    Statement.objects.filter(locale__language_code="mt", slug="declaration-2-0").delete()
    edited = Statement.objects.get(locale__language_code="fr", slug="declaration-2-0")
    edited.title = "Titre modifié par l'équipe"
    edited.save()

    created = load_demo()

    assert created == {"statements": 1}
    edited.refresh_from_db()
    assert edited.title == "Titre modifié par l'équipe"


def test_demo_has_both_statement_versions_in_all_24_languages():
    for slug in ("statement-of-principles", "declaration-2-0"):
        languages = set(Statement.objects.filter(slug=slug).values_list("locale__language_code", flat=True))
        assert languages == set(LANGUAGE_CODES)
    assert Statement.objects.filter(is_current=True).values("translation_key").distinct().count() == 1


def test_demo_covers_several_countries_and_every_theme():
    stories = StoryPage.objects.live()
    assert 4 <= stories.count() <= 6
    assert stories.values("country").distinct().count() >= 4
    assert set(stories.values_list("theme", flat=True)) == {"greener", "smart", "inclusive", "multilevel"}
    assert all(story.photos.exists() for story in stories)


def test_demo_has_a_library_and_banners_in_every_language():
    assert LibraryDocument.objects.count() >= 6
    banner_languages = set(Material.objects.filter(kind=Material.Kind.BANNER).values_list("language", flat=True))
    assert banner_languages == set(LANGUAGE_CODES)
    assert Material.objects.filter(kind=Material.Kind.BANNER).values("width", "height").distinct().count() == 3

import pytest
from django.core.cache import cache

from alliance.demo.loader import load_demo


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every database test starts from the demo content, loaded once per test session."""
    with django_db_blocker.unblock():
        load_demo()


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache, whether local memory or a shared Redis."""
    cache.clear()

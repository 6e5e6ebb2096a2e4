import pytest

from alliance.demo.loader import load_demo


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):  # type: ignore[no-untyped-def]
    """Every database test starts from the demo content, loaded once per test session."""
    with django_db_blocker.unblock():
        load_demo()

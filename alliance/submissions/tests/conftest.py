import pytest
from django.core import mail

from alliance.signatures.tests.conftest import solved_captcha


@pytest.fixture
def mailbox() -> list:
    return mail.outbox


@pytest.fixture
def author() -> dict[str, str]:
    """What every take-action form asks of its author."""
    return {
        "author_name": "Ana Kovač",
        "email": "ana@example.org",
        "organisation": "Občina Maribor",
        "country": "SI",
        "region": "SI03",
        "language": "sl",
        "publication_consent": "on",
        "privacy_consent": "on",
    }


@pytest.fixture
def send(client, django_capture_on_commit_callbacks):
    """Post a take-action form as a browser with JavaScript would, running what the request queues once committed."""

    def post(slug: str, data: dict, *, language: str = "en"):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(f"/{language}/take-action/{slug}/", {"altcha": solved_captcha(), **data})

    return post

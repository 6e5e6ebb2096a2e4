import re

import pytest
from django.core import mail

from alliance.campaigns.models import Campaign


@pytest.fixture
def petition(db) -> Campaign:
    return Campaign.objects.get(slug="petition")


@pytest.fixture
def statement_campaign(db) -> Campaign:
    return Campaign.objects.get(slug="statement-of-principles")


@pytest.fixture
def mailbox() -> list:
    return mail.outbox


@pytest.fixture
def sign(client, django_capture_on_commit_callbacks):
    """Post a sign form as a browser would, running what the request queues once it is committed."""

    def post(url: str, data: dict[str, str]):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, data)

    return post


def citizen(**overrides: str) -> dict[str, str]:
    return {
        "name": "Anna Schmidt",
        "email": "anna.schmidt@example.org",
        "country": "DE",
        "postal_code": "10115",
        "privacy_consent": "on",
        **overrides,
    }


def organisation(**overrides: str) -> dict[str, str]:
    return {
        "name": "Jan Kowalski",
        "email": "office@podlaskie.example.eu",
        "organisation_name": "Podlaskie Region",
        "organisation_kind": "regional-authority",
        "role": "Marshal of the Region",
        "country": "PL",
        "region": "PL84",
        "website": "podlaskie.example.eu",
        "privacy_consent": "on",
        **overrides,
    }


def link_in(message, kind: str) -> str:
    """The path of the confirm or manage link in an e-mail."""
    match = re.search(rf"https?://[^/\s]+(/\w\w/signatures/{kind}/[^\s\"<]+/)", message.body)
    assert match, message.body
    return match.group(1)

import base64
import json
import re

import pytest
from altcha import solve_challenge_v1
from django.core import mail

from alliance.campaigns.models import Campaign
from alliance.core.captcha import new_challenge


@pytest.fixture
def petition(db) -> Campaign:
    return Campaign.objects.get(slug="petition")


@pytest.fixture
def statement_campaign(db) -> Campaign:
    return Campaign.objects.get(slug="statement-of-principles")


@pytest.fixture
def mailbox() -> list:
    return mail.outbox


def solved_captcha() -> str:
    """What the captcha script puts in the form: a solution of a fresh challenge."""
    challenge = new_challenge()
    solution = solve_challenge_v1(
        challenge["challenge"], challenge["salt"], challenge["algorithm"], challenge["maxNumber"]
    )
    assert solution is not None
    fields = ("algorithm", "challenge", "salt", "signature")
    return base64.b64encode(
        json.dumps({**{field: challenge[field] for field in fields}, "number": solution.number}).encode()
    ).decode()


@pytest.fixture
def sign(client, django_capture_on_commit_callbacks):
    """Post a sign form as a browser with JavaScript would, running what the request queues once committed."""

    def post(url: str, data: dict[str, str]):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, {"altcha": solved_captcha(), **data})

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

import io

import pytest
from django.contrib.auth.models import Group, User
from PIL import Image

from alliance.campaigns.models import Campaign
from alliance.signatures.models import Signature
from alliance.signatures.tests.conftest import solved_captcha
from alliance.signatures.tests.factories import signed


@pytest.fixture
def statement_campaign(db) -> Campaign:
    return Campaign.objects.get(slug="statement-of-principles")


@pytest.fixture
def sign(client, django_capture_on_commit_callbacks):
    """Post the statement's sign form as a browser would, files included, running what it queues on commit."""

    def post(data: dict, url: str = "/en/statement/"):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, {"altcha": solved_captcha(), **data})

    return post


@pytest.fixture
def partner(statement_campaign):
    """Make an organisation's signature through the signing services, confirmed unless told otherwise."""

    def make(
        name: str, *, kind: str = "ngo", country: str = "DE", region: str = "", confirmed: bool = True, **fields
    ) -> Signature:
        return signed(
            statement_campaign,
            organisation_name=name,
            organisation_kind=kind,
            country=country,
            region=region,
            confirm=confirmed,
            **fields,
        )

    return make


def staff(role: str) -> User:
    user = User.objects.create_user(username=role.lower(), password="a-long-password-for-tests")
    user.groups.add(Group.objects.get(name=role))
    return user


def image_file(fmt: str, size: tuple[int, int] = (1200, 800), **save_options) -> bytes:
    image = Image.new("RGB", size, (0, 51, 153))
    buffer = io.BytesIO()
    image.save(buffer, format=fmt, **save_options)
    return buffer.getvalue()


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Each test stores uploads in a folder of its own, so that it sees only its own files."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT

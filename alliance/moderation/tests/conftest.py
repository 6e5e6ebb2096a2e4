import datetime

import pytest
from django.contrib.auth.models import Group, User
from django.core.files.base import ContentFile
from django.utils import timezone

from alliance.core.roles import MODERATORS
from alliance.submissions.models import EventRequest, PositionPaper, ProjectPicture, Submission, VideoStatement
from alliance.submissions.tests.conftest import author, mailbox, send  # noqa: F401  (shared fixtures)

QUEUE = "/admin/moderation/"


def staff(role: str) -> User:
    user = User.objects.create_user(username=role.lower(), password="a-long-password-for-tests")
    user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def moderator(db) -> User:
    return staff(MODERATORS)


def _kind_fields(kind: str) -> tuple[type[VideoStatement | ProjectPicture | PositionPaper | EventRequest], dict]:
    if kind == Submission.Kind.VIDEO:
        return VideoStatement, {
            "video": ContentFile(b"not played in tests", name="statement.mp4"),
            "poster": ContentFile(b"not shown in tests", name="poster.jpg"),
        }
    if kind == Submission.Kind.PICTURE:
        return ProjectPicture, {
            "caption": "Children in the new library",
            "fund": ProjectPicture.Fund.ERDF,
            "picture": ContentFile(b"not shown in tests", name="library.jpg"),
        }
    if kind == Submission.Kind.PAPER:
        return PositionPaper, {
            "summary": "What regions expect after 2027.",
            "pdf": ContentFile(b"%PDF-1.7 not opened in tests", name="paper.pdf"),
        }
    return EventRequest, {"starts_at": timezone.now() + datetime.timedelta(days=30), "place": "Maribor"}


@pytest.fixture
def submission(db):
    """Make a submission as if its author had sent and confirmed it and the worker had prepared its files."""

    def make(
        title: str, *, kind: str = Submission.Kind.EVENT, state: str = Submission.State.PENDING, **fields
    ) -> Submission:
        model, kind_fields = _kind_fields(kind)
        now = timezone.now()
        confirmed = state != Submission.State.UNCONFIRMED
        personal = {
            "author_name": "Ana Kovač",
            "email": "ana@example.org",
            "organisation": "Občina Maribor",
            "country": "SI",
            "region": "SI03",
            "language": "sl",
            "privacy_consent_at": now,
            "publication_consent_at": now,
            "confirmed_at": now if confirmed else None,
            "processed_at": now,
        }
        made = model(title=title, kind=kind, state=state, **{**personal, **kind_fields, **fields})
        made.save()
        return made

    return make

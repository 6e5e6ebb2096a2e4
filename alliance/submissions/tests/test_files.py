import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from alliance.submissions.models import ProjectPicture, Submission, VideoStatement

pytestmark = pytest.mark.django_db


def _shared(kind: str, state: str) -> dict:
    now = timezone.now()
    return {
        "kind": kind,
        "state": state,
        "author_name": "Ana Kovač",
        "email": "ana@example.org",
        "language": "sl",
        "privacy_consent_at": now,
        "publication_consent_at": now,
        "confirmed_at": None if state == Submission.State.UNCONFIRMED else now,
    }


@pytest.fixture
def video(sample_videos):
    def create(state: str = Submission.State.PENDING) -> VideoStatement:
        return VideoStatement.objects.create(
            **_shared(Submission.Kind.VIDEO, state),
            title="Why the tram matters",
            video=ContentFile(sample_videos["2s.mp4"], name="video.mp4"),
        )

    return create


@pytest.fixture
def moderator(client):
    user = get_user_model().objects.create_user(username="mia", password="secret")
    user.user_permissions.add(Permission.objects.get(codename="moderate_submission"))
    client.force_login(user)
    return user


def file_url(submission: Submission, field: str) -> str:
    return reverse("submissions:file", kwargs={"pk": submission.pk, "field": field})


def body(response) -> bytes:
    return b"".join(response.streaming_content)


def test_a_file_waiting_for_a_decision_is_hidden_from_visitors_and_from_users_without_the_permission(
    client, video, django_user_model
):
    statement = video()

    assert client.get(file_url(statement, "video")).status_code == 404
    client.force_login(django_user_model.objects.create_user(username="sam", password="secret"))
    assert client.get(file_url(statement, "video")).status_code == 404


def test_a_moderator_sees_a_file_waiting_for_a_decision_with_safe_headers(client, video, moderator, sample_videos):
    statement = video()

    response = client.get(file_url(statement, "video"))

    assert response.status_code == 200
    assert body(response) == sample_videos["2s.mp4"]
    assert response["Content-Type"] == "video/mp4"
    assert response["Content-Length"] == str(len(sample_videos["2s.mp4"]))
    assert response["Content-Disposition"] == f'inline; filename="video-{statement.pk}.mp4"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "sandbox; default-src 'none'"
    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]


def test_an_approved_file_is_public_and_may_be_cached(client, video):
    statement = video(state=Submission.State.APPROVED)

    response = client.get(file_url(statement, "video"))

    assert response.status_code == 200
    body(response)
    assert "public" in response["Cache-Control"]
    assert "max-age=3600" in response["Cache-Control"]


def test_a_file_of_unknown_type_is_only_ever_downloaded(client):
    picture = ProjectPicture.objects.create(
        **_shared(Submission.Kind.PICTURE, Submission.State.APPROVED),
        title="Tram line 3",
        caption="The new tram",
        fund=ProjectPicture.Fund.ERDF,
        picture=ContentFile(b"<html><script>alert(1)</script></html>", name="picture.html"),
    )
    assert str(picture.picture.name).endswith(".bin")

    response = client.get(file_url(picture, "picture"))

    assert response.status_code == 200
    body(response)
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"] == f'attachment; filename="picture-{picture.pk}.bin"'


def test_a_field_the_submission_does_not_have_is_not_found(client, video):
    statement = video(state=Submission.State.APPROVED)

    assert client.get(file_url(statement, "picture")).status_code == 404
    assert client.get(file_url(statement, "poster")).status_code == 404  # not made yet
    assert client.get(file_url(statement, "author_name")).status_code == 404


@pytest.mark.parametrize(
    ("header", "first", "last"),
    [("bytes=10-19", 10, 19), ("bytes=100-", 100, None), ("bytes=-5", -5, None), ("bytes=1000-99999", 1000, None)],
)
def test_a_range_of_a_video_is_sent_alone_so_that_browsers_can_seek(client, video, sample_videos, header, first, last):
    statement = video(state=Submission.State.APPROVED)
    data = sample_videos["2s.mp4"]
    expected = data[first : None if last is None else last + 1]
    start = first % len(data)

    response = client.get(file_url(statement, "video"), headers={"Range": header})

    assert response.status_code == 206
    assert body(response) == expected
    assert response["Content-Length"] == str(len(expected))
    assert response["Content-Range"] == f"bytes {start}-{start + len(expected) - 1}/{len(data)}"
    assert response["Accept-Ranges"] == "bytes"


def test_a_range_beyond_the_end_is_refused(client, video, sample_videos):
    statement = video(state=Submission.State.APPROVED)

    response = client.get(file_url(statement, "video"), headers={"Range": "bytes=99999-"})

    assert response.status_code == 416
    assert response["Content-Range"] == f"bytes */{len(sample_videos['2s.mp4'])}"


@pytest.mark.parametrize("header", ["bytes=0-1,5-9", "pages=1-2", "bytes=9-2"])
def test_a_range_we_do_not_serve_gets_the_whole_file(client, video, sample_videos, header):
    statement = video(state=Submission.State.APPROVED)

    response = client.get(file_url(statement, "video"), headers={"Range": header})

    assert response.status_code == 200
    assert body(response) == sample_videos["2s.mp4"]

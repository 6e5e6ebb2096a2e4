import io
import re

import pytest
from PIL import Image

from alliance.core.roles import MODERATORS
from alliance.demo import content
from alliance.demo.loader import load_demo
from alliance.moderation.tests.conftest import QUEUE, staff
from alliance.submissions.models import ProjectPicture, Submission, VideoStatement

from .test_load_demo import row_counts

pytestmark = pytest.mark.django_db


def titles(items: list[tuple], *, pending: bool) -> list[str]:
    return [item[1] for item in items if item[-1] is pending]


@pytest.fixture
def demo_submissions() -> None:
    load_demo(with_submissions=True)


def test_demo_galleries_show_the_approved_submissions_only(client, demo_submissions):
    videos = client.get("/en/take-action/videos/").content.decode()
    pictures = client.get("/en/take-action/pictures/").content.decode()
    events = client.get("/en/take-action/events/").content.decode()
    library = client.get("/en/library/").content.decode()

    assert all(title in videos for _, title, _ in content.VIDEOS)
    assert all(title in pictures for title in titles(content.PICTURES, pending=False))
    assert "Solar roof for the old market hall (demo)" not in pictures
    upcoming, past = events.split("Past events")
    assert "Cohesion policy quiz night (demo)" in upcoming
    assert "Breakfast with local entrepreneurs (demo)" in upcoming
    assert "Regional forum: cohesion policy after 2027 (demo)" in past
    assert "School debate on the future of the regions (demo)" not in events
    assert "Regions at the heart of the next EU budget (demo)" in library
    assert "Cohesion policy and rural health services (demo)" not in library


def test_demo_pictures_come_from_four_countries_and_funds_and_are_served_as_jpeg(client, demo_submissions):
    pictures = ProjectPicture.objects.filter(state=Submission.State.APPROVED)
    assert pictures.values("country").distinct().count() == 4
    assert set(pictures.values_list("fund", flat=True)) == {"erdf", "esf-plus", "cohesion-fund", "interreg"}

    response = client.get(f"/en/take-action/files/{pictures[0].pk}/picture/")

    assert response["Content-Type"] == "image/jpeg"
    served = b"".join(response.streaming_content)
    response.close()
    with Image.open(io.BytesIO(served)) as image:
        assert (image.format, image.size) == ("JPEG", (1200, 800))


def test_demo_videos_play_with_a_poster_and_a_transcript(client, demo_submissions):
    video = VideoStatement.objects.get(title="Why our valley needs cohesion policy (demo)")

    page = client.get(f"/en/take-action/videos/{video.pk}/").content.decode()

    assert video.duration == pytest.approx(3, abs=0.2)
    assert f'poster="/en/take-action/files/{video.pk}/poster/"' in page
    assert "EU cohesion policy paid for the health centre" in page
    served = client.get(f"/en/take-action/files/{video.pk}/video/")
    served.close()
    assert served["Content-Type"] == "video/mp4"


def test_demo_leaves_a_picture_an_event_and_a_paper_for_moderators(client, demo_submissions):
    client.force_login(staff(MODERATORS))

    queue = client.get(QUEUE).content.decode()

    listed = re.findall(r'<th scope="row" data-column="title">(.*?)</th>', queue, re.S)
    assert sorted(" ".join(re.sub(r"<[^>]+>", " ", cell).split()) for cell in listed) == [
        "Cohesion policy and rural health services (demo)",
        "School debate on the future of the regions (demo)",
        "Solar roof for the old market hall (demo)",
    ]


def test_loading_the_demo_submissions_twice_adds_nothing(demo_submissions):
    before = row_counts()

    assert load_demo(with_submissions=True) == {}
    assert row_counts() == before

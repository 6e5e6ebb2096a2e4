import io
import re
from datetime import UTC, timedelta

import icalendar
import pytest
from django.core.files.base import ContentFile
from django.utils import formats, timezone, translation
from PIL import Image

from alliance.submissions import gallery
from alliance.submissions.models import EventRequest, ProjectPicture, Submission, VideoStatement
from alliance.submissions.selectors import past_events, published_pictures, published_videos, upcoming_events

APPROVED = Submission.State.APPROVED
NOT_PUBLIC = [
    Submission.State.UNCONFIRMED,
    Submission.State.PENDING,
    Submission.State.CHANGES_REQUESTED,
    Submission.State.REJECTED,
]


def jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (32, 24), (0, 51, 153)).save(buffer, format="JPEG")
    return buffer.getvalue()


def _author(kind: str, state: str) -> dict:
    now = timezone.now()
    return {
        "kind": kind,
        "state": state,
        "author_name": "Ana Kovač",
        "email": "ana@example.org",
        "organisation": "Občina Maribor",
        "country": "SI",
        "region": "SI03",
        "language": "sl",
        "privacy_consent_at": now,
        "publication_consent_at": now,
        "confirmed_at": None if state == Submission.State.UNCONFIRMED else now,
        "decided_at": now if state == APPROVED else None,
    }


@pytest.fixture
def video(db):
    def create(title: str = "Why our valley needs cohesion", *, state: str = APPROVED, **fields) -> VideoStatement:
        return VideoStatement.objects.create(
            **_author(Submission.Kind.VIDEO, state),
            title=title,
            video=ContentFile(b"\x00\x00\x00\x18ftypmp42", name="statement.mp4"),
            poster=ContentFile(jpeg(), name="poster.jpg"),
            transcript="Hello from Maribor. The new tram line was built with EU money.",
            **fields,
        )

    return create


@pytest.fixture
def picture(db):
    def create(title: str = "Tram line", *, state: str = APPROVED, **fields) -> ProjectPicture:
        return ProjectPicture.objects.create(
            **{
                **_author(Submission.Kind.PICTURE, state),
                "title": title,
                "caption": f"{title} on its first day",
                "fund": ProjectPicture.Fund.ERDF,
                "theme": "greener",
                "picture": ContentFile(jpeg(), name="picture.jpg"),
                **fields,
            }
        )

    return create


@pytest.fixture
def event(db):
    def create(title: str = "Cohesion day", *, starts_in: timedelta, state: str = APPROVED, **fields) -> EventRequest:
        starts_at = timezone.now() + starts_in
        return EventRequest.objects.create(
            **_author(Submission.Kind.EVENT, state),
            title=title,
            starts_at=starts_at,
            ends_at=starts_at + timedelta(hours=2),
            place="Town hall, Maribor",
            languages=["sl", "en"],
            message="We would like banners.",
            **fields,
        )

    return create


def test_video_gallery_shows_approved_videos_only(client, video):
    video("A minute for Maribor")
    for state in NOT_PUBLIC:
        video(f"Not public ({state})", state=state)

    content = client.get("/en/take-action/videos/").content.decode()

    assert "A minute for Maribor" in content
    assert "Not public" not in content
    assert "Still from the video “A minute for Maribor”" in content
    assert "Ana Kovač" in content
    assert "Občina Maribor" in content
    assert "Vzhodna Slovenija" in content
    assert "slovenščina" in content


def test_video_page_plays_the_video_and_shows_its_transcript(client, video):
    statement = video()

    content = client.get(f"/en/take-action/videos/{statement.pk}/").content.decode()

    assert "<video" in content
    assert 'preload="none"' in content
    assert f'poster="/en/take-action/files/{statement.pk}/poster/"' in content
    assert f'src="/en/take-action/files/{statement.pk}/video/"' in content
    assert ">Transcript</h2>" in content
    assert "The new tram line was built with EU money." in content


def test_picture_gallery_shows_approved_pictures_only(client, picture):
    picture("Tram line")
    for state in NOT_PUBLIC:
        picture(f"Not public ({state})", state=state)

    response = client.get("/en/take-action/pictures/")
    content = response.content.decode()

    assert "Tram line on its first day" in content
    assert "European Regional Development Fund (ERDF)" in content
    assert "Vzhodna Slovenija" in content
    assert "Not public" not in content
    assert response.context["pictures"].paginator.count == 1


@pytest.mark.parametrize(
    ("query", "shown"),
    [
        ("", {"Tram line", "Training centre", "Bridge"}),
        ("country=PL", {"Training centre"}),
        ("fund=esf-plus", {"Training centre"}),
        ("theme=inclusive", {"Training centre", "Bridge"}),
        ("country=SI&theme=inclusive", {"Bridge"}),
        ("country=XX&fund=nonsense", {"Tram line", "Training centre", "Bridge"}),
    ],
)
def test_picture_gallery_filters_by_country_fund_and_theme(client, picture, query, shown):
    picture("Tram line", theme="greener")
    picture("Training centre", country="PL", region="PL91", fund=ProjectPicture.Fund.ESF_PLUS, theme="inclusive")
    picture("Bridge", fund=ProjectPicture.Fund.INTERREG, theme="inclusive")

    response = client.get(f"/en/take-action/pictures/?{query}")

    assert {item.title for item in response.context["pictures"]} == shown


def test_picture_gallery_is_paginated_and_keeps_the_filters_across_pages(client, picture, monkeypatch):
    monkeypatch.setattr(gallery, "PICTURES_PER_PAGE", 2)
    for number in range(3):
        picture(f"Picture {number}")

    first = client.get("/en/take-action/pictures/?fund=erdf")
    second = client.get("/en/take-action/pictures/?fund=erdf&page=2")

    assert [item.title for item in first.context["pictures"]] == ["Picture 2", "Picture 1"]
    assert 'href="?fund=erdf&amp;page=2"' in first.content.decode()
    assert [item.title for item in second.context["pictures"]] == ["Picture 0"]


def test_events_page_lists_upcoming_events_soonest_first_then_past_events_most_recent_first(client, event):
    event("Next month", starts_in=timedelta(days=30))
    event("Tomorrow", starts_in=timedelta(days=1))
    event("Last week", starts_in=timedelta(days=-7))
    event("Last year", starts_in=timedelta(days=-365))
    event("Under way", starts_in=timedelta(hours=-1))
    event("Not approved", starts_in=timedelta(days=2), state=Submission.State.PENDING)

    content = client.get("/en/take-action/events/").content.decode()

    order = ["Upcoming events", "Under way", "Tomorrow", "Next month", "Past events", "Last week", "Last year"]
    positions = [content.index(text) for text in order]
    assert positions == sorted(positions)
    assert "Not approved" not in content
    assert "We would like banners." not in content
    assert "Town hall, Maribor" in content
    assert "slovenščina, English" in content
    assert 'href="/en/take-action/events.ics"' in content


def test_event_times_are_shown_in_the_visitors_language(client, event):
    meeting = event(starts_in=timedelta(days=3))
    local = timezone.localtime(meeting.starts_at)

    for language in ("en", "de"):
        content = client.get(f"/{language}/take-action/events/").content.decode()
        with translation.override(language):
            assert formats.date_format(local, "DATETIME_FORMAT") in content


@pytest.fixture
def one_of_each(video, picture, event):
    return {
        "videos": video(),
        "pictures": picture(),
        "events": event(starts_in=timedelta(days=5)),
    }


@pytest.mark.parametrize("gallery_name", ["videos", "pictures", "events"])
def test_item_pages_have_open_graph_tags_and_share_links_with_the_hashtag(client, one_of_each, gallery_name):
    item = one_of_each[gallery_name]
    url = f"http://testserver/en/take-action/{gallery_name}/{item.pk}/"

    content = client.get(f"/en/take-action/{gallery_name}/{item.pk}/").content.decode()

    assert f'<meta property="og:title" content="{item.title}">' in content
    assert '<meta property="og:description" content="' in content
    assert f'<meta property="og:url" content="{url}">' in content
    if gallery_name != "events":
        field = "poster" if gallery_name == "videos" else "picture"
        assert (
            f'<meta property="og:image" content="http://testserver/en/take-action/files/{item.pk}/{field}/">' in content
        )
    encoded_url = "http%3A%2F%2Ftestserver%2Fen%2Ftake-action%2F" + f"{gallery_name}%2F{item.pk}%2F"
    for network in (
        "mailto:",
        "https://x.com/",
        "https://www.facebook.com/",
        "https://www.linkedin.com/",
        "https://wa.me/",
        "https://bsky.app/",
    ):
        link = content[content.index(f'href="{network}') :].split('"')[1]
        assert "%23CohesionAlliance" in link, network
        assert encoded_url in link, network
    assert content.count('rel="noopener"') >= 6
    assert "<script" not in content.split("</head>")[1]


def test_items_that_are_not_approved_or_do_not_exist_are_not_found(client, video, picture):
    pending = video(state=Submission.State.PENDING)
    rejected = picture(state=Submission.State.REJECTED)
    approved = picture()

    assert client.get(f"/en/take-action/videos/{pending.pk}/").status_code == 404
    assert client.get(f"/en/take-action/pictures/{rejected.pk}/").status_code == 404
    assert client.get(f"/en/take-action/videos/{approved.pk}/").status_code == 404
    assert client.get(f"/en/take-action/papers/{approved.pk}/").status_code == 404
    assert client.get("/en/take-action/pictures/999999/").status_code == 404
    assert client.get(f"/en/take-action/pictures/{approved.pk}/").status_code == 200


def test_calendar_feed_has_the_approved_events_with_stable_ids_in_utc(client, event):
    meeting = event("Cohesion day", starts_in=timedelta(days=10))
    event("Spring forum", starts_in=timedelta(days=-20))
    event("Secret meeting", starts_in=timedelta(days=3), state=Submission.State.PENDING)
    event("Long ago", starts_in=timedelta(days=-400))

    response = client.get("/en/take-action/events.ics")

    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'inline; filename="events.ics"'
    calendar = icalendar.Calendar.from_ical(response.content)
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"]
    entries = {str(entry["SUMMARY"]): entry for entry in calendar.events}
    assert set(entries) == {"Cohesion day", "Spring forum"}
    entry = entries["Cohesion day"]
    assert str(entry["UID"]) == f"event-{meeting.pk}@testserver"
    assert entry.start == meeting.starts_at.replace(microsecond=0)
    assert f"DTSTART:{meeting.starts_at.astimezone(UTC):%Y%m%dT%H%M%SZ}" in response.content.decode()
    assert entry.end == meeting.ends_at.replace(microsecond=0)
    assert "DTSTAMP" in entry
    assert str(entry["LOCATION"]) == "Town hall, Maribor, Vzhodna Slovenija"
    assert str(entry["URL"]) == f"http://testserver/en/take-action/events/{meeting.pk}/"


def test_gallery_selectors_each_need_one_query(video, picture, event, django_assert_num_queries):
    video()
    picture(country="PL", region="PL91")
    event(starts_in=timedelta(days=1))
    event(starts_in=timedelta(days=-1))
    now = timezone.now()

    with django_assert_num_queries(1):
        assert len(list(published_videos())) == 1
    with django_assert_num_queries(1):
        assert len(list(published_pictures(country="PL", fund="erdf", theme="greener"))) == 1
    with django_assert_num_queries(1):
        assert len(list(upcoming_events(now=now))) == 1
    with django_assert_num_queries(1):
        assert len(list(past_events(now=now))) == 1


def test_events_are_in_the_main_navigation_and_link_to_the_other_galleries(client, db):
    about = client.get("/en/about/").content.decode()
    events = client.get("/en/take-action/events/").content.decode()

    assert '<a href="/en/take-action/events/"' in about
    assert 'href="/en/take-action/videos/"' in events
    assert 'href="/en/take-action/pictures/"' in events


def test_the_picture_gallery_shows_the_small_copy_and_the_item_page_the_picture(client, picture):
    with_thumbnail = picture("Tram line", thumbnail=ContentFile(jpeg(), name="thumbnail.jpg"))
    picture("Bridge")

    gallery = client.get("/en/take-action/pictures/").content.decode()
    item = client.get(f"/en/take-action/pictures/{with_thumbnail.pk}/").content.decode()

    assert f'src="/en/take-action/files/{with_thumbnail.pk}/thumbnail/"' in gallery
    # Before the worker made the small copy, the gallery shows the picture itself.
    assert re.search(r'src="/en/take-action/files/\d+/picture/"', gallery)
    assert f"/en/take-action/files/{with_thumbnail.pk}/picture/" in item

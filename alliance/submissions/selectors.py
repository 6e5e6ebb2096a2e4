"""What the public galleries show: approved submissions only, whatever state the others are in."""

from datetime import datetime, timedelta

from django.db.models import Q, QuerySet

from .models import EventRequest, ProjectPicture, Submission, VideoStatement

# Events stay in the calendar feed for a while after they took place, so that a subscriber's calendar
# keeps what they attended.
FEED_KEEPS_PAST_EVENTS = timedelta(days=90)


def published_videos() -> QuerySet[VideoStatement]:
    return VideoStatement.objects.filter(state=Submission.State.APPROVED).order_by("-decided_at", "-pk")


def published_pictures(*, country: str = "", fund: str = "", theme: str = "") -> QuerySet[ProjectPicture]:
    pictures = ProjectPicture.objects.filter(state=Submission.State.APPROVED)
    if country:
        pictures = pictures.filter(country=country)
    if fund:
        pictures = pictures.filter(fund=fund)
    if theme:
        pictures = pictures.filter(theme=theme)
    return pictures.order_by("-decided_at", "-pk")


def _published_events() -> QuerySet[EventRequest]:
    return EventRequest.objects.filter(state=Submission.State.APPROVED)


def _not_over(now: datetime) -> Q:
    # An event without an end time counts as over once it has started.
    return Q(ends_at__gte=now) | Q(ends_at__isnull=True, starts_at__gte=now)


def upcoming_events(*, now: datetime) -> QuerySet[EventRequest]:
    """Events still to come or under way, the soonest first."""
    return _published_events().filter(_not_over(now)).order_by("starts_at", "pk")


def past_events(*, now: datetime) -> QuerySet[EventRequest]:
    """Events that are over, the most recent first."""
    return _published_events().exclude(_not_over(now)).order_by("-starts_at", "-pk")


def feed_events(*, now: datetime) -> QuerySet[EventRequest]:
    return _published_events().filter(starts_at__gte=now - FEED_KEEPS_PAST_EVENTS).order_by("starts_at", "pk")


PUBLISHED_KINDS: dict[str, type[VideoStatement] | type[ProjectPicture] | type[EventRequest]] = {
    Submission.Kind.VIDEO: VideoStatement,
    Submission.Kind.PICTURE: ProjectPicture,
    Submission.Kind.EVENT: EventRequest,
}


def published_item(*, kind: str, pk: int) -> VideoStatement | ProjectPicture | EventRequest | None:
    """One approved video, picture or event, or None when there is none of that kind or it is not public."""
    model = PUBLISHED_KINDS.get(kind)
    if model is None:
        return None
    return model.objects.filter(state=Submission.State.APPROVED, pk=pk).first()

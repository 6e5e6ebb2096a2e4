"""The public galleries of approved submissions: videos, project pictures and events, and a calendar feed."""

from dataclasses import dataclass
from datetime import UTC
from urllib.parse import quote, urlencode

import icalendar
from django import forms
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import Truncator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe
from django_countries import countries

from alliance.campaigns.themes import Theme
from alliance.core.page_cache import cached_for_visitors
from alliance.regions.nuts import EU_COUNTRIES, region_name

from .models import EventRequest, ProjectPicture, Submission, VideoStatement
from .selectors import feed_events, past_events, published_item, published_pictures, published_videos, upcoming_events

HASHTAG = "#CohesionAlliance"
PICTURES_PER_PAGE = 24
VIDEOS_PER_PAGE = 12

# The address of each gallery (/take-action/<gallery>/) and the kind of submission it shows.
GALLERIES: dict[str, str] = {
    "videos": Submission.Kind.VIDEO,
    "pictures": Submission.Kind.PICTURE,
    "events": Submission.Kind.EVENT,
}
GALLERY_OF_KIND = {kind: gallery for gallery, kind in GALLERIES.items()}


def item_path(item: Submission) -> str:
    return reverse("submissions:detail", kwargs={"gallery": GALLERY_OF_KIND[item.kind], "pk": item.pk})


@dataclass(frozen=True)
class ShareLink:
    label: str
    url: str


def share_links(*, url: str, title: str) -> list[ShareLink]:
    """Plain links to each network's own share page, so that nothing of theirs loads until someone clicks."""
    text = f"{title} {HASHTAG}"
    with_url = f"{text} {url}"
    body = "\n\n".join([title, url, HASHTAG])
    return [
        ShareLink(gettext("E-mail"), f"mailto:?subject={quote(title, safe='')}&body={quote(body, safe='')}"),
        ShareLink("X", "https://x.com/intent/tweet?" + urlencode({"text": text, "url": url})),
        ShareLink(
            "Facebook", "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url, "hashtag": HASHTAG})
        ),
        ShareLink("LinkedIn", "https://www.linkedin.com/feed/?" + urlencode({"shareActive": "true", "text": with_url})),
        ShareLink("WhatsApp", "https://wa.me/?" + urlencode({"text": with_url})),
        ShareLink("Bluesky", "https://bsky.app/intent/compose?" + urlencode({"text": with_url})),
    ]


def _eu_countries() -> list[tuple[str, object]]:
    eu = sorted(((code, str(countries.name(code))) for code in EU_COUNTRIES), key=lambda choice: choice[1])
    return [("", _("All countries")), *eu]


class PictureFilterForm(forms.Form):
    """Filters read from the address, so that a filtered gallery can be linked to and works without JavaScript."""

    country = forms.ChoiceField(label=_("Country"), choices=_eu_countries, required=False)
    fund = forms.ChoiceField(
        label=_("Fund"), choices=[("", _("All funds")), *ProjectPicture.Fund.choices], required=False
    )
    theme = forms.ChoiceField(label=_("Theme"), choices=[("", _("All themes")), *Theme.choices], required=False)

    def filters(self) -> dict[str, str]:
        """The valid filters; one that is not valid is ignored rather than shown as an error."""
        self.is_valid()
        return {name: self.cleaned_data.get(name, "") for name in self.fields}


@require_safe
@cached_for_visitors
def videos(request: HttpRequest) -> HttpResponse:
    page = Paginator(published_videos(), VIDEOS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "submissions/video_list.html", {"videos": page})


@require_safe
@cached_for_visitors
def pictures(request: HttpRequest) -> HttpResponse:
    form = PictureFilterForm(request.GET, auto_id="pictures-%s")
    page = Paginator(published_pictures(**form.filters()), PICTURES_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "submissions/picture_list.html", {"filter_form": form, "pictures": page})


@require_safe
@cached_for_visitors
def events(request: HttpRequest) -> HttpResponse:
    now = timezone.now()
    return render(
        request, "submissions/event_list.html", {"upcoming": upcoming_events(now=now), "past": past_events(now=now)}
    )


def _description(item: Submission) -> str:
    if isinstance(item, VideoStatement):
        byline = ", ".join(part for part in (item.author_name, item.organisation) if part)
        return Truncator(item.transcript).chars(200) if item.transcript else byline
    if isinstance(item, ProjectPicture):
        return item.caption
    assert isinstance(item, EventRequest)
    when = date_format(timezone.localtime(item.starts_at), "DATETIME_FORMAT")
    return f"{when} · {item.place}"


def _image_path(item: Submission) -> str:
    if isinstance(item, VideoStatement) and item.poster:
        return reverse("submissions:file", kwargs={"pk": item.pk, "field": "poster"})
    if isinstance(item, ProjectPicture):
        return reverse("submissions:file", kwargs={"pk": item.pk, "field": "picture"})
    return ""


@require_safe
@cached_for_visitors
def detail(request: HttpRequest, gallery: str, pk: int) -> HttpResponse:
    item = published_item(kind=GALLERIES.get(gallery, ""), pk=pk)
    if item is None:
        raise Http404
    url = request.build_absolute_uri(item_path(item))
    image_path = _image_path(item)
    context = {
        "item": item,
        "gallery": gallery,
        "url": url,
        "description": _description(item),
        "image_url": request.build_absolute_uri(image_path) if image_path else "",
        "share_links": share_links(url=url, title=item.title),
    }
    return render(request, f"submissions/{item.kind}_detail.html", context)


def event_calendar(events: list[EventRequest], *, request: HttpRequest) -> icalendar.Calendar:
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//#CohesionAlliance//Events//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", gettext("#CohesionAlliance events"))
    host = request.get_host().split(":")[0]
    for event in events:
        entry = icalendar.Event()
        entry.add("uid", f"event-{event.pk}@{host}")
        entry.add("dtstamp", (event.decided_at or event.created_at).astimezone(UTC))
        entry.add("dtstart", event.starts_at.astimezone(UTC))
        if event.ends_at:
            entry.add("dtend", event.ends_at.astimezone(UTC))
        entry.add("summary", event.title)
        entry.add("location", ", ".join(part for part in (event.place, region_name(event.region)) if part))
        entry.add("url", request.build_absolute_uri(item_path(event)))
        calendar.add_component(entry)
    return calendar


@require_safe
@cached_for_visitors
def events_ics(request: HttpRequest) -> HttpResponse:
    calendar = event_calendar(list(feed_events(now=timezone.now())), request=request)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="events.ics"'
    return response

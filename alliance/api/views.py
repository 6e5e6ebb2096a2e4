from typing import Any

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.exceptions import ValidationError
from rest_framework.generics import GenericAPIView, ListAPIView, RetrieveAPIView
from rest_framework.request import Request
from rest_framework.response import Response

from alliance.campaigns.models import Campaign
from alliance.content.models import LibraryDocument, StoryPage
from alliance.partners.selectors import public_partners
from alliance.regions.selectors import region_rows
from alliance.signatures.models import Tally
from alliance.submissions.models import EventRequest
from alliance.submissions.selectors import past_events, upcoming_events

from . import filters, serializers

# Long enough for a crowd of readers to share one answer, short enough for counters to look live.
API_MAX_AGE = 60


class PublicReadView(GenericAPIView):
    """Public, read-only, cacheable by anyone: every endpoint's answer says so."""

    def finalize_response(self, request: Request, response: Response, *args: Any, **kwargs: Any) -> Response:
        response = super().finalize_response(request, response, *args, **kwargs)
        if response.status_code == 200:
            patch_cache_control(response, public=True, max_age=API_MAX_AGE)
        return response


class CampaignList(PublicReadView, ListAPIView):
    """Campaigns people sign, with their live counters."""

    queryset = Campaign.objects.order_by("opens_at", "pk")
    serializer_class = serializers.CampaignSerializer


class CampaignDetail(PublicReadView, RetrieveAPIView):
    queryset = Campaign.objects.all()
    serializer_class = serializers.CampaignSerializer
    lookup_field = "slug"


DIMENSIONS = {"country": Tally.Dimension.COUNTRY, "region": Tally.Dimension.REGION, "kind": Tally.Dimension.KIND}


class CampaignCounts(PublicReadView):
    """Confirmed signatures of a campaign by country (ISO code), NUTS-2 region or kind of signatory."""

    serializer_class = serializers.CampaignCountsSerializer
    pagination_class = None

    @extend_schema(
        parameters=[
            OpenApiParameter("dimension", OpenApiTypes.STR, OpenApiParameter.PATH, enum=list(DIMENSIONS)),
        ]
    )
    def get(self, request: Request, slug: str, dimension: str) -> Response:
        if dimension not in DIMENSIONS:
            raise Http404
        campaign = get_object_or_404(Campaign, slug=slug)
        rows = (
            Tally.objects.filter(campaign=campaign, dimension=DIMENSIONS[dimension], count__gt=0)
            .order_by("key")
            .values_list("key", "count")
        )
        data = {
            "campaign": campaign.slug,
            "dimension": dimension,
            "counts": [{"key": key, "confirmed": count} for key, count in rows],
        }
        return Response(self.get_serializer(data).data)


class PartnerList(PublicReadView, ListAPIView):
    """Organisations that signed the statement and may be named; authorities once staff verified them."""

    serializer_class = serializers.PartnerSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = filters.PartnerFilter

    def get_queryset(self):
        return public_partners()


class RegionList(PublicReadView, ListAPIView):
    """Every EU-27 NUTS-2 region with its partners by kind and its individual supporters, as on the map."""

    serializer_class = serializers.RegionSerializer
    pagination_class = None

    @extend_schema(
        parameters=[
            OpenApiParameter("country", OpenApiTypes.STR, enum=[code for code, _label in filters.COUNTRY_CHOICES]),
            OpenApiParameter("kind", OpenApiTypes.STR, enum=["region", "local", "association", "none"]),
        ]
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        chosen = filters.RegionFilter(request.query_params)
        if not chosen.is_valid():
            raise ValidationError(chosen.errors)
        country, kind = chosen.form.cleaned_data.get("country"), chosen.form.cleaned_data.get("kind")
        rows = [
            row
            for row in region_rows(order="region")
            if (not country or row.country == country) and (not kind or row.kind == kind)
        ]
        return Response(self.get_serializer(sorted(rows, key=lambda row: row.code), many=True).data)


class StoryList(PublicReadView, ListAPIView):
    """Published success stories, in every language they are written in."""

    serializer_class = serializers.StorySerializer
    # For the schema: the real list depends on who may see which page, decided per request.
    queryset = StoryPage.objects.none()
    filter_backends = [DjangoFilterBackend]
    filterset_class = filters.StoryFilter

    def get_queryset(self):
        return StoryPage.objects.live().public().select_related("locale").order_by("-first_published_at", "pk")


class LibraryDocumentList(PublicReadView, ListAPIView):
    """Reports, studies and position papers of the library."""

    serializer_class = serializers.LibraryDocumentSerializer
    filter_backends = [DjangoFilterBackend]
    filterset_class = filters.LibraryDocumentFilter

    def get_queryset(self):
        return LibraryDocument.objects.select_related("document").order_by("-published_on", "pk")


class EventList(PublicReadView, ListAPIView):
    """Approved events of supporters: those to come by default, or those that took place (`when=past`)."""

    serializer_class = serializers.EventSerializer
    # For the schema: the real list depends on the time of the request.
    queryset = EventRequest.objects.none()
    filter_backends = [DjangoFilterBackend]
    filterset_class = filters.EventFilter

    def get_queryset(self):
        now = timezone.now()
        # Any other value of `when` is answered with a 400 by the filter.
        if self.request.query_params.get("when") == filters.PAST:
            return past_events(now=now)
        return upcoming_events(now=now)

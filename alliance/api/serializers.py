"""What the API shows of each thing: only what is public already on the site, never a signer's contact."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from rest_framework import serializers

from alliance.campaigns.models import Campaign
from alliance.content.models import LibraryDocument, StoryPage
from alliance.partners.models import Partner
from alliance.signatures.selectors import campaign_count
from alliance.submissions.gallery import item_path
from alliance.submissions.models import EventRequest


class CampaignSerializer(serializers.ModelSerializer):
    confirmed = serializers.SerializerMethodField(help_text="Confirmed signatures.")
    progress = serializers.SerializerMethodField(help_text="Share of the goal reached (0 to 1); null without a goal.")
    is_open = serializers.BooleanField(read_only=True)
    counter_url = serializers.SerializerMethodField(help_text="The live counter, cheap to poll.")

    class Meta:
        model = Campaign
        fields = [
            "slug",
            "kind",
            "title",
            "goal",
            "confirmed",
            "progress",
            "is_open",
            "opens_at",
            "closes_at",
            "counter_url",
        ]

    def get_confirmed(self, campaign: Campaign) -> int:
        return campaign_count(campaign).confirmed

    def get_progress(self, campaign: Campaign) -> float | None:
        return campaign_count(campaign).progress

    def get_counter_url(self, campaign: Campaign) -> str:
        return self.context["request"].build_absolute_uri(reverse("counter", kwargs={"slug": campaign.slug}))


class CountSerializer(serializers.Serializer):
    key = serializers.CharField(help_text="ISO country code, NUTS-2 code, or kind of signatory.")
    confirmed = serializers.IntegerField()


class CampaignCountsSerializer(serializers.Serializer):
    campaign = serializers.SlugField()
    dimension = serializers.ChoiceField(choices=["country", "region", "kind"])
    counts = CountSerializer(many=True)


class PartnerSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="organisation_name")
    kind = serializers.CharField(source="organisation_kind")
    logo = serializers.SerializerMethodField()

    class Meta:
        model = Partner
        fields = ["id", "name", "kind", "country", "region", "website", "logo"]

    def get_logo(self, partner: Partner) -> str | None:
        return self.context["request"].build_absolute_uri(partner.logo.url) if partner.logo else None


class RegionSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    country = serializers.CharField()
    kind = serializers.ChoiceField(choices=["region", "local", "association", "none"])
    regional_authorities = serializers.IntegerField()
    local_authorities = serializers.IntegerField()
    associations = serializers.IntegerField()
    partners = serializers.IntegerField()
    individual_supporters = serializers.IntegerField(source="individuals")


class StorySerializer(serializers.ModelSerializer):
    language = serializers.CharField(source="locale.language_code")
    url = serializers.SerializerMethodField()

    class Meta:
        model = StoryPage
        fields = [
            "id",
            "title",
            "language",
            "featured_name",
            "lead",
            "region",
            "country",
            "theme",
            "first_published_at",
            "url",
        ]

    def get_url(self, story: StoryPage) -> str:
        return story.get_full_url(self.context["request"]) or ""


class LibraryDocumentSerializer(serializers.ModelSerializer):
    file = serializers.SerializerMethodField()

    class Meta:
        model = LibraryDocument
        fields = ["id", "title", "author_organisation", "kind", "language", "published_on", "summary", "file"]

    def get_file(self, document: LibraryDocument) -> str:
        return self.context["request"].build_absolute_uri(document.document.url)


class EventSerializer(serializers.ModelSerializer):
    """What the public event page shows; never the organiser's contact, message, needs or staff notes."""

    languages = serializers.ListField(child=serializers.CharField(), help_text="Languages the event is held in.")
    url = serializers.SerializerMethodField(help_text="The event's public page.")

    class Meta:
        model = EventRequest
        fields = ["id", "title", "starts_at", "ends_at", "place", "region", "country", "languages", "url"]

    def get_url(self, event: EventRequest) -> str:
        # The same address whatever language the client asks for, so one cached answer serves everyone.
        with translation.override(settings.LANGUAGE_CODE):
            return self.context["request"].build_absolute_uri(item_path(event))

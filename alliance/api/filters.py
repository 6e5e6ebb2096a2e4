"""Query parameters of the list endpoints: a value outside the choices is a 400, never an empty page."""

import django_filters
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from alliance.campaigns.themes import Theme
from alliance.content.models import LibraryDocument, StoryPage
from alliance.core.languages import EU_LANGUAGES
from alliance.partners.models import Partner
from alliance.regions.nuts import EU_COUNTRIES, nuts2_regions
from alliance.signatures.models import Signature
from alliance.submissions.models import EventRequest

COUNTRY_CHOICES = [(code, code) for code in sorted(EU_COUNTRIES)]


class StrictFilterSet(django_filters.FilterSet):
    """An empty choice is an error too: `?kind=` would otherwise quietly mean "any kind"."""

    def is_valid(self) -> bool:
        valid = super().is_valid()
        for name, chosen in self.filters.items():
            if isinstance(chosen, django_filters.ChoiceFilter) and name in self.data and not self.data.get(name):
                self.form.add_error(name, _("Give a value or leave the parameter out."))
                valid = False
        return valid


REGION_CHOICES = [(code, code) for code in nuts2_regions()]


class PartnerFilter(StrictFilterSet):
    country = django_filters.ChoiceFilter(choices=COUNTRY_CHOICES)
    region = django_filters.ChoiceFilter(choices=REGION_CHOICES)
    kind = django_filters.ChoiceFilter(field_name="organisation_kind", choices=Signature.OrganisationKind.choices)
    search = django_filters.CharFilter(field_name="organisation_name", lookup_expr="icontains", max_length=100)

    class Meta:
        model = Partner
        fields = ["country", "region", "kind", "search"]


class StoryFilter(StrictFilterSet):
    language = django_filters.ChoiceFilter(field_name="locale__language_code", choices=EU_LANGUAGES)
    country = django_filters.ChoiceFilter(choices=COUNTRY_CHOICES)
    theme = django_filters.ChoiceFilter(choices=Theme.choices)

    class Meta:
        model = StoryPage
        fields = ["language", "country", "theme"]


class LibraryDocumentFilter(StrictFilterSet):
    language = django_filters.ChoiceFilter(choices=EU_LANGUAGES)
    kind = django_filters.ChoiceFilter(choices=LibraryDocument.Kind.choices)

    class Meta:
        model = LibraryDocument
        fields = ["language", "kind"]


class RegionFilter(StrictFilterSet):
    """Filters the rows of region_rows(), which are not a queryset."""

    country = django_filters.ChoiceFilter(choices=COUNTRY_CHOICES, method="keep")
    kind = django_filters.ChoiceFilter(
        choices=[(kind, kind) for kind in ("region", "local", "association", "none")], method="keep"
    )

    class Meta:
        model = Partner
        fields: list[str] = []

    def keep(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset


UPCOMING, PAST = "upcoming", "past"


class EventFilter(StrictFilterSet):
    """`when` picks the selector in the view (upcoming by default); it is here to be checked and documented."""

    when = django_filters.ChoiceFilter(
        choices=[(UPCOMING, UPCOMING), (PAST, PAST)],
        method="keep",
        help_text="upcoming (the default): still to come or under way, soonest first; past: over, latest first.",
    )
    country = django_filters.ChoiceFilter(choices=COUNTRY_CHOICES)

    class Meta:
        model = EventRequest
        fields = ["when", "country"]

    def keep(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset

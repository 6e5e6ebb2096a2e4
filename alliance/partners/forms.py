from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from alliance.regions.nuts import EU_COUNTRIES, nuts2_regions
from alliance.signatures.models import Signature

from .selectors import ALL, AWAITING, VERIFIED


def _country_choices() -> list[tuple[str, object]]:
    eu = sorted(((code, str(countries.name(code))) for code in EU_COUNTRIES), key=lambda choice: choice[1])
    return [("", _("All countries")), *eu]


def _region_choices() -> list[tuple[str, str]]:
    return [("", ""), *nuts2_regions().items()]


class OrganisationFilterForm(forms.Form):
    """Filters read from the address, so that a filtered list can be linked to and works without JavaScript."""

    q = forms.CharField(label=_("Organisation name"), max_length=100, required=False)
    country = forms.ChoiceField(label=_("Country"), choices=_country_choices, required=False)
    kind = forms.ChoiceField(
        label=_("Kind of organisation"),
        choices=[("", _("All kinds")), *Signature.OrganisationKind.choices],
        required=False,
    )

    def valid(self, name: str) -> str:
        """The field's value when valid, else empty: a filter that is not valid is ignored, not shown as an error."""
        if not self.is_bound or name in self.errors:
            return ""
        return (self.cleaned_data.get(name) or "").strip()

    def filters(self) -> dict[str, str]:
        return {"country": self.valid("country"), "kind": self.valid("kind"), "search": self.valid("q")}


class PartnerFilterForm(OrganisationFilterForm):
    # Set by links from elsewhere on the site (a region on the map), not chosen in the form.
    region = forms.ChoiceField(choices=_region_choices, required=False, widget=forms.HiddenInput)

    def filters(self) -> dict[str, str]:
        return {**super().filters(), "region": self.valid("region")}


class VerificationFilterForm(OrganisationFilterForm):
    status = forms.ChoiceField(
        label=_("Show"),
        choices=[
            (AWAITING, _("Awaiting verification")),
            (VERIFIED, _("Verified")),
            (ALL, _("All confirmed organisations")),
        ],
        required=False,
    )

    field_order = ["status", "q", "country", "kind"]

    def filters(self) -> dict[str, str]:
        return {**super().filters(), "status": self.valid("status") or AWAITING}

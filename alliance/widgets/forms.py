from urllib.parse import urlsplit, urlunsplit

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from alliance.campaigns.models import Campaign
from alliance.core.languages import EU_LANGUAGES
from alliance.partners.forms import OrganisationFilterForm
from alliance.partners.selectors import public_partners
from alliance.signatures.models import Signature
from alliance.signatures.services import Referral

_HTTP_URL = URLValidator(schemes=["http", "https"])


def page_without_query(value: str) -> str:
    """The partner's page as stored: an http(s) address without query string or fragment, else an error."""
    try:
        parts = urlsplit(value.strip())
    except ValueError as error:
        raise ValidationError(_("Enter a valid URL."), code="invalid") from error
    page = urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))
    _HTTP_URL(page)
    Signature._meta.get_field("via_page").run_validators(page)  # its length
    return page


class ReferralForm(forms.Form):
    """Where the widget is shown, read from its address: whatever does not check out is left out, not refused.

    The visitor signs either way; a signature only names a partner that is in the public list.
    """

    partner = forms.IntegerField(min_value=1, required=False)
    page = forms.CharField(max_length=2000, required=False)

    def clean_partner(self) -> int | None:
        partner_id = self.cleaned_data["partner"]
        if partner_id is None or not public_partners().filter(pk=partner_id).exists():
            return None
        return partner_id

    def clean_page(self) -> str:
        page = self.cleaned_data["page"]
        return page_without_query(page) if page else ""

    def referral(self) -> Referral:
        self.is_valid()
        data = self.cleaned_data
        return Referral(
            partner_id=None if "partner" in self.errors else data.get("partner"),
            page="" if "page" in self.errors else data.get("page", ""),
        )


def _open_campaigns():
    # The petition first: it is the campaign partners are asked to carry.
    return Campaign.objects.open().order_by("kind", "opens_at")


def _campaign_choices() -> list[tuple[str, str]]:
    return [(campaign.slug, campaign.title) for campaign in _open_campaigns()]


def _language_choices() -> list[tuple[str, object]]:
    return [("", _("The visitor's browser language")), *EU_LANGUAGES]


class SnippetForm(OrganisationFilterForm):
    """What the partner picks for their snippet; read from the address, so the page works without JavaScript."""

    campaign = forms.ChoiceField(label=_("Campaign"), choices=_campaign_choices, required=False)
    language = forms.ChoiceField(label=_("Language of the widget"), choices=_language_choices, required=False)
    partner = forms.IntegerField(label=_("Your organisation"), min_value=1, required=False)

    field_order = ["campaign", "language", "country", "q", "partner"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["kind"]

    def chosen_campaign(self) -> Campaign | None:
        slug = self.valid("campaign")
        campaigns = _open_campaigns()
        return (campaigns.filter(slug=slug) if slug else campaigns).first()

    def chosen_partner(self) -> Signature | None:
        if not self.is_bound or "partner" in self.errors or not self.cleaned_data.get("partner"):
            return None
        return public_partners().filter(pk=self.cleaned_data["partner"]).first()

    def partner_search(self) -> dict[str, str]:
        filters = self.filters()
        return {"country": filters["country"], "search": filters["search"]}

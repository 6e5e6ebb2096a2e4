import functools
import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from alliance.core.forms import CaptchaForm
from alliance.regions.nuts import EU_COUNTRIES, country_of, nuts2_regions

from .logos import LogoField
from .models import Signature
from .services import SignatureInput

OUTSIDE_EU = "other"
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069]")
# A value starting with one of these is run as a formula when a CSV export is opened in a spreadsheet.
_FORMULA_PREFIXES = ("=", "+", "-", "@")


def validate_plain_text(value: str) -> None:
    if _CONTROL_CHARACTERS.search(value):
        raise ValidationError(_("Please remove the invisible or control characters."), code="control_characters")
    if value.startswith(_FORMULA_PREFIXES):
        raise ValidationError(_("Please do not start with =, +, - or @."), code="formula")


# Every signature validates against these lists: they are sorted once per language, not per request.
def country_choices() -> list[tuple[str, object]]:
    return _country_choices(translation.get_language())


def region_choices() -> list[tuple[str, object]]:
    return _region_choices(translation.get_language())


@functools.cache
def _country_choices(language: str) -> list[tuple[str, object]]:
    eu = sorted(((code, str(countries.name(code))) for code in EU_COUNTRIES), key=lambda choice: choice[1])
    return [("", _("Choose your country")), *eu, (OUTSIDE_EU, _("Another country"))]


@functools.cache
def _region_choices(language: str) -> list[tuple[str, object]]:
    by_country: dict[str, list[tuple[str, str]]] = {}
    for code, name in nuts2_regions().items():
        by_country.setdefault(country_of(code), []).append((code, f"{name} ({code})"))
    grouped = sorted(
        ((str(countries.name(country)), regions) for country, regions in by_country.items()), key=lambda g: g[0]
    )
    return [("", _("No region, or not in the EU")), *grouped]


class TextField(forms.CharField):
    default_validators = [validate_plain_text]


class SignatureForm(CaptchaForm):
    kind: str

    name = TextField(label=_("Your name"), max_length=200)
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    country = forms.ChoiceField(label=_("Country"), choices=country_choices)
    privacy_consent = forms.BooleanField(
        label=_("I have read the privacy notice and agree that my signature is stored to be counted."),
        error_messages={"required": _("We can only count your signature if you accept the privacy notice.")},
    )
    news_opt_in = forms.BooleanField(label=_("Send me news about the campaign (optional)."), required=False)
    # Left empty by people, filled in by form-filling robots: a filled-in form is dropped silently.
    homepage = forms.CharField(label=_("Leave this field empty"), required=False, max_length=200)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["email"].widget.attrs.update({"autocomplete": "email", "inputmode": "email"})
        self.fields["name"].widget.attrs.update({"autocomplete": "name"})
        self.fields["homepage"].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})

    @property
    def is_from_a_robot(self) -> bool:
        return bool(self.cleaned_data.get("homepage"))

    def signature_input(self, *, language: str) -> SignatureInput:
        data = self.cleaned_data
        return SignatureInput(
            kind=self.kind,
            name=data["name"],
            email=data["email"],
            country="" if data["country"] == OUTSIDE_EU else data["country"],
            language=language,
            postal_code=data.get("postal_code", ""),
            region=data.get("region", ""),
            organisation_name=data.get("organisation_name", ""),
            organisation_kind=data.get("organisation_kind", ""),
            role=data.get("role", ""),
            website=data.get("website", ""),
            listed=not data.get("unlisted", False),
            logo_png=data.get("logo") or b"",
            news_opt_in=data["news_opt_in"],
        )


class PetitionSignatureForm(SignatureForm):
    kind = Signature.Kind.INDIVIDUAL

    postal_code = TextField(
        label=_("Postal code (optional)"),
        max_length=12,
        required=False,
        help_text=_("It places your signature on the map of supporters by region."),
    )

    field_order = ["name", "email", "country", "postal_code", "privacy_consent", "news_opt_in", "homepage"]


class StatementSignatureForm(SignatureForm):
    kind = Signature.Kind.ORGANISATION

    organisation_name = TextField(label=_("Organisation"), max_length=200)
    organisation_kind = forms.ChoiceField(
        label=_("Kind of organisation"), choices=[("", _("Choose one")), *Signature.OrganisationKind.choices]
    )
    role = TextField(
        label=_("Role or office (optional)"),
        max_length=200,
        required=False,
        help_text=_("For politicians, e.g. Mayor or Member of the Regional Council."),
    )
    region = forms.ChoiceField(label=_("Region"), choices=region_choices, required=False)
    website = forms.URLField(label=_("Website (optional)"), max_length=300, required=False, assume_scheme="https")
    logo = LogoField(
        label=_("Logo (optional)"),
        required=False,
        help_text=_("A PNG, JPEG or WebP image of at most 2 MB. It appears in the public list of partners."),
    )
    unlisted = forms.BooleanField(label=_("Do not list our organisation publicly"), required=False)

    field_order = [
        "name",
        "email",
        "organisation_name",
        "organisation_kind",
        "role",
        "country",
        "region",
        "website",
        "logo",
        "unlisted",
        "privacy_consent",
        "news_opt_in",
        "homepage",
    ]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["name"].label = _("Contact name")
        self.fields["email"].label = _("Contact e-mail address")
        self.fields["region"].widget.attrs["data-region-picker"] = ""

    def clean(self) -> dict:
        data = super().clean() or {}
        region, country = data.get("region"), data.get("country")
        if region and country and country_of(region) != country:
            self.add_error("region", _("This region is not in the country you chose."))
        return data

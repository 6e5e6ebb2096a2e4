import ipaddress
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from encrypted_fields.fields import EncryptedCharField, EncryptedEmailField

from alliance.campaigns.models import Campaign
from alliance.core.languages import EU_LANGUAGES


def logo_path(signature: "Signature", filename: str) -> str:
    # The uploaded file name never reaches the file system: it could carry anything.
    return f"logos/{uuid.uuid4().hex}.png"


class SignatureQuerySet(models.QuerySet["Signature"]):
    def confirmed(self) -> "SignatureQuerySet":
        return self.filter(status=Signature.Status.CONFIRMED)

    def pending(self) -> "SignatureQuerySet":
        return self.filter(status=Signature.Status.PENDING)


class Signature(models.Model):
    """One person's or organisation's signature of a campaign, from sending the form to withdrawal.

    Name and e-mail address are encrypted at rest; duplicates are found through a keyed hash of the
    normalised address. Country and region stay in clear so that counts survive anonymisation.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for confirmation")
        CONFIRMED = "confirmed", _("confirmed")

    class Kind(models.TextChoices):
        INDIVIDUAL = "individual", _("citizen")
        ORGANISATION = "organisation", _("organisation or politician")

    class OrganisationKind(models.TextChoices):
        REGIONAL_AUTHORITY = "regional-authority", _("Regional authority")
        LOCAL_AUTHORITY = "local-authority", _("Local authority")
        NATIONAL_ASSOCIATION = "national-association", _("National association of local and regional authorities")
        EUROPEAN_ASSOCIATION = "european-association", _("European association")
        SME = "sme", _("Small or medium-sized enterprise")
        NGO = "ngo", _("Non-governmental organisation")
        SCHOOL = "school", _("School")
        UNIVERSITY = "university", _("University")
        CULTURAL = "cultural", _("Cultural organisation")
        OTHER = "other", _("Other organisation")

    # Kinds that speak for a territory: listed publicly only after staff have checked who signed.
    INSTITUTIONAL_KINDS = (
        OrganisationKind.REGIONAL_AUTHORITY,
        OrganisationKind.LOCAL_AUTHORITY,
        OrganisationKind.NATIONAL_ASSOCIATION,
        OrganisationKind.EUROPEAN_ASSOCIATION,
    )

    campaign = models.ForeignKey(Campaign, on_delete=models.PROTECT, related_name="signatures")
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    # Empty (null) once the signature is anonymised.
    name = EncryptedCharField(_("name"), max_length=200, null=True)
    email = EncryptedEmailField(_("e-mail address"), max_length=254, null=True)
    email_hash = models.CharField(max_length=64, editable=False)
    # Kept apart from the encrypted address so that staff can see floods from one provider.
    email_domain = models.CharField(_("e-mail domain"), max_length=253, blank=True, editable=False)
    country = models.CharField(_("country"), max_length=2, blank=True, help_text=_("Empty outside the EU."))
    region = models.CharField(_("NUTS-2 region"), max_length=4, blank=True, db_index=True)
    subregion = models.CharField(_("NUTS-3 region"), max_length=5, blank=True)
    organisation_name = models.CharField(_("organisation"), max_length=200, blank=True)
    organisation_kind = models.CharField(
        _("kind of organisation"), max_length=24, choices=OrganisationKind.choices, blank=True
    )
    role = models.CharField(_("role or office"), max_length=200, blank=True)
    website = models.URLField(_("website"), max_length=300, blank=True)
    logo = models.ImageField(_("logo"), upload_to=logo_path, blank=True)
    listed = models.BooleanField(
        _("listed publicly"), default=True, help_text=_("Organisations may ask not to appear in the partner list.")
    )
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verified by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Signed through the widget on a partner's website: which partner, and the page (no query string).
    via_partner = models.ForeignKey(
        "self",
        verbose_name=_("signed on the website of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="referrals",
    )
    via_page = models.URLField(_("signed on the page"), max_length=300, blank=True)
    language = models.CharField(_("language"), max_length=2, choices=EU_LANGUAGES)
    news_opt_in = models.BooleanField(_("wants campaign news"), default=False)
    privacy_consent_at = models.DateTimeField(_("privacy notice accepted at"))
    ip_hash = models.CharField(max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField(_("signed at"), auto_now_add=True, db_index=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("reminded at"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True)

    objects = SignatureQuerySet.as_manager()

    class Meta:
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["campaign", "email_hash"], name="signature_one_per_person_and_campaign"),
            models.CheckConstraint(
                condition=models.Q(status="pending", confirmed_at__isnull=True)
                | models.Q(status="confirmed", confirmed_at__isnull=False),
                name="signature_confirmed_has_a_date",
            ),
        ]
        indexes = [models.Index(fields=["status", "created_at"], name="signature_status_age")]
        permissions = [("export_signature", _("Can export signatures with personal data"))]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.pk}"


class Tally(models.Model):
    """A running count of confirmed signatures, kept up to date when a signature is confirmed or withdrawn.

    Counting on write keeps the counters cheap to read however large the campaign grows; a periodic
    recount (`manage.py recount_tallies`) repairs any drift.
    """

    class Dimension(models.TextChoices):
        TOTAL = "total", _("total")
        COUNTRY = "country", _("country")
        REGION = "region", _("region")
        KIND = "kind", _("kind of signatory")
        DAY = "day", _("day of confirmation")

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="tallies")
    dimension = models.CharField(max_length=10, choices=Dimension.choices)
    key = models.CharField(max_length=24, blank=True)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("tally")
        verbose_name_plural = _("tallies")
        constraints = [
            models.UniqueConstraint(fields=["campaign", "dimension", "key"], name="tally_unique_per_dimension_key"),
        ]

    def __str__(self) -> str:
        return f"{self.campaign} {self.dimension}={self.key}: {self.count}"


class BlockedEmailDomain(models.Model):
    """An e-mail domain from which staff no longer accept signatures (a throwaway-address service, say)."""

    domain = models.CharField(_("e-mail domain"), max_length=253, unique=True, help_text=_("E.g. spam.example"))
    reason = models.CharField(_("reason"), max_length=255, blank=True)
    created_at = models.DateTimeField(_("blocked at"), auto_now_add=True)

    class Meta:
        verbose_name = _("blocked e-mail domain")
        verbose_name_plural = _("blocked e-mail domains")
        ordering = ["domain"]

    def __str__(self) -> str:
        return self.domain

    def save(self, *args, **kwargs) -> None:
        self.domain = self.domain.strip().lower().lstrip("@")
        super().save(*args, **kwargs)


class BlockedNetwork(models.Model):
    """An IP address range from which staff no longer accept signatures."""

    network = models.CharField(
        _("IP address range"), max_length=43, unique=True, help_text=_("An address or a range, e.g. 192.0.2.0/24")
    )
    reason = models.CharField(_("reason"), max_length=255, blank=True)
    created_at = models.DateTimeField(_("blocked at"), auto_now_add=True)

    class Meta:
        verbose_name = _("blocked IP address range")
        verbose_name_plural = _("blocked IP address ranges")
        ordering = ["network"]

    def __str__(self) -> str:
        return self.network

    def clean(self) -> None:
        try:
            self.network = str(ipaddress.ip_network(self.network.strip(), strict=False))
        except ValueError as error:
            raise ValidationError({"network": _("Enter an IP address or a range such as 192.0.2.0/24.")}) from error

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.fields import StreamField
from wagtail.models import Locale, RevisionMixin, TranslatableMixin

from .blocks import StatementBodyBlock


class StatementQuerySet(models.QuerySet["Statement"]):
    def in_language(self, language_code: str) -> "StatementQuerySet":
        return self.filter(locale__language_code=language_code)

    def newest_first(self) -> "StatementQuerySet":
        return self.order_by("-adopted_on")


class Statement(TranslatableMixin, RevisionMixin, models.Model):
    """One version of the text that partners sign, in one language.

    The versions of a statement in the 24 languages share a translation key; the slug and the
    adoption date are the same in every language.
    """

    slug = models.SlugField(_("slug"), max_length=80, help_text=_("Part of the address, e.g. declaration-2-0."))
    title = models.CharField(_("title"), max_length=200)
    subtitle = models.CharField(_("subtitle"), max_length=200, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    adopted_on = models.DateField(_("adopted on"))
    is_current = models.BooleanField(
        _("current version"), default=False, help_text=_("The version that people are invited to sign now.")
    )
    body = StreamField(StatementBodyBlock(), verbose_name=_("text"))
    updated_at = models.DateTimeField(auto_now=True)

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="statement")

    objects = StatementQuerySet.as_manager()

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("statement")
        verbose_name_plural = _("statements")
        ordering = ["-adopted_on"]
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="statement_unique_slug_per_language"),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.adopted_on:%Y})"

    @property
    def revisions(self):
        return self._revisions

    @property
    def language_code(self) -> str:
        return self.locale.language_code

    def get_pdf_url(self) -> str:
        return reverse("campaigns:statement_pdf", kwargs={"slug": self.slug})

    def in_locale_or_self(self, locale: Locale) -> "Statement":
        return self.get_translation_or_none(locale) or self


class CampaignQuerySet(models.QuerySet["Campaign"]):
    def open(self) -> "CampaignQuerySet":
        now = timezone.now()
        return self.filter(models.Q(closes_at__isnull=True) | models.Q(closes_at__gt=now), opens_at__lte=now)


class Campaign(models.Model):
    """Something people sign: the statement of principles (organisations) or the petition (citizens)."""

    class Kind(models.TextChoices):
        STATEMENT = "statement", _("Statement of principles: organisations and politicians")
        PETITION = "petition", _("Petition: citizens")

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200, help_text=_("For staff; visitors see the page's title."))
    goal = models.PositiveIntegerField(_("goal"), default=0, help_text=_("Number of signatures to reach; 0 for none."))
    opens_at = models.DateTimeField(_("opens at"), default=timezone.now)
    closes_at = models.DateTimeField(_("closes at"), null=True, blank=True)

    objects = CampaignQuerySet.as_manager()

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")
        ordering = ["opens_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_at__isnull=True) | models.Q(closes_at__gt=models.F("opens_at")),
                name="campaign_closes_after_it_opens",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        now = timezone.now()
        return self.opens_at <= now and (self.closes_at is None or now < self.closes_at)

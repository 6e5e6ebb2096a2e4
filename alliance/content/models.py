from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Prefetch, prefetch_related_objects
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.documents import get_document_model_string
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model_string
from wagtail.models import Locale, Orderable, Page
from wagtail.search import index

from alliance.campaigns.models import Campaign, Statement
from alliance.campaigns.selectors import (
    statement_for_language,
    statement_pdf_links,
    statements_for_language,
)
from alliance.campaigns.themes import Theme
from alliance.core.i18n import localized_page_url, localized_versions
from alliance.core.languages import EU_LANGUAGES
from alliance.partners.forms import PartnerFilterForm
from alliance.partners.selectors import partner_counts_by_kind, public_partners
from alliance.regions.nuts import EU_COUNTRIES, country_of, nuts2_choices, region_name
from alliance.signatures.abuse import signing_refusal
from alliance.signatures.forms import PetitionSignatureForm, SignatureForm, StatementSignatureForm
from alliance.signatures.selectors import campaign_count
from alliance.signatures.services import Referral
from alliance.signatures.views import accept_signature

from .blocks import ActionBlock, MilestoneBlock

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class SourceTreeFallbackMixin:
    """Route to the source-language page tree when a translated parent has no translation of the child.

    Translators can translate the home page first and its children later; until then the visitor
    still reaches every page, shown in English and marked as such.
    """

    def route(self, request: HttpRequest, path_components: list[str]):
        try:
            return super().route(request, path_components)  # type: ignore[misc]
        except Http404:
            source = self.get_translation_or_none(Locale.get_default())  # type: ignore[attr-defined]
            if source is None or source.pk == self.pk or not path_components:  # type: ignore[attr-defined]
                raise
            return source.specific.route(request, path_components)


class HomePage(SourceTreeFallbackMixin, Page):
    headline = models.CharField(_("headline"), max_length=200)
    lead = models.TextField(_("what the alliance is"))
    demand = models.TextField(_("headline demand"))

    content_panels = [*Page.content_panels, FieldPanel("headline"), FieldPanel("lead"), FieldPanel("demand")]
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        source = self.get_translation_or_none(Locale.get_default()) or self
        context["latest_stories"] = StoryPage.objects.live().descendant_of(source).order_by("-first_published_at")[:3]
        for name, page_type in (
            ("statement_page", StatementPage),
            ("petition_page", PetitionPage),
            ("stories_page", StoryIndexPage),
            ("take_action_page", TakeActionPage),
        ):
            context[name] = page_type.objects.live().descendant_of(source).select_related("locale").first()
        context["counters"] = [
            (label, campaign_count(page.campaign))
            for label, page in (
                (_("Organisations and politicians who signed the statement"), context["statement_page"]),
                (_("Citizens who signed the petition"), context["petition_page"]),
            )
            if page is not None and page.campaign is not None
        ]
        return context


def campaign_field(kind: str, *, help_text: "StrOrPromise") -> "models.ForeignKey[Campaign | None]":
    return models.ForeignKey(
        Campaign,
        verbose_name=_("campaign"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"kind": kind},
        help_text=help_text,
    )


@dataclass
class SignOutcome:
    form: SignatureForm
    status: int = 200
    redirect: HttpResponse | None = None


class SigningPageMixin:
    """A page that carries a campaign's sign form: posting to the page signs, then shows "check your inbox"."""

    form_class: type[SignatureForm]
    campaign: Campaign | None

    def signing_context(self, request: HttpRequest, form: SignatureForm | None = None) -> dict:
        campaign = self.campaign
        privacy_page = StandardPage.objects.live().filter(slug="privacy").first()
        return {
            "campaign": campaign,
            "count": campaign_count(campaign) if campaign else None,
            "form": form or self.form_class(),
            "privacy_url": localized_page_url(privacy_page, request) if privacy_page else "",
        }

    def answer_sign_form(self, request: HttpRequest) -> HttpResponse:
        """Sign with the posted form: on to the thanks page when accepted, else the page with the form again."""
        outcome = take_signature(request, campaign=self.campaign, form_class=self.form_class)
        return outcome.redirect or self.render_sign_form_again(request, outcome)

    def render_sign_form_again(self, request: HttpRequest, outcome: SignOutcome) -> HttpResponse:
        raise NotImplementedError


def take_signature(
    request: HttpRequest,
    *,
    campaign: Campaign | None,
    form_class: type[SignatureForm],
    referral: Referral | None = None,
) -> SignOutcome:
    """Handle a posted sign form: a redirect to the thanks page when accepted, else the form to show again.

    `referral` names the partner website the form was embedded in (the widget).
    """
    form = form_class(request.POST, request.FILES)
    if campaign is None or not campaign.is_open:
        form.add_error(None, _("Signing is closed."))
        return SignOutcome(form=form, status=403)
    if not form.is_valid():
        return SignOutcome(form=form, status=200)
    refusal = signing_refusal(request, email=form.cleaned_data["email"])
    if refusal is not None:
        message, status = refusal
        form.add_error(None, message)
        return SignOutcome(form=form, status=status)
    accept_signature(request, campaign=campaign, form=form, referral=referral)
    return SignOutcome(form=form, redirect=redirect(request.path.rstrip("/") + "/thanks/"))


class StatementPage(SigningPageMixin, RoutablePageMixin, Page):
    """The statement of principles: the current version, its earlier versions, the PDFs and the sign form."""

    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)
    campaign = campaign_field(
        Campaign.Kind.STATEMENT, help_text=_("The campaign that organisations sign on this page.")
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("campaign")]
    max_count_per_parent = 1
    form_class = StatementSignatureForm

    class Meta:
        verbose_name = _("statement page")

    def _render_version(self, request: HttpRequest, statement: Statement | None = None, **extra) -> HttpResponse:
        """Render one statement version; without one, the current version (else the newest)."""
        versions = statements_for_language(translation.get_language())
        if statement is None:
            statement = next((version for version in versions if version.is_current), versions[0] if versions else None)
        return self.render(
            request,
            context_overrides={
                "statement": statement,
                "versions": versions,
                "pdf_links": statement_pdf_links(statement) if statement else [],
                **extra,
            },
        )

    @path("")
    def current_version(self, request: HttpRequest) -> HttpResponse:
        if request.method != "POST":
            return self._render_version(request, **self.signing_context(request))
        return self.answer_sign_form(request)

    def render_sign_form_again(self, request: HttpRequest, outcome: SignOutcome) -> HttpResponse:
        response = self._render_version(request, **self.signing_context(request, outcome.form))
        response.status_code = outcome.status
        return response

    @path("thanks/")
    def thanks(self, request: HttpRequest) -> HttpResponse:
        return self._render_version(request, signed=True, **self.signing_context(request))

    @re_path(r"^(?P<slug>[-\w]+)/$")
    def version(self, request: HttpRequest, slug: str) -> HttpResponse:
        statement = statement_for_language(slug=slug, language_code=translation.get_language())
        if statement is None:
            raise Http404
        return self._render_version(request, statement)


class PetitionPage(SigningPageMixin, RoutablePageMixin, Page):
    """The citizens' petition: its text, the live counter and the sign form."""

    intro = models.TextField(_("introduction"), blank=True)
    body = RichTextField(_("petition text"), features=RICH_TEXT_FEATURES)
    campaign = campaign_field(Campaign.Kind.PETITION, help_text=_("The campaign that citizens sign on this page."))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body"), FieldPanel("campaign")]
    max_count_per_parent = 1
    form_class = PetitionSignatureForm

    class Meta:
        verbose_name = _("petition page")

    @path("")
    def petition(self, request: HttpRequest) -> HttpResponse:
        if request.method != "POST":
            return self.render(request, context_overrides=self.signing_context(request))
        return self.answer_sign_form(request)

    def render_sign_form_again(self, request: HttpRequest, outcome: SignOutcome) -> HttpResponse:
        response = self.render(request, context_overrides=self.signing_context(request, outcome.form))
        response.status_code = outcome.status
        return response

    @path("thanks/")
    def thanks(self, request: HttpRequest) -> HttpResponse:
        return self.render(request, context_overrides={"signed": True, **self.signing_context(request)})


class AboutPage(Page):
    intro = models.TextField(_("introduction"))
    body = RichTextField(_("text"), features=RICH_TEXT_FEATURES)
    history = StreamField([("milestone", MilestoneBlock())], verbose_name=_("history"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body"), FieldPanel("history")]

    class Meta:
        verbose_name = _("about page")


class StoryIndexPage(SourceTreeFallbackMixin, Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["content.StoryPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("story list")

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        source = self.get_translation_or_none(Locale.get_default()) or self
        stories = StoryPage.objects.child_of(source).live().order_by("-first_published_at")
        country = request.GET.get("country", "")
        theme = request.GET.get("theme", "")
        if country in EU_COUNTRIES:
            stories = stories.filter(country=country)
        if theme in Theme.values:
            stories = stories.filter(theme=theme)
        present_countries = set(StoryPage.objects.child_of(source).live().values_list("country", flat=True))
        stories_page = paginate(request, stories, per_page=12)
        context.update(
            {
                "stories": stories_page,
                "story_cards": story_cards(stories_page.object_list),
                "selected_country": country,
                "selected_theme": theme,
                "countries": [code for code in EU_COUNTRIES if code in present_countries],
                "themes": Theme.choices,
            }
        )
        return context


class StoryPage(Page):
    """A success story of cohesion policy, told through a real person or company."""

    featured_name = models.CharField(
        _("featured person or company"), max_length=200, help_text=_("Who the story is about.")
    )
    featured_description = models.CharField(_("who they are"), max_length=255)
    politician_name = models.CharField(_("introduced by"), max_length=200)
    politician_office = models.CharField(
        _("office"), max_length=255, help_text=_("E.g. President of the Region of Podlaskie.")
    )
    region = models.CharField(_("NUTS-2 region"), max_length=5, choices=nuts2_choices)
    country = models.CharField(_("country"), max_length=2, editable=False, db_index=True)
    theme = models.CharField(_("theme"), max_length=20, choices=Theme.choices, db_index=True)
    lead = models.TextField(_("lead"))
    introduction = models.TextField(_("introduction by the politician"))
    body = RichTextField(_("story"), features=RICH_TEXT_FEATURES)
    video = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("video"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("An MP4 or WebM file, served from this site."),
    )
    video_transcript = models.TextField(_("video transcript"), blank=True)

    search_fields = [
        *Page.search_fields,
        index.SearchField("featured_name"),
        index.SearchField("lead"),
        index.SearchField("body"),
        index.FilterField("country"),
        index.FilterField("theme"),
    ]
    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("featured_name"), FieldPanel("featured_description")], heading=_("Featured person or company")
        ),
        MultiFieldPanel(
            [FieldPanel("politician_name"), FieldPanel("politician_office"), FieldPanel("introduction")],
            heading=_("Introduced by"),
        ),
        FieldPanel("region"),
        FieldPanel("theme"),
        FieldPanel("lead"),
        FieldPanel("body"),
        InlinePanel("photos", label=_("Photos"), min_num=1),
        MultiFieldPanel([FieldPanel("video"), FieldPanel("video_transcript")], heading=_("Video")),
    ]
    parent_page_types = ["content.StoryIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")

    def save(self, *args, **kwargs):
        self.country = country_of(self.region)
        return super().save(*args, **kwargs)

    @property
    def region_name(self) -> str:
        return region_name(self.region)

    @property
    def first_photo(self) -> "StoryPhoto | None":
        photos = list(self.photos.all())  # uses the photos prefetched by story_cards()
        return photos[0] if photos else None


class StoryPhoto(Orderable):
    page = ParentalKey(StoryPage, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey(get_image_model_string(), on_delete=models.CASCADE, related_name="+")
    caption = models.CharField(_("caption"), max_length=255)
    alt_text = models.CharField(_("description for people who cannot see the photo"), max_length=255)

    panels = [FieldPanel("image"), FieldPanel("caption"), FieldPanel("alt_text")]


class LibraryDocument(index.Indexed, models.Model):
    """A report or position paper in the library."""

    class Kind(models.TextChoices):
        REPORT = "report", _("Report")
        POSITION_PAPER = "position-paper", _("Position paper")
        STUDY = "study", _("Study")
        OPINION = "opinion", _("Opinion")

    title = models.CharField(_("title"), max_length=255)
    author_organisation = models.CharField(_("author organisation"), max_length=255)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    language = models.CharField(_("language"), max_length=2, choices=EU_LANGUAGES)
    published_on = models.DateField(_("date"))
    summary = models.TextField(_("summary"), blank=True)
    document = models.ForeignKey(
        get_document_model_string(), verbose_name=_("file"), on_delete=models.PROTECT, related_name="+"
    )

    search_fields = [
        index.SearchField("title"),
        index.AutocompleteField("title"),
        index.SearchField("author_organisation"),
        index.SearchField("summary"),
        index.FilterField("kind"),
        index.FilterField("language"),
    ]
    panels = [
        FieldPanel("title"),
        FieldPanel("author_organisation"),
        FieldPanel("kind"),
        FieldPanel("language"),
        FieldPanel("published_on"),
        FieldPanel("summary"),
        FieldPanel("document"),
    ]

    class Meta:
        verbose_name = _("library document")
        verbose_name_plural = _("library documents")
        ordering = ["-published_on", "title"]

    def __str__(self) -> str:
        return self.title


class LibraryPage(Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("library")

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        query = request.GET.get("q", "").strip()
        kind = request.GET.get("kind", "")
        language = request.GET.get("language", "")
        documents = LibraryDocument.objects.select_related("document")
        if kind in LibraryDocument.Kind.values:
            documents = documents.filter(kind=kind)
        if language in dict(EU_LANGUAGES):
            documents = documents.filter(language=language)
        if query:
            documents = documents.filter(
                models.Q(title__icontains=query)
                | models.Q(author_organisation__icontains=query)
                | models.Q(summary__icontains=query)
            )
        present_languages = set(LibraryDocument.objects.values_list("language", flat=True))
        context.update(
            {
                "documents": paginate(request, documents, per_page=20),
                "query": query,
                "selected_kind": kind,
                "selected_language": language,
                "kinds": LibraryDocument.Kind.choices,
                "languages": [(code, name) for code, name in EU_LANGUAGES if code in present_languages],
            }
        )
        return context


class Material(models.Model):
    """A file partners can download: a web banner, a logo, a leaflet."""

    class Kind(models.TextChoices):
        BANNER = "banner", _("Web banner")
        LOGO = "logo", _("Logo")
        OTHER = "other", _("Other material")

    title = models.CharField(_("title"), max_length=255)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    language = models.CharField(
        _("language"), max_length=2, choices=EU_LANGUAGES, blank=True, help_text=_("Empty for every language.")
    )
    document = models.ForeignKey(
        get_document_model_string(), verbose_name=_("file"), on_delete=models.PROTECT, related_name="+"
    )
    width = models.PositiveIntegerField(_("width in pixels"), null=True, blank=True)
    height = models.PositiveIntegerField(_("height in pixels"), null=True, blank=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("kind"),
        FieldPanel("language"),
        FieldPanel("document"),
        FieldPanel("width"),
        FieldPanel("height"),
    ]

    class Meta:
        verbose_name = _("material")
        verbose_name_plural = _("materials")
        ordering = ["kind", "language", "width", "title"]

    def __str__(self) -> str:
        return self.title

    @property
    def file_format(self) -> str:
        return PurePosixPath(self.document.file.name).suffix.lstrip(".").upper()


class MaterialsPage(Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("materials for partners")

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        materials = Material.objects.select_related("document")
        language = request.GET.get("language", "")
        if language in dict(EU_LANGUAGES):
            materials = materials.filter(models.Q(language=language) | models.Q(language=""))
        context.update(
            {
                "banners": [material for material in materials if material.kind == Material.Kind.BANNER],
                "logos": [material for material in materials if material.kind == Material.Kind.LOGO],
                "others": [material for material in materials if material.kind == Material.Kind.OTHER],
                "statement_downloads": statement_downloads(),
                "languages": EU_LANGUAGES,
                "selected_language": language,
            }
        )
        return context


class TakeActionPage(Page):
    intro = models.TextField(_("introduction"), blank=True)
    actions = StreamField([("action", ActionBlock())], verbose_name=_("ways to take action"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("actions")]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("take action page")


class PartnersPage(Page):
    """The organisations that signed the statement and may be named, with filters that work without JavaScript."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("partner list")

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        form = PartnerFilterForm(request.GET, auto_id="partners-%s")
        filters = form.filters()
        context.update(
            {
                "filter_form": form,
                "partners": paginate(request, public_partners(**filters), per_page=50),
                "kind_counts": partner_counts_by_kind(
                    country=filters["country"], region=filters["region"], search=filters["search"]
                ),
                "region_name": region_name(filters["region"]) if filters["region"] else "",
            }
        )
        return context


class StandardPage(Page):
    """A page of text, such as the privacy notice or the imprint."""

    body = RichTextField(_("text"), features=RICH_TEXT_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("body")]

    class Meta:
        verbose_name = _("text page")


def story_cards(stories: Iterable[StoryPage]) -> list[StoryPage]:
    """The stories in the visitor's language where translated, with their photos, ready for cards."""
    cards = localized_versions(list(stories), model=StoryPage)
    photos = StoryPhoto.objects.select_related("image").prefetch_related("image__renditions")
    prefetch_related_objects(cards, Prefetch("photos", queryset=photos))
    return cards


def paginate(request: HttpRequest, items, *, per_page: int) -> PaginatorPage:
    return Paginator(items, per_page).get_page(request.GET.get("page"))


def statement_downloads() -> list[dict]:
    """Each statement version with its PDF in every language it exists in."""
    return [
        {"statement": statement, "links": statement_pdf_links(statement)}
        for statement in statements_for_language(settings.LANGUAGE_CODE)
    ]

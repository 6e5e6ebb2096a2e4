"""Load the demo content: create what is missing, never overwrite what staff have changed."""

import datetime
import json
import uuid
from collections import Counter
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, Site

from alliance.campaigns.models import Campaign, Statement
from alliance.content.models import (
    AboutPage,
    HomePage,
    LibraryDocument,
    LibraryPage,
    Material,
    MaterialsPage,
    PartnersPage,
    PetitionPage,
    StandardPage,
    StatementPage,
    StoryIndexPage,
    StoryPage,
    StoryPhoto,
    TakeActionPage,
)
from alliance.core.languages import LANGUAGE_CODES, NATIVE_NAMES
from alliance.moderation.models import RejectionReason
from alliance.partners.services import verify_partner
from alliance.signatures.models import Signature
from alliance.signatures.services import SignatureInput, confirm_signature, sign_campaign

from . import content, graphics
from .documents import demo_document_pdf
from .submissions import load_submissions

DATA = Path(__file__).resolve().parent / "data"
# Fixed so that every language version of a demo statement shares one translation key on every machine.
STATEMENT_KEYS = {
    "statement-of-principles": uuid.UUID("5d0c1f4e-6b1a-4f43-9a51-2017c0e51017"),
    "declaration-2-0": uuid.UUID("5d0c1f4e-6b1a-4f43-9a51-2020c0e52020"),
}
STATEMENT_VERSIONS = (
    ("original", "statement-of-principles", datetime.date(2017, 10, 9), False),
    ("declaration", "declaration-2-0", datetime.date(2020, 7, 1), True),
)


def _read(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


class DemoLoader:
    def __init__(self, *, with_partners: bool = False, with_submissions: bool = False) -> None:
        self.created: Counter[str] = Counter()
        self.with_partners = with_partners
        self.with_submissions = with_submissions
        self.locale = Locale.get_default()
        self.locales = {locale.language_code: locale for locale in Locale.objects.all()}

    @transaction.atomic
    def load(self) -> Counter[str]:
        if Collection.get_first_root_node() is None:
            Collection.add_root(name="Root")
        self.load_campaigns()
        self.load_statements()
        home = self.load_pages()
        self.translate_home(home)
        self.load_library()
        self.load_materials()
        self.load_rejection_reasons()
        if self.with_partners:
            self.load_partners()
        if self.with_submissions:
            self.created.update(load_submissions())
        return self.created

    # Campaigns and statements -----------------------------------------------------------------

    def load_campaigns(self) -> None:
        for slug, kind, title, goal in (
            ("statement-of-principles", Campaign.Kind.STATEMENT, "Statement of principles", 1000),
            ("petition", Campaign.Kind.PETITION, "Petition for a strong EU cohesion policy", 20000),
        ):
            _, created = Campaign.objects.get_or_create(
                slug=slug, defaults={"kind": kind, "title": title, "goal": goal}
            )
            if created:
                self.created["campaigns"] += 1

    def load_statements(self) -> None:
        for code in LANGUAGE_CODES:
            data = _read(DATA / "statements" / f"{code}.json")
            for key, slug, adopted_on, is_current in STATEMENT_VERSIONS:
                if Statement.objects.filter(locale=self.locales[code], slug=slug).exists():
                    continue
                version = data[key]
                Statement.objects.create(
                    locale=self.locales[code],
                    translation_key=STATEMENT_KEYS[slug],
                    slug=slug,
                    title=version["title"],
                    subtitle=version["subtitle"],
                    summary=version["summary"],
                    adopted_on=adopted_on,
                    is_current=is_current,
                    body=version["body"],
                )
                self.created["statements"] += 1

    # Pages ------------------------------------------------------------------------------------

    def _child(self, parent: Page, model: type[Page], slug: str, **fields: object) -> Page:
        existing = model.objects.child_of(parent).filter(slug=slug).first()
        if existing is not None:
            return existing
        page = model(slug=slug, locale=self.locale, **fields)
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.created["pages"] += 1
        return page

    def _replace_wagtail_welcome_page(self, root: Page) -> None:
        for page in root.get_children().filter(slug="home", content_type__model="page"):
            if not page.get_children().exists():
                Site.objects.filter(root_page=page).update(root_page=root)
                page.delete()

    def load_pages(self) -> HomePage:
        root = Page.get_first_root_node()
        if root is None:  # an emptied database (`manage.py flush`) has lost the tree's root
            root = Page.add_root(title="Root", slug="root", locale=self.locale)
        self._replace_wagtail_welcome_page(root)
        home_text = _read(DATA / "home" / "en.json")
        home = self._child(root, HomePage, "home", **home_text)
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(
                hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="#CohesionAlliance"
            )
        elif site.root_page_id != home.pk:
            site.root_page = home
            site.site_name = "#CohesionAlliance"
            site.save()

        self._child(
            home,
            AboutPage,
            "about",
            title="About the alliance",
            intro=content.ABOUT_INTRO,
            body=content.ABOUT_BODY,
            history=[{"type": "milestone", "value": milestone} for milestone in content.ABOUT_HISTORY],
        )
        statement_page = self._child(
            home,
            StatementPage,
            "statement",
            title="Join us: sign the statement of principles",
            intro="<p>The principles were drawn up in partnership by the European associations of regions and "
            "cities and the European Committee of the Regions. Organisations and politicians are invited "
            "to sign.</p>",
            campaign=Campaign.objects.get(slug="statement-of-principles"),
        )
        petition_page = self._child(
            home,
            PetitionPage,
            "petition",
            title="Sign the petition",
            intro=content.PETITION_INTRO,
            body=content.PETITION_BODY,
            campaign=Campaign.objects.get(slug="petition"),
        )
        stories = self._child(
            home,
            StoryIndexPage,
            "see-it",
            title="See it: success stories of cohesion policy",
            intro="Each story features a real person or company and is introduced by a regional or local politician.",
        )
        for story in content.STORIES:
            self._story(stories, story)
        self._child(
            home,
            TakeActionPage,
            "take-action",
            title="Take action",
            intro=content.TAKE_ACTION_INTRO,
            actions=[
                {
                    "type": "action",
                    "value": {
                        "title": title,
                        "text": text,
                        "link_page": (petition_page if title == "Join the petition" else statement_page).pk,
                        "link_label": "Sign the petition" if title == "Join the petition" else "Read the statement",
                    },
                }
                for title, text in content.TAKE_ACTIONS
            ],
        )
        self._child(
            home,
            LibraryPage,
            "library",
            title="Library: reports and position papers",
            intro="Reports and position papers on the future of cohesion policy, from the partners of the alliance.",
        )
        self._child(
            home,
            MaterialsPage,
            "materials",
            title="Materials for partners",
            intro="Banners, logos and the statement of principles in every EU language, free to use "
            "on your website and at your events.",
        )
        self._child(home, PartnersPage, "partners", title="Our partners", intro=content.PARTNERS_INTRO)
        self._child(home, StandardPage, "privacy", title="Privacy notice", body=content.PRIVACY_BODY)
        self._child(home, StandardPage, "imprint", title="Imprint", body=content.IMPRINT_BODY)
        return home

    def _story(self, parent: Page, data: dict) -> None:
        if StoryPage.objects.child_of(parent).filter(slug=data["slug"]).exists():
            return
        image = self._image(
            title=f"Demo: {data['title']}",
            png=graphics.illustration_png(theme=data["theme"], label=data["title"]),
            file_name=f"demo-{data['slug']}.png",
        )
        page = StoryPage(
            **data,
            locale=self.locale,
            body=content.STORY_BODY,
        )
        page.photos = [StoryPhoto(image=image, caption=data["lead"], alt_text=f"Illustration: {data['title']}")]
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.created["pages"] += 1

    def translate_home(self, home: HomePage) -> None:
        for code in LANGUAGE_CODES:
            path = DATA / "home" / f"{code}.json"
            if code == self.locale.language_code or not path.exists() or home.has_translation(self.locales[code]):
                continue
            translated = home.copy_for_translation(self.locales[code])
            for field, value in _read(path).items():
                setattr(translated, field, value)
            translated.save_revision().publish()
            self.created["pages"] += 1

    # Files ------------------------------------------------------------------------------------

    def _image(self, *, title: str, png: bytes, file_name: str):
        image_model = get_image_model()
        image = image_model.objects.filter(title=title).first()
        if image is None:
            image = image_model(title=title, file=ImageFile(ContentFile(png), name=file_name))
            image.save()
            self.created["images"] += 1
        return image

    def _document(self, *, title: str, data: bytes, file_name: str):
        document_model = get_document_model()
        document = document_model.objects.filter(title=title).first()
        if document is None:
            document = document_model(title=title, file=ContentFile(data, name=file_name))
            document.save()
            self.created["documents"] += 1
        return document

    def load_library(self) -> None:
        for title, author, kind, language, published_on, summary in content.LIBRARY:
            if LibraryDocument.objects.filter(title=title).exists():
                continue
            document = self._document(
                title=title,
                data=demo_document_pdf(title=title, author=author, summary=summary),
                file_name=f"demo-library-{LibraryDocument.objects.count() + 1}.pdf",
            )
            LibraryDocument.objects.create(
                title=title,
                author_organisation=author,
                kind=kind,
                language=language,
                published_on=datetime.date.fromisoformat(published_on),
                summary=summary,
                document=document,
            )
            self.created["library documents"] += 1

    def load_materials(self) -> None:
        for code in LANGUAGE_CODES:
            banner = _read(DATA / "statements" / f"{code}.json")["banner"]
            for width, height in graphics.BANNER_SIZES:
                if Material.objects.filter(
                    kind=Material.Kind.BANNER, language=code, width=width, height=height
                ).exists():
                    continue
                title = f"#CohesionAlliance banner {width}×{height}, {NATIVE_NAMES[code]}"
                document = self._document(
                    title=title,
                    data=graphics.banner_png(width=width, height=height, **banner),
                    file_name=f"cohesion-alliance-banner-{width}x{height}-{code}.png",
                )
                Material.objects.create(
                    title=title, kind=Material.Kind.BANNER, language=code, document=document, width=width, height=height
                )
                self.created["materials"] += 1
        for file_format, data in (("svg", graphics.logo_svg()), ("png", graphics.logo_png())):
            title = f"#CohesionAlliance logo ({file_format.upper()})"
            if Material.objects.filter(kind=Material.Kind.LOGO, title=title).exists():
                continue
            document = self._document(title=title, data=data, file_name=f"cohesion-alliance-logo.{file_format}")
            Material.objects.create(title=title, kind=Material.Kind.LOGO, document=document, width=600, height=160)
            self.created["materials"] += 1

    def load_rejection_reasons(self) -> None:
        for title, explanation in content.REJECTION_REASONS:
            _, created = RejectionReason.objects.get_or_create(
                locale=self.locale, title=title, defaults={"explanation": explanation}
            )
            if created:
                self.created["rejection reasons"] += 1

    # Partners ---------------------------------------------------------------------------------

    def load_partners(self) -> None:
        """Made-up organisations sign the statement through the signing services, so that the counts agree."""
        campaign = Campaign.objects.get(slug="statement-of-principles")
        for number, (name, kind, country, region, role, colour, verified, listed) in enumerate(content.PARTNERS, 1):
            if Signature.objects.filter(campaign=campaign, organisation_name=name).exists():
                continue
            initials = "".join(word[0] for word in name.split()[:3] if word[0].isalpha()).upper()
            signature = sign_campaign(
                campaign=campaign,
                data=SignatureInput(
                    kind=Signature.Kind.ORGANISATION,
                    name=f"Demo contact {number}",
                    email=f"demo-partner-{number}@example.org",
                    country=country,
                    language="en",
                    region=region,
                    organisation_name=name,
                    organisation_kind=kind,
                    role=role,
                    website=f"https://partner-{number}.example.org/",
                    listed=listed,
                    logo_png=graphics.partner_logo_png(initials=initials, colour=colour, wide=number % 2 == 0)
                    if colour
                    else b"",
                ),
            )
            confirm_signature(signature=signature)
            if verified:
                verify_partner(signature=signature, user=None)
            self.created["partner signatures"] += 1


def load_demo(*, with_partners: bool = False, with_submissions: bool = False) -> Counter[str]:
    """Load what is missing; `with_partners` adds signatures of made-up organisations to the statement,
    `with_submissions` take-action submissions of made-up authors, approved or waiting for a decision.

    Both are left out unless asked for, so that the tests, which start from the demo content, count
    only the signatures and submissions they make.
    """
    return DemoLoader(with_partners=with_partners, with_submissions=with_submissions).load()

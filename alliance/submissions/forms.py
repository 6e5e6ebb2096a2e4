from datetime import datetime

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alliance.core.forms import CaptchaForm
from alliance.core.languages import EU_LANGUAGES
from alliance.regions.nuts import country_of
from alliance.signatures.forms import OUTSIDE_EU, TextField, country_choices, region_choices

from .media import PICTURE_FORMAT_NAMES, PictureFileField, VideoFileField
from .models import EventRequest, PositionPaper, ProjectPicture, Submission, VideoStatement
from .papers import MAX_PAGES, PdfFileField


class SubmissionForm(CaptchaForm, forms.ModelForm):
    """What every take-action form asks: who sends it, from where, in which language, with which consents."""

    kind: str
    # Whether the form asks for consent to publish: everything but event requests is published as sent.
    publishes_content = True

    author_name = TextField(label=_("Your name"), max_length=200)
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        help_text=_("We send you a link to confirm, and tell you when your submission is published."),
    )
    organisation = TextField(label=_("Organisation (optional)"), max_length=200, required=False)
    role = TextField(label=_("Role or office (optional)"), max_length=200, required=False)
    country = forms.ChoiceField(label=_("Country"), choices=country_choices)
    region = forms.ChoiceField(label=_("Region (optional)"), choices=region_choices, required=False)
    language = forms.ChoiceField(label=_("Language"), choices=EU_LANGUAGES)
    publication_consent = forms.BooleanField(
        label=_("I agree that what I send is published on this site, with my name and organisation, once approved."),
        error_messages={"required": _("We can only publish your submission with your consent.")},
    )
    privacy_consent = forms.BooleanField(
        label=_("I have read the privacy notice and agree that my details are stored to handle this submission."),
        error_messages={"required": _("We can only handle your submission if you accept the privacy notice.")},
    )
    # Left empty by people, filled in by form-filling robots: a filled-in form is dropped silently.
    homepage = forms.CharField(label=_("Leave this field empty"), required=False, max_length=200)

    AUTHOR_FIELDS = ["author_name", "email", "organisation", "role", "country", "region", "language"]
    CONSENT_FIELDS = ["publication_consent", "privacy_consent", "homepage"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["email"].widget.attrs.update({"autocomplete": "email", "inputmode": "email"})
        self.fields["author_name"].widget.attrs.update({"autocomplete": "name"})
        self.fields["region"].widget.attrs["data-region-picker"] = ""
        self.fields["homepage"].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})
        if not self.publishes_content:
            del self.fields["publication_consent"]

    @property
    def is_from_a_robot(self) -> bool:
        return bool(self.cleaned_data.get("homepage"))

    def clean_country(self) -> str:
        country = self.cleaned_data["country"]
        return "" if country == OUTSIDE_EU else country

    def clean(self) -> dict:
        data = super().clean() or {}
        region, country = data.get("region"), data.get("country")
        if region and country_of(region) != country:
            self.add_error("region", _("This region is not in the country you chose."))
        return data


class VideoStatementForm(SubmissionForm):
    kind = Submission.Kind.VIDEO

    video = VideoFileField(label=_("Your video"))

    class Meta:
        model = VideoStatement
        fields = [*SubmissionForm.AUTHOR_FIELDS, "title", "video", "transcript"]
        labels = {"title": _("Title of your statement"), "transcript": _("Transcript (optional)")}

    field_order = [*SubmissionForm.AUTHOR_FIELDS, "title", "video", "transcript", *SubmissionForm.CONSENT_FIELDS]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["video"].help_text = _("MP4, MOV or WebM, at most %(seconds)d seconds and %(size)s.") % {
            "seconds": settings.SUBMISSION_VIDEO_MAX_SECONDS,
            "size": filesizeformat(settings.SUBMISSION_VIDEO_MAX_BYTES),
        }


class ProjectPictureForm(SubmissionForm):
    kind = Submission.Kind.PICTURE

    picture = PictureFileField(label=_("Your photo"))
    link = forms.URLField(
        label=_("Link to the project (optional)"), max_length=300, required=False, assume_scheme="https"
    )

    class Meta:
        model = ProjectPicture
        fields = [*SubmissionForm.AUTHOR_FIELDS, "picture", "caption", "title", "fund", "theme", "link"]
        labels = {"theme": _("Theme (optional)")}

    field_order = [
        *SubmissionForm.AUTHOR_FIELDS,
        "picture",
        "caption",
        "title",
        "fund",
        "theme",
        "link",
        *SubmissionForm.CONSENT_FIELDS,
    ]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["picture"].help_text = _(
            "%(formats)s, at most %(size)s. We remove the location and camera details before anyone sees it."
        ) % {"formats": PICTURE_FORMAT_NAMES, "size": filesizeformat(settings.SUBMISSION_PICTURE_MAX_BYTES)}


def _local_datetime_input() -> forms.DateTimeInput:
    # The browser's own date and time picker; the value is read in the site's time zone.
    return forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class EventRequestForm(SubmissionForm):
    kind = Submission.Kind.EVENT
    publishes_content = False

    starts_at = forms.DateTimeField(label=_("Starts at"), widget=_local_datetime_input())
    ends_at = forms.DateTimeField(label=_("Ends at (optional)"), required=False, widget=_local_datetime_input())
    expected_audience = forms.IntegerField(
        label=_("Expected audience (optional)"),
        help_text=_("About how many people you expect."),
        min_value=1,
        required=False,
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages of the event (optional)"),
        choices=EU_LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    needs = forms.MultipleChoiceField(
        label=_("What you need from us (optional)"),
        choices=EventRequest.Need.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = EventRequest
        fields = [
            *SubmissionForm.AUTHOR_FIELDS,
            "title",
            "starts_at",
            "ends_at",
            "place",
            "expected_audience",
            "languages",
            "needs",
            "message",
        ]
        labels = {
            "title": _("Title of the event"),
            "place": _("Place"),
            "message": _("Message (optional)"),
        }
        help_texts = {"place": _("Town and venue, or the address.")}

    field_order = [
        *SubmissionForm.AUTHOR_FIELDS,
        "title",
        "starts_at",
        "ends_at",
        "place",
        "expected_audience",
        "languages",
        "needs",
        "message",
        *SubmissionForm.CONSENT_FIELDS,
    ]

    def clean_starts_at(self) -> datetime:
        starts_at = self.cleaned_data["starts_at"]
        if starts_at < timezone.now():
            raise forms.ValidationError(_("This date is in the past. Please give the date the event starts."))
        return starts_at

    def clean(self) -> dict:
        data = super().clean()
        starts_at, ends_at = data.get("starts_at"), data.get("ends_at")
        if starts_at and ends_at and ends_at < starts_at:
            self.add_error("ends_at", _("The event ends before it starts. Please check the dates."))
        return data


class PositionPaperForm(SubmissionForm):
    kind = Submission.Kind.PAPER

    pdf = PdfFileField(label=_("Your paper as a PDF file"))

    class Meta:
        model = PositionPaper
        fields = [*SubmissionForm.AUTHOR_FIELDS, "title", "summary", "pdf"]
        labels = {"title": _("Title of the paper"), "summary": _("Summary")}
        help_texts = {"summary": _("A few sentences shown with the paper in the library.")}

    field_order = [*SubmissionForm.AUTHOR_FIELDS, "title", "summary", "pdf", *SubmissionForm.CONSENT_FIELDS]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["pdf"].help_text = _("At most %(size)s and %(pages)d pages, not protected by a password.") % {
            "size": filesizeformat(settings.SUBMISSION_PDF_MAX_BYTES),
            "pages": MAX_PAGES,
        }


# The address of each form (/take-action/<slug>/) and the form behind it.
FORMS: dict[str, type[SubmissionForm]] = {
    "video-statement": VideoStatementForm,
    "project-picture": ProjectPictureForm,
    "event": EventRequestForm,
    "position-paper": PositionPaperForm,
}

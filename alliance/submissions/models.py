from pathlib import PurePosixPath

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from encrypted_fields.fields import EncryptedCharField, EncryptedEmailField

from alliance.campaigns.themes import Theme
from alliance.core.languages import EU_LANGUAGES

from .storage import submissions_storage, upload_path

# Extensions we write, chosen from what the file turned out to be; anything else is stored as .bin.
KNOWN_EXTENSIONS = {"mp4", "webm", "mov", "mkv", "jpg", "png", "webp", "heic", "pdf", "vtt"}


def _stored_in(folder: str, filename: str) -> str:
    extension = PurePosixPath(filename).suffix.lstrip(".").lower()
    return upload_path(folder, extension if extension in KNOWN_EXTENSIONS else "bin")


def video_path(instance: models.Model, filename: str) -> str:
    return _stored_in("videos", filename)


def poster_path(instance: models.Model, filename: str) -> str:
    return _stored_in("posters", filename)


def picture_path(instance: models.Model, filename: str) -> str:
    return _stored_in("pictures", filename)


def thumbnail_path(instance: models.Model, filename: str) -> str:
    return _stored_in("thumbnails", filename)


def paper_path(instance: models.Model, filename: str) -> str:
    return _stored_in("papers", filename)


class SubmissionQuerySet(models.QuerySet["Submission"]):
    def published(self) -> "SubmissionQuerySet":
        return self.filter(state=Submission.State.APPROVED)

    def awaiting_decision(self) -> "SubmissionQuerySet":
        return self.filter(state=Submission.State.PENDING)


class Submission(models.Model):
    """Something a supporter sent through a take-action form, from the form to staff's decision.

    Each kind keeps its own fields in a table of its own (video statement, project picture, event
    request, position paper); this one holds what they share, so that staff moderate them in one
    queue. The author's name and address are encrypted at rest; nothing is public before approval.
    """

    class Kind(models.TextChoices):
        VIDEO = "video", _("Video statement")
        PICTURE = "picture", _("Project picture")
        EVENT = "event", _("Event support request")
        PAPER = "paper", _("Position paper")

    class State(models.TextChoices):
        UNCONFIRMED = "unconfirmed", _("waiting for the author's confirmation")
        PENDING = "pending", _("waiting for a decision")
        CHANGES_REQUESTED = "changes-requested", _("changes requested")
        APPROVED = "approved", _("approved")
        REJECTED = "rejected", _("rejected")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, editable=False)
    state = models.CharField(_("state"), max_length=20, choices=State.choices, default=State.UNCONFIRMED)
    # Empty (null) once the author's personal data are erased.
    author_name = EncryptedCharField(_("name"), max_length=200, null=True)
    email = EncryptedEmailField(_("e-mail address"), max_length=254, null=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    role = models.CharField(_("role or office"), max_length=200, blank=True)
    country = models.CharField(_("country"), max_length=2, blank=True)
    region = models.CharField(_("NUTS-2 region"), max_length=4, blank=True)
    language = models.CharField(
        _("language"), max_length=2, choices=EU_LANGUAGES, help_text=_("The language the submission is in.")
    )
    publication_consent_at = models.DateTimeField(_("consent to publish given at"), null=True, blank=True)
    privacy_consent_at = models.DateTimeField(_("privacy notice accepted at"))
    ip_hash = models.CharField(max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True, db_index=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    # Set by the background worker once the uploaded file is checked and prepared for the web.
    processed_at = models.DateTimeField(_("processed at"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = SubmissionQuerySet.as_manager()

    class Meta:
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["state", "created_at"], name="submission_state_age")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(state="unconfirmed") | models.Q(confirmed_at__isnull=False),
                name="submission_confirmed_has_a_date",
            ),
        ]
        permissions = [("moderate_submission", _("Can moderate take-action submissions"))]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.pk}"

    @property
    def detail(self) -> "Submission":
        """The kind's own row (video statement, picture…), which carries this submission's title and files."""
        return getattr(self, KIND_MODELS[self.kind])

    @property
    def title(self) -> str:
        return self.detail.title


class VideoStatement(Submission):
    """At most a minute on why a strong cohesion policy matters to the author's community."""

    title = models.CharField(_("title"), max_length=200)
    video = models.FileField(_("video"), storage=submissions_storage, upload_to=video_path, max_length=200)
    duration = models.FloatField(_("duration in seconds"), null=True, blank=True)
    poster = models.ImageField(
        _("poster frame"), storage=submissions_storage, upload_to=poster_path, max_length=200, blank=True
    )
    transcript = models.TextField(
        _("transcript"), blank=True, help_text=_("What is said in the video, for people who cannot hear it.")
    )

    class Meta:
        verbose_name = _("video statement")
        verbose_name_plural = _("video statements")


class ProjectPicture(Submission):
    """A photo of a project funded by EU cohesion policy."""

    class Fund(models.TextChoices):
        ERDF = "erdf", _("European Regional Development Fund (ERDF)")
        ESF_PLUS = "esf-plus", _("European Social Fund Plus (ESF+)")
        COHESION_FUND = "cohesion-fund", _("Cohesion Fund")
        JTF = "jtf", _("Just Transition Fund (JTF)")
        INTERREG = "interreg", _("Interreg")
        OTHER = "other", _("Other or not sure")

    title = models.CharField(_("project name"), max_length=200)
    caption = models.CharField(_("caption"), max_length=500)
    fund = models.CharField(_("fund"), max_length=20, choices=Fund.choices)
    theme = models.CharField(_("theme"), max_length=20, choices=Theme.choices, blank=True)
    link = models.URLField(_("link to the project"), max_length=300, blank=True)
    picture = models.ImageField(
        _("picture"),
        storage=submissions_storage,
        upload_to=picture_path,
        max_length=200,
        width_field="width",
        height_field="height",
    )
    width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    # A small copy for galleries and the moderation queue, made with the web version of the picture.
    thumbnail = models.ImageField(
        _("thumbnail"), storage=submissions_storage, upload_to=thumbnail_path, max_length=200, blank=True
    )

    class Meta:
        verbose_name = _("project picture")
        verbose_name_plural = _("project pictures")


class EventRequest(Submission):
    """An event a supporter holds and the help they ask for; listed publicly once approved."""

    class Progress(models.TextChoices):
        NEW = "new", _("new")
        IN_PROGRESS = "in-progress", _("in progress")
        DONE = "done", _("done")
        DECLINED = "declined", _("declined")

    class Need(models.TextChoices):
        MATERIALS = "materials", _("Printed materials in my language")
        SPEAKER = "speaker", _("A speaker")
        BANNERS = "banners", _("Banners")

    title = models.CharField(_("event title"), max_length=200)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200)
    expected_audience = models.PositiveIntegerField(_("expected audience"), null=True, blank=True)
    languages = models.JSONField(_("languages of the event"), default=list, blank=True)
    needs = models.JSONField(_("what the organiser needs"), default=list, blank=True)
    message = models.TextField(_("message"), blank=True)
    progress = models.CharField(_("progress"), max_length=20, choices=Progress.choices, default=Progress.NEW)
    staff_notes = models.TextField(_("staff notes"), blank=True, help_text=_("Seen by staff only."))

    class Meta:
        verbose_name = _("event support request")
        verbose_name_plural = _("event support requests")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__isnull=True) | models.Q(ends_at__gte=models.F("starts_at")),
                name="event_ends_after_it_starts",
            ),
        ]


class PositionPaper(Submission):
    """An organisation's view on cohesion policy, as a PDF; approved papers go to the library."""

    title = models.CharField(_("title"), max_length=255)
    summary = models.TextField(_("summary"), max_length=2000)
    pdf = models.FileField(_("PDF file"), storage=submissions_storage, upload_to=paper_path, max_length=200)
    pages = models.PositiveIntegerField(_("pages"), null=True, blank=True)

    class Meta:
        verbose_name = _("position paper")
        verbose_name_plural = _("position papers")


KIND_MODELS: dict[str, str] = {
    Submission.Kind.VIDEO: "videostatement",
    Submission.Kind.PICTURE: "projectpicture",
    Submission.Kind.EVENT: "eventrequest",
    Submission.Kind.PAPER: "positionpaper",
}

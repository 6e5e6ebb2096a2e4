"""Demo take-action submissions, sent, confirmed, prepared and decided through the real services.

Each file goes through the public form's own file field, so it is checked, renamed and stored as an
upload would be; the captcha is left out because no visitor sends these. What the services queue
runs in the worker, as for the demo partners' signatures: the files are prepared once more, and the
confirmation and decision e-mails go to the made-up authors at example.org.
"""

import datetime
from collections import Counter

from django.core.files import File
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from alliance.moderation.services import approve
from alliance.submissions.forms import FORMS
from alliance.submissions.models import EventRequest, PositionPaper, ProjectPicture, Submission, VideoStatement
from alliance.submissions.processing import process
from alliance.submissions.services import confirm_submission, submit

from . import content, graphics
from .documents import demo_document_pdf
from .videos import title_card_mp4


def _author(key: str) -> dict[str, str]:
    name, organisation, role, country, region, language = content.SUBMISSION_AUTHORS[key]
    return {
        "author_name": name,
        "email": f"demo-{key}@example.org",
        "organisation": organisation,
        "role": role,
        "country": country,
        "region": region,
        "language": language,
    }


def _checked_upload(form_slug: str, field: str, name: str, data: bytes) -> File:
    """The file as the public form's field accepts it, or a ValidationError as a visitor would get."""
    return FORMS[form_slug].base_fields[field].clean(SimpleUploadedFile(name, data))


def _evening(days_from_today: int) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=days_from_today)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(18)))


class DemoSubmissions:
    """What is missing is sent; one already there, whatever staff decided since, is left alone (by its title)."""

    def __init__(self) -> None:
        self.created: Counter[str] = Counter()

    def load(self) -> Counter[str]:
        self.load_pictures()
        self.load_videos()
        self.load_events()
        self.load_papers()
        return self.created

    def load_pictures(self) -> None:
        for author, title, caption, fund, theme, scene, pending in content.PICTURES:
            if ProjectPicture.objects.filter(title=title).exists():
                continue
            png = graphics.project_picture_png(scene=scene, theme=theme, label=title)
            picture = ProjectPicture(
                title=title,
                caption=caption,
                fund=fund,
                theme=theme,
                picture=_checked_upload("project-picture", "picture", "project.png", png),
                **_author(author),
            )
            self._send(picture, kind=Submission.Kind.PICTURE, pending=pending)

    def load_videos(self) -> None:
        for author, title, transcript in content.VIDEOS:
            if VideoStatement.objects.filter(title=title).exists():
                continue
            fields = _author(author)
            mp4 = title_card_mp4(title=title, byline=f"{fields['author_name']} · {fields['organisation']}")
            video = VideoStatement(
                title=title,
                transcript=transcript,
                video=_checked_upload("video-statement", "video", "statement.mp4", mp4),
                **fields,
            )
            self._send(video, kind=Submission.Kind.VIDEO, pending=False)

    def load_events(self) -> None:
        for author, title, days, hours, place, languages, needs, audience, message, pending in content.EVENTS:
            if EventRequest.objects.filter(title=title).exists():
                continue
            # A past event was sent before it took place, as the form requires: here it is sent late.
            event = EventRequest(
                title=title,
                starts_at=_evening(days),
                ends_at=_evening(days) + datetime.timedelta(hours=hours),
                place=place,
                languages=languages,
                needs=needs,
                expected_audience=audience,
                message=message,
                **_author(author),
            )
            self._send(event, kind=Submission.Kind.EVENT, pending=pending)

    def load_papers(self) -> None:
        for author, title, summary, pending in content.PAPERS:
            if PositionPaper.objects.filter(title=title).exists():
                continue
            fields = _author(author)
            pdf = demo_document_pdf(title=title, author=fields["organisation"], summary=summary)
            paper = PositionPaper(
                title=title, summary=summary, pdf=_checked_upload("position-paper", "pdf", "paper.pdf", pdf), **fields
            )
            self._send(paper, kind=Submission.Kind.PAPER, pending=pending)

    def _send(self, submission: Submission, *, kind: str, pending: bool) -> None:
        """Send, confirm and prepare it as its author and the worker would; approve it unless staff are to decide."""
        submit(submission=submission, kind=kind, publication_consent=kind != Submission.Kind.EVENT)
        confirm_submission(submission=submission)
        process(submission)
        if pending:
            self.created["submissions waiting for a decision"] += 1
        else:
            approve(submission=submission, user=None)
            self.created["approved submissions"] += 1


def load_submissions() -> Counter[str]:
    return DemoSubmissions().load()

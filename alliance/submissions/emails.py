"""The e-mails an author receives, always in the language of their submission."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from .models import Submission
from .tokens import CONFIRM, MANAGE, make_token


def _absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def send_submission_email(submission: Submission, *, template: str, context: dict | None = None) -> None:
    """Send `submissions/emails/<template>.*` to the author; `context` adds what the template needs."""
    with translation.override(submission.language):
        full_context = {
            "submission": submission,
            "confirm_url": _absolute(reverse("submissions:confirm", args=[make_token(submission, CONFIRM)])),
            "manage_url": _absolute(reverse("submissions:manage", args=[make_token(submission, MANAGE)])),
            "site_url": settings.SITE_URL,
            "days": settings.SUBMISSION_CONFIRMATION_DAYS,
            **(context or {}),
        }
        subject = render_to_string(f"submissions/emails/{template}.subject.txt", full_context).strip()
        text = render_to_string(f"submissions/emails/{template}.txt", full_context)
        html = render_to_string(f"submissions/emails/{template}.html", full_context)
    message = EmailMultiAlternatives(
        subject=subject, body=text, to=[submission.email], headers={"Auto-Submitted": "auto-generated"}
    )
    message.attach_alternative(html, "text/html")
    message.send()

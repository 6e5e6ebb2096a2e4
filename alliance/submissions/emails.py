"""The e-mails an author receives, always in the language of their submission."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from alliance.core.emails import absolute_url, send_templated_email

from .models import Submission
from .tokens import CONFIRM, MANAGE, make_token


def send_submission_email(submission: Submission, *, template: str, context: dict | None = None) -> None:
    """Send `submissions/emails/<template>.*` to the author; `context` adds what the template needs."""
    # Links carry the author's language prefix.
    with translation.override(submission.language):
        full_context = {
            "submission": submission,
            "confirm_url": absolute_url(reverse("submissions:confirm", args=[make_token(submission, CONFIRM)])),
            "manage_url": absolute_url(reverse("submissions:manage", args=[make_token(submission, MANAGE)])),
            "site_url": settings.SITE_URL,
            "days": settings.SUBMISSION_CONFIRMATION_DAYS,
            **(context or {}),
        }
    send_templated_email(
        template=f"submissions/emails/{template}",
        context=full_context,
        to=submission.email or "",
        language=submission.language,
    )

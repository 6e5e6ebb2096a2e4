from alliance.submissions.models import KIND_MODELS, Submission, SubmissionQuerySet

from .models import Decision

ALL_STATES = "all"


def moderation_queue(*, kind: str = "", language: str = "", country: str = "", state: str = "") -> SubmissionQuerySet:
    """Confirmed submissions of every kind, newest confirmed first, each with its kind's own row in the same query.

    Submissions their authors never confirmed are not staff's business: they are deleted after a while.
    """
    submissions = (
        Submission.objects.exclude(state=Submission.State.UNCONFIRMED)
        .select_related(*KIND_MODELS.values())
        .order_by("-confirmed_at", "-pk")
    )
    if state != ALL_STATES:
        submissions = submissions.filter(state=state or Submission.State.PENDING)
    if kind:
        submissions = submissions.filter(kind=kind)
    if language:
        submissions = submissions.filter(language=language)
    if country:
        submissions = submissions.filter(country=country)
    return submissions


def decision_history(submission: Submission) -> list[Decision]:
    return list(submission.decisions.select_related("reason", "decided_by"))

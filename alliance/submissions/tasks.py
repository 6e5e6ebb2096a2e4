from django_tasks import task

from . import emails, processing
from .models import Submission


@task()
def process_submission(*, submission_id: int) -> None:
    submission = Submission.objects.filter(pk=submission_id).first()
    if submission is not None:  # erased before the worker got to it
        processing.process(submission.detail)


@task()
def send_submission_email(*, submission_id: int, template: str, context: dict[str, str] | None = None) -> None:
    submission = Submission.objects.filter(pk=submission_id).first()
    if submission is not None and submission.email:
        emails.send_submission_email(submission.detail, template=template, context=context)

from django_tasks import task

from . import emails
from .models import Signature


@task()
def send_signature_email(*, signature_id: int, reminder: bool = False) -> None:
    signature = Signature.objects.select_related("campaign").filter(pk=signature_id).first()
    if signature is not None:  # withdrawn or purged before the worker got to it
        emails.send_signature_email(signature, reminder=reminder)

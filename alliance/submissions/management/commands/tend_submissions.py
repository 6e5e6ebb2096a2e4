from django.core.management.base import BaseCommand

from alliance.submissions.services import purge_unconfirmed_submissions


class Command(BaseCommand):
    help = "Delete take-action submissions, with their files, left unconfirmed too long. Run it hourly."

    def handle(self, *args: object, **options: object) -> None:
        purged = purge_unconfirmed_submissions()
        self.stdout.write(f"Deleted {purged} unconfirmed submission(s).")

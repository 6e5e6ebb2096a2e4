from django.core.management.base import BaseCommand

from alliance.signatures.services import purge_unconfirmed_signatures, remind_unconfirmed_signatures


class Command(BaseCommand):
    help = "Remind unconfirmed signers once and delete signatures left unconfirmed too long. Run it hourly."

    def handle(self, *args: object, **options: object) -> None:
        reminded = remind_unconfirmed_signatures()
        purged = purge_unconfirmed_signatures()
        self.stdout.write(f"Reminded {reminded} signer(s); deleted {purged} unconfirmed signature(s).")

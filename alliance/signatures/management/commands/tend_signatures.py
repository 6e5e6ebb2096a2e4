from django.core.management.base import BaseCommand

from alliance.signatures.services import (
    anonymise_closed_campaigns,
    purge_unconfirmed_signatures,
    remind_unconfirmed_signatures,
)


class Command(BaseCommand):
    help = (
        "Remind unconfirmed signers once, delete signatures left unconfirmed too long and anonymise those of "
        "campaigns closed long ago. Run it hourly."
    )

    def handle(self, *args: object, **options: object) -> None:
        reminded = remind_unconfirmed_signatures()
        purged = purge_unconfirmed_signatures()
        anonymised = anonymise_closed_campaigns()
        self.stdout.write(
            f"Reminded {reminded} signer(s); deleted {purged} unconfirmed signature(s); anonymised {anonymised}."
        )

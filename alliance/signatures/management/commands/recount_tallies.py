from django.core.management.base import BaseCommand

from alliance.campaigns.models import Campaign
from alliance.signatures.services import recount_tallies


class Command(BaseCommand):
    help = "Rebuild every campaign's counters from its confirmed signatures. Run it daily to repair drift."

    def handle(self, *args: object, **options: object) -> None:
        for campaign in Campaign.objects.all():
            recount_tallies(campaign=campaign)
            self.stdout.write(f"Recounted {campaign.slug}.")

from django.core.management.base import BaseCommand

from alliance.demo.loader import load_demo


class Command(BaseCommand):
    help = "Load the demo content (statements in 24 languages, pages, stories, library, banners). Safe to repeat."

    def handle(self, *args: object, **options: object) -> None:
        created = load_demo()
        if created:
            summary = ", ".join(f"{count} {kind}" for kind, count in sorted(created.items()))
            self.stdout.write(self.style.SUCCESS(f"Demo content loaded: {summary}."))
        else:
            self.stdout.write("Demo content already present: nothing to do.")

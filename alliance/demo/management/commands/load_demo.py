from django.core.management.base import BaseCommand, CommandParser

from alliance.demo.loader import load_demo


class Command(BaseCommand):
    help = "Load the demo content (statements in 24 languages, pages, stories, library, banners). Safe to repeat."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--with-partners",
            action="store_true",
            help="Also sign the statement for about twenty made-up organisations, for the partner list.",
        )
        parser.add_argument(
            "--with-submissions",
            action="store_true",
            help="Also send videos, project pictures, events and position papers, most of them approved, "
            "some waiting in the moderation queue.",
        )

    def handle(self, *args: object, **options: object) -> None:
        created = load_demo(
            with_partners=bool(options["with_partners"]), with_submissions=bool(options["with_submissions"])
        )
        if created:
            summary = ", ".join(f"{count} {kind}" for kind, count in sorted(created.items()))
            self.stdout.write(self.style.SUCCESS(f"Demo content loaded: {summary}."))
        else:
            self.stdout.write("Demo content already present: nothing to do.")

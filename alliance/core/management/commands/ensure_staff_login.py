import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

from alliance.core.roles import ADMINISTRATORS

PASSWORD_FILE = settings.VAR_DIR / "staff-login.txt"


class Command(BaseCommand):
    help = "Create a staff administrator for local use if there is none, and say how to log in."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument("--email", default="admin@cohesion-alliance.localhost")

    def handle(self, *args: object, username: str, email: str, **options: object) -> None:
        user_model = get_user_model()
        admin_url = f"{settings.WAGTAILADMIN_BASE_URL}/admin/"
        if user_model.objects.filter(is_superuser=True).exists():
            self.stdout.write(f"Staff login: {admin_url} as an existing administrator.")
            if PASSWORD_FILE.exists():
                self.stdout.write(f"The password of the local administrator is in {PASSWORD_FILE}.")
            return
        password = secrets.token_urlsafe(12)
        user = user_model.objects.create_superuser(username=username, email=email, password=password)
        user.groups.add(Group.objects.get(name=ADMINISTRATORS))
        PASSWORD_FILE.write_text(f"{username}\n{password}\n", encoding="utf-8")
        PASSWORD_FILE.chmod(0o600)
        self.stdout.write(
            self.style.SUCCESS(f"Staff login created: {admin_url} user {username!r}, password {password!r}")
        )
        self.stdout.write(f"(also written to {PASSWORD_FILE})")

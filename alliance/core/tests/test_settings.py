import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def development_setting(name: str, **environment: str) -> str:
    """A setting as `make run` sees it, read in a fresh process with only the given environment."""
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            f"import django; django.setup(); from django.conf import settings; print(settings.{name})",
        ],
        cwd=ROOT,
        env={"PATH": os.environ["PATH"], "DJANGO_SETTINGS_MODULE": "config.settings.dev", **environment},
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def test_without_a_mail_server_e_mails_are_written_under_var_mail():
    assert development_setting("EMAIL_BACKEND") == "django.core.mail.backends.filebased.EmailBackend"
    assert development_setting("EMAIL_FILE_PATH") == str(ROOT / "var" / "mail")


def test_email_url_selects_an_smtp_server():
    smtp = {"EMAIL_URL": "smtp+tls://user:secret@mail.example.org:587"}

    assert development_setting("EMAIL_BACKEND", **smtp) == "django.core.mail.backends.smtp.EmailBackend"
    assert development_setting("EMAIL_HOST", **smtp) == "mail.example.org"
    assert development_setting("EMAIL_USE_TLS", **smtp) == "True"

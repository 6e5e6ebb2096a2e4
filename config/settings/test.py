"""Tests: fast hashing, an easy captcha, in-memory mail, tasks run inline so a test sees their effect."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import LOGGING

SECRET_KEY = "test-secret-key-not-for-production-use-0123456789abcdef"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Real files, as in production, in a folder of the test run's own.
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="alliance-test-media-"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "submissions": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": tempfile.mkdtemp(prefix="alliance-test-submissions-"), "base_url": None},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
WAGTAILADMIN_BASE_URL = "http://testserver"
# Static files come from the apps' folders (no collectstatic before tests).
STATIC_ROOT = None  # type: ignore[assignment]
WHITENOISE_USE_FINDERS = True
LOGGING = {**LOGGING, "loggers": {"django_tasks": {"level": "WARNING"}}}
PERSONAL_DATA_HASH_KEY = "test-personal-data-hash-key"
SALT_KEY = ["test-salt"]

# A database file, not shared-cache memory, so that concurrent requests wait for each other's locks as
# they do on the embedded SQLite the site runs on.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": str(Path(tempfile.mkdtemp(prefix="alliance-test-db-")) / "test.sqlite3")}  # noqa: F405
# Tests solve the proof-of-work captcha themselves: keep it small.
CAPTCHA_MAX_NUMBER = 1000

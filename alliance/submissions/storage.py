"""Where uploaded files live: a storage of their own, never served as they are.

Uploads stay private until staff approve them and are then served by our own views with safe
headers, so they are kept apart from the public media. Local files by default;
SUBMISSIONS_STORAGE_BACKEND names another Django storage (S3-compatible object storage through
django-storages) with SUBMISSIONS_STORAGE_OPTIONS.
"""

import uuid
from pathlib import PurePosixPath

from django.core.files.storage import Storage, storages

ALIAS = "submissions"


def submissions_storage() -> Storage:
    return storages[ALIAS]


def upload_path(folder: str, extension: str) -> str:
    # The uploaded file name never reaches the file system: it could carry anything.
    return str(PurePosixPath(folder) / f"{uuid.uuid4().hex}.{extension}")

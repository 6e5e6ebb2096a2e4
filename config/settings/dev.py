"""Development: `make run` on a laptop, no services needed."""

from .base import *  # noqa: F403
from .base import env

DEBUG = True
SECRET_KEY = env("SECRET_KEY", default="dev-only-secret-key-not-for-production-use-0123456789")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
PERSONAL_DATA_HASH_KEY = env("PERSONAL_DATA_HASH_KEY", default="dev-only-personal-data-hash-key")

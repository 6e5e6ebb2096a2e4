"""Production settings plus one minimal view, the ceiling that the benchmarks compare against."""

from config.settings.production import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
SECURE_SSL_REDIRECT = False
# The benchmark talks plain HTTP on loopback; in production TLS ends at the proxy in front.
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False

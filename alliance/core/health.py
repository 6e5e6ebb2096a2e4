"""What `/healthz` checks: each dependency answers a trivial request, or the reason it did not."""

import uuid
from collections.abc import Callable

from django.core.cache import cache
from django.db import connection
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult


def check_database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_cache() -> None:
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, "ok", timeout=10)
    if cache.get(key) != "ok":
        raise RuntimeError("the cache did not return what was just stored")
    cache.delete(key)


def check_task_queue() -> None:
    # The database backend keeps its queue in a table: reading it proves the queue is reachable.
    # Other backends (inline execution in tests) have nothing to reach.
    if isinstance(task_backends[DEFAULT_TASK_BACKEND_ALIAS], DatabaseBackend):
        DBTaskResult.objects.exists()


CHECKS: dict[str, Callable[[], None]] = {
    "database": check_database,
    "cache": check_cache,
    "task_queue": check_task_queue,
}


def run_checks() -> dict[str, str]:
    results = {}
    for name, check in CHECKS.items():
        try:
            check()
        except Exception as error:  # noqa: BLE001 - any failure means "not healthy", with its reason
            results[name] = f"error: {type(error).__name__}: {error}"
        else:
            results[name] = "ok"
    return results

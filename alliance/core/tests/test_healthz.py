import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db


def test_healthz_reports_database_cache_and_task_queue_as_ok(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "ok", "task_queue": "ok"},
    }
    assert "no-cache" in response["Cache-Control"]


@override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}})
def test_healthz_reads_the_database_task_queue(client, django_assert_num_queries):
    with django_assert_num_queries(2):  # the database check, then the queue table
        response = client.get("/healthz")

    assert response.json()["checks"]["task_queue"] == "ok"


@override_settings(CACHES={"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}})
def test_healthz_fails_with_503_when_the_cache_does_not_answer(client):
    response = client.get("/healthz")

    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "error"
    assert body["checks"]["cache"].startswith("error:")
    assert body["checks"]["database"] == "ok"

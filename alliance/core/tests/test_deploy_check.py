import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def manage(*args: str, **environment: str) -> subprocess.CompletedProcess:
    """Run manage.py in a clean environment holding only what a production deployment would set."""
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={"PATH": os.environ["PATH"], "DJANGO_SETTINGS_MODULE": "config.settings.production", **environment},
        capture_output=True,
        text=True,
        check=False,
    )


def test_deploy_check_reports_nothing_with_production_settings(tmp_path):
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "DEBUG",
        SECRET_KEY=secrets.token_urlsafe(50),
        PERSONAL_DATA_HASH_KEY=secrets.token_urlsafe(32),
        ALLOWED_HOSTS="cohesion-alliance.example.org",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
    )

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_production_settings_refuse_to_start_without_a_secret_key():
    result = manage("check", ALLOWED_HOSTS="cohesion-alliance.example.org")

    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr

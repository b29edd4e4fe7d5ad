"""Settings are read once, at import: every variant runs in its own process."""

import os
import secrets
import string
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]

# Variables the settings read; none of the developer's or CI's may leak in.
SETTINGS_VARIABLES = (
    "DEBUG",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "CSRF_TRUSTED_ORIGINS",
    "PORTAL_BASE_URL",
    "DATABASE_URL",
    "CELERY_BROKER_URL",
    "CELERY_RESULT_BACKEND",
    "DJANGO_SETTINGS_MODULE",
)


def _secret_key() -> str:
    alphabet = string.ascii_letters + string.digits + "!@#%^&*(-_=+)"
    return "".join(secrets.choice(alphabet) for _ in range(60))


def _production_environment(tmp_path: Path) -> dict[str, str]:
    return {
        "DEBUG": "0",
        "SECRET_KEY": _secret_key(),
        "ALLOWED_HOSTS": "portal.example.org",
        "CSRF_TRUSTED_ORIGINS": "https://portal.example.org",
        "PORTAL_BASE_URL": "https://portal.example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'portal.sqlite3'}",
        "CELERY_BROKER_URL": "redis://127.0.0.1:6379/0",
        "STATIC_ROOT": str(tmp_path / "static"),
        "MEDIA_ROOT": str(tmp_path / "media"),
        "BEHIND_TLS_PROXY": "1",
    }


def _manage(*args: str, environment: dict[str, str]) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key not in SETTINGS_VARIABLES}
    env.update(environment)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_it_passes_the_deployment_checks_with_production_variables(tmp_path):
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        environment=_production_environment(tmp_path),
    )

    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout + result.stderr


def test_it_refuses_to_start_without_debug_and_without_a_secret_key(tmp_path):
    environment = _production_environment(tmp_path)
    del environment["SECRET_KEY"]

    result = _manage("check", environment=environment)

    assert result.returncode != 0
    assert "DEBUG выключен: задайте SECRET_KEY" in result.stderr


def test_it_refuses_to_start_without_debug_and_with_a_short_secret_key(tmp_path):
    environment = _production_environment(tmp_path) | {"SECRET_KEY": "short"}

    result = _manage("check", environment=environment)

    assert result.returncode != 0
    assert "DEBUG выключен: задайте SECRET_KEY" in result.stderr


def test_it_refuses_to_start_without_debug_and_without_allowed_hosts(tmp_path):
    environment = _production_environment(tmp_path)
    del environment["ALLOWED_HOSTS"]

    result = _manage("check", environment=environment)

    assert result.returncode != 0
    assert "DEBUG выключен: задайте ALLOWED_HOSTS" in result.stderr


def test_it_refuses_to_start_without_debug_and_without_the_portal_address(tmp_path):
    environment = _production_environment(tmp_path)
    del environment["PORTAL_BASE_URL"]

    result = _manage("check", environment=environment)

    assert result.returncode != 0
    assert "DEBUG выключен: задайте PORTAL_BASE_URL" in result.stderr


def test_it_runs_a_fresh_clone_with_nothing_set():
    result = _manage("check", environment={})

    assert result.returncode == 0, result.stderr

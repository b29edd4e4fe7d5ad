"""deploy/portal.env.example, the nginx site and the settings they feed stay in step."""

import os
import re
import subprocess
import sys

from django.conf import settings

from core.xlsx_safety import MAX_FILE_BYTES
from tests.deploy.environment import (
    PROJECT,
    production_environment,
    settings_variables,
    template_lines,
)
from tests.deploy.nginx_support import SITE


def _manage(*args: str, environment: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "manage.py", *args], cwd=PROJECT, env=environment,
                          capture_output=True, text=True, timeout=120)


def test_it_passes_check_deploy_with_the_environment_template(tmp_path):
    result = _manage("check", "--deploy", "--fail-level", "WARNING",
                     environment=production_environment(tmp_path))

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout + result.stderr


def test_it_lists_every_variable_the_settings_read_in_the_template():
    listed = {name for _, name, _ in template_lines()}

    assert settings_variables() - listed == set()
    assert {"SECRET_KEY", "DATABASE_URL", "CELERY_BROKER_URL", "PORTAL_BASE_URL",
            "ALLOWED_HOSTS", "PORTAL_PROXY_COUNT", "PORTAL_X_ACCEL",
            "MEDIA_ROOT"} <= {name for is_set, name, _ in template_lines() if is_set}


def test_it_names_only_variables_someone_reads_in_the_template():
    gunicorn = (PROJECT / "deploy" / "gunicorn.conf.py").read_text()
    read = settings_variables() | set(re.findall(r'"(GUNICORN_[A-Z_]+)"', gunicorn))

    assert {name for _, name, _ in template_lines()} - read == set()


def test_it_comments_every_variable_of_the_template_in_russian():
    lines = (PROJECT / "deploy" / "portal.env.example").read_text(encoding="utf-8").splitlines()
    comments = [line for line in lines if line.startswith("# ")]

    assert comments and all(re.search("[а-яё]", line, re.IGNORECASE) for line in comments)


def _body_limit_bytes() -> int:
    size = re.search(r"client_max_body_size (\d+)m;", SITE.read_text()).group(1)
    return int(size) * 1024 * 1024


def test_it_lets_nginx_pass_the_largest_upload_the_portal_accepts():
    largest = max(settings.JOURNAL_ATTACHMENT_MAX_BYTES, settings.COUNCIL_ATTACHMENT_MAX_BYTES,
                  MAX_FILE_BYTES)

    # The file and the fields of its form, and not much more.
    assert largest < _body_limit_bytes() <= largest + 2 * 1024 * 1024


def test_it_points_nginx_at_the_x_accel_location_of_the_settings():
    site = SITE.read_text()

    assert f"location {settings.PORTAL_X_ACCEL_LOCATION} {{\n        internal;" in site
    assert "error_page 413 /static/errors/413.html;" in site


def test_it_reads_x_accel_from_the_environment(tmp_path):
    environment = production_environment(tmp_path) | {"PORTAL_X_ACCEL_LOCATION": "/files/"}
    script = ("import django; django.setup(); from django.conf import settings; "
              "print(settings.PORTAL_X_ACCEL, settings.PORTAL_X_ACCEL_LOCATION, "
              "settings.SECURE_PROXY_SSL_HEADER)")
    result = subprocess.run([sys.executable, "-c", script], cwd=PROJECT, timeout=60,
                            env=environment | {"DJANGO_SETTINGS_MODULE": "config.settings"},
                            capture_output=True, text=True)
    development = subprocess.run(
        [sys.executable, "-c", script.replace(", settings.SECURE_PROXY_SSL_HEADER", "")],
        cwd=PROJECT, timeout=60, capture_output=True, text=True,
        env={key: value for key, value in os.environ.items()
             if not key.startswith(("PORTAL_", "DEBUG"))}
        | {"DJANGO_SETTINGS_MODULE": "config.settings"})

    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[:3] == ["True", "/files/", "('HTTP_X_FORWARDED_PROTO',"]
    assert development.stdout.split() == ["False", "/protected-media/"], development.stderr

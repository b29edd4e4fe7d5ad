"""The production environment of deploy/portal.env.example, for processes a test starts."""

import os
import re
import secrets
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
TEMPLATE = PROJECT / "deploy" / "portal.env.example"
SETTINGS = PROJECT / "config" / "settings.py"
_ASSIGNMENT = re.compile(r"^(#?)([A-Z][A-Z0-9_]*)=(.*)$")


def template_lines() -> list[tuple[bool, str, str]]:
    """(set, name, value) of every variable in the template; commented ones are not set."""
    found = []
    for line in TEMPLATE.read_text(encoding="utf-8").splitlines():
        match = _ASSIGNMENT.match(line.strip())
        if match:
            found.append((not match.group(1), match.group(2), match.group(3)))
    return found


def settings_variables() -> set[str]:
    """Names config/settings.py reads with ``env(...)``."""
    return set(re.findall(r'env(?:\.\w+)?\(\s*"([A-Z][A-Z0-9_]*)"', SETTINGS.read_text()))


def production_environment(folder: Path) -> dict[str, str]:
    """The process environment of a production node: the template's values, a generated
    SECRET_KEY (the template leaves it empty to be generated), folders in ``folder``, and
    nothing of the developer's or CI's settings."""
    names = settings_variables() | {name for _, name, _ in template_lines()}
    environment = {key: value for key, value in os.environ.items()
                   if key not in names and key != "DJANGO_SETTINGS_MODULE"}
    environment.update({name: value for is_set, name, value in template_lines() if is_set})
    assert environment["SECRET_KEY"] == "", "SECRET_KEY в шаблоне должен быть пустым"
    environment.update({
        "SECRET_KEY": secrets.token_urlsafe(64),
        "STATIC_ROOT": str(folder / "static"),
        "MEDIA_ROOT": str(folder / "media"),
        "CELERY_BEAT_SCHEDULE_FILENAME": str(folder / "celerybeat-schedule"),
    })
    return environment

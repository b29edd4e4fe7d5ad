"""Test-only switches on top of the real settings."""

import tempfile

from config.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CELERY_TASK_ALWAYS_EAGER = True
AXES_ENABLED = True
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
# Files uploaded by tests land in a throwaway folder, never in the working copy.
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="stazhirovki-test-media-"))  # noqa: F405

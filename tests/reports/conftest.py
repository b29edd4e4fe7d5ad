"""Fixtures of the reports tests shared with other test packages."""

from tests.celery_worker import real_workers, redis_worker, worker_queue  # noqa: F401

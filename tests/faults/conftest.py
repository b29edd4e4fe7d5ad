"""Faults proven against the real services: the worker, the queue and the database."""

from tests.celery_worker import real_workers, worker_queue  # noqa: F401

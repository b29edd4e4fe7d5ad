"""Starts a real Celery worker of the portal with a test's changes, for tests only.

    python -m tests.worker_launcher [--slow-builder] [--visibility-timeout S] <worker options>

``--slow-builder``: the indicators report is built by ``slow_builder`` of
tests/reports/jobs_support.py (half a file, then a long pause: the moment to kill the
worker). ``--visibility-timeout``: seconds after which Redis gives a message that a worker
took and never acknowledged to another worker. Celery's default is an hour; a shorter one
lets a test see that redelivery without waiting for it.
"""

import argparse

import django


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m tests.worker_launcher")
    parser.add_argument("--slow-builder", action="store_true")
    parser.add_argument("--visibility-timeout", type=float)
    options, worker_options = parser.parse_known_args(argv)

    django.setup()
    from config.celery import app
    from reports import builders
    from reports.models import ReportKind
    from tests.reports.jobs_support import slow_builder

    if options.slow_builder:
        # The pool's children are forked from this process and keep the change.
        builders.BUILDERS[ReportKind.INDICATORS] = slow_builder
    if options.visibility_timeout is not None:
        app.conf.broker_transport_options = {
            **app.conf.broker_transport_options,
            "visibility_timeout": options.visibility_timeout,
            # Look for such messages every second, not every 100 seconds.
            "unacked_restore_interval": 1,
            "unacked_restore_throttle": 1,
        }
    app.worker_main(["worker", *worker_options])


if __name__ == "__main__":
    main()

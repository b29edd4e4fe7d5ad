"""Failures of report building that the person who asked should read."""


class ReportError(Exception):
    """An expected reason a report cannot be built; its message is Russian and shown as is."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class BrokerUnavailable(ReportError):
    """The background queue could not take the job; the request may be repeated later."""

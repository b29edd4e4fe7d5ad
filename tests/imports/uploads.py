"""Posting an import form as a browser does: the upload becomes a background job, which the
test settings run in the same process (CELERY_TASK_ALWAYS_EAGER) once the request's
transaction commits, and the browser lands on the job's page."""

from django.test import TestCase


def post_upload(client, url: str, data: dict):
    """The page the browser shows after posting ``data``: the job's page with its report,
    or the form again with its errors."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(url, data)
    if response.status_code == 302 and "/imports/jobs/" in response["Location"]:
        return client.get(response["Location"])
    return response

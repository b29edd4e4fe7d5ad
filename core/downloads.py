"""A stored file sent as a download, after the view has checked who may have it.

By default the portal reads the file and sends its bytes itself (``FileResponse``). Behind
nginx (deploy/nginx/portal.conf) with ``PORTAL_X_ACCEL`` on, the view answers with an empty
response carrying ``X-Accel-Redirect``: nginx then sends the file from its internal
location ``PORTAL_X_ACCEL_LOCATION``, which serves ``MEDIA_ROOT`` and which no browser can
open directly. The check stays in the view either way; only the copying of the bytes moves
to nginx, so a large file does not hold a web worker.
"""

import mimetypes
from urllib.parse import quote

from django.conf import settings
from django.http import FileResponse, Http404, HttpResponse
from django.utils.http import content_disposition_header


def file_download(stored_file, *, filename: str, content_type: str | None = None,
                  cache_control: str | None = None) -> HttpResponse:
    """``stored_file`` (a FieldFile) as an attachment named ``filename``; 404 when the file
    is missing from the storage."""
    if settings.PORTAL_X_ACCEL:
        response = _accel_response(stored_file, filename=filename, content_type=content_type)
    else:
        try:
            handle = stored_file.open("rb")
        except FileNotFoundError as error:
            raise Http404("Файл не найден в хранилище.") from error
        response = FileResponse(handle, as_attachment=True, filename=filename,
                                content_type=content_type)
    if cache_control:
        response["Cache-Control"] = cache_control
    return response


def _accel_response(stored_file, *, filename: str, content_type: str | None) -> HttpResponse:
    if not stored_file.name or not stored_file.storage.exists(stored_file.name):
        raise Http404("Файл не найден в хранилище.")
    if content_type is None:
        content_type = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    response = HttpResponse(content_type=content_type)
    # nginx takes the URI as it is written: percent-encoded, under the internal location.
    response["X-Accel-Redirect"] = (settings.PORTAL_X_ACCEL_LOCATION.rstrip("/") + "/"
                                    + quote(stored_file.name.lstrip("/")))
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response

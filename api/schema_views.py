"""The API's description pages: Swagger UI and ReDoc, from the portal's own static files.

Swagger UI loads its start-up script as a separate file (no inline script), so the portal's
strict content policy holds. ReDoc builds its styles in the browser and searches in a worker
made from a blob: its page alone allows inline styles and blob workers.
"""

from csp.decorators import csp_update
from django.contrib.auth.decorators import login_required
from drf_spectacular.views import SpectacularRedocView, SpectacularSwaggerSplitView

swagger = login_required(SpectacularSwaggerSplitView.as_view(
    url_name="api_schema", template_name="api/swagger_ui.html", title="API портала «Стажировки»",
))


def _redoc_view():
    view = SpectacularRedocView.as_view(url_name="api_schema", template_name="api/redoc.html",
                                        title="API портала «Стажировки»")
    return login_required(csp_update({"style-src": ["'unsafe-inline'"],
                                      "worker-src": ["'self'", "blob:"]})(view))


redoc = _redoc_view()

"""HTML to PDF with WeasyPrint: only the project's static files, bundled fonts, a time limit.

A report is rendered in a child Python process. That is what makes the time limit
real: a layout that runs away is killed, whatever thread or worker pool asked for it
(a signal alarm works only in a main thread, and Celery's own limits not in every
pool). The child reads nothing but the files under the project's static folders:
the stylesheet and the DejaVu fonts it embeds. Any other address — the network, a
``file:`` path elsewhere, a ``..`` escape — stops the rendering.

Run as ``python -m reports.pdf.render OUTPUT BASE_URL ROOT...`` with the HTML on
standard input; it prints the number of pages.
"""

import json
import logging
import mimetypes
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from django.conf import settings
from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

from reports.errors import ReportError

logger = logging.getLogger(__name__)

# The scheme for a static file named by its path inside the static folders.
STATIC_SCHEME = "static"
# The child's exit code for an address it refused; its message is on the last line of stderr.
REFUSED_EXIT_CODE = 3


class RefusedResource(ValueError):
    """An address outside the project's static files; the message is Russian."""


class StaticFilesOnly(URLFetcher):
    """Serves files under the given static folders and refuses every other address."""

    def __init__(self, *, roots: Sequence[Path | str]):
        super().__init__(fail_on_errors=True)
        self.roots = [Path(root).resolve() for root in roots]
        self.served: list[str] = []

    def resolve(self, url: str) -> Path:
        """The file an address names, or ``RefusedResource``."""
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme == STATIC_SCHEME:
            relative = PurePosixPath(unquote(parts.path))
            if relative.is_absolute() or ".." in relative.parts:
                raise RefusedResource(f"Адрес вне статических файлов портала: {url}")
            candidates = [root / relative for root in self.roots]
        elif scheme == "file" and not parts.netloc:
            raw = unquote(parts.path)
            if ".." in PurePosixPath(raw).parts:
                raise RefusedResource(f"Адрес вне статических файлов портала: {url}")
            candidates = [Path(url2pathname(parts.path))]
        else:
            raise RefusedResource(f"PDF не загружает внешние адреса: {url}")
        for candidate in candidates:
            path = candidate.resolve()
            inside = any(path.is_relative_to(root) for root in self.roots)
            if inside and path.is_file():
                return path
        raise RefusedResource(f"Файла нет среди статических файлов портала: {url}")

    def fetch(self, url: str, headers=None) -> URLFetcherResponse:
        path = self.resolve(url)
        self.served.append(url)
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(path.as_uri(), body=path.read_bytes(),
                                  headers={"Content-Type": content_type})


def static_roots() -> list[Path]:
    """The folders the staticfiles finders search: the project's and the apps' static files."""
    from django.contrib.staticfiles import finders

    roots = []
    for finder in finders.get_finders():
        for storage in getattr(finder, "storages", {}).values():
            location = Path(storage.location)
            if location.is_dir() and location not in roots:
                roots.append(location)
    return roots


def default_base_url() -> str:
    """The project's static folder, so templates name files relative to it."""
    return Path(settings.STATICFILES_DIRS[0]).resolve().as_uri() + "/"


def write_document(*, html: str, output: Path, base_url: str,
                   fetcher: StaticFilesOnly) -> int:
    """Lay out and write the PDF in this process; returns the number of pages."""
    font_config = FontConfiguration()
    document = HTML(string=html, base_url=base_url, url_fetcher=fetcher).render(
        font_config=font_config
    )
    document.write_pdf(output)
    return len(document.pages)


def render_pdf(*, html: str, output: Path, base_url: str | None = None) -> int:
    """Write ``html`` as a PDF to ``output`` within ``REPORT_RENDER_SECONDS``.

    Returns the number of pages. Raises ``ReportError`` (Russian) when the time runs
    out, an address is refused or the layout fails; ``output`` is then removed.
    """
    seconds = settings.REPORT_RENDER_SECONDS
    command = [sys.executable, "-m", "reports.pdf.render", str(output),
               base_url or default_base_url(), *map(str, static_roots())]
    try:
        finished = subprocess.run(
            command, input=html.encode("utf-8"), capture_output=True,
            cwd=settings.BASE_DIR, timeout=seconds, check=False,
        )
    except subprocess.TimeoutExpired:
        output.unlink(missing_ok=True)
        raise ReportError(
            f"PDF не успел сформироваться за {seconds} с и был остановлен. "
            "Попробуйте ещё раз; если повторится, сообщите администратору портала."
        ) from None
    errors = finished.stderr.decode("utf-8", "replace").strip()
    if finished.returncode == REFUSED_EXIT_CODE:
        output.unlink(missing_ok=True)
        raise ReportError(f"Оформление отчёта обращается к недопустимому адресу. "
                          f"{errors.splitlines()[-1]}")
    if finished.returncode != 0:
        output.unlink(missing_ok=True)
        logger.error("PDF rendering failed (exit %s):\n%s", finished.returncode, errors)
        raise ReportError("Не удалось свёрстать PDF: ошибка при вёрстке документа. "
                          "Сообщите администратору портала.")
    return json.loads(finished.stdout)["pages"]


def main(argv: Sequence[str]) -> int:
    output, base_url, *roots = argv
    fetcher = StaticFilesOnly(roots=roots)
    try:
        pages = write_document(html=sys.stdin.buffer.read().decode("utf-8"),
                               output=Path(output), base_url=base_url, fetcher=fetcher)
    except FatalURLFetchingError as error:
        cause = error.__cause__
        print(str(cause) if isinstance(cause, RefusedResource) else str(error),
              file=sys.stderr)
        return REFUSED_EXIT_CODE
    print(json.dumps({"pages": pages}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Render the error pages that nginx shows by itself into static files.

    python manage.py render_error_pages          # write static/errors/*.html
    python manage.py render_error_pages --check  # exit 1 when a written page is out of date

A request larger than nginx's client_max_body_size never reaches the portal, so its page
(templates/413.html, in the portal's layout) is kept as a static file that collectstatic
collects and nginx serves (deploy/nginx/portal.conf, error_page 413).
"""

from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles.storage import StaticFilesStorage
from django.core.files.storage import storages
from django.core.management.base import BaseCommand, CommandError
from django.template.loader import render_to_string

from core.formatting import ru_number
from core.xlsx_safety import MAX_FILE_BYTES

PAGES = {"413.html": "errors/413.html"}


def _megabytes(size: int) -> str:
    return f"{ru_number(Decimal(size) / (1024 * 1024), 1, trim=True)} МБ"


def error_page(template: str) -> str:
    """The page as nginx should send it: the limits named are the portal's settings."""
    largest = max(settings.JOURNAL_ATTACHMENT_MAX_BYTES, settings.COUNCIL_ATTACHMENT_MAX_BYTES)
    return render_to_string(template, {"limit": _megabytes(largest),
                                       "import_limit": _megabytes(MAX_FILE_BYTES)})


def static_folder() -> Path:
    return Path(settings.BASE_DIR) / "static"


class Command(BaseCommand):
    help = "Записывает страницы ошибок, которые показывает nginx, в static/errors/."

    def add_arguments(self, parser):
        parser.add_argument("--check", action="store_true",
                            help="только проверить, что записанные страницы не устарели")

    def handle(self, *args, check: bool, **options):
        if type(storages["staticfiles"]) is not StaticFilesStorage:
            # Hashed names of a production build would be frozen into the page.
            raise CommandError("Запустите команду в режиме разработки (DEBUG=1): страница "
                               "должна ссылаться на статические файлы без хешей в именах.")
        stale = []
        for template, target in PAGES.items():
            path = static_folder() / target
            text = error_page(template)
            if check:
                if not path.exists() or path.read_text(encoding="utf-8") != text:
                    stale.append(target)
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            self.stdout.write(f"Записана страница static/{target}")
        if stale:
            raise CommandError("Устарели страницы: " + ", ".join(f"static/{t}" for t in stale)
                               + ". Обновите их: python manage.py render_error_pages")

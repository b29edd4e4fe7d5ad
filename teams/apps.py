from django.apps import AppConfig
from django.db.backends.signals import connection_created


class TeamsConfig(AppConfig):
    name = "teams"
    verbose_name = "Организации и команды"

    def ready(self) -> None:
        from teams import passwords  # noqa: F401 — connects the sign-in receiver
        from teams.search import unicode_lower_for_sqlite

        connection_created.connect(unicode_lower_for_sqlite, dispatch_uid="unicode_lower")

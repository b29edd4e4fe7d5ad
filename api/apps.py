from django.apps import AppConfig


class ApiConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "api"
    verbose_name = "API для региональных систем"

    def ready(self) -> None:
        # The schema's authentication schemes register themselves on import.
        from api import schema  # noqa: F401
        from api.history import connect

        connect()

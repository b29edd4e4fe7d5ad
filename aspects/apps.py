from django.apps import AppConfig


class AspectsConfig(AppConfig):
    name = "aspects"
    verbose_name = "Карта проблем и эффективных решений"

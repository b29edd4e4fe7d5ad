from django.apps import AppConfig


class RegistersConfig(AppConfig):
    name = "registers"
    verbose_name = "Банк программ, реестры продуктов и нормативных документов"

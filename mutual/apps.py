"""Взаимообучение ОО: группы ответственных, техническое задание, мониторинг проекта."""
from django.apps import AppConfig


class MutualConfig(AppConfig):
    name = "mutual"
    verbose_name = "Взаимообучение ОО"

    def ready(self) -> None:
        from diagnostics.imports.tables import REGISTERED, register_table
        from mutual.access import may_load_answers
        from mutual.imports import INFO, build

        if INFO.slug not in REGISTERED:
            register_table(INFO, build, may_load=may_load_answers, page="mutual_import")

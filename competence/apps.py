"""Диагностика компетенций педагогов."""
from django.apps import AppConfig


class CompetenceConfig(AppConfig):
    name = "competence"
    verbose_name = "Диагностика компетенций педагогов"

    def ready(self) -> None:
        from competence.access import may_keep
        from competence.imports import INFO, build
        from diagnostics.imports.tables import REGISTERED, register_table

        if INFO.slug not in REGISTERED:
            register_table(INFO, build, may_load=may_keep, page="competence_import")

from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = "Отчёты"

    def ready(self) -> None:
        from diagnostics.imports.tables import REGISTERED, register_table
        from reports.regional_monitoring import INFO, build, may_load

        if INFO.slug not in REGISTERED:
            register_table(INFO, build, may_load=may_load, page="regional_monitoring_import")

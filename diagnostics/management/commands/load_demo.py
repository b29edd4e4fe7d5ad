from django.core.management.base import BaseCommand

from internships.demo import load_demo


class Command(BaseCommand):
    help = "Загружает демонстрационные данные: Крымский район, стажировки 2021–2022, диагностика."

    def handle(self, *args, **options):
        counts = load_demo()
        self.stdout.write(
            self.style.SUCCESS(
                f"Демо-данные загружены: организаций — {counts['organizations']}, "
                f"распределений — {counts['placements']}."
            )
        )

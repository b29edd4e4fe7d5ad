from django.core.management.base import BaseCommand

from diagnostics.demo import load_demo_diagnostics
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
        diagnostics = load_demo_diagnostics()
        self.stdout.write(
            f"Диагностика: дефицитов в стартовом каталоге — {diagnostics['deficits']} "
            "(формулировки-шаблоны: уточните их), "
            f"диагностик — {diagnostics['rounds']}."
        )
        open_round = diagnostics["open_round"]
        if open_round is not None:
            self.stdout.write(
                f"Для пробы приём результатов диагностики «{open_round.title}» открыт "
                f"с {open_round.entry_opens:%d.%m.%Y} по {open_round.entry_closes:%d.%m.%Y} "
                "(сроки сдвигаются к дате каждой загрузки); приём стартовой и остальных "
                "диагностик закрыт — их результаты может вносить только управление "
                "образования (пользователь staff)."
            )

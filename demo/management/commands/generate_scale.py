import time

from django.core.management.base import BaseCommand, CommandError, CommandParser

from core.formatting import ru_number
from demo.synthetic import COUNT_LABELS, GenerationRefused, generate_scale


def _number(value: int) -> str:
    """«50 000»: thousands apart, as the portal prints them everywhere."""
    return ru_number(value, 0, grouped=True)


def _seconds(value: float) -> str:
    return f"{ru_number(value)} с"


class Command(BaseCommand):
    help = ("Заполняет базу синтетическими данными для проверки нагрузки: муниципальные "
            "образования «Синтетическое МО 0001», … с организациями, распределением, журналами, "
            "диагностикой и мониторингом.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--municipalities", type=int, required=True,
                            help="число муниципальных образований")
        parser.add_argument("--orgs", type=int, required=True,
                            help="число организаций во всех муниципальных образованиях вместе")
        parser.add_argument("--periods", type=int, default=2,
                            help="число учебных лет, начиная с первого года проекта (1–3)")
        parser.add_argument("--seed", type=int, default=1,
                            help="зерно: одно и то же зерно даёт одни и те же данные")
        parser.add_argument("--password",
                            help="пароль пользователей m0001-staff, m0001-analyst, "
                                 "m0001-curator, m0001-school, … (без него пользователи не "
                                 "создаются)")
        parser.add_argument("--replace", action="store_true",
                            help="сначала удалить прежние синтетические данные")

    def handle(self, *args, **options) -> None:
        started = time.perf_counter()
        try:
            counts = generate_scale(
                municipalities=options["municipalities"], organizations=options["orgs"],
                periods=options["periods"], seed=options["seed"],
                password=options["password"], replace=options["replace"],
                report=self._report)
        except GenerationRefused as error:
            raise CommandError(str(error)) from error
        total = sum(value for key, value in counts.items() if not key.startswith("deleted"))
        self.stdout.write(self.style.SUCCESS(
            f"Готово за {_seconds(time.perf_counter() - started)}: строк — {_number(total)}."))

    def _report(self, title: str, counts: dict[str, int], seconds: float) -> None:
        figures = ", ".join(f"{COUNT_LABELS[key]} — {_number(value)}"
                            for key, value in counts.items())
        self.stdout.write(f"{title}: {_seconds(seconds)}" + (f"; {figures}" if figures else ""))

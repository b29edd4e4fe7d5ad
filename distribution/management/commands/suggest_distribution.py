from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone
from openpyxl import Workbook

from core.spreadsheets import add_sheet, workbook_bytes
from diagnostics.imports.base import find_period
from diagnostics.imports.commands import municipality_named
from diagnostics.imports.diagnoses import find_round
from distribution.proposals import default_parameters, latest_round_with_diagnoses, suggest
from distribution.reads import coverage_text, tier_text
from internships.models import Direction, Period
from internships.periods import municipality_default_period
from teams.models import ManagementTeam

COLUMNS = [("Организация", 28), ("№ направления", 14), ("Уровень сейчас", 20),
           ("Уровень предложен", 20), ("Наставник", 28), ("Пояснение", 90)]


class Command(BaseCommand):
    help = ("Предложить распределение команд по уровням и пары наставничества и записать его "
            "в файл .xlsx. Распределение в портале не меняется.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--municipality", required=True,
                            help="муниципальное образование (название или его часть)")
        parser.add_argument("--period", help="учебный год текущего распределения, например "
                                             "2021–2022; по умолчанию последний")
        parser.add_argument("--round", dest="round",
                            help="диагностика: номер или название; по умолчанию последняя "
                                 "с результатами")
        parser.add_argument("--output", required=True, help="файл .xlsx для предложения")

    def handle(self, *args, **options) -> None:
        municipality = municipality_named(options["municipality"])
        if options["period"]:
            period = find_period(municipality, options["period"])
            if period is None:
                raise CommandError(f"Учебный год «{options['period']}» в муниципальном "
                                   f"образовании «{municipality.name}» не найден.")
        else:
            period = municipality_default_period(municipality=municipality,
                                                 today=timezone.localdate())
            if period is None:
                raise CommandError(f"В муниципальном образовании «{municipality.name}» "
                                   "нет учебных годов.")
        period = Period.objects.select_related("programme").get(pk=period.pk)
        if options["round"]:
            diagnostic_round = find_round(municipality, options["round"])
            if diagnostic_round is None or diagnostic_round.programme_id != period.programme_id:
                raise CommandError(f"Диагностика «{options['round']}» в проекте учебного года "
                                   f"{period.title} не найдена.")
        else:
            diagnostic_round = latest_round_with_diagnoses(period=period)
        try:
            proposal, _ = suggest(period=period, diagnostic_round=diagnostic_round,
                                  parameters=default_parameters(period=period))
        except ValueError as error:
            raise CommandError(f"Предложение не рассчитано: {error}.") from error

        workbook = Workbook(write_only=True)
        add_sheet(workbook, title="Предложение", columns=COLUMNS,
                  rows=_rows(proposal, period))
        try:
            Path(options["output"]).write_bytes(workbook_bytes(workbook))
        except OSError as error:
            raise CommandError(f"Не удаётся записать файл: {error.strerror}.") from error
        result = {"leading_before": proposal.leading_before,
                  "leading_after": proposal.leading_after, "teams_total": proposal.teams_total}
        for note in proposal.notes:
            self.stdout.write(f"Внимание: {note}")
        self.stdout.write(f"Записано: {options['output']}.")
        self.stdout.write(f"Текущее распределение {period.title} → предложенное, "
                          + (f"диагностика «{diagnostic_round.title}»" if diagnostic_round
                             else "без диагностики, по текущим уровням") + ".")
        self.stdout.write(f"Без наставника: {len(proposal.unmatched)}.")
        names, numbers = _names(period), _numbers(period)
        for item in proposal.unmatched:
            self.stdout.write(f"  {names[item.team]}, направление {numbers[item.direction]}: "
                              + _sentence(item.reason))
        self.stdout.write(f"Изменений уровней: {proposal.changes}.")
        self.stdout.write(coverage_text(result).capitalize() + ".")


def _sentence(text: str) -> str:
    """The solver's phrases may or may not end with a full stop."""
    return text.rstrip(".") + "."


def _names(period: Period) -> dict[int, str]:
    """Team id → the short name of its organization, in the order of the organization list."""
    return {team.pk: team.organization.short_name for team in ManagementTeam.objects.filter(
        organization__municipality_id=period.programme.municipality_id
    ).select_related("organization")}


def _numbers(period: Period) -> dict[int, int]:
    return dict(Direction.objects.filter(programme_id=period.programme_id)
                .values_list("pk", "number"))


def _rows(proposal, period: Period):
    """One row per team and direction, in the order of the organization list; a team left
    without a mentor says why."""
    names, numbers = _names(period), _numbers(period)
    mentors = {(pair.mentee, pair.direction): names[pair.mentor] for pair in proposal.pairs}
    missing = {(item.team, item.direction): item.reason for item in proposal.unmatched}
    decisions: dict[int, list] = {}
    for decision in proposal.tiers:
        decisions.setdefault(decision.team, []).append(decision)
    for team_id, name in names.items():
        for decision in sorted(decisions.get(team_id, []),
                               key=lambda decision: numbers[decision.direction]):
            key = (team_id, decision.direction)
            mentor, explanation = mentors.get(key, ""), decision.explanation
            if key in missing:
                mentor = "не подобран"
                explanation = (f"{_sentence(explanation)} Наставник не подобран: "
                               + _sentence(missing[key]))
            yield (name, numbers[decision.direction], tier_text(decision.current),
                   tier_text(decision.tier), mentor, explanation)

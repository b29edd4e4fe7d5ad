"""Import of diagnosis results: one line per team, round, direction and source."""

import re

from django.contrib.auth.models import User
from django.utils import timezone

from core.sheet_headers import Column, normalise
from diagnostics.diagnoses import closed_message, may_write
from diagnostics.imports.base import CREATED, ORGANIZATION, UPDATED, Row, TableImport
from diagnostics.imports.matching import OrganizationMatcher
from diagnostics.models import Deficit, Diagnosis, DiagnosisSource, DiagnosticRound
from diagnostics.rounds import period_of_round
from internships.models import Direction, Placement, Platform
from teams.models import ManagementTeam, Municipality, Organization

MAX_SCORE = 100

COLUMNS = (
    ORGANIZATION,
    Column("round", "Диагностика", aliases=("диагностика", "этап диагностики", "срез",
                                            "название диагностики")),
    Column("direction", "Направление (номер стажировки)",
           aliases=("направление", "стажировка", "номер направления", "№ направления",
                    "номер стажировки"),
           keywords=(("направлен",), ("стажировк",)), required=True),
    Column("source", "Источник", aliases=("источник", "источник оценки", "кто оценивал")),
    Column("score", "Балл (0–100)", aliases=("балл", "баллы", "оценка", "результат",
                                            "балл 0 100")),
    Column("deficits", "Дефициты (коды через точку с запятой)",
           aliases=("дефициты", "коды дефицитов", "выявленные дефициты"),
           keywords=(("дефицит",),)),
    Column("comment", "Комментарий", aliases=("комментарий", "примечание", "комментарии")),
)

_SOURCES = {
    DiagnosisSource.EXPERT: ("экспертная оценка куратора", "экспертная оценка", "экспертная",
                             "эксперт", "куратор", "expert"),
    DiagnosisSource.SELF: ("самооценка команды", "самооценка", "команда", "self"),
}


def current_round(municipality: Municipality) -> DiagnosticRound | None:
    """The round accepting results today, else the latest one begun, else the first."""
    rounds = DiagnosticRound.objects.filter(programme__municipality=municipality)
    today = timezone.localdate()
    return (
        rounds.filter(entry_opens__lte=today, entry_closes__gte=today).order_by("-starts_on")
        .first()
        or rounds.filter(starts_on__lte=today).order_by("-starts_on").first()
        or rounds.order_by("starts_on").first()
    )


def find_round(municipality: Municipality, title: str) -> DiagnosticRound | None:
    rounds = DiagnosticRound.objects.filter(programme__municipality=municipality)
    wanted = normalise(title)
    if wanted.isdigit() and rounds.filter(pk=int(wanted)).exists():
        return rounds.get(pk=int(wanted))
    matching = [r for r in rounds if normalise(r.title) == wanted]
    return matching[0] if len(matching) == 1 else None


class DiagnosisImport(TableImport):
    title = "Результаты диагностики"
    columns = COLUMNS
    constraint_messages = {
        "diagnosis_score_0_100": f"балл должен быть от 0 до {MAX_SCORE}",
        "diagnosis_unique_source": "такой результат уже есть",
    }

    def __init__(self, *, municipality: Municipality, diagnostic_round: DiagnosticRound | None,
                 entered_by: User | None = None, curated_by: User | None = None):
        """``curated_by``: a curator, who may import only the expert assessment of the teams
        placed on their platforms, and only while the round accepts results."""
        super().__init__(municipality=municipality)
        self.diagnostic_round = diagnostic_round
        self.entered_by = entered_by
        self.curated_by = curated_by

    def begin(self) -> None:
        self.matcher = OrganizationMatcher(
            Organization.objects.filter(municipality=self.municipality))
        self.teams = {team.organization_id: team for team in ManagementTeam.objects.filter(
            organization__municipality=self.municipality)}
        self.rounds: dict[str, DiagnosticRound | None] = {}
        self.directions = {
            (direction.programme_id, direction.number): direction
            for direction in Direction.objects.filter(programme__municipality=self.municipality)
        }
        self.deficits = {
            (deficit.direction_id, deficit.code.lower()): deficit
            for deficit in Deficit.objects.filter(
                direction__programme__municipality=self.municipality)
        }
        self.existing = {
            (d.team_id, d.round_id, d.direction_id, d.source): d
            for d in Diagnosis.objects.filter(round__programme__municipality=self.municipality)
            .prefetch_related("deficits")
        }
        self.allowed: dict[int, set[int]] = {}
        self.placed: dict[int, set[tuple[int, int]]] = {}
        self.today = timezone.localdate()

    def _round(self, row: Row) -> DiagnosticRound | None:
        title = row.text("round")
        if not title:
            if self.diagnostic_round is None:
                row.problem("round", "не указана диагностика, и в муниципальном образовании "
                                     "их нет")
            return self.diagnostic_round
        if title not in self.rounds:
            self.rounds[title] = find_round(self.municipality, title)
        if self.rounds[title] is None:
            row.problem("round", f"диагностика «{title}» не найдена")
        return self.rounds[title]

    def _check_window(self, row: Row, diagnostic_round: DiagnosticRound | None) -> None:
        """A curator writes only while the round accepts results, as on the entry form."""
        if diagnostic_round is None or self.curated_by is None:
            return
        if not may_write(user=self.curated_by, diagnostic_round=diagnostic_round,
                         today=self.today):
            row.problem("round", closed_message(diagnostic_round, self.today))

    def _direction(self, row: Row, diagnostic_round: DiagnosticRound | None
                   ) -> Direction | None:
        text = row.text("direction", required=True)
        if not text or diagnostic_round is None:
            return None
        found = re.search(r"\d+", text)
        direction = self.directions.get((diagnostic_round.programme_id, int(found.group())),
                                        ) if found else None
        if direction is None:
            row.problem("direction", f"направление «{text}» не найдено в проекте диагностики")
            return None
        if self.curated_by is not None and direction.pk not in self._curated(diagnostic_round):
            row.problem("direction", f"вы не куратор площадки направления {direction.number} "
                                     f"в учебном году этой диагностики")
            return None
        return direction

    def _curated(self, diagnostic_round: DiagnosticRound) -> set[int]:
        if diagnostic_round.pk not in self.allowed:
            period = period_of_round(diagnostic_round=diagnostic_round)
            self.allowed[diagnostic_round.pk] = set(Platform.objects.filter(
                period=period, curators__user=self.curated_by,
            ).values_list("direction_id", flat=True))
        return self.allowed[diagnostic_round.pk]

    def _placed(self, diagnostic_round: DiagnosticRound) -> set[tuple[int, int]]:
        """(organization id, direction id) of the teams placed on the curator's platforms."""
        if diagnostic_round.pk not in self.placed:
            period = period_of_round(diagnostic_round=diagnostic_round)
            self.placed[diagnostic_round.pk] = set(Placement.objects.filter(
                platform__period=period, platform__curators__user=self.curated_by,
            ).values_list("team__organization_id", "platform__direction_id"))
        return self.placed[diagnostic_round.pk]

    def _check_placed(self, row: Row, organization: Organization,
                      diagnostic_round: DiagnosticRound, direction: Direction) -> None:
        """A curator assesses only the teams placed on their platform, as on the entry form."""
        if self.curated_by is None:
            return
        if (organization.pk, direction.pk) not in self._placed(diagnostic_round):
            period = period_of_round(diagnostic_round=diagnostic_round)
            row.problem("organization", (
                f"{organization.short_name} не распределена на площадку «{direction.label}» "
                f"({period.title if period else 'этого учебного года'}): "
                "её результат сюда внести нельзя"))

    def _source(self, row: Row) -> str:
        text = row.text("source")
        if not text:
            return DiagnosisSource.EXPERT
        wanted = normalise(text)
        for code, names in _SOURCES.items():
            if wanted in names or wanted == normalise(code.label):
                if code == DiagnosisSource.SELF and self.curated_by is not None:
                    row.problem("source", "куратор вносит только экспертную оценку; "
                                          "самооценку команда вносит сама")
                return code
        row.problem("source", f"источник «{text}» не распознан; допустимо: «Экспертная оценка "
                              f"куратора» или «Самооценка команды»")
        return DiagnosisSource.EXPERT

    def _deficits(self, row: Row, direction: Direction | None) -> list[Deficit]:
        text = row.text("deficits")
        if not text or direction is None:
            return []
        found, unknown = [], []
        for code in filter(None, (part.strip() for part in re.split(r"[;,\s]+", text))):
            deficit = self.deficits.get((direction.pk, code.lower().rstrip(".")))
            if deficit is None:
                unknown.append(code)
            else:
                found.append(deficit)
        if unknown:
            row.problem("deficits", f"в каталоге направления {direction.number} нет дефицитов "
                                    f"с кодами {', '.join(unknown)}")
        return found

    @staticmethod
    def _check_active(row: Row, deficits: list[Deficit], diagnosis: Diagnosis | None,
                      direction: Direction) -> None:
        """A switched-off deficit stays on the results that have it, and is given to no other."""
        kept = {deficit.pk for deficit in diagnosis.deficits.all()} if diagnosis else set()
        retired = [d.code for d in deficits if not d.active and d.pk not in kept]
        if retired:
            row.problem("deficits", f"дефициты с кодами {', '.join(retired)} исключены из "
                                    f"каталога направления {direction.number}: отметить можно "
                                    "только действующие")

    def import_row(self, row: Row) -> str | None:
        organization, reason = self.matcher.find(row.text("organization"))
        if organization is None:
            row.problem("organization", reason)
        diagnostic_round = self._round(row)
        self._check_window(row, diagnostic_round)
        direction = self._direction(row, diagnostic_round)
        source = self._source(row)
        score = row.integer("score", maximum=MAX_SCORE)
        deficits = self._deficits(row, direction)
        comment = row.text("comment", multiline=True)
        if organization is not None and direction is not None:
            self._check_placed(row, organization, diagnostic_round, direction)
        if row.has_problems:
            return None
        team = self.teams.get(organization.pk) or ManagementTeam.objects.create(
            organization=organization)
        identity = (team.pk, diagnostic_round.pk, direction.pk, source)
        if not self.once(row, identity, "результат этой команды по этому направлению"):
            return None
        diagnosis = self.existing.get(identity)
        self._check_active(row, deficits, diagnosis, direction)
        if row.has_problems:
            return None
        outcome = UPDATED if diagnosis else CREATED
        if diagnosis is None:
            diagnosis = Diagnosis(team=team, round=diagnostic_round, direction=direction,
                                  source=source)
        # A column the file lacks leaves the stored value as it is.
        if row.has("score"):
            diagnosis.score = score
        if row.has("comment"):
            diagnosis.comment = comment
        if self.entered_by is not None:
            diagnosis.entered_by = self.entered_by
        diagnosis.save()
        if row.has("deficits") or outcome == CREATED:
            diagnosis.deficits.set(deficits)
        return outcome

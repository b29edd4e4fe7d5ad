"""What a run of the generator makes: the arguments and their limits, the academic
years, the municipalities with the ids of their rows, and the labels of the row
counts."""

import datetime
import random
import re
from collections import defaultdict
from dataclasses import dataclass, field

from demo.krymsky import STAGES
from demo.synthetic.tables import Ids
from teams.models import SchoolLevel

D = datetime.date
DAY = datetime.timedelta(days=1)

MUNICIPALITY_NAME = "Синтетическое МО {:04d}"
MAX_MUNICIPALITIES = 9999
MIN_ORGANIZATIONS_PER_MUNICIPALITY = 10
# The demo project (2021–2024) moved on to 2024–2027; it holds three whole academic years.
YEARS_LATER = 3
MAX_PERIODS = 3


def later(day: datetime.date) -> datetime.date:
    return day.replace(year=day.year + YEARS_LATER)


def later_title(title: str) -> str:
    return re.sub(r"\b20\d\d\b", lambda year: str(int(year.group()) + YEARS_LATER), title)


PROGRAMME_STARTS = later(STAGES[0][1])
PROGRAMME_ENDS = later(STAGES[-1][2])
COUNT_LABELS = {
    "deleted_municipalities": "удалено синтетических МО",
    "deleted_rows": "удалено строк",
    "municipalities": "муниципальных образований",
    "organizations": "организаций",
    "teams": "управленческих команд",
    "team_members": "членов команд",
    "programmes": "проектов",
    "stages": "этапов",
    "control_points": "контрольных точек",
    "periods": "учебных лет",
    "directions": "направлений",
    "curators": "кураторов",
    "platforms": "площадок",
    "platform_curators": "закреплений кураторов",
    "placements": "распределений",
    "transfers": "переводов",
    "mentorships": "пар наставничества",
    "strategies": "стратегий",
    "journal_entries": "мероприятий журнала",
    "entry_hosts": "проводящих команд",
    "team_results": "результатов команд",
    "planned_events": "строк плана работы",
    "deficits": "дефицитов в каталоге",
    "diagnostic_rounds": "диагностик",
    "diagnoses": "результатов диагностики",
    "diagnosis_deficits": "отмеченных дефицитов",
    "addressed_deficits": "дефицитов, названных мероприятиями",
    "school_indicators": "строк показателей мониторинга",
    "staffing": "строк кадрового состава",
    "needs_offers": "строк карты проблем и решений",
    "users": "пользователей",
}


class GenerationRefused(Exception):
    """The arguments or the database do not allow generating; the message is for the user."""


@dataclass(frozen=True)
class Span:
    title: str
    starts_on: datetime.date
    ends_on: datetime.date


@dataclass(slots=True)
class SyntheticOrganization:
    kind: str
    level: str
    number: int | None
    short_name: str
    name: str
    rural: bool
    # Index of the head organization, for a branch.
    parent: int | None = None
    members: int = 0
    pk: int = 0
    team_pk: int = 0

    @property
    def sort_key(self) -> tuple:
        """Organization.sort_rank, number, short name: the order of the portal's lists."""
        if self.level in (SchoolLevel.SECONDARY, SchoolLevel.GYMNASIUM, SchoolLevel.LYCEUM):
            rank = 1
        else:
            rank = {SchoolLevel.BASIC: 2, SchoolLevel.PRIMARY: 3}.get(self.level, 9)
        return rank, self.number is None, self.number or 0, self.short_name


@dataclass(slots=True)
class SyntheticPlacement:
    team: int  # index of the organization
    direction: int  # index of the direction
    tier: str
    transferred: bool = False
    pk: int = 0


@dataclass
class District:
    """One synthetic municipality as generated so far: the rows' ids and what they hold."""

    number: int
    pk: int = 0
    organizations: list[SyntheticOrganization] = field(default_factory=list)
    programme_pk: int = 0
    control_point_pks: dict[tuple[str, datetime.date], int] = field(default_factory=dict)
    period_pks: list[int] = field(default_factory=list)
    direction_pks: list[int] = field(default_factory=list)
    curator_pks: list[int] = field(default_factory=list)
    # (period index, direction index) → platform id, and the curators' indexes per direction.
    platform_pks: dict[tuple[int, int], int] = field(default_factory=dict)
    platform_curators: dict[int, list[int]] = field(default_factory=dict)
    # Per period index: the placements of that year.
    placements: list[list[SyntheticPlacement]] = field(default_factory=list)
    # (period index, team index) → how many teams it mentors that year.
    mentees: dict[tuple[int, int], int] = field(default_factory=lambda: defaultdict(int))

    def on_platform(self, period: int, direction: int) -> list[SyntheticPlacement]:
        return [item for item in self.placements[period] if item.direction == direction]


@dataclass
class Scale:
    """What a run generates: the academic years and the municipalities."""

    spans: list[Span]
    ids: Ids
    districts: list[District] = field(default_factory=list)


def period_spans(count: int) -> list[Span]:
    """The programme's first ``count`` academic years."""
    spans = []
    for offset in range(count):
        starts_on = PROGRAMME_STARTS.replace(year=PROGRAMME_STARTS.year + offset)
        ends_on = starts_on.replace(year=starts_on.year + 1) - DAY
        spans.append(Span(f"{starts_on.year}–{ends_on.year}", starts_on,
                          min(ends_on, PROGRAMME_ENDS)))
    return spans


def municipality_sizes(*, municipalities: int, organizations: int,
                       rng: random.Random) -> list[int]:
    """Organizations per municipality: the first has exactly the average (rounded down),
    the others vary by about ±40 % around it, and together they make the total."""
    reference = organizations // municipalities
    if municipalities == 1:
        return [organizations]
    rest = organizations - reference
    weights = [rng.uniform(0.6, 1.4) for _ in range(municipalities - 1)]
    exact = [rest * weight / sum(weights) for weight in weights]
    sizes = [int(share) for share in exact]
    # What rounding down left goes to the largest remainders.
    by_remainder = sorted(range(len(exact)), key=lambda i: (sizes[i] - exact[i], i))
    for index in by_remainder[:rest - sum(sizes)]:
        sizes[index] += 1
    return [reference, *sizes]


def check_arguments(*, municipalities: int, organizations: int, periods: int) -> None:
    if not 1 <= municipalities <= MAX_MUNICIPALITIES:
        raise GenerationRefused(
            f"Число муниципальных образований — от 1 до {MAX_MUNICIPALITIES}.")
    if organizations < MIN_ORGANIZATIONS_PER_MUNICIPALITY * municipalities:
        raise GenerationRefused(
            f"Организаций должно быть не меньше {MIN_ORGANIZATIONS_PER_MUNICIPALITY} на "
            f"муниципальное образование: не меньше "
            f"{MIN_ORGANIZATIONS_PER_MUNICIPALITY * municipalities}.")
    if not 1 <= periods <= MAX_PERIODS:
        raise GenerationRefused(
            f"Учебных лет — от 1 до {MAX_PERIODS}: проект {PROGRAMME_STARTS.year}–"
            f"{PROGRAMME_ENDS.year} вмещает {MAX_PERIODS} учебных года.")

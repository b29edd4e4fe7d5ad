"""The whole run of ``generate_scale``: the checks, the stages in order in one
transaction, and the time each took."""

import time
from collections.abc import Callable

from django.db import connection, transaction

from demo.synthetic.accounts import generate_users
from demo.synthetic.addressing import generate_addressing
from demo.synthetic.diagnostics import generate_diagnostics
from demo.synthetic.journals import generate_journals
from demo.synthetic.monitoring import generate_monitoring
from demo.synthetic.organizations import generate_municipalities, generate_organizations
from demo.synthetic.placements import generate_placements, generate_strategies
from demo.synthetic.programme import generate_programmes
from demo.synthetic.removal import delete_synthetic
from demo.synthetic.scale import (
    MUNICIPALITY_NAME,
    GenerationRefused,
    Scale,
    check_arguments,
    period_spans,
)
from demo.synthetic.tables import Ids
from teams.models import Municipality

Report = Callable[[str, dict[str, int], float], None]


def _timed(title: str, report: Report | None, step: Callable[[], dict[str, int]],
           counts: dict[str, int]) -> None:
    started = time.perf_counter()
    done = step()
    counts.update(done)
    if report is not None:
        report(title, done, time.perf_counter() - started)


def generate_scale(*, municipalities: int, organizations: int, periods: int = 2,
                   seed: int = 1, password: str | None = None, replace: bool = False,
                   report: Report | None = None) -> dict[str, int]:
    """Fill the database with synthetic municipalities; the row counts by kind.

    Refused (GenerationRefused) when synthetic data is there already and ``replace`` is
    not given; with it the old synthetic municipalities go first. Everything happens in
    one transaction: a failure leaves the database as it was.
    """
    check_arguments(municipalities=municipalities, organizations=organizations,
                    periods=periods)
    names = [MUNICIPALITY_NAME.format(number) for number in range(1, municipalities + 1)]
    counts: dict[str, int] = {}
    with transaction.atomic():
        if Municipality.objects.filter(is_synthetic=True).exists() and not replace:
            raise GenerationRefused(
                "В базе уже есть синтетические данные. Чтобы заменить их новыми, "
                "запустите команду с --replace.")
        clash = Municipality.objects.filter(is_synthetic=False, name__in=names).first()
        if clash is not None:
            raise GenerationRefused(
                f"Муниципальное образование «{clash.name}» уже есть и не помечено как "
                "синтетическое: переименуйте его.")
        if replace:
            _timed("Удаление прежних синтетических данных", report, delete_synthetic, counts)
        scale = Scale(spans=period_spans(periods), ids=Ids())
        stages = [
            ("Муниципальные образования",
             lambda: generate_municipalities(scale=scale, count=municipalities)),
            ("Организации и команды",
             lambda: generate_organizations(scale=scale, organizations=organizations,
                                            seed=seed)),
            ("Проекты, учебные годы, направления, кураторы, площадки",
             lambda: generate_programmes(scale=scale, seed=seed)),
            ("Распределение, переводы, наставничество",
             lambda: generate_placements(scale=scale, seed=seed)),
            ("Стратегии команд",
             lambda: generate_strategies(scale=scale, seed=seed)),
            ("Журналы площадок и планы работы",
             lambda: generate_journals(scale=scale, seed=seed)),
            ("Диагностика",
             lambda: generate_diagnostics(scale=scale, seed=seed)),
            ("Дефициты, на которые направлены мероприятия", generate_addressing),
            ("Мониторинг, кадровый состав, карта проблем и решений",
             lambda: generate_monitoring(scale=scale, seed=seed)),
        ]
        if password:
            stages.append(("Пользователи",
                           lambda: generate_users(scale=scale, password=password)))
        for title, step in stages:
            _timed(title, report, step, counts)
        committing = time.perf_counter()
    # The database checks the rows' references when the transaction commits.
    if report is not None:
        report("Проверка связей и фиксация транзакции", {}, time.perf_counter() - committing)
    if connection.vendor == "postgresql":
        _timed("ANALYZE", report, _analyze, counts)
    return counts


def _analyze() -> dict[str, int]:
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return {}

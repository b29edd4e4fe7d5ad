import datetime

import pytest

from diagnostics.imports.tables import import_file
from diagnostics.models import Deficit, DiagnosticRound, RoundKind
from tests import factories
from tests.celery_worker import real_workers, redis_worker  # noqa: F401


@pytest.fixture
def run():
    """``run("staffing", file, municipality, **options)`` imports for real; dry_run=True checks."""

    def run_import(table, file, municipality, *, dry_run=False, **options):
        return import_file(table, municipality=municipality, file=file, dry_run=dry_run,
                           **options)

    return run_import


@pytest.fixture
def district(db):
    """A district with two schools, a period, two directions with deficits and a round."""
    municipality = factories.MunicipalityFactory(name="Ермаковский район")
    programme = factories.ProgrammeFactory(municipality=municipality)
    period = factories.PeriodFactory(programme=programme)
    later = factories.PeriodFactory(programme=programme, starts_on=datetime.date(2022, 9, 1),
                                    ends_on=datetime.date(2023, 8, 31))
    directions = [factories.DirectionFactory(programme=programme, number=n) for n in (1, 2)]
    for direction in directions:
        for code in ("1.1", "1.2", "2.1"):
            Deficit.objects.create(direction=direction, code=code,
                                   wording=f"Дефицит {code}")
    diagnostic_round = DiagnosticRound.objects.create(
        programme=programme, kind=RoundKind.START, title="Стартовая диагностика 2021",
        starts_on=datetime.date(2021, 10, 1), ends_on=datetime.date(2021, 10, 31),
        entry_opens=datetime.date(2021, 10, 1), entry_closes=datetime.date(2021, 11, 15),
    )
    school_1 = factories.OrganizationFactory(
        municipality=municipality, name="МБОУ «Ермаковская СШ № 1»",
        short_name="Ермаковская СШ № 1", number=1)
    school_2 = factories.OrganizationFactory(
        municipality=municipality, name="МБОУ «Ойская СШ»", short_name="Ойская СШ",
        number=None)
    return type("District", (), {
        "municipality": municipality, "programme": programme, "period": period,
        "later_period": later, "directions": directions, "round": diagnostic_round,
        "school_1": school_1, "school_2": school_2,
    })


@pytest.fixture
def worker_queue() -> str:
    """The queue the real worker of tests/imports/test_worker_real.py serves."""
    return "import-jobs-tests"

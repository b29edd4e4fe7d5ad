"""§9's «Количество методических пособий» (П7) reads the register of products for the
year: the handbook the portal built, from the web or the command line, once; and the
methodological materials staff registered with that academic year."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from registers.models import Origin, Product, ProductKind
from registers.products import save_product
from reports import builders, jobs
from reports.models import ReportJob, ReportKind
from tests.reports.indicator_support import second_period, values
from tests.reports.jobs_support import writing_builder


@pytest.fixture
def order_handbook(world, settings, tmp_path, monkeypatch):
    """``order_handbook(period)`` runs a handbook job of the period, as the web orders it."""
    settings.MEDIA_ROOT = tmp_path / "media"
    monkeypatch.setitem(builders.BUILDERS, ReportKind.HANDBOOK, writing_builder)

    def order(period=None) -> ReportJob:
        job = ReportJob.objects.create(municipality=world.municipality,
                                       kind=ReportKind.HANDBOOK, period=period or world.period)
        jobs.run_report_job(job_id=job.pk)
        job.refresh_from_db()
        return job

    return order


def _build_from_the_command_line(world, tmp_path, name="h.pdf") -> None:
    call_command("build_report", "handbook", "--municipality", world.municipality.name,
                 "--period", world.period.title, "--output", str(tmp_path / name),
                 stdout=StringIO())


def _register(world, *, kind=ProductKind.HANDBOOK, period=None, title="Пособие") -> Product:
    return save_product(municipality=world.municipality, user=world.staff, data={
        "kind": kind, "title": title, "year": 2022, "period": period or world.period})


def handbooks(world, period=None):
    return values(world, period)["handbooks_produced"]


def test_a_handbook_built_twice_counts_once(world, order_handbook):
    first = order_handbook()
    order_handbook()

    found = handbooks(world)
    assert found.value == 1
    assert found.note == f"сформировано {timezone.localtime(first.finished_at):%d.%m.%Y}"
    assert Product.objects.get().origin == Origin.BUILT


def test_a_handbook_built_on_the_web_and_from_the_command_line_is_one_handbook(
    world, order_handbook, tmp_path
):
    order_handbook()
    _build_from_the_command_line(world, tmp_path)

    assert handbooks(world).value == 1
    assert Product.objects.filter(period=world.period, origin=Origin.BUILT).count() == 1


def test_a_handbook_built_from_the_command_line_is_registered_and_counted(world, tmp_path):
    _build_from_the_command_line(world, tmp_path)
    _build_from_the_command_line(world, tmp_path, "again.pdf")

    product = Product.objects.get()
    assert (product.kind, product.period, product.programme) == (
        ProductKind.HANDBOOK, world.period, world.programme)
    assert handbooks(world).value == 1


def test_materials_staff_register_for_the_year_count(world, order_handbook):
    order_handbook()
    _register(world, title="Методические рекомендации по наставничеству",
              kind=ProductKind.RECOMMENDATIONS)
    _register(world, title="Сборник практик команд-лидеров", kind=ProductKind.COLLECTION)

    found = handbooks(world)
    assert found.value == 3
    assert "внесено сотрудниками в реестр продуктов — 2" in found.note


def test_a_registered_handbook_counts_without_a_built_one(world):
    _register(world)

    found = handbooks(world)
    assert found.value == 1
    assert found.note == "внесено сотрудниками в реестр продуктов — 1"


def test_an_article_is_not_a_methodological_handbook(world):
    _register(world, kind=ProductKind.ARTICLE, title="Статья в журнале")

    assert handbooks(world).value == 0


def test_a_product_of_another_year_does_not_count(world, order_handbook):
    later = second_period(world)
    _register(world, period=later)
    order_handbook(period=later)

    assert handbooks(world).value == 0
    assert handbooks(world, later).value == 2


def test_a_product_outside_the_programme_does_not_count(world):
    save_product(municipality=world.municipality, user=world.staff, data={
        "kind": ProductKind.HANDBOOK, "title": "Пособие прошлых лет", "year": 2019})

    assert handbooks(world).value == 0


def test_the_formula_names_the_register_and_the_kinds_it_counts(world):
    formula = handbooks(world).indicator.formula

    assert handbooks(world).indicator.number == "П7"
    assert "реестра продуктов и публикаций" in formula and "Статьи не считаются" in formula
    assert "повторные заказы" in formula


def test_the_indicators_page_leads_to_the_register_it_counts(world, login):
    page = login(world.analyst).get(reverse("project_indicators")).content.decode()

    assert reverse("register_product_list") in page

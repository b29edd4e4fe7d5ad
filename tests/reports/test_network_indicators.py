"""The networks' effectiveness (С1–С5) on a hand-computed network of the world's district
(the hub) for the academic year 2021–2022 (1 September 2021 – 31 August 2022):

- members: Alpha (signed, both parties of its agreement signed), Beta (signed, its own
  party not signed yet), Gamma (in preparation), a school of Delta (signed, no agreement),
  and a partner university (signed, its party signed) — three of five with signed
  documents;
- the network's plan: an item due 1 October 2021 (held 5 October), a quarterly item over the
  year (five occurrences: 30.09, 31.12, 31.03, 30.06, 31.08; the first two held in time, the
  last held only on 5 September 2022, after the year), an item due in the next year and one
  «по мере запроса» with a record — three held of six due;
- events: one held in November with 10 participants of the hub, 6 of Alpha and 4 of
  Gamma (not a member with signed documents, so not counted), one held in March with no
  participants entered, a planned one — 16 participants over 4 municipalities (the hub,
  Alpha, Beta, Delta) × 12 months;
- products of the network in the bank: one of 2021 reviewed in February 2022, one of 2022
  reviewed only in September 2022, one of 2023 (not yet due) — one of two reviewed;
- joined: the hub, Alpha and Beta (methodological services), Delta's school and the partner
  (organizations) — five.
"""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from networks.memberships import add_member, create_network
from networks.models import (
    Agreement,
    AgreementKind,
    AgreementParty,
    EventForm,
    EventParticipation,
    EventStatus,
    MembershipRole,
    MembershipStatus,
    NetworkEvent,
    Partner,
    PartnerKind,
)
from plans.models import Occurrence, Periodicity, Plan, PlanItem, PlanKind, TermKind
from registers.models import BankEntry, BankKind, Review, Verdict
from reports.excel import build_indicator_workbook
from reports.indicator_catalogue import NO_DATA, Group
from reports.indicators import compute_indicators, compute_periods
from reports.network_indicators import NETWORK_INDICATORS, NO_NETWORK, network_periods
from reports.pdf import monitoring
from reports.pdf.monitoring import build_monitoring_report
from tests import factories
from tests.reports.pdf_checks import pdf_text

pytestmark = pytest.mark.django_db
D = datetime.date
HEADING = "Эффективность сетевого взаимодействия"


class Net:
    pass


def _plan(network) -> Plan:
    plan = Plan.objects.create(network=network, title="План сетевого сопровождения",
                               kind=PlanKind.SUPPORT, starts_on=D(2021, 1, 1),
                               ends_on=D(2023, 12, 31))
    dated = PlanItem.objects.create(plan=plan, topic="Установочный вебинар",
                                    term_kind=TermKind.DATE, due_on=D(2021, 10, 1))
    Occurrence.objects.create(item=dated, due_on=D(2021, 10, 1), held_on=D(2021, 10, 5),
                              note="Проведён")
    quarterly = PlanItem.objects.create(
        plan=plan, topic="Экспертиза сетевых продуктов", term_kind=TermKind.PERIODIC,
        starts_on=D(2021, 9, 1), ends_on=D(2022, 8, 31), periodicity=Periodicity.QUARTERLY)
    for due_on, held_on in ((D(2021, 9, 30), D(2021, 9, 20)), (D(2021, 12, 31), D(2021, 12, 1)),
                            (D(2022, 8, 31), D(2022, 9, 5))):
        Occurrence.objects.create(item=quarterly, due_on=due_on, held_on=held_on,
                                  note="Протокол")
    PlanItem.objects.create(plan=plan, topic="Итоговая конференция", term_kind=TermKind.DATE,
                            due_on=D(2022, 10, 1))
    on_request = PlanItem.objects.create(plan=plan, topic="Консультации",
                                         term_kind=TermKind.PERIODIC, starts_on=D(2021, 9, 1),
                                         ends_on=D(2022, 8, 31),
                                         periodicity=Periodicity.ON_REQUEST)
    Occurrence.objects.create(item=on_request, held_on=D(2021, 11, 1), note="По запросу")
    return plan


def _event(network, day, status=EventStatus.HELD, **participants) -> NetworkEvent:
    event = NetworkEvent.objects.create(network=network, starts_on=day, form=EventForm.WEBINAR,
                                        topic=f"Вебинар {day:%d.%m.%Y}", status=status,
                                        municipality=network.hub_municipality)
    for municipality, number in participants.values():
        EventParticipation.objects.create(event=event, municipality=municipality,
                                          participants=number)
    return event


def _product(network, year, reviewed_on=None) -> BankEntry:
    entry = BankEntry.objects.create(municipality=network.hub_municipality, network=network,
                                     kind=BankKind.DEVELOPMENT, title=f"Разработка {year}",
                                     authors="Иванова Н.А.", year=year)
    if reviewed_on:
        Review.objects.create(entry=entry, reviewer="Петрова О.Л.", reviewed_on=reviewed_on,
                              verdict=Verdict.RECOMMENDED)
    return entry


def _agreement(network, *parties) -> None:
    agreement = Agreement.objects.create(kind=AgreementKind.NETWORK,
                                         municipality=network.hub_municipality,
                                         network=network, title="Договор о сетевом взаимодействии")
    for side_field, side, signed_on in parties:
        AgreementParty.objects.create(agreement=agreement, **{side_field: side},
                                      signed_on=signed_on, signed_by="Руководитель" if
                                      signed_on else "")


@pytest.fixture
def net(world) -> Net:
    net = Net()
    net.hub = world.municipality
    net.alpha = factories.MunicipalityFactory(name="Муниципальное образование Альфа")
    net.beta = factories.MunicipalityFactory(name="Муниципальное образование Бета")
    net.gamma = factories.MunicipalityFactory(name="Муниципальное образование Гамма")
    net.delta = factories.MunicipalityFactory(name="Муниципальное образование Дельта")
    net.school = factories.OrganizationFactory(municipality=net.delta)
    net.partner = Partner.objects.create(name="Университет", short_name="Университет",
                                         kind=PartnerKind.UNIVERSITY)
    network = net.network = create_network(title="Сеть района", hub_municipality=net.hub,
                                           starts_on=D(2021, 1, 1))
    signed = MembershipStatus.SIGNED
    add_member(network=network, side=net.alpha, status=signed, joined_on=D(2021, 9, 1))
    add_member(network=network, side=net.beta, status=signed, joined_on=D(2021, 9, 1))
    add_member(network=network, side=net.gamma)
    add_member(network=network, side=net.school, status=signed)
    add_member(network=network, side=net.partner, role=MembershipRole.PARTNER, status=signed)
    signed_on = D(2021, 9, 10)
    _agreement(network, ("municipality", net.hub, signed_on),
               ("municipality", net.alpha, signed_on), ("municipality", net.beta, None),
               ("partner", net.partner, signed_on))
    _plan(network)
    _event(network, D(2021, 11, 10), hub=(net.hub, 10), alpha=(net.alpha, 6),
           gamma=(net.gamma, 4))
    _event(network, D(2022, 3, 1))
    _event(network, D(2022, 5, 1), status=EventStatus.PLANNED, alpha=(net.alpha, 50))
    _event(network, D(2020, 5, 1), alpha=(net.alpha, 70))  # an earlier year
    _product(network, 2021, D(2022, 2, 1))
    _product(network, 2022, D(2022, 9, 10))
    _product(network, 2023)
    BankEntry.objects.create(municipality=net.hub, kind=BankKind.DEVELOPMENT, year=2021,
                             title="Не сетевая", authors="Сидоров")
    return net


def _values(municipality, period, cutoff=None) -> dict:
    values = network_periods(municipality=municipality, periods=[period],
                             cutoffs={period.pk: cutoff or period.ends_on})[period.pk]
    return {item.indicator.number: item for item in values}


def test_it_shares_members_and_partners_with_signed_documents(world, net):
    value = _values(world.municipality, world.period)["С1"]
    assert (value.numerator, value.denominator) == (3, 5)
    assert value.value == Decimal(3) / 5
    assert value.text == "60,0 %"
    assert value.note == "с подписанными документами: участников — 2 из 4, партнёров — 1 из 1"


def test_a_signature_after_the_cut_off_does_not_count(world, net):
    value = _values(world.municipality, world.period, cutoff=D(2021, 9, 5))["С1"]
    assert (value.numerator, value.denominator) == (1, 5)  # the school only


def test_it_shares_the_plan_occurrences_held_of_those_due_in_the_year(world, net):
    value = _values(world.municipality, world.period)["С2"]
    assert (value.numerator, value.denominator) == (3, 6)
    assert value.note == "проведено 3 из 6"


def test_a_control_point_counts_the_occurrences_due_by_its_day(world, net):
    # Due by 31 December: 30.09, 1.10, 31.12 — all held.
    value = _values(world.municipality, world.period, cutoff=D(2021, 12, 31))["С2"]
    assert (value.numerator, value.denominator) == (3, 3)


def test_it_counts_participants_per_member_municipality_per_month(world, net):
    value = _values(world.municipality, world.period)["С3"]
    assert (value.numerator, value.denominator) == (16, 4 * 12)
    assert value.value == Decimal(16) / 48
    assert value.text == "0,33"
    assert value.note == ("участников — 16; муниципалитето-месяцев — 48; число участников "
                          "внесено по 1 из 2 проведённых мероприятий")


def test_it_counts_only_the_months_the_network_runs(world, net):
    NetworkEvent.objects.all().delete()
    net.network.starts_on = D(2022, 6, 15)
    net.network.save()
    _event(net.network, D(2022, 7, 1), alpha=(net.alpha, 8))
    value = _values(world.municipality, world.period)["С3"]
    assert (value.numerator, value.denominator) == (8, 4 * 3)  # June, July, August


def test_it_has_no_participant_figure_when_no_event_has_participants(world, net):
    EventParticipation.objects.all().delete()
    value = _values(world.municipality, world.period)["С3"]
    assert value.value is None
    assert value.note == ("у проведённых мероприятий (2) не внесено число участников от "
                          "муниципалитетов")


def test_it_shares_the_network_products_reviewed(world, net):
    value = _values(world.municipality, world.period)["С4"]
    assert (value.numerator, value.denominator) == (1, 2)
    assert value.note == "с рецензией — 1 из 2"


def test_it_counts_organizations_and_services_joined_by_membership(world, net):
    value = _values(world.municipality, world.period)["С5"]
    assert value.value == 5
    assert value.note == ("ОО — 2 (в т. ч. партнёров — 1), методических служб — 3; сетей — 1")


def test_the_hub_organization_stands_for_the_hubs_service(world, net):
    net.network.hub_organization = world.school_a
    net.network.save()
    add_member(network=net.network, side=world.school_a, status=MembershipStatus.SIGNED)
    value = _values(world.municipality, world.period)["С5"]
    assert value.value == 5  # the hub's school counts once, as the service


def test_a_member_municipality_sees_the_figures_of_its_network(world, net):
    hub = _values(world.municipality, world.period)
    member = _values(net.alpha, world.period)
    assert [item.value for item in member.values()] == [item.value for item in hub.values()]
    # Delta takes part through its school, with signed documents.
    assert _values(net.delta, world.period)["С5"].value == 5


@pytest.mark.parametrize("name", ["gamma", "outsider"])
def test_outside_every_network_the_figures_are_no_data_with_the_reason(world, net, name):
    municipality = (net.gamma if name == "gamma"
                    else factories.MunicipalityFactory(name="Муниципальное образование Омега"))
    values = _values(municipality, world.period)
    assert [item.value for item in values.values()] == [None] * 5
    assert {item.note for item in values.values()} == {NO_NETWORK}


def test_a_year_before_the_network_has_no_data(world, net):
    earlier = factories.PeriodFactory(programme=world.programme, starts_on=D(2019, 9, 1),
                                      ends_on=D(2020, 8, 31))
    values = _values(world.municipality, earlier)
    assert [item.value for item in values.values()] == [None] * 5
    assert {item.note for item in values.values()} == {
        "в учебном году сети муниципального образования не действовали или оно в них ещё не "
        "вступило: «Сеть района» — с 01.01.2021"}


def test_a_network_without_plans_products_or_events_says_so(world):
    network = create_network(title="Новая сеть", hub_municipality=world.municipality,
                             starts_on=D(2021, 1, 1))
    values = _values(world.municipality, world.period)
    assert values["С1"].note == "в сетях нет участников и партнёров"
    assert values["С2"].note == "у сетей нет планов мероприятий"
    assert values["С3"].note == "мероприятия сетей в учебном году не проведены"
    assert values["С4"].note == "продукты сетей в банк программ и разработок не внесены"
    assert values["С5"].value == 1  # the hub's own service
    Plan.objects.create(network=network, title="План", kind=PlanKind.SUPPORT,
                        starts_on=D(2021, 1, 1), ends_on=D(2023, 12, 31))
    assert _values(world.municipality, world.period)["С2"].note == (
        "в планах сетей нет мероприятий со сроком в учебном году")


def test_the_group_follows_the_others_in_the_indicators(world, net):
    values = compute_indicators(municipality=world.municipality, period=world.period)
    network = [item for item in values if item.indicator.group == Group.NETWORK]
    assert [item.indicator for item in network] == list(NETWORK_INDICATORS)
    assert values[-5:] == network


def _queries(municipality, periods) -> int:
    with CaptureQueriesContext(connection) as context:
        compute_periods(municipality=municipality, periods=periods)
    return len(context.captured_queries)


def test_it_reads_the_networks_in_a_fixed_number_of_queries(world, net):
    later = factories.PeriodFactory(programme=world.programme, starts_on=D(2022, 9, 1),
                                    ends_on=D(2023, 8, 31))
    outside = factories.MunicipalityFactory(name="Муниципальное образование Омега")
    baseline = _queries(outside, [world.period, later])
    small = _queries(world.municipality, [world.period, later])
    second = create_network(title="Вторая сеть", hub_municipality=world.municipality,
                            starts_on=D(2021, 1, 1))
    _plan(second)
    for number in range(3):
        add_member(network=second, side=factories.MunicipalityFactory(
            name=f"Муниципальное образование {number}"), status=MembershipStatus.SIGNED)
        _event(second, D(2022, 1, 10 + number), hub=(world.municipality, number + 1))
        _product(second, 2021, D(2022, 1, 5))
    assert _queries(world.municipality, [world.period, later]) == small
    # Eight reads more than for a municipality outside every network (the networks, their
    # members, signatures, plans, the plans' items and records, events, participants and
    # products), made once for all the years; the other parts of the page read nothing
    # more for the district's network.
    assert small - baseline == 8


# --- The indicators page, the workbook and the monitoring report -------------------------

def test_the_page_shows_the_group_with_numerators_and_denominators(world, net, as_role):
    response = as_role("staff").get(reverse("project_indicators"), {"period": world.period.pk})
    html = response.content.decode()
    assert response.status_code == 200
    assert HEADING in html
    assert 'id="group-network"' in html
    assert 'id="indicator-network_signed_share"' in html
    assert "3 / 5" in html and "16 / 48" in html
    assert "с подписанными документами: участников — 2 из 4, партнёров — 1 из 1" in html


def test_the_page_says_no_data_outside_every_network(world, as_role):
    html = as_role("staff").get(reverse("project_indicators"),
                                {"period": world.period.pk}).content.decode()
    assert HEADING in html
    assert NO_NETWORK in html


def test_the_workbook_writes_shares_and_rates_as_formulas(world, net, tmp_path):
    output = tmp_path / "report.xlsx"
    build_indicator_workbook(municipality=world.municipality, period=world.period,
                             parameters={}, output=output, progress=lambda *args: None)
    formulas = load_workbook(output)["Показатели"]
    cached = load_workbook(output, data_only=True)["Показатели"]
    rows = {row[1].value: row[0].row for row in formulas.iter_rows(min_row=2)
            if row[0].value == HEADING}
    assert sorted(rows) == ["С1", "С2", "С3", "С4", "С5"]
    signed, rate, joined = rows["С1"], rows["С3"], rows["С5"]
    assert formulas[f"E{signed}"].value == f'=IF(G{signed}=0,"{NO_DATA}",F{signed}/G{signed})'
    assert (cached[f"F{signed}"].value, cached[f"G{signed}"].value) == (3, 5)
    assert cached[f"E{signed}"].value == pytest.approx(0.6)
    assert formulas[f"E{signed}"].number_format == "0.0%"
    assert formulas[f"E{rate}"].value == f'=IF(G{rate}=0,"{NO_DATA}",F{rate}/G{rate})'
    assert cached[f"E{rate}"].value == pytest.approx(16 / 48)
    assert formulas[f"E{rate}"].number_format == "0.00"
    assert cached[f"E{joined}"].value == 5
    assert cached[f"J{joined}"].value == ("ОО — 2 (в т. ч. партнёров — 1), методических "
                                          "служб — 3; сетей — 1")


def test_the_monitoring_report_prints_the_group(world, net, tmp_path):
    output = tmp_path / "monitoring.pdf"
    build_monitoring_report(municipality=world.municipality, period=world.period,
                            parameters={}, output=output, progress=lambda *args: None)
    text = " ".join(pdf_text(output.read_bytes()).split())
    assert HEADING in text
    assert "С1. Доля участников и партнёров сетей с подписанными документами" in text
    assert "60,0 %" in text
    assert "0,33" in text
    assert "проведено 3 из 6" in text


def test_the_monitoring_html_says_no_data_outside_every_network(world):
    html = render_to_string(monitoring.TEMPLATE, monitoring.monitoring_context(
        municipality=world.municipality, period=world.period, control_point=None,
        progress=lambda *args: None))
    assert f"<h3>{HEADING}</h3>" in html
    assert NO_NETWORK in html

"""A plan of the test district's programme over 2021:

    «План сетевого сопровождения» (01.01.2021 – 31.12.2021), section «Семинары»:
      1. «Обучающие семинары» — 1 раз в квартал (dues 31.03, 30.06, 30.09, 31.12.2021);
         held in the first quarter (a note), the second is overdue after 30.06.2021
      2. «Установочный семинар» — a date, 15.09.2021
    section «Консультации»:
      3. «Консультации» — по мере запроса, held once on 10.02.2021
"""

import datetime
from dataclasses import dataclass

import pytest

from plans.evidence import record_occurrence
from plans.items import ItemDetails, PlanDetails, create_plan, save_item
from plans.models import Occurrence, Plan, PlanItem

D = datetime.date


@dataclass
class PlanWorld:
    plan: Plan
    quarterly: PlanItem
    dated: PlanItem
    on_request: PlanItem
    held: Occurrence


def make_plan(programme, title="План сетевого сопровождения") -> Plan:
    return create_plan(programme=programme, details=PlanDetails(
        title=title, kind="support", starts_on=D(2021, 1, 1), ends_on=D(2021, 12, 31)))


@pytest.fixture
def pw(world) -> PlanWorld:
    plan = make_plan(world.programme)
    quarterly = save_item(plan=plan, details=ItemDetails(
        section="Семинары", number="1", topic="Обучающие семинары", term_kind="periodic",
        starts_on=D(2021, 1, 1), ends_on=D(2021, 12, 31), periodicity="quarterly",
        term_text="Один раз в квартал", audience="Специалисты и методисты ТМС"))
    dated = save_item(plan=plan, details=ItemDetails(
        section="Семинары", number="2", topic="Установочный семинар", term_kind="date",
        due_on=D(2021, 9, 15)))
    on_request = save_item(plan=plan, details=ItemDetails(
        section="Консультации", number="3", topic="Консультации", term_kind="periodic",
        starts_on=D(2021, 1, 1), ends_on=D(2021, 12, 31), periodicity="on_request"))
    held = record_occurrence(item=quarterly, due_on=D(2021, 3, 31), held_on=D(2021, 3, 20),
                             note="Семинар проведён, протокол в ИМЦ", recorded_by=world.staff)
    record_occurrence(item=on_request, due_on=None, held_on=D(2021, 2, 10),
                      note="Консультация для СОШ № 1", recorded_by=world.curator)
    return PlanWorld(plan=plan, quarterly=quarterly, dated=dated, on_request=on_request,
                     held=held)

"""The demo's joint report: Vyselki's network for the first half of 2022, every district
but Мостовской submitted (illustrative), loaded twice without change."""

import datetime

import pytest

from demo.joint_reports import MISSING, load_joint_reports
from demo.krymsky import load_demo
from demo.networks import load_networks
from demo.vyselki import load_vyselki
from networks.joint_report_reads import report_state
from networks.models import JointReport

pytestmark = pytest.mark.django_db


def test_it_loads_vyselki_s_half_year_report_with_one_district_missing():
    load_demo()
    load_vyselki()
    load_networks()

    first = load_joint_reports()
    second = load_joint_reports()

    report = JointReport.objects.get()
    state = report_state(report, today=datetime.date(2022, 7, 1))
    assert first == second == {"parts": 4, "submitted": 3}
    assert [row.membership.side_name for row in state.missing] == [MISSING]
    assert state.overdue

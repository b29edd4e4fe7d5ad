"""A network's joint report as one PDF: a title page with the network and the period, the
contents, one chapter per member that submitted its part (every section's text and the
names of its files), and the list of members who did not submit.

It reads the report through ``networks.joint_report_reads`` — the same read the report's
page shows — and is built in the background like every report (``reports.jobs``).
"""

from collections.abc import Callable
from pathlib import Path

from django.template.loader import render_to_string
from django.utils import timezone

from internships.models import Period
from networks.joint_report_reads import report_state
from networks.models import JointReport
from reports.applications import blocks
from reports.errors import ReportError
from reports.pdf.render import render_pdf
from teams.models import Municipality

TEMPLATE = "reports/pdf/joint_report.html"
NOT_FOUND = "Совместный отчёт не найден: возможно, его удалили."


def joint_report_of(*, municipality: Municipality, parameters: dict) -> JointReport:
    report_id = parameters.get("joint_report")
    report = JointReport.objects.filter(
        pk=report_id if isinstance(report_id, int) else None,
        network__hub_municipality=municipality).select_related(
        "network__hub_municipality", "network__hub_organization").first()
    if report is None:
        raise ReportError(NOT_FOUND)
    return report


def joint_report_html(report: JointReport, *, municipality: Municipality) -> str:
    today = timezone.localdate()
    state = report_state(report, today=today)
    chapters = [{
        "number": number, "row": row,
        "sections": [{"title": answer.section.title, "number": answer.section.number,
                      "blocks": blocks(answer.text)} for answer in row.answers],
        "files": list(row.part.files.all()),
    } for number, row in enumerate(state.submitted, start=1)]
    return render_to_string(TEMPLATE, {
        "document_title": report.title, "running_title": report.network.title,
        "municipality": municipality, "report": report, "network": report.network,
        "state": state, "chapters": chapters, "missing_number": len(chapters) + 1,
        "generated_on": today,
    })


def build_joint_report_pdf(*, municipality: Municipality, period: Period | None,
                           parameters: dict, output: Path,
                           progress: Callable[[int, str], None]) -> str:
    progress(10, "Части участников")
    report = joint_report_of(municipality=municipality, parameters=parameters)
    html = joint_report_html(report, municipality=municipality)
    progress(40, "Вёрстка PDF")
    render_pdf(html=html, output=output)
    progress(95, "PDF готов")
    stem = report.title[:120].replace("/", "-")
    return f"{stem}.pdf"

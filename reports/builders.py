"""Which function builds which kind of report.

Every builder has one signature, so the background job and the ``build_report`` command
call them alike::

    build(*, municipality, period, parameters: dict, output: Path,
          progress: Callable[[int, str], None]) -> str

It writes the whole file to ``output`` and returns the Russian download filename. An
expected failure is raised as ``reports.errors.ReportError`` with a message for the user.
"""

from reports.applications import build_application_docx, build_application_pdf
from reports.aspect_map_export import build_aspect_map_pdf, build_aspect_map_workbook
from reports.contest_protocol import build_protocol_pdf, build_protocol_workbook
from reports.excel import build_indicator_workbook
from reports.models import ReportKind
from reports.pdf.handbook import build_handbook
from reports.pdf.joint_report import build_joint_report_pdf
from reports.pdf.monitoring import build_monitoring_report

BUILDERS = {
    ReportKind.INDICATORS: build_indicator_workbook,
    ReportKind.MONITORING: build_monitoring_report,
    ReportKind.HANDBOOK: build_handbook,
    ReportKind.APPLICATION_PDF: build_application_pdf,
    ReportKind.APPLICATION_DOCX: build_application_docx,
    ReportKind.CONTEST_PDF: build_protocol_pdf,
    ReportKind.CONTEST_XLSX: build_protocol_workbook,
    ReportKind.JOINT_REPORT: build_joint_report_pdf,
    ReportKind.ASPECT_MAP_XLSX: build_aspect_map_workbook,
    ReportKind.ASPECT_MAP_PDF: build_aspect_map_pdf,
}

"""A regional system pushes what the portal would otherwise get from an Excel upload: a
round's diagnoses, school monitoring indicators, staffing. Each push runs the upload's table
(diagnostics/imports/), its row checks and Russian messages, all or nothing."""

import datetime
import logging

from django.contrib.auth.models import User

from api.access import token_of
from diagnostics.imports.base import ImportReport, TableImport, run_records
from diagnostics.imports.diagnoses import DiagnosisImport
from diagnostics.imports.indicators import IndicatorImport
from diagnostics.imports.staffing import StaffingImport
from diagnostics.models import DiagnosticRound
from internships.models import Period
from teams.access import has_role
from teams.models import Municipality, Role

logger = logging.getLogger(__name__)


def _push(*, user: User, table: TableImport, records: list[dict], dry_run: bool,
          what: str) -> ImportReport:
    report = run_records(table=table, records=records, dry_run=dry_run)
    if report.written:
        token = token_of(user)
        logger.info("API: %s записал %s: новых — %d, обновлено — %d", what,
                    f"токен «{token.name}» ({token.prefix})" if token else user.get_username(),
                    report.created, report.updated)
    return report


def _diagnosis_record(item: dict) -> dict:
    """An API item in the import's columns: the round is the one in the address."""
    record = {"organization": item["organization"], "direction": item["direction"]}
    for key in ("source", "score", "comment"):
        if key in item:
            record[key] = item[key]
    if "deficits" in item:
        record["deficits"] = "; ".join(item["deficits"])
    return record


def push_diagnoses(*, user: User, diagnostic_round: DiagnosticRound, items: list[dict],
                   dry_run: bool) -> ImportReport:
    """Write (or with ``dry_run`` only check) every item, or none. A curator pushes only the
    expert assessment of the teams on their platforms while the round accepts results, as on
    the upload page; a token writes as its municipality's department."""
    curator = has_role(user, Role.CURATOR) and not user.is_superuser
    signed_in = token_of(user) is None
    table = DiagnosisImport(
        municipality=diagnostic_round.programme.municipality,
        diagnostic_round=diagnostic_round,
        entered_by=user if signed_in else None,
        curated_by=user if curator else None,
    )
    return _push(user=user, table=table, records=[_diagnosis_record(item) for item in items],
                 dry_run=dry_run, what=f"результаты диагностики «{diagnostic_round.title}»")


def push_school_indicators(*, user: User, period: Period, items: list[dict],
                           dry_run: bool) -> ImportReport:
    """The schools' monitoring indicators of the academic year in the address; a field an
    item leaves out keeps the stored value, as a column a file lacks does."""
    table = IndicatorImport(municipality=period.programme.municipality, period=period)
    records = [dict(item) | {"period": period.title} for item in items]
    return _push(user=user, table=table, records=records, dry_run=dry_run,
                 what=f"показатели мониторинга за {period.title}")


def push_staffing(*, user: User, municipality: Municipality, as_of: datetime.date,
                  items: list[dict], dry_run: bool) -> ImportReport:
    """The organizations' staffing on ``as_of`` (an item may name its own date)."""
    table = StaffingImport(municipality=municipality, as_of=as_of)
    return _push(user=user, table=table, records=[dict(item) for item in items],
                 dry_run=dry_run, what=f"кадровый состав на {as_of:%d.%m.%Y}")

"""A regional system pushes the diagnoses of a round: the Excel import's table and row checks
(diagnostics/imports/diagnoses.py), all or nothing, with the same Russian report per item."""

import logging

from django.contrib.auth.models import User

from api.access import token_of
from diagnostics.imports.base import ImportReport, run_records
from diagnostics.imports.diagnoses import DiagnosisImport
from diagnostics.models import DiagnosticRound
from teams.access import has_role
from teams.models import Role

logger = logging.getLogger(__name__)


def _as_record(item: dict) -> dict:
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
    report = run_records(table=table, records=[_as_record(item) for item in items],
                         dry_run=dry_run)
    if report.written:
        token = token_of(user)
        logger.info("API: результаты диагностики «%s» записал %s: новых — %d, обновлено — %d",
                    diagnostic_round.title,
                    f"токен «{token.name}» ({token.prefix})" if token else user.get_username(),
                    report.created, report.updated)
    return report

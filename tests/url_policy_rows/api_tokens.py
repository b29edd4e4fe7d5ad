"""URL policy rows for the API and its tokens; see tests/url_policy_rows/__init__.py.

The API answers a signed-in user through the session with what the pages would show them
(401 as a problem document without a session or token); its description pages send an
anonymous visitor to sign in. Department staff issue and revoke their municipality's tokens.
"""

import datetime

from api.tokens import issue_token
from diagnostics.models import DiagnosticRound, RoundKind

LOGIN, MOVED = "→login", "→elsewhere"
ANY = (401, 200, 200, 200, 200, 200, 200, 200, 200)
# As the network pages (url_policy_rows/networks.py) and the register pages.
NETWORK = (401, 200, 200, 200, 200, 404, 200, 404, 200)
REGISTER = (401, 200, 200, 200, 200, 200, 200, 404, 200)

ROWS: dict[str, tuple] = {
    #                          anonym staff  cur+   cur-   school+ school- analyst other teacher
    "api_schema":              ANY,
    "api_docs":                (LOGIN, 200,  200,   200,   200,   200,   200,   200, 200),
    "api_redoc":               (LOGIN, 200,  200,   200,   200,   200,   200,   200, 200),
    "api_municipalities":      ANY,
    "api_organizations":       ANY,
    "api_teams":               ANY,
    "api_programmes":          ANY,
    "api_periods":             ANY,
    "api_period_indicators":   (401,  200,   200,   200,   403,   403,   200,   404, 403),
    "api_platforms":           ANY,
    "api_placements":          ANY,
    "api_deficits":            ANY,
    "api_rounds":              ANY,
    "api_diagnoses":           ANY,
    # Takes JSON only: the form the policy test posts is refused (415) once access is granted.
    "api_round_diagnoses_push": (401, 415,   415,   403,   403,   403,   403,   404, 403),
    "api_period_indicators_push": (401, 415, 403,   403,   403,   403,   403,   404, 403),
    "api_municipality_staffing_push": (401, 415, 403, 403,   403,   403,   403,   404, 403),
    "api_platform_journal_push": (401, 415, 415,  403,   404,   404,   403,   404, 404),
    "api_school_indicators":   ANY,
    "api_staffing":            ANY,
    "api_needs_offers":        ANY,
    "api_journal_entries":     ANY,
    "api_innovation_projects": ANY,
    "api_contests":            ANY,
    "api_training_sessions":   ANY,
    # Networks, plans and registers: the lists answer everyone (empty where nothing is
    # shared); an object answers whoever its web page answers, others 404.
    "api_networks":            ANY,
    "api_network":             NETWORK,
    "api_agreements":          ANY,
    "api_agreement":           NETWORK,
    "api_network_events":      ANY,
    "api_network_event":       NETWORK,
    "api_joint_reports":       ANY,
    "api_joint_report":        NETWORK,
    "api_plans":               ANY,
    "api_plan":                (401,  200,   200,   200,   200,   200,   200,   404, 404),
    "api_bank_entries":        ANY,
    "api_bank_entry":          REGISTER,
    "api_products":            ANY,
    "api_product":             REGISTER,
    "api_normative_documents": ANY,
    "api_normative_document":  REGISTER,
    "api_token_list":          (LOGIN, 200,  403,   403,   403,   403,   403,   200, 403),
    "api_token_create":        (LOGIN, 200,  403,   403,   403,   403,   403,   200, 403),
    "api_token_revoke":        (LOGIN, MOVED, 403,  403,   403,   403,   403,   404, 403),
}  # fmt: skip

OBJECT_OF: dict[str, str] = {
    "api_period_indicators": "api_period",
    "api_token_revoke": "api_token",
    "api_round_diagnoses_push": "api_round",
    "api_period_indicators_push": "api_period",
    "api_municipality_staffing_push": "api_municipality",
    "api_platform_journal_push": "api_platform",
    "api_network": "network_network",
    "api_agreement": "network_agreement",
    "api_network_event": "network_event",
    "api_joint_report": "jointreports_report",
    "api_plan": "plan_plan",
    "api_bank_entry": "register_bank_entry",
    "api_product": "register_product",
    "api_normative_document": "register_document",
}
POST_DATA: dict[str, dict] = {
    "api_token_revoke": {},
    "api_round_diagnoses_push": {},
    "api_period_indicators_push": {},
    "api_municipality_staffing_push": {},
    "api_platform_journal_push": {},
}


def targets(context) -> dict[str, int]:
    issued = issue_token(name="Региональный мониторинг", municipality=context.municipality,
                         scope="read", created_by=context.staff)
    diagnostic_round = DiagnosticRound.objects.create(
        programme=context.programme, kind=RoundKind.START, title="Стартовая диагностика API",
        starts_on=datetime.date(2021, 9, 1), ends_on=datetime.date(2021, 10, 1),
        entry_opens=datetime.date(2021, 9, 1), entry_closes=datetime.date(2021, 10, 1))
    return {"api_period": context.period.pk, "api_token": issued.token.pk,
            "api_round": diagnostic_round.pk, "api_municipality": context.municipality.pk,
            "api_platform": context.platform.pk}

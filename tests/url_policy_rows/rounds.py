"""URL policy rows for this area; see tests/url_policy_rows/__init__.py for the format.

The deficit catalogue, the diagnostic rounds, entering diagnoses, a team's deficits
and the dynamics page. The round in question is the demo's open intermediate round,
so entering results is allowed to whoever may enter them.
"""

from demo.diagnostics import OPEN_ROUND, ROUND_TITLES, load_demo_diagnostics
from diagnostics.models import Deficit, DiagnosticRound

LOGIN = "→login"

ROWS: dict[str, tuple] = {
    #                      anonym staff cur+  cur-  school+ school- analyst other teacher
    "deficit_list":        (LOGIN, 200, 200,  200,  403,   403,    200,    200, 403),
    "deficit_create":      (LOGIN, 200, 403,  403,  403,   403,    403,    200, 403),
    "deficit_edit":        (LOGIN, 200, 403,  403,  403,   403,    403,    404, 403),
    "deficit_delete":      (LOGIN, 200, 403,  403,  403,   403,    403,    404, 403),
    "round_list":          (LOGIN, 200, 200,  200,  200,   200,    200,    200, 403),
    "round_create":        (LOGIN, 200, 403,  403,  403,   403,    403,    200, 403),
    "round_detail":        (LOGIN, 200, 200,  200,  200,   200,    200,    404, 404),
    "round_edit":          (LOGIN, 200, 403,  403,  403,   403,    403,    404, 404),
    "round_expert_entry":  (LOGIN, 200, 200,  403,  403,   403,    403,    404, 404),
    "round_self_entry":    (LOGIN, 403, 403,  403,  200,   200,    403,    404, 404),
    "round_dynamics":      (LOGIN, 200, 200,  200,  403,   403,    200,    200, 403),
    "team_diagnostics":    (LOGIN, 200, 200,  200,  200,   404,    200,    404, 403),
}  # fmt: skip
# round_self_entry: both school users' teams are placed in the round's year, so each
# opens its own self-assessment; school+/school- differ only on organization pages.

OBJECT_OF: dict[str, str] = {
    "deficit_edit": "deficit",
    "deficit_delete": "deficit",
    "round_detail": "round",
    "round_edit": "round",
    "round_expert_entry": "round",
    "round_self_entry": "round",
    "team_diagnostics": "organization",
}
POST_DATA: dict[str, dict] = {}


def targets(context) -> dict[str, int]:
    load_demo_diagnostics()
    deficit = Deficit.objects.filter(direction__programme=context.programme,
                                     direction__number=3).order_by("code").first()
    open_round = DiagnosticRound.objects.get(programme=context.programme,
                                             title=ROUND_TITLES[OPEN_ROUND][1])
    return {"deficit": deficit.pk, "round": open_round.pk}

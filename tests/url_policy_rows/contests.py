"""URL policy rows for this area; see tests/url_policy_rows/__init__.py for the format.

Conferences and contests («Инновационный поиск»): every role of the municipality reads the
contests, their nominations and results page (results themselves only once approved, except
for staff and curators); the department's staff keep them. Schools and teachers apply; an
application is read by staff, curators, its own school and the experts of its nomination.
The expert here is the curator of no platform (cur-), assigned to the nomination; only they
open the score sheet. Statuses of an organization are read by whoever may open it.
"""

import datetime

from django.contrib.auth.models import User
from django.core.files.base import ContentFile
from django.utils import timezone

from contests.models import (
    Application,
    ApplicationWindow,
    Audience,
    Contest,
    Criterion,
    Expert,
    Nomination,
)

LOGIN, MOVED = "→login", "→elsewhere"

ROWS: dict[str, tuple] = {
    #                         anonym staff  cur+   cur-   school+ school- analyst other teacher
    "contest_list":           (LOGIN, 200,  200,   200,   200,   200,   200,   200,   200),
    "contest_create":         (LOGIN, 200,  403,   403,   403,   403,   403,   200,   403),
    "contest_detail":         (LOGIN, 200,  200,   200,   200,   200,   200,   404,   200),
    "contest_edit":           (LOGIN, 200,  403,   403,   403,   403,   403,   404,   403),
    "contest_regulation":     (LOGIN, 200,  200,   200,   200,   200,   200,   404,   200),
    "contest_window_add":     (LOGIN, 200,  403,   403,   403,   403,   403,   404,   403),
    "nomination_add":         (LOGIN, 200,  403,   403,   403,   403,   403,   404,   403),
    "nomination_detail":      (LOGIN, 200,  200,   200,   200,   200,   200,   404,   200),
    "nomination_edit":        (LOGIN, 200,  403,   403,   403,   403,   403,   404,   403),
    "criterion_add":          (LOGIN, 200,  403,   403,   403,   403,   403,   404,   403),
    "criterion_edit":         (LOGIN, 200,  403,   403,   403,   403,   403,   404,   403),
    "expert_assign":          (LOGIN, 200,  403,   403,   403,   403,   403,   404,   403),
    "expert_release":         (LOGIN, MOVED, 403,  403,   403,   403,   403,   404,   403),
    "contest_apply":          (LOGIN, 403,  403,   403,   200,   200,   403,   404,   200),
    "contest_results":        (LOGIN, 200,  200,   200,   200,   200,   200,   404,   200),
    "contest_approve":        (LOGIN, MOVED, 403,  403,   403,   403,   403,   404,   403),
    "contest_protocol":       (LOGIN, MOVED, 403,  403,   403,   403,   403,   404,   403),
    "application_detail":     (LOGIN, 200,  200,   200,   200,   404,   404,   404,   404),
    "application_withdraw":   (LOGIN, 403,  403,   403,   200,   404,   404,   404,   404),
    "application_regional":   (LOGIN, 200,  403,   403,   403,   404,   404,   404,   404),
    "expert_score":           (LOGIN, 404,  404,   200,   404,   404,   404,   404,   404),
    "my_applications":        (LOGIN, 403,  403,   403,   200,   200,   403,   403,   200),
    "expert_workspace":       (LOGIN, 200,  200,   200,   200,   200,   200,   200,   200),
    "organization_statuses":  (LOGIN, 200,  200,   200,   200,   404,   200,   404,   200),
}  # fmt: skip
# Staff of another municipality open the list and the form for a contest of their own
# programme; our contests do not exist for them. The protocol is ordered with an unknown
# format here (the page answers with a message), so the policy run builds no file.

OBJECT_OF: dict[str, str] = {
    "contest_detail": "contest",
    "contest_edit": "contest",
    "contest_regulation": "contest",
    "contest_window_add": "contest",
    "nomination_add": "contest",
    "nomination_detail": "nomination",
    "nomination_edit": "nomination",
    "criterion_add": "contest",
    "criterion_edit": "criterion",
    "expert_assign": "contest",
    "expert_release": "spare_expert",
    "contest_apply": "contest",
    "contest_results": "contest",
    "contest_approve": "contest",
    "contest_protocol": "contest",
    "application_detail": "contest_application",
    "application_withdraw": "contest_application",
    "application_regional": "contest_application",
    "expert_score": "contest_application",
    "organization_statuses": "organization",
}
POST_DATA: dict[str, dict] = {
    "expert_release": {},
    "contest_approve": {},
    "contest_protocol": {"format": "none"},
}


def targets(context) -> dict[str, int]:
    today = timezone.localdate()
    contest = Contest.objects.create(programme=context.programme, title="Инновационный поиск",
                                     year=today.year, illustrative=True,
                                     regulation_number="15", regulation_date=today)
    contest.regulation_file.save("polozhenie.pdf", ContentFile(b"%PDF-1.4 polozhenie"))
    ApplicationWindow.objects.create(contest=contest, opens_on=today - datetime.timedelta(days=1),
                                     closes_on=today + datetime.timedelta(days=30))
    nomination = Nomination.objects.create(contest=contest, audience=Audience.ORGANIZATION,
                                           title="Инновационные модели")
    Nomination.objects.create(contest=contest, audience=Audience.TEACHER, title="Педагоги")
    criterion = Criterion.objects.create(contest=contest, number=1, title="Актуальность",
                                         maximum=10)
    expert = Expert.objects.create(contest=contest, user=User.objects.get(username="curator2"))
    expert.nominations.add(nomination)
    spare = Expert.objects.create(contest=contest, user=context.staff)
    application = Application.objects.create(nomination=nomination,
                                             organization=context.own_school,
                                             title="Школа в режиме развития")
    return {"contest": contest.pk, "nomination": nomination.pk, "criterion": criterion.pk,
            "spare_expert": spare.pk, "contest_application": application.pk}

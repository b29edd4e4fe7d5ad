"""URL policy rows for this area; see tests/url_policy_rows/__init__.py for the format.

Plans of a programme: the department's staff, curators, analysts and schools of the
municipality read them (schools read-only); teachers and other municipalities do not see
them. Staff keep plans and items; staff and curators record held occurrences and take a mark
away. The record page of an item held «по мере запроса» needs no due date.

An organization's plan of the project (here the own school's, not yet published) is kept
only by the organization's team: it publishes the link to its site; the department reads it
(403 on the publication form); another school does not see a draft (404).

A network's plan (``name@network`` rows) is shared like the network's other objects, modelled
as in the networks area: the network is run from the demo district, the demo curator (cur+)
coordinates it and the own school is its member. Whoever sees the whole district and the own
school's users (school+, teacher) read it; the other school and the other municipality are
not members (404). The hub's staff and the coordinator keep it and record its occurrences
(others 403).
"""

import datetime

from django.core.files.base import ContentFile

from networks.memberships import add_member, create_network
from plans.models import Occurrence, Plan, PlanItem

LOGIN, MOVED = "→login", "→elsewhere"
NETWORK_SEES = (LOGIN, 200, 200, 200, 200, 404, 200, 404, 200)
NETWORK_KEEPS = (LOGIN, 200, 200, 403, 403, 404, 403, 404, 403)

ROWS: dict[str, tuple] = {
    #                           anonym staff  cur+   cur-   school+ school- analyst other teacher
    "plans_list":               (LOGIN, 200,  200,   200,   200,   200,   200,   200,   200),
    "plans_create":             (LOGIN, 200,  200,   403,   403,   403,   403,   200,   403),
    "plans_detail":             (LOGIN, 200,  200,   200,   200,   200,   200,   404,   404),
    "plans_edit":               (LOGIN, 200,  403,   403,   403,   403,   403,   404,   404),
    "plans_publish":            (LOGIN, 403,  403,   403,   200,   404,   403,   404,   404),
    "plans_item_add":           (LOGIN, 200,  403,   403,   403,   403,   403,   404,   404),
    "plans_item_edit":          (LOGIN, 200,  403,   403,   403,   403,   403,   404,   404),
    "plans_occurrence_record":  (LOGIN, 200,  200,   200,   403,   403,   403,   404,   404),
    "plans_occurrence_file":    (LOGIN, 200,  200,   200,   200,   200,   200,   404,   404),
    "plans_occurrence_remove":  (LOGIN, MOVED, MOVED, MOVED, 403,  403,   403,   404,   404),
    "plans_detail@network":     NETWORK_SEES,
    "plans_edit@network":       NETWORK_KEEPS,
    "plans_item_add@network":   NETWORK_KEEPS,
    "plans_item_edit@network":  NETWORK_KEEPS,
    "plans_occurrence_record@network": NETWORK_KEEPS,
    "plans_occurrence_file@network": NETWORK_SEES,
    "plans_occurrence_remove@network": (LOGIN, MOVED, MOVED, 403, 403, 404, 403, 404, 403),
}  # fmt: skip
# Staff of another municipality open the list and the form for a plan of their own
# programme; our plans do not exist for them. The demo curator (cur+) opens the form as the
# coordinator of a network (the networks area's), for that network's plans.

OBJECT_OF: dict[str, str] = {
    "plans_detail": "plan_plan",
    "plans_edit": "plan_plan",
    "plans_publish": "plan_organization_plan",
    "plans_item_add": "plan_plan",
    "plans_item_edit": "plan_item",
    "plans_occurrence_record": "plan_item_on_request",
    "plans_occurrence_file": "plan_occurrence",
    "plans_occurrence_remove": "plan_occurrence",
    "plans_detail@network": "plan_network_plan",
    "plans_edit@network": "plan_network_plan",
    "plans_item_add@network": "plan_network_plan",
    "plans_item_edit@network": "plan_network_item",
    "plans_occurrence_record@network": "plan_network_item",
    "plans_occurrence_file@network": "plan_network_occurrence",
    "plans_occurrence_remove@network": "plan_network_occurrence",
}
POST_DATA: dict[str, dict] = {
    "plans_occurrence_remove": {},
}


def targets(context) -> dict[str, int]:
    D = datetime.date
    plan = Plan.objects.create(programme=context.programme, title="План сетевого сопровождения",
                               kind="support", starts_on=D(2021, 9, 1), ends_on=D(2022, 8, 31))
    item = PlanItem.objects.create(plan=plan, position=1, topic="Обучающие семинары",
                                   term_kind="periodic", starts_on=plan.starts_on,
                                   ends_on=plan.ends_on, periodicity="quarterly")
    on_request = PlanItem.objects.create(plan=plan, position=2, topic="Консультации",
                                         term_kind="periodic", starts_on=plan.starts_on,
                                         ends_on=plan.ends_on, periodicity="on_request")
    occurrence = Occurrence(item=item, due_on=D(2021, 9, 30), held_on=D(2021, 9, 20),
                            original_name="otchet.pdf", content_type="application/pdf")
    occurrence.file.save("otchet.pdf", ContentFile(b"%PDF-1.4 otchet"))
    organization_plan = Plan.objects.create(
        programme=context.programme, organization=context.own_school, kind="work",
        title="План мероприятий ОО: МБОУ СОШ № 4", starts_on=D(2021, 11, 1),
        ends_on=D(2022, 5, 31))
    return {"plan_plan": plan.pk, "plan_organization_plan": organization_plan.pk,
            "plan_item": item.pk, "plan_item_on_request": on_request.pk,
            "plan_occurrence": occurrence.pk, **_network_plan(context)}


def _network_plan(context) -> dict[str, int]:
    """A network's plan with an item held «по мере запроса» and its report file."""
    D = datetime.date
    network = create_network(title="Сеть наставничества", hub_municipality=context.municipality,
                             starts_on=D(2021, 9, 1), coordinators=[context.curator])
    add_member(network=network, side=context.own_school, joined_on=D(2021, 9, 1))
    plan = Plan.objects.create(network=network, title="Дорожная карта сети", kind="roadmap",
                               starts_on=D(2021, 9, 1), ends_on=D(2022, 8, 31))
    item = PlanItem.objects.create(plan=plan, position=1, topic="Сетевые консультации",
                                   term_kind="periodic", starts_on=plan.starts_on,
                                   ends_on=plan.ends_on, periodicity="on_request")
    occurrence = Occurrence(item=item, due_on=None, held_on=D(2021, 10, 5),
                            original_name="konsultaciya.pdf", content_type="application/pdf")
    occurrence.file.save("konsultaciya.pdf", ContentFile(b"%PDF-1.4 konsultaciya"))
    return {"plan_network_plan": plan.pk, "plan_network_item": item.pk,
            "plan_network_occurrence": occurrence.pk}

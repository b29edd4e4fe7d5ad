"""The Ermakovsky project «Взаимообучение ОО» (seed 004) through the portal's own functions:
the programme, its technical assignment and the six monitoring criteria of the document,
responsible groups of most organizations, the department's agreement on joint activity with
a few signatures missing, answers at different states, and the plans of events of a few
schools (criterion 4), some published on an example site address.

The document gives the structure (the roles of a group, the parts of the assignment, the
criteria and their deadlines), no names or answers: the people, order numbers, signatures
and answers here are **illustrative**, and so are the schools' plans, their events and the
site addresses (``https://<школа>.example.ru/plan``, not real pages).
"""

import datetime

from django.db import transaction

from demo.ermakovsky import MUNICIPALITY
from demo.ermakovsky_aspects import ranked_lists
from demo.krymsky import _demo_user
from internships.models import Programme
from mutual.answers import accept_part, return_part, save_part1, save_part2, submit_part
from mutual.assignments import AssignmentDetails, publish_assignment, seed_criteria
from mutual.groups import Member, save_group
from mutual.models import Answer, Assignment, ResponsibleGroup
from networks.agreements import AgreementCard, create_agreement, record_signature
from networks.models import Agreement, AgreementKind
from plans.evidence import record_occurrence
from plans.items import (
    ItemDetails,
    PlanDetails,
    create_organization_plan,
    publish_plan,
    save_item,
)
from plans.models import Plan
from teams.models import Municipality, Organization, OrganizationKind, Role

D = datetime.date
TITLE = "Взаимообучение ОО Ермаковского района"
SCHOOL_LOGIN_ORGANIZATION = "Ермаковская СШ № 1"
# Illustrative: organizations without a group, without a signature, and how far each answer
# has come (by the organization's place in the list).
NO_GROUP = 5
UNSIGNED = 4
SUBMITTED_BOTH, SUBMITTED_FIRST, DRAFTS = 12, 6, 4
# Illustrative: how many schools (besides the login's, left to create its own) have a plan of
# events, and how many of them published it.
WITH_PLAN, PUBLISHED = 8, 5
LATIN = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
                 ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "i", "k", "l", "m", "n",
                  "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "",
                  "e", "iu", "ia"], strict=True))

CELLS = {("literacy", "teacher", True): "Читательские практики на всех предметах",
         ("literacy", "organization", False): "Нет единых требований к смысловому чтению",
         ("gifted", "team", True): "Школьный этап олимпиад с наставниками",
         ("special", "teacher", False): "Мало адаптированных заданий для детей с ОВЗ"}
# Part 2 of an organization the map's illustrative spread does not cover.
LISTS = {("pedagogical", "need"): ["Формирующее оценивание", "Работа с детьми с ОВЗ"],
         ("pedagogical", "offer"): ["Смысловое чтение на уроках"],
         ("management", "offer"): ["Внутришкольный контроль по результатам"],
         ("management", "need"): ["Анализ результатов ВПР"]}


def _programme(municipality: Municipality) -> Programme:
    programme, _ = Programme.objects.get_or_create(
        municipality=municipality, title=TITLE,
        defaults={"starts_on": D(2021, 11, 1), "ends_on": D(2022, 12, 31)})
    return programme


def _groups(organizations: list[Organization]) -> int:
    for number, organization in enumerate(organizations[:-NO_GROUP], start=1):
        if not ResponsibleGroup.objects.filter(organization=organization).exists():
            save_group(organization=organization, order_number=f"{number}-од",
                       order_date=D(2021, 11, 15), members=[
                           Member("curator", "Куратор от ОО (иллюстративно)", "заместитель "
                                                                            "директора"),
                           Member("moderator", "Модератор (иллюстративно)", "учитель"),
                           Member("technician", "Технический специалист (иллюстративно)",
                                  "лаборант")])
    return ResponsibleGroup.objects.filter(organization__in=organizations).count()


def _agreement(municipality, programme, organizations) -> int:
    agreement = Agreement.objects.filter(programme=programme, kind=AgreementKind.JOINT).first()
    if agreement is None:
        agreement = create_agreement(
            card=AgreementCard(kind=AgreementKind.JOINT, concluded_on=D(2021, 12, 1),
                               title="Соглашение о совместной деятельности муниципалитета и "
                                     "ОО по реализации взаимообучения"),
            municipality=municipality, programme=programme,
            parties=[municipality, *organizations])
        for party in agreement.parties.filter(organization__in=organizations[:-UNSIGNED]):
            record_signature(party=party, signed_on=D(2021, 12, 10),
                             signed_by="Руководитель ОО (иллюстративно)")
    return agreement.parties.filter(signed_on__isnull=False, organization__isnull=False).count()


def _answers(assignment: Assignment, organizations: list[Organization]) -> dict[str, int]:
    answers = {a.organization_id: a for a in assignment.answers.all()}
    started = organizations[:-NO_GROUP][:SUBMITTED_BOTH + SUBMITTED_FIRST + DRAFTS]
    for place, organization in enumerate(started):
        answer = answers[organization.pk]
        if answer.part1_status != "not_started":
            continue
        save_part1(answer=answer, reserves="Анализ резервов по показателям мониторинга "
                                           "(иллюстративно).", cells=CELLS)
        save_part2(answer=answer, lists=ranked_lists(organization.short_name) or LISTS)
        if place < SUBMITTED_BOTH + SUBMITTED_FIRST:
            submit_part(answer=answer, part=1, today=D(2021, 12, 20))
        if place < SUBMITTED_BOTH:
            submit_part(answer=answer, part=2, today=D(2022, 1, 28))
        if place < 4:
            accept_part(answer=answer, part=1)
        elif place == 4:
            return_part(answer=answer, part=2, comment="Расставьте аспекты по важности.")
    statuses = Answer.objects.filter(assignment=assignment)
    return {"submitted": statuses.filter(part1_status__in=("submitted", "accepted")).count(),
            "not_started": statuses.filter(part1_status="not_started").count()}


def site_slug(short_name: str) -> str:
    """«Ермаковская СШ № 2» → «ermakovskaia-ssh-2»: the host name of an example address."""
    words = ("".join(LATIN.get(c, c) for c in word.lower()) for word in short_name.split())
    return "-".join(w for w in ("".join(c for c in word if c.isascii() and c.isalnum())
                                for word in words) if w)


def _school_plan(programme: Programme, organization: Organization, published: bool) -> None:
    plan = create_organization_plan(programme=programme, organization=organization,
                                    details=PlanDetails(
        title=f"План мероприятий ОО: {organization.short_name}", kind="work",
        starts_on=D(2022, 1, 10), ends_on=D(2022, 12, 23),
        approval="Приказ руководителя ОО (иллюстративно)",
        source="Иллюстративный план: документ задаёт только его состав (критерий 4)"))
    seminar = save_item(plan=plan, details=ItemDetails(
        number="1", form="практико-ориентированный семинар", term_kind="date",
        due_on=D(2022, 3, 16), topic="Семинар ОО для ОО района: смысловое чтение на уроках",
        responsible="Куратор от ОО (иллюстративно)", audience="Педагоги и команды ОО района",
        expected_result="Приёмы смыслового чтения перенесены в практику ОО-участников"))
    save_item(plan=plan, details=ItemDetails(
        number="2", form="методические рекомендации", term_kind="range",
        starts_on=D(2022, 4, 1), ends_on=D(2022, 5, 31),
        topic="Рекомендации по изменению форм и способов организации работы в ОО",
        responsible="Модератор (иллюстративно)", audience="Управленческие команды ОО района",
        expected_result="Методические рекомендации в реестре продуктов"))
    if published:
        publish_plan(plan=plan, url=f"https://{site_slug(organization.short_name)}.example.ru"
                                    "/plan", today=D(2022, 2, 15))
        record_occurrence(item=seminar, due_on=D(2022, 3, 16), held_on=D(2022, 3, 16),
                          recorded_by=None, illustrative=True,
                          note="Проведено: 23 участника из 9 ОО, материалы семинара на сайте "
                               "ОО (иллюстративно).")


def _plans(programme: Programme, organizations: list[Organization]) -> dict[str, int]:
    schools = [o for o in organizations if o.kind == OrganizationKind.SCHOOL
               and o.short_name != SCHOOL_LOGIN_ORGANIZATION][:WITH_PLAN]
    have = set(Plan.objects.filter(programme=programme, organization__isnull=False)
               .values_list("organization_id", flat=True))
    for place, organization in enumerate(schools):
        if organization.pk not in have:
            _school_plan(programme, organization, published=place < PUBLISHED)
    plans = Plan.objects.filter(programme=programme, organization__isnull=False)
    return {"plans": plans.count(), "published": plans.exclude(published_url="").count()}


@transaction.atomic
def load_ermakovsky_mutual() -> dict[str, int]:
    """Create or refresh the project; a second run changes nothing."""
    municipality = Municipality.objects.get(name=MUNICIPALITY)
    organizations = list(Organization.objects.filter(municipality=municipality)
                         .order_by("kind", "short_name", "pk"))
    programme = _programme(municipality)
    assignment = Assignment.objects.filter(programme=programme).first() or publish_assignment(
        programme=programme, today=D(2021, 11, 20), details=AssignmentDetails(
            part1_due=D(2021, 12, 31), part2_due=D(2022, 1, 31)))
    seed_criteria(programme=programme)
    _demo_user("erm-school", "Ольга Викторовна", "Кузнецова", municipality, Role.SCHOOL,
               organization=Organization.objects.get(municipality=municipality,
                                                     short_name=SCHOOL_LOGIN_ORGANIZATION))
    _demo_user("erm-method", "Светлана Ивановна", "Гончаренко", municipality, Role.CURATOR)
    groups = _groups(organizations)
    signed = _agreement(municipality, programme, organizations)
    return {"groups": groups, "signed": signed, **_answers(assignment, organizations),
            **_plans(programme, organizations)}

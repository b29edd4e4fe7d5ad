"""The Ermakovsky project «Взаимообучение ОО» (seed 004) through the portal's own functions:
the programme, its technical assignment and the six monitoring criteria of the document,
responsible groups of most organizations, the department's agreement on joint activity with
a few signatures missing, and answers at different states.

The document gives the structure (the roles of a group, the parts of the assignment, the
criteria and their deadlines), no names or answers: the people, order numbers, signatures
and answers here are **illustrative**.
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
from teams.models import Municipality, Organization, Role

D = datetime.date
TITLE = "Взаимообучение ОО Ермаковского района"
SCHOOL_LOGIN_ORGANIZATION = "Ермаковская СШ № 1"
# Illustrative: organizations without a group, without a signature, and how far each answer
# has come (by the organization's place in the list).
NO_GROUP = 5
UNSIGNED = 4
SUBMITTED_BOTH, SUBMITTED_FIRST, DRAFTS = 12, 6, 4

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
    return {"groups": groups, "signed": signed, **_answers(assignment, organizations)}

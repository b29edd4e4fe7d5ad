"""The walk of every page type for every role that sees it, on the demo district with a
protocol, a journal, indicators, diagnoses and a teacher added.

The accessibility test (test_accessibility.py) and the review screenshots
(screenshots.py, `make screenshots`) both go through these stops.
"""

import datetime
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from aspects.catalogue import create_aspect, record_statement
from aspects.models import ProcessKind, Side
from demo.diagnostics import load_demo_diagnostics
from demo.krymsky import DEMO_PASSWORD, load_demo
from demo.krymsky_registers import load_krymsky_registers
from diagnostics.models import Diagnosis, DiagnosisSource, DiagnosticRound, SchoolIndicator
from diagnostics.monitoring import save_staffing
from innovation.applications import save_version
from innovation.catalogue import standard_template
from innovation.consultations import log_consultation
from innovation.models import AssignmentKind, ProjectAssignment
from innovation.projects import ProjectCard, register_project
from innovation.stages import move_stage
from internships.council import AgendaItemInput, save_protocol
from internships.journal import EntryData, record_entry
from internships.models import Outcome, Placement, Platform, TeamResult, Tier, WorkForm
from mutual.answers import save_part1, save_part2
from mutual.assignments import AssignmentDetails, publish_assignment, seed_criteria
from mutual.groups import Member, save_group
from mutual.models import Answer
from networks.agreements import AgreementCard, create_agreement, record_signature
from networks.council import save_network_protocol
from networks.events import EventCard, plan_event
from networks.joint_reports import ReportCard, create_joint_report, save_part
from networks.memberships import add_member, create_network
from networks.models import AgreementKind, EventForm
from plans.evidence import record_occurrence
from plans.items import (
    ItemDetails,
    PlanDetails,
    create_organization_plan,
    create_plan,
    save_item,
)
from registers.bank import record_review
from registers.models import BankEntry, NormativeDocument, Product, Verdict
from services.passports import add_deliverable, save_passport, save_stage, tick_deliverable
from services.staff import (
    SpecialistData,
    add_department,
    add_direction,
    create_service,
    save_specialist,
)
from teams.models import Municipality, Organization
from tests import factories

WIDTHS = (375, 1366)
ROLES = ("staff", "curator", "school", "analyst", "teacher")
ALL = ROLES
MANAGERS = ("staff", "curator", "school", "analyst")
DEPARTMENT = ("staff", "curator", "analyst")
WRITERS = ("staff", "curator")


@dataclass(frozen=True)
class Stop:
    """A page type: its URL name, the world's object its <int:pk> stands for, who sees it."""

    name: str
    roles: tuple[str, ...]
    obj: str | None = None
    # Tables that must show every column at 1366 px, without scrolling inside their box.
    whole_on_laptop: tuple[str, ...] = ()

    def url(self, world: dict) -> str:
        return reverse(self.name, args=[world[self.obj]] if self.obj else [])

    @property
    def axe_role(self) -> str:
        """The role axe checks this page type as: the first of the walk that sees it."""
        return next(role for role in ROLES if role in self.roles)


STOPS = [
    Stop("home", MANAGERS),
    Stop("matrix", DEPARTMENT),
    Stop("organization_list", DEPARTMENT),
    Stop("organization_detail", MANAGERS, "organization"),
    Stop("platform_detail", DEPARTMENT, "platform"),
    Stop("placement_add", ("staff",), "platform"),
    Stop("transfer_create", WRITERS, "placement"),
    Stop("mentorship_add", WRITERS, "platform"),
    Stop("journal", DEPARTMENT, "platform"),
    Stop("entry_detail", MANAGERS, "entry"),
    Stop("entry_add", WRITERS, "platform"),
    Stop("entry_results", WRITERS, "entry"),
    Stop("entry_edit", WRITERS, "entry"),
    Stop("plan", DEPARTMENT, "platform"),
    Stop("plan_add", WRITERS, "platform"),
    Stop("my_internships", ("school",)),
    Stop("council_list", DEPARTMENT),
    Stop("council_detail", DEPARTMENT, "council"),
    Stop("council_create", ("staff",)),
    Stop("council_edit", ("staff",), "council"),
    Stop("round_list", MANAGERS),
    Stop("round_detail", MANAGERS, "round"),
    Stop("round_create", ("staff",)),
    Stop("round_edit", ("staff",), "round"),
    Stop("round_expert_entry", WRITERS, "round"),
    Stop("round_self_entry", ("school",), "round"),
    Stop("round_dynamics", DEPARTMENT),
    Stop("deficit_list", DEPARTMENT),
    Stop("deficit_create", ("staff",)),
    Stop("team_diagnostics", MANAGERS, "organization"),
    Stop("indicators", DEPARTMENT, whole_on_laptop=("#indicators",)),
    Stop("organization_indicators", MANAGERS, "organization",
         whole_on_laptop=("#indicator-history", "#organization-staffing")),
    Stop("indicator_edit", ("staff",), "organization"),
    Stop("staffing", DEPARTMENT),
    Stop("staffing_edit", ("staff",), "organization"),
    Stop("needs_map", DEPARTMENT),
    Stop("my_needs", ("school",)),
    Stop("organization_needs", MANAGERS, "organization"),
    Stop("aspect_map", DEPARTMENT),
    Stop("aspect_catalogue", DEPARTMENT),
    Stop("aspect_detail", DEPARTMENT, "aspects_aspect"),
    Stop("organization_aspects", MANAGERS, "organization"),
    Stop("imports", ("staff",)),
    Stop("import_jobs", ("staff", "school")),
    Stop("import_organizations", ("staff",)),
    Stop("distribution_new", ("staff",)),
    Stop("project_indicators", DEPARTMENT),
    Stop("regional_monitoring_import", ("staff",)),
    Stop("report_jobs", ("staff", "analyst")),
    Stop("handbook_texts", ("staff", "analyst")),
    Stop("handbook_text_edit", ("staff", "analyst"), "innovation_programme"),
    Stop("teacher_list", ("staff", "curator", "school")),
    Stop("teacher_detail", ("staff", "school"), "teacher"),
    Stop("teacher_add", ("staff", "school")),
    Stop("teacher_edit", ("staff", "school"), "teacher"),
    Stop("teacher_platform_list", ALL),
    Stop("teacher_platform_detail", ALL, "teacher_platform"),
    Stop("teacher_platform_create", ("staff",)),
    Stop("teacher_platform_edit", ("staff",), "teacher_platform"),
    Stop("modular_programme_create", ("staff",), "teacher_platform"),
    Stop("competence_area_list", DEPARTMENT),
    Stop("competence_area_create", ("staff",)),
    Stop("lockout_list", ("staff",)),
    Stop("my_page", ("teacher",)),
    Stop("route_list", ("staff", "school")),
    Stop("route_add", ("staff",)),
    Stop("mentoring_pair_list", ("staff",)),
    Stop("mentoring_pair_add", ("staff",)),
    Stop("my_route", ("teacher",)),
    Stop("training_session_list", ALL),
    Stop("platform_session_list", ALL, "teacher_platform"),
    Stop("training_session_create", ("staff",), "teacher_platform"),
    Stop("my_sessions", ("teacher",)),
    Stop("completion_list", ("staff", "curator", "school")),
    Stop("completion_create", ("staff",)),
    Stop("coverage_target", ("staff",)),
    Stop("effectiveness_criteria", ALL, "programme"),
    Stop("effectiveness_map", ("staff", "school", "teacher"), "teacher"),
    Stop("competence_round_list", MANAGERS),
    Stop("competence_round_create", ("staff",)),
    Stop("competence_instrument_list", MANAGERS),
    Stop("competence_instrument_create", ("staff",)),
    Stop("competence_dynamics", MANAGERS),
    Stop("my_competence", ("teacher",)),
    Stop("deficit_gaps", DEPARTMENT),
    Stop("password_change", ALL),
    Stop("innovation_board", DEPARTMENT),
    Stop("innovation_my_projects", ALL),
    Stop("innovation_project_add", ("staff", "school")),
    Stop("innovation_project", ALL, "innovation_project"),
    Stop("innovation_project_edit", ("staff", "school"), "innovation_project"),
    Stop("innovation_move", ("staff", "curator", "teacher"), "innovation_project"),
    Stop("innovation_consult", ("staff", "curator", "teacher"), "innovation_project"),
    Stop("innovation_people", ("staff",), "innovation_project"),
    Stop("innovation_project_application", ("staff", "school"), "innovation_project"),
    Stop("innovation_programme_application", DEPARTMENT, "innovation_programme"),
    Stop("innovation_programme_application_fill", ("staff",), "innovation_programme"),
    Stop("innovation_version", ALL, "innovation_version"),
    Stop("application_exports", ALL, "innovation_version"),
    Stop("network_list", ALL),
    Stop("network_add", ("staff",)),
    Stop("network_detail", ALL, "network"),
    Stop("network_coordinators", WRITERS, "network"),
    Stop("network_member_add", WRITERS, "network"),
    Stop("network_membership_edit", WRITERS, "network_membership"),
    Stop("network_agreement_list", ALL),
    Stop("network_agreement_add", WRITERS, "network"),
    Stop("network_municipal_agreement_add", ("staff",)),
    Stop("network_agreement", ALL, "network_agreement"),
    Stop("network_party_sign", WRITERS, "network_party"),
    Stop("network_event_add", WRITERS, "network"),
    Stop("network_event", ALL, "network_event"),
    Stop("network_event_edit", WRITERS, "network_event"),
    Stop("network_event_report", WRITERS, "network_event"),
    Stop("network_material_add", WRITERS, "network_event"),
    Stop("network_council_add", WRITERS, "network"),
    Stop("network_council_protocol", ALL, "network_council"),
    Stop("network_council_edit", WRITERS, "network_council"),
    Stop("network_joint_report_list", ALL),
    Stop("network_joint_report_add", WRITERS, "network"),
    Stop("network_joint_report", ALL, "jointreports_report"),
    Stop("network_joint_report_edit", WRITERS, "jointreports_report"),
    Stop("network_joint_report_part", ALL, "jointreports_second_part"),
    Stop("network_joint_report_part_edit", ("staff", "curator", "school"),
         "jointreports_school_part"),
    Stop("network_joint_report_part_return", WRITERS, "jointreports_second_part"),
    Stop("joint_report_exports", ALL, "jointreports_report"),
    Stop("mutual_home", MANAGERS),
    Stop("mutual_groups", MANAGERS),
    Stop("mutual_group_edit", ("staff", "school"), "mutual_own_school"),
    Stop("mutual_assignment_add", ("staff",), "mutual_programme"),
    Stop("mutual_assignment", MANAGERS, "mutual_assignment"),
    Stop("mutual_assignment_edit", ("staff",), "mutual_assignment"),
    Stop("mutual_answer", MANAGERS, "mutual_own_answer"),
    Stop("mutual_part1", ("school",), "mutual_own_answer"),
    Stop("mutual_part2", ("school",), "mutual_own_answer"),
    Stop("mutual_import", ("school",)),
    Stop("mutual_organization_plan", ("school",), "mutual_programme"),
    Stop("plans_publish", ("school",), "mutual_organization_plan"),
    Stop("mutual_monitoring", DEPARTMENT, "mutual_programme"),
    Stop("mutual_criterion_add", ("staff",), "mutual_programme"),
    Stop("mutual_criterion_edit", ("staff",), "mutual_criterion"),
    Stop("plans_list", MANAGERS),
    Stop("plans_detail", MANAGERS, "plan_plan"),
    Stop("plans_create", ("staff",)),
    Stop("plans_item_add", ("staff",), "plan_plan"),
    Stop("plans_item_edit", ("staff",), "plan_item"),
    Stop("plans_occurrence_record", WRITERS, "plan_item_on_request"),
    Stop("register_bank_list", ALL),
    Stop("register_bank_detail", ALL, "register_bank_entry"),
    Stop("register_bank_create", ("staff",)),
    Stop("register_bank_edit", ("staff",), "register_bank_entry"),
    Stop("register_bank_review", ("staff",), "register_bank_entry"),
    Stop("register_product_list", ALL),
    Stop("register_product_detail", ALL, "register_product"),
    Stop("register_product_create", ("staff",)),
    Stop("register_document_list", ALL),
    Stop("register_document_detail", ALL, "register_document"),
    Stop("register_document_edit", ("staff",), "register_document"),
    Stop("register_programme_citations", ("staff",), "innovation_programme"),
    Stop("service_staff", MANAGERS),
    Stop("service_add", ("staff",)),
    Stop("service_department_add", ("staff",), "passport_service"),
    Stop("service_direction_add", ("staff",), "passport_service"),
    Stop("service_specialist_add", ("staff",), "passport_service"),
    Stop("service_specialist_edit", ("staff",), "passport_specialist"),
    Stop("passport_list", ALL),
    Stop("passport_detail", ALL, "passport_programme"),
    Stop("passport_stages", ALL, "passport_programme"),
    Stop("passport_edit", ("staff",), "passport_programme"),
    Stop("passport_stage_add", ("staff",), "passport_programme"),
    Stop("passport_stage_edit", ("staff",), "passport_stage"),
    Stop("passport_deliverable_add", ("staff",), "passport_stage"),
    Stop("passport_deliverable_tick", ("staff",), "passport_deliverable"),
]

LONG_QUESTION = (
    "О распределении управленческих команд МБОУ СОШ № 1, МБОУ гимназия № 7, МБОУ СОШ № 24, "
    "МБОУ СОШ № 62, МАОУ СОШ № 11 и МБОУ ООШ № 14 по стажировочным площадкам на 2021–2022 "
    "учебный год и о назначении кураторов площадок"
)


def stops_for(role: str) -> list[Stop]:
    return [stop for stop in STOPS if role in stop.roles]


def _protocol(platform: Platform, staff) -> int:
    placements = list(Placement.objects.filter(platform=platform).values_list("pk", flat=True))
    meeting = save_protocol(
        period=platform.period, number=1, held_on=datetime.date(2021, 9, 20),
        attendees="Володина З.А., Пацюк А.А., Сидоренко О.В., Кравченко Е.Н., "
                  "Михайленко Т.С., руководители управленческих команд",
        items=[
            AgendaItemInput(question=LONG_QUESTION, decision="Утвердить распределение команд "
                            "по площадкам согласно приложению.", placement_ids=placements),
            AgendaItemInput(question="О плане работы площадок",
                            decision="Утвердить планы работы площадок на учебный год."),
        ],
        user=staff,
    )
    return meeting.pk


def _journal(platform: Platform, curator) -> int:
    hosts = [placement.team for placement in Placement.objects.filter(
        platform=platform, tier=Tier.LEADER).select_related("team__organization")[:1]]
    participants = [placement.team for placement in Placement.objects.filter(
        platform=platform).exclude(tier=Tier.LEADER).select_related("team")]
    entry = record_entry(
        platform=platform,
        data=EntryData(
            held_on=datetime.date(2022, 2, 15), ends_on=None, form=WorkForm.values[0],
            form_other="", topic="Система выявления и поддержки талантов: опыт МБОУ СОШ № 4",
            venue=hosts[0].organization, hosts=hosts, participants=participants,
            description="Стажировочная сессия по плану площадки: посещение занятий, "
                        "разбор управленческих решений, рефлексия.",
        ),
        recorded_by=curator,
    )
    TeamResult.objects.filter(entry=entry).update(attended=True, managers=2, teachers=3,
                                                  outcome=Outcome.values[0])
    return entry.pk


def _monitoring(platform: Platform, organizations) -> None:
    for number, organization in enumerate(organizations, start=1):
        SchoolIndicator.objects.create(
            organization=organization, period=platform.period, low_results=number % 5 == 0,
            non_objective=False, students_total=400 + number * 13, olympiad_winners=number,
            graduates_total=40 + number, graduates_high_gia=number % 11,
            teachers_total=30 + number, teachers_competition_winners=number % 4,
        )
        save_staffing(organization=organization, as_of=datetime.date(2022, 1, 10), values={
            "teachers_total": 30, "without_category": 10, "first_category": 10,
            "highest_category": 10, "attested_for_position": 0,
            "not_subject_to_attestation": 0})


def _diagnoses(diagnostic_round: DiagnosticRound, platform: Platform) -> None:
    for number, placement in enumerate(Placement.objects.filter(platform=platform)):
        Diagnosis.objects.create(team=placement.team, round=diagnostic_round,
                                 direction=platform.direction, source=DiagnosisSource.EXPERT,
                                 score=(40 + number * 5) % 100, comment="Нужна поддержка")


def _innovation(*, school: Organization, platform: Platform, users: dict) -> dict:
    """A project of the demo school on the seven-stage path: its curator, the walk's teacher
    as its tutor, a move, a consultation and an application version."""
    project = register_project(
        organization=school, period=platform.period, is_pilot=True,
        card=ProjectCard(theme="Школа полного дня как условие роста учебной мотивации",
                         key_problem="Низкая учебная мотивация обучающихся основной школы"),
        registered_by=users["school"])
    on = datetime.date(2021, 10, 4)
    for key, kind in (("curator", AssignmentKind.CURATOR), ("teacher", AssignmentKind.TUTOR)):
        ProjectAssignment.objects.create(project=project, user=users[key], kind=kind,
                                         assigned_on=on)
    move_stage(project=project, to_stage=project.programme.innovation_stages.get(number=2),
               moved_on=datetime.date(2021, 11, 15), evidence="Приказ о рабочей группе",
               moved_by=users["curator"])
    log_consultation(project=project, held_on=datetime.date(2021, 12, 1), form="webinar",
                     topic="Алгоритм построения инновационной деятельности",
                     advisers="Пацюк А.А.", outcome="Школа готовит проблемный анализ",
                     recorded_by=users["curator"])
    sections = standard_template(municipality=school.municipality).sections.all()
    version = save_version(texts={section.pk: f"Текст раздела «{section.title}»."
                                  for section in sections},
                           saved_by=users["school"], project=project)
    return {"innovation_project": project.pk, "innovation_version": version.pk,
            "innovation_programme": platform.period.programme_id}


def _network(*, school: Organization, curator, period) -> dict:
    """A network of the demo district, its coordinator the demo curator, with the own school
    and a second district as members, a partner, an agreement half signed, an event and a
    protocol of its coordination council."""
    on = datetime.date(2022, 1, 10)
    network = create_network(title="Сеть взаимных стажировок", starts_on=on,
                             hub_municipality=school.municipality, coordinators=[curator],
                             programme=period.programme)
    second = Municipality.objects.get_or_create(
        name="Муниципальное образование Староминский район")[0]
    membership = add_member(network=network, side=second, joined_on=on)
    add_member(network=network, side=school, joined_on=on)
    agreement = create_agreement(
        card=AgreementCard(kind=AgreementKind.NETWORK, title="Соглашение о сетевом "
                           "взаимодействии", valid_from=on, valid_to=datetime.date(2024, 12, 31)),
        municipality=school.municipality, network=network,
        parties=[school.municipality, second])
    party = agreement.parties.get(municipality=second)
    record_signature(party=party, signed_on=on, signed_by="Начальник управления образования")
    event = plan_event(network=network, host=second, card=EventCard(
        starts_on=datetime.date(2022, 3, 24), form=EventForm.WEBINAR,
        topic="Управление качеством образования через взаимные стажировки"))
    report = create_joint_report(network=network, card=ReportCard(
        title="Совместный отчёт сети за первое полугодие 2022 года",
        period_starts_on=datetime.date(2022, 1, 1), period_ends_on=datetime.date(2022, 6, 30),
        due_on=datetime.date(2022, 7, 10)), sections=["Мероприятия", "Результаты"])
    second_part = report.parts.get(membership=membership)
    save_part(part=second_part, by=curator, submit=True, texts={
        section.pk: "Вебинар для руководителей школ" for section in report.sections.all()})
    protocol = save_network_protocol(
        network=network, period=period, number=2, held_on=datetime.date(2022, 2, 14),
        attendees="Пацюк А.А. (координатор сети), руководители методических служб",
        items=[AgendaItemInput(question="О плане сетевого взаимодействия на учебный год",
                               decision="Утвердить план.")], user=curator)
    return {"network": network.pk, "network_council": protocol.pk,
            "network_membership": membership.pk,
            "network_agreement": agreement.pk, "network_party": party.pk,
            "network_event": event.pk, "jointreports_report": report.pk,
            "jointreports_second_part": second_part.pk,
            "jointreports_school_part": report.parts.get(membership__organization=school).pk}


def _plans(programme, staff) -> dict:
    """A support plan of the demo programme: a quarterly item with one quarter held and an
    item held on request."""
    plan = create_plan(programme=programme, details=PlanDetails(
        title="План сетевого сопровождения", kind="support", starts_on=datetime.date(2021, 9, 1),
        ends_on=datetime.date(2022, 8, 31), school_years=True))
    quarterly = save_item(plan=plan, details=ItemDetails(
        section="Семинары", number="1", topic="Обучающие семинары", term_kind="periodic",
        starts_on=plan.starts_on, ends_on=plan.ends_on, periodicity="quarterly",
        term_text="Один раз в квартал", audience="Руководители стажировочных площадок"))
    on_request = save_item(plan=plan, details=ItemDetails(
        section="Консультации", number="2", topic="Консультации школ", term_kind="periodic",
        starts_on=plan.starts_on, ends_on=plan.ends_on, periodicity="on_request"))
    record_occurrence(item=quarterly, due_on=datetime.date(2021, 11, 30),
                      held_on=datetime.date(2021, 11, 18), note="Семинар проведён",
                      recorded_by=staff)
    return {"plan_plan": plan.pk, "plan_item": quarterly.pk,
            "plan_item_on_request": on_request.pk}


def _registers(staff) -> dict:
    """The Krymsky registers of the demo, with a review in the bank."""
    load_krymsky_registers()
    entry = BankEntry.objects.order_by("pk").first()
    record_review(entry=entry, reviewer="Сидоренко О. В., методист МКУ ИМЦ",
                  reviewed_on=datetime.date(2021, 10, 1), verdict=Verdict.REVISE,
                  comment="Дополнить программу диагностическим блоком.", user=staff)
    return {"register_bank_entry": entry.pk,
            "register_product": Product.objects.order_by("pk").first().pk,
            "register_document": NormativeDocument.objects.order_by("pk").first().pk}


def _services(programme, staff) -> dict:
    """A methodological service with two departments, and the programme's passport with a
    stage whose first result is ticked with its file and whose second is expected."""
    service = create_service(municipality=programme.municipality, short_name="МКУ ИМЦ",
                             name="Муниципальное казённое учреждение «Информационно-"
                                  "методический центр»")
    directions = [add_direction(service=service, title=title) for title in (
        "Стажировки управленческих команд", "Диагностика профессиональных дефицитов",
        "Сетевое взаимодействие с муниципалитетами края")]
    specialist = None
    for number, name in enumerate(("Отдел методического сопровождения",
                                   "Отдел оценки качества образования")):
        department = add_department(service=service, name=name)
        specialist = save_specialist(service=service, data=SpecialistData(
            full_name=f"Сидоренко Ольга Владимировна {number + 1}", position="начальник отдела",
            department=department, heads_department=True, directions=tuple(directions)))
    passport = save_passport(programme=programme, user=staff, values={
        "nomination": "Муниципальные модели системы оценки качества образования",
        "title": programme.title, "mechanism": "Поэтапно", "status": "нет",
        "goals": "Создать и апробировать модель взаимных стажировок управленческих команд."})
    stage = save_stage(passport=passport, values={
        "number": 1, "title": "Подготовительный (поисково-аналитический)",
        "starts_on": programme.starts_on, "ends_on": programme.starts_on + datetime.timedelta(
            days=120), "tasks": "Обосновать организационно-педагогические условия."})
    done = add_deliverable(stage=stage, text="Аналитическая справка")
    tick_deliverable(deliverable=done, done_on=stage.ends_on, user=staff,
                     upload=SimpleUploadedFile("spravka.pdf", b"%PDF-1.4 spravka"))
    expected = add_deliverable(stage=stage, text="План мероприятий по сетевой организации работы")
    return {"passport_service": service.pk, "passport_specialist": specialist.pk,
            "passport_programme": programme.pk, "passport_stage": stage.pk,
            "passport_deliverable": expected.pk}


def _mutual(programme, school: Organization) -> dict:
    """The technical assignment of the programme with the six criteria, the own school's
    group, an answer with both parts in draft and the school's plan of events with one
    event, not yet published."""
    D = datetime.date
    assignment = publish_assignment(programme=programme, today=D(2021, 11, 1),
                                    details=AssignmentDetails(part1_due=D(2021, 12, 20),
                                                              part2_due=D(2022, 1, 31)))
    seed_criteria(programme=programme)
    save_group(organization=school, order_number="7", order_date=D(2021, 11, 10), members=[
        Member("curator", "Иванова А. А.", "заместитель директора"),
        Member("moderator", "Петров Б. Б.", "учитель"),
        Member("technician", "Сидоров В. В.", "лаборант")])
    answer = Answer.objects.get(assignment=assignment, organization=school)
    save_part1(answer=answer, reserves="Сильная методическая служба",
               cells={("literacy", "teacher", True): "Читательские практики"})
    save_part2(answer=answer, lists={("pedagogical", "need"): ["Формирующее оценивание"]})
    plan = create_organization_plan(programme=programme, organization=school, details=PlanDetails(
        title=f"План мероприятий ОО: {school.short_name}", kind="work",
        starts_on=programme.starts_on, ends_on=programme.ends_on))
    save_item(plan=plan, details=ItemDetails(
        topic="Практико-ориентированный семинар для ОО района", form="семинар",
        responsible="Иванова А. А.", audience="педагоги ОО района", term_kind="none",
        expected_result="Приёмы формирующего оценивания в уроке"))
    return {"mutual_organization_plan": plan.pk, "mutual_programme": programme.pk,
            "mutual_assignment": assignment.pk,
            "mutual_own_school": school.pk, "mutual_own_answer": answer.pk,
            "mutual_criterion": programme.mutual_criteria.first().pk}


def aspects_world(municipality, organizations) -> dict:
    """A small map of problems and solutions: two duplicate aspects, lines of three schools."""
    reading = create_aspect(municipality=municipality, wording="Смысловое чтение",
                            process_kind=ProcessKind.PEDAGOGICAL)
    create_aspect(municipality=municipality, wording="Смысловое чтение на уроках",
                  process_kind=ProcessKind.PEDAGOGICAL)
    for rank, (organization, side) in enumerate(zip(
            organizations[:3], (Side.NEED, Side.NEED, Side.OFFER), strict=True), start=1):
        record_statement(organization=organization, school_year=2021,
                         text="Смысловое чтение", process_kind=ProcessKind.PEDAGOGICAL,
                         side=side, rank=rank)
    record_statement(organization=organizations[0], school_year=2021,
                     text="Формирующее оценивание на уроке",
                     process_kind=ProcessKind.PEDAGOGICAL, side=Side.OFFER, rank=1)
    return {"aspects_aspect": reading.pk}


def build_world() -> dict:
    """Load the demo district and add what its pages need to show their tables."""
    load_demo()
    load_demo_diagnostics()
    platform = Platform.objects.select_related("direction", "period").get(
        direction__number=3)
    own_school = Organization.objects.get(short_name="МБОУ СОШ № 4")
    municipality = own_school.municipality
    staff = User.objects.get(username="staff")
    curator = User.objects.get(username="curator")
    diagnostic_round = (DiagnosticRound.objects.filter(programme=platform.direction.programme)
                        .order_by("pk").first())
    organizations = Organization.objects.filter(municipality=municipality).order_by("pk")
    _monitoring(platform, organizations)
    _diagnoses(diagnostic_round, platform)
    teacher = factories.TeacherFactory(organization=own_school,
                                       full_name="Иванова Мария Петровна")
    for _ in range(3):
        factories.TeacherFactory(organization=own_school)
    teacher_platform = factories.TeacherPlatformFactory(host=own_school, head=teacher)
    programme = factories.ModularProgrammeFactory(platform=teacher_platform)
    user = factories.teacher_user(teacher, username="teacher")
    user.set_password(DEMO_PASSWORD)
    user.save(update_fields=["password"])
    innovation = _innovation(school=own_school, platform=platform, users={
        "school": User.objects.get(username="school"), "curator": curator, "teacher": user})
    return {
        **innovation,
        **_network(school=own_school, curator=curator, period=platform.period),
        **_plans(platform.period.programme, staff),
        **_mutual(platform.period.programme, own_school),
        **_registers(staff),
        **_services(platform.period.programme, staff),
        **aspects_world(municipality, [own_school, *organizations.exclude(pk=own_school.pk)]),
        "platform": platform.pk,
        "placement": Placement.objects.filter(platform=platform).order_by("pk").first().pk,
        "organization": own_school.pk,
        "council": _protocol(platform, staff),
        "entry": _journal(platform, curator),
        "round": diagnostic_round.pk,
        "teacher": teacher.pk,
        "teacher_platform": teacher_platform.pk,
        "programme": programme.pk,
    }


def sign_in(context, base_url: str, username: str):
    page = context.new_page()
    page.goto(f"{base_url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    return page

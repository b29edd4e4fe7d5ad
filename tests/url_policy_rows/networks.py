"""URL policy rows for this area; see tests/url_policy_rows/__init__.py for the format.

Networks across municipalities: the network is run from the demo district (its department
staff manage it) and the demo curator (cur+) is its coordinator; its members are a second
municipality and the own school (МБОУ СОШ № 4), with a university as partner. Everyone of
the demo district who sees the whole municipality (cur-, analyst) and the own school's
users (school+, teacher) see it and its agreements, events and files; the other school and
the other municipality are not members (404). Its coordination council's protocol (in the
demo programme's year) is read by whoever sees the network. Only the hub's staff and the coordinator
change it (others 403). Any department staff may start a network of their own.
"""

import datetime

from django.core.files.base import ContentFile

from internships.council import AgendaItemInput, attach_file
from networks.agreements import AgreementCard, create_agreement, record_signature
from networks.council import save_network_protocol
from networks.events import EventCard, add_material, plan_event
from networks.joint_reports import ReportCard, add_part_file, create_joint_report, save_part
from networks.memberships import add_member, attach_document, create_network
from networks.models import AgreementKind, EventForm, MembershipRole, Partner, PartnerKind
from teams.models import Municipality

LOGIN, MOVED = "→login", "→elsewhere"
SEES = (LOGIN, 200, 200, 200, 200, 404, 200, 404, 200)
MANAGES = (LOGIN, 200, 200, 403, 403, 404, 403, 404, 403)

ROWS: dict[str, tuple] = {
    # anonym, staff, cur+, cur-, school+, school-, analyst, other, teacher
    "network_list": (LOGIN, 200, 200, 200, 200, 200, 200, 200, 200),
    "network_add": (LOGIN, 200, 403, 403, 403, 403, 403, 200, 403),
    "network_detail": SEES,
    "network_coordinators": MANAGES,
    "network_member_add": MANAGES,
    "network_membership_edit": MANAGES,
    "network_membership_document": SEES,
    "network_agreement_list": (LOGIN, 200, 200, 200, 200, 200, 200, 200, 200),
    "network_agreement_add": MANAGES,
    "network_municipal_agreement_add": (LOGIN, 200, 403, 403, 403, 403, 403, 200, 403),
    "network_agreement": SEES,
    "network_agreement_file": SEES,
    "network_agreement_draft": SEES,
    "network_party_sign": MANAGES,
    "network_party_scan": SEES,
    "network_event_add": MANAGES,
    "network_event": SEES,
    "network_event_edit": MANAGES,
    "network_event_report": MANAGES,
    "network_material_add": MANAGES,
    "network_material": SEES,
    "network_council_add": MANAGES,
    "network_council_protocol": SEES,
    "network_council_edit": MANAGES,
    "network_council_attachment": SEES,
    "network_joint_report_list": (LOGIN, 200, 200, 200, 200, 200, 200, 200, 200),
    "network_joint_report_add": MANAGES,
    "network_joint_report": SEES,
    "network_joint_report_edit": MANAGES,
    "network_joint_report_part": SEES,
    # The own school's part: the hub's staff, the coordinator and the school's team write it.
    "network_joint_report_part_edit": (LOGIN, 200, 200, 403, 200, 404, 403, 404, 403),
    "network_joint_report_part_return": MANAGES,
    "network_joint_report_file": SEES,
    "joint_report_exports": SEES,
}  # fmt: skip

OBJECT_OF: dict[str, str] = {
    "network_detail": "network_network",
    "network_coordinators": "network_network",
    "network_member_add": "network_network",
    "network_agreement_add": "network_network",
    "network_event_add": "network_network",
    "network_membership_edit": "network_membership",
    "network_membership_document": "network_membership_document",
    "network_agreement": "network_agreement",
    "network_agreement_file": "network_agreement",
    "network_agreement_draft": "network_agreement",
    "network_party_sign": "network_party",
    "network_party_scan": "network_party",
    "network_event": "network_event",
    "network_event_edit": "network_event",
    "network_event_report": "network_event",
    "network_material_add": "network_event",
    "network_material": "network_material",
    "network_joint_report_add": "network_network",
    "network_council_add": "network_network",
    "network_council_protocol": "network_council_protocol",
    "network_council_edit": "network_council_protocol",
    "network_council_attachment": "network_council_attachment",
    "network_joint_report": "jointreports_report",
    "network_joint_report_edit": "jointreports_report",
    "network_joint_report_part": "jointreports_school_part",
    "network_joint_report_part_edit": "jointreports_school_part",
    "network_joint_report_part_return": "jointreports_partner_part",
    "network_joint_report_file": "jointreports_file",
    "joint_report_exports": "jointreports_report",
}
POST_DATA: dict[str, dict] = {}

PDF = b"%PDF-1.4 scan"


def _pdf(name: str) -> ContentFile:
    upload = ContentFile(PDF, name=name)
    upload.size = len(PDF)
    return upload


def targets(context) -> dict[str, int]:
    on = datetime.date(2022, 1, 10)
    network = create_network(title="Сеть методических служб", starts_on=on,
                             hub_municipality=context.municipality, programme=context.programme,
                             coordinators=[context.curator])
    member = Municipality.objects.create(name="Муниципальное образование Сетевой район")
    membership = add_member(network=network, side=member, joined_on=on)
    add_member(network=network, side=context.own_school, joined_on=on)
    university = Partner.objects.create(name="Университет для сети", short_name="Университет",
                                        kind=PartnerKind.UNIVERSITY)
    add_member(network=network, side=university, role=MembershipRole.PARTNER)
    document = attach_document(membership=membership, title="Согласие управления",
                               upload=_pdf("consent.pdf"), uploaded_by=context.staff)
    agreement = create_agreement(
        card=AgreementCard(kind=AgreementKind.NETWORK, title="Соглашение о сети",
                           valid_from=on, valid_to=datetime.date(2024, 12, 31)),
        municipality=context.municipality, network=network,
        parties=[member, context.own_school, university], upload=_pdf("agreement.pdf"))
    party = agreement.parties.get(municipality=member)
    record_signature(party=party, signed_on=on, signed_by="Начальник управления",
                     scan=_pdf("signed.pdf"))
    event = plan_event(network=network, host=member, card=EventCard(
        starts_on=datetime.date(2022, 3, 1), form=EventForm.WEBINAR, topic="Вебинар сети"))
    material = add_material(event=event, title="Презентация", upload=_pdf("slides.pdf"),
                            uploaded_by=context.staff)
    joint = _joint_report(network, context)
    council = _council_protocol(network, context)
    return {**joint, **council, "network_network": network.pk, "network_membership": membership.pk,
            "network_membership_document": document.pk, "network_agreement": agreement.pk,
            "network_party": party.pk, "network_event": event.pk,
            "network_material": material.pk}


def _council_protocol(network, context) -> dict[str, int]:
    """A protocol of the network's coordination council with its scan (number 7: the council
    book's own rows take number 1 of the year)."""
    protocol = save_network_protocol(
        network=network, period=context.period, number=7, held_on=datetime.date(2022, 2, 14),
        attendees="Координатор сети, руководители методических служб",
        items=[AgendaItemInput(question="О плане сети", decision="Утвердить")],
        user=context.staff)
    scan = attach_file(meeting=protocol.meeting, upload=_pdf("protocol.pdf"),
                       user=context.staff)
    return {"network_council_protocol": protocol.pk, "network_council_attachment": scan.pk}


def _joint_report(network, context) -> dict[str, int]:
    """A half-year report: the partner's part submitted by the coordinator with a file, the
    own school's part a draft."""
    report = create_joint_report(network=network, card=ReportCard(
        title="Совместный отчёт за полугодие", period_starts_on=datetime.date(2022, 1, 1),
        period_ends_on=datetime.date(2022, 6, 30), due_on=datetime.date(2022, 7, 10)),
        sections=["Мероприятия", "Результаты"])
    partner_part = report.parts.get(membership__partner__isnull=False)
    school_part = report.parts.get(membership__organization=context.own_school)
    attached = add_part_file(part=partner_part, title="Программа", upload=_pdf("plan.pdf"),
                             uploaded_by=context.curator)
    save_part(part=partner_part, by=context.curator, submit=True,
              texts={section.pk: "Текст" for section in report.sections.all()})
    return {"jointreports_report": report.pk, "jointreports_school_part": school_part.pk,
            "jointreports_partner_part": partner_part.pk, "jointreports_file": attached.pk}

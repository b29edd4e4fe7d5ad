"""The three networks of the source documents, across municipal borders.

- Krymsky (seed 000, §13 «План сетевого взаимодействия»): internship sessions for the
  management teams of schools № 4, 6, 12 of Anapa and a series of webinars with the
  methodological service of Староминский district. The months are those the project's
  implementation stage gives (from February 2022); the days are illustrative.
- Timashevsk (seed 001, §4.1–4.3): the regional resource centre with the methodological
  services of eight municipalities and four partners — the regional institute (ИРО),
  Kuban State University, ЧОУ «Персонал-Ресурс» (agreements signed) and the Kuban State
  University's branch in Славянск-на-Кубани (documents in preparation). The agreements were
  signed in September 2020 (the plan's month; the day is illustrative) for the project's
  term, 2020–2023. Its coordination council meets four times a year (§6, the plan-graph:
  «Проведение заседаний Координационного совета — 4 раза в год»): the demo records no
  protocols, since a protocol is kept in a year of the network's programme within the
  network's term, and the district's programme in the demo begins in 2024, after the term.
- Vyselki (seed 002, the roadmap «Совершенствование инновационной инфраструктуры
  межмуниципального взаимодействия» 2021–2023): five districts, a consent of each education
  authority and a network agreement with each district (April 2021), a few signatures still
  missing (illustrative); webinars, the conference and the contest «Инновационный поиск»,
  with the participants of each district (illustrative).

Municipalities that the portal does not hold yet are created without users; one member
account (``din-staff``, department staff of Динской district) shows a member's view.
A second run changes nothing.
"""

import datetime

from django.contrib.auth.models import User
from django.db import transaction

from demo.krymsky import MUNICIPALITY as KRYMSKY
from demo.krymsky import _demo_user
from demo.timashevsk import MUNICIPALITY as TIMASHEVSK
from demo.vyselki import MUNICIPALITY as VYSELKI
from internships.models import Programme
from networks.models import (
    Agreement,
    AgreementKind,
    AgreementParty,
    EventForm,
    EventParticipation,
    EventStatus,
    Membership,
    MembershipRole,
    MembershipStatus,
    Network,
    NetworkEvent,
    Partner,
    PartnerKind,
)
from registers.models import BankEntry, BankKind, Review, Verdict
from teams.models import Municipality, Organization, Role, SchoolLevel

D = datetime.date
ILLUSTRATIVE = "Иллюстративные данные"
ANAPA = "Муниципальное образование город-курорт Анапа"
STAROMINSKY = "Муниципальное образование Староминский район"

KRYMSKY_TITLE = "Сеть взаимных стажировок управленческих команд (Крымский район)"
KRYMSKY_EVENTS = [
    (D(2022, 2, 17), EventForm.SESSION,
     "Управленческая команда школы: направления работы, условия развития и перспективы",
     "Управленческие команды школ № 4, 6, 12 МО город-курорт Анапа"),
    (D(2022, 3, 24), EventForm.WEBINAR,
     "Совершенствование механизмов управления качеством образования, через вовлечение "
     "управленческих команд в среду взаимных стажировок",
     "Специалисты ТМС МО Староминский район"),
    (D(2022, 4, 21), EventForm.WEBINAR,
     "Совершенствование механизмов управления качеством образования, через вовлечение "
     "управленческих команд в среду взаимных стажировок",
     "Специалисты ТМС МО Староминский район"),
]
ANAPA_SCHOOLS = (4, 6, 12)

TIMASHEVSK_TITLE = "Краевой ресурсный центр: методическая сеть Тимашевского района"
TIMASHEVSK_MEMBERS = [
    "Муниципальное образование Калининский район",
    "Муниципальное образование Брюховецкий район",
    "Муниципальное образование Приморско-Ахтарский район",
    "Муниципальное образование Каневской район",
    "Муниципальное образование Ейский район",
    "Муниципальное образование Ленинградский район",
    ANAPA,
    "Муниципальное образование город Горячий Ключ",
]
# (full name, short name, kind, locality, signed)
TIMASHEVSK_PARTNERS = [
    ("ГБОУ ДО «Институт развития образования» Краснодарского края", "ГБОУ ИРО КК",
     PartnerKind.INSTITUTE, "Краснодар", True),
    ("ФГБОУ ВО «Кубанский государственный университет»", "КубГУ", PartnerKind.UNIVERSITY,
     "Краснодар", True),
    ("ЧОУ «Персонал-Ресурс»", "ЧОУ «Персонал-Ресурс»", PartnerKind.PRIVATE, "Краснодар", True),
    ("Филиал ФГБОУ ВО «Кубанский государственный университет» в г. Славянске-на-Кубани",
     "Филиал КубГУ в г. Славянске-на-Кубани", PartnerKind.UNIVERSITY, "Славянск-на-Кубани",
     False),
]

VYSELKI_TITLE = "Межмуниципальная сеть «Инновационный поиск» (пять районов)"
VYSELKI_MEMBERS = [
    "Муниципальное образование Динской район",
    "Муниципальное образование Кореновский район",
    "Муниципальное образование Крыловской район",
    "Муниципальное образование Мостовской район",
]
# Signatures still missing in the demo (illustrative): (member, agreement kind).
VYSELKI_UNSIGNED = {(VYSELKI_MEMBERS[2], AgreementKind.CONSENT),
                    (VYSELKI_MEMBERS[3], AgreementKind.NETWORK)}
VYSELKI_EVENTS = [
    (D(2021, 4, 15), EventForm.WEBINAR, "Методический вебинар «Инновационная деятельность в "
     "образовательной организации: основные понятия, характеристики, алгоритм построения»"),
    (D(2021, 9, 16), EventForm.WEBINAR, "Методический вебинар для потенциальных участников "
     "межмуниципальной образовательной конференции «Инновационный поиск»"),
    (D(2022, 3, 17), EventForm.CONFERENCE,
     "Межмуниципальная образовательная конференция «Инновационный поиск»"),
    (D(2022, 11, 17), EventForm.WEBINAR, "Методический вебинар для потенциальных участников "
     "межмуниципального конкурса образовательных проектов «Инновационный поиск 2023»"),
    (D(2023, 3, 16), EventForm.CONTEST,
     "Межмуниципальный конкурс образовательных проектов «Инновационный поиск 2023»"),
]


# Participants of each Vyselki event from the hub and from each member that took part, in
# the order of VYSELKI_MEMBERS (illustrative: the documents give no attendance).
VYSELKI_PARTICIPANTS = [(14, 6, 5, 4, 0), (12, 7, 6, 5, 0), (25, 9, 8, 7, 3),
                        (11, 6, 5, 5, 0), (18, 8, 7, 6, 2)]


def _municipality(name: str) -> Municipality:
    return Municipality.objects.get_or_create(name=name)[0]


def _network(title: str, hub: Municipality, *, starts_on, ends_on, description: str,
             coordinators=()) -> Network:
    network, _ = Network.objects.update_or_create(title=title, defaults={
        "hub_municipality": hub, "starts_on": starts_on, "ends_on": ends_on,
        "description": description,
        "programme": Programme.objects.filter(municipality=hub).order_by("starts_on").first()})
    network.coordinators.add(*coordinators)
    return network


def _member(network, side_field: str, side, *, role=MembershipRole.MEMBER, signed=True,
            joined_on=None, note: str = "") -> Membership:
    membership, _ = Membership.objects.update_or_create(
        network=network, **{side_field: side}, defaults={
            "role": role, "joined_on": joined_on, "note": note,
            "status": MembershipStatus.SIGNED if signed else MembershipStatus.PREPARING})
    return membership


def _agreement(network, kind, title: str, *, subject: str, concluded_on, valid_to,
               parties) -> Agreement:
    """``parties``: (field, side, signer or None when not signed yet)."""
    agreement, _ = Agreement.objects.update_or_create(
        network=network, title=title, defaults={
            "kind": kind, "municipality": network.hub_municipality,
            "programme": network.programme, "subject": subject,
            "concluded_on": concluded_on, "valid_from": concluded_on, "valid_to": valid_to})
    for field, side, signer in parties:
        AgreementParty.objects.update_or_create(agreement=agreement, **{field: side}, defaults={
            "signed_on": concluded_on if signer else None, "signed_by": signer or ""})
    return agreement


def _event(network, starts_on, form, topic, *, audience, host_field, host, held: bool,
           responsible: str = "") -> NetworkEvent:
    event, _ = NetworkEvent.objects.update_or_create(
        network=network, starts_on=starts_on, topic=topic, defaults={
            "form": form, "audience": audience, "responsible": responsible,
            "status": EventStatus.HELD if held else EventStatus.PLANNED,
            "outcome": f"{ILLUSTRATIVE}: дата внутри месяца выбрана для показа." if held else "",
            "municipality": host if host_field == "municipality" else None,
            "organization": host if host_field == "organization" else None, "partner": None})
    return event


def load_krymsky_network() -> Network:
    krymsky = _municipality(KRYMSKY)
    anapa, starominsky = _municipality(ANAPA), _municipality(STAROMINSKY)
    network = _network(
        KRYMSKY_TITLE, krymsky, starts_on=D(2022, 1, 10), ends_on=D(2024, 12, 31),
        description="План сетевого взаимодействия проекта (§ 13): стажировочные сессии для "
                    "школ МО город-курорт Анапа и серия вебинаров с территориальной "
                    "методической службой МО Староминский район.",
        coordinators=User.objects.filter(username="curator"))
    _member(network, "municipality", anapa, signed=False, note=ILLUSTRATIVE + " (статус)")
    _member(network, "municipality", starominsky, signed=False,
            note=ILLUSTRATIVE + " (статус)")
    for number in ANAPA_SCHOOLS:
        school, _ = Organization.objects.get_or_create(
            municipality=anapa, short_name=f"МБОУ СОШ № {number}", defaults={
                "name": f"Муниципальное бюджетное общеобразовательное учреждение средняя "
                        f"общеобразовательная школа № {number}", "level": SchoolLevel.SECONDARY,
                "number": number})
        _member(network, "organization", school, signed=False)
    for starts_on, form, topic, audience in KRYMSKY_EVENTS:
        _event(network, starts_on, form, topic, audience=audience,
               host_field="municipality", host=krymsky, held=True,
               responsible="Пацюк А.А. (МКУ ИМЦ)")
    return network


def load_timashevsk_network() -> Network:
    hub = _municipality(TIMASHEVSK)
    network = _network(
        TIMASHEVSK_TITLE, hub, starts_on=D(2020, 9, 1), ends_on=D(2023, 12, 31),
        description="Ресурсный центр на базе территориальной методической службы "
                    "Тимашевского района: методические службы восьми муниципалитетов и "
                    "четыре партнёра.",
        coordinators=User.objects.filter(username="tim-staff"))
    subject = ("Сотрудничество и сетевое взаимодействие по теме «Научно-методическое "
               "сопровождение профессионального роста педагогов в условиях деятельности "
               "стажировочных площадок».")
    for name in TIMASHEVSK_MEMBERS:
        member = _municipality(name)
        _member(network, "municipality", member, joined_on=D(2020, 9, 1))
        _agreement(network, AgreementKind.NETWORK,
                   f"Соглашение о сетевом взаимодействии: {member.name}", subject=subject,
                   concluded_on=D(2020, 9, 15), valid_to=D(2023, 12, 31), parties=[
                       ("municipality", hub, "Руководитель ТМС Тимашевского района"),
                       ("municipality", member, "Руководитель ТМС")])
    for name, short_name, kind, locality, signed in TIMASHEVSK_PARTNERS:
        partner, _ = Partner.objects.update_or_create(name=name, defaults={
            "short_name": short_name, "kind": kind, "locality": locality})
        _member(network, "partner", partner, role=MembershipRole.PARTNER, signed=signed,
                joined_on=D(2020, 9, 15) if signed else None)
        _agreement(network, AgreementKind.JOINT, f"Соглашение о сотрудничестве: {short_name}",
                   subject=subject, concluded_on=D(2020, 9, 15) if signed else None,
                   valid_to=D(2023, 12, 31), parties=[
                       ("municipality", hub, "Руководитель ТМС Тимашевского района"
                        if signed else None),
                       ("partner", partner, "Руководитель" if signed else None)])
    return network


# The roadmap's item 3.3 «Проведение экспертизы (рецензирования) сетевых методических,
# научно-методических продуктов»: products of the members submitted to the network's review
# (illustrative: the documents name no products): (title, year, reviewed on or None).
VYSELKI_PRODUCTS = [
    ("Методическая разработка сетевого вебинара «Инновационная деятельность в "
     "образовательной организации»", 2021, D(2021, 12, 15)),
    ("Проект образовательной организации — участника конференции «Инновационный поиск»",
     2022, D(2022, 6, 20)),
    ("Методические рекомендации по подготовке конкурсных образовательных проектов", 2022,
     None),
]


def _network_products(network: Network) -> None:
    for title, year, reviewed_on in VYSELKI_PRODUCTS:
        entry, _ = BankEntry.objects.update_or_create(
            municipality=network.hub_municipality, title=title, defaults={
                "network": network, "kind": BankKind.DEVELOPMENT, "year": year,
                "authors": "Участники межмуниципальной сети", "illustrative": True,
                "description": f"{ILLUSTRATIVE}: продукт сети, представленный на экспертизу."})
        if reviewed_on:
            Review.objects.update_or_create(
                entry=entry, reviewer="Эксперт ТМС (иллюстративно)", reviewed_on=reviewed_on,
                defaults={"verdict": Verdict.RECOMMENDED})


def load_vyselki_network() -> Network:
    hub = _municipality(VYSELKI)
    network = _network(
        VYSELKI_TITLE, hub, starts_on=D(2021, 3, 1), ends_on=D(2023, 12, 31),
        description="Проект «Совершенствование инновационной инфраструктуры "
                    "межмуниципального взаимодействия» на 2021–2023 гг.: согласия органов "
                    "управления образованием и договоры о сетевом взаимодействии.",
        coordinators=User.objects.filter(username__in=["vys-staff", "vys-curator"]))
    for name in VYSELKI_MEMBERS:
        member = _municipality(name)
        _member(network, "municipality", member, joined_on=D(2021, 4, 1),
                signed=(name, AgreementKind.NETWORK) not in VYSELKI_UNSIGNED)
        consent_signed = (name, AgreementKind.CONSENT) not in VYSELKI_UNSIGNED
        _agreement(network, AgreementKind.CONSENT,
                   f"Согласие управления образованием: {member.name}",
                   subject="Согласие на осуществление сетевого взаимодействия.",
                   concluded_on=D(2021, 4, 1), valid_to=D(2023, 12, 31), parties=[
                       ("municipality", member,
                        "Начальник управления образования" if consent_signed else None)])
        network_signed = (name, AgreementKind.NETWORK) not in VYSELKI_UNSIGNED
        _agreement(network, AgreementKind.NETWORK,
                   f"Договор о сетевом взаимодействии: {member.name}",
                   subject="Сетевые методические вебинары, межмуниципальная конференция и "
                           "конкурс «Инновационный поиск», экспертиза сетевых продуктов.",
                   concluded_on=D(2021, 4, 15), valid_to=D(2023, 12, 31), parties=[
                       ("municipality", hub, "Начальник управления образования"),
                       ("municipality", member,
                        "Начальник управления образования" if network_signed else None)])
    sides = [hub] + [_municipality(name) for name in VYSELKI_MEMBERS]
    for (starts_on, form, topic), counts in zip(VYSELKI_EVENTS, VYSELKI_PARTICIPANTS,
                                                strict=True):
        event = _event(network, starts_on, form, topic,
                       audience="Участники межмуниципальной сети", host_field="municipality",
                       host=hub, held=True, responsible="Иванова Н.А. (УО), Ремель О.Л. (ИМЦ)")
        event.outcome = (f"{ILLUSTRATIVE}: дата внутри месяца и число участников от "
                         "муниципалитетов выбраны для показа.")
        event.save(update_fields=["outcome"])
        for side, count in zip(sides, counts, strict=True):
            if count:
                EventParticipation.objects.update_or_create(
                    event=event, municipality=side, defaults={"participants": count})
    _network_products(network)
    _demo_user("din-staff", "Татьяна Сергеевна", "Лукьяненко",
               _municipality(VYSELKI_MEMBERS[0]), Role.STAFF)
    return network


@transaction.atomic
def load_networks() -> dict[str, int]:
    networks = [load_krymsky_network(), load_timashevsk_network(), load_vyselki_network()]
    return {
        "networks": len(networks),
        "members": Membership.objects.filter(network__in=networks).count(),
        "agreements": Agreement.objects.filter(network__in=networks).count(),
        "unsigned": AgreementParty.objects.filter(agreement__network__in=networks,
                                                  signed_on__isnull=True).count(),
        "events": NetworkEvent.objects.filter(network__in=networks).count(),
        "participants": sum(EventParticipation.objects.filter(
            event__network__in=networks).values_list("participants", flat=True)),
    }

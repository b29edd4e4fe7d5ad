"""The effectiveness of the networks across municipalities (group «Эффективность сетевого
взаимодействия», С1–С5) for a municipality's academic year.

The networks counted are those the municipality keeps as the hub, or takes part in by a
signed membership of its own or of one of its organizations, and that run within the year.
Everything is counted to the year's cut-off day (its end, or the control point of a
monitoring report): memberships joined, signatures given, plan occurrences held, events
held and reviews written by then.

A municipality outside every network gets «нет данных» with that reason, never zeros. Pure
reads: one query when the municipality has no network, nine when it has, whatever the
number of networks, members, events or academic years.
"""

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Min, Q

from internships.models import Period
from networks.models import (
    AgreementParty,
    EventParticipation,
    EventStatus,
    MembershipRole,
    MembershipStatus,
    Network,
    NetworkEvent,
)
from networks.models import Membership as MembershipModel
from plans.models import Plan
from plans.plan_reads import DueRecord, due_records
from registers.models import BankEntry
from reports.indicator_catalogue import (
    UNIT_COUNT,
    UNIT_RATE,
    UNIT_SHARE,
    Group,
    Indicator,
    IndicatorValue,
)
from teams.models import Municipality

NETWORKS_SOURCE = ("Сети — те, что муниципальное образование ведёт как ресурсный центр или "
                   "в которые вступило (само или его организация) с подписанными документами "
                   "и которые действуют в учебном году; всё считается на конец учебного года "
                   "(на контрольную точку отчёта). ")

SIGNED_SHARE = Indicator(
    code="network_signed_share", number="С1",
    name="Доля участников и партнёров сетей с подписанными документами",
    unit=UNIT_SHARE, group=Group.NETWORK,
    formula=NETWORKS_SOURCE + "Числитель: участники и партнёры сетей со статусом участия "
            "«подписано», у которых подписаны все их стороны соглашений сети (дата "
            "подписания не позже конца года); знаменатель: все участники и партнёры этих "
            "сетей, не вышедшие до начала учебного года и вступившие (если дата указана) до "
            "его конца. Участник нескольких сетей считается в каждой.",
    short_name="С подписанными документами",
)
OCCURRENCES_HELD = Indicator(
    code="network_occurrences_held", number="С2",
    name="Доля проведённых мероприятий планов сетей",
    unit=UNIT_SHARE, group=Group.NETWORK,
    formula=NETWORKS_SOURCE + "Числитель: проведения пунктов планов сетей со сроком в "
            "учебном году, отмеченные проведёнными не позже конца года; знаменатель: все "
            "проведения пунктов планов сетей со сроком от начала до конца учебного года. "
            "Сроки повторяющихся пунктов («ежеквартально», «1 раз в полугодие») "
            "рассчитываются по тем же правилам периодичности, что и в самих планах; пункты "
            "«по мере запроса» сроков не имеют и не считаются.",
    short_name="Планы сетей выполнены",
)
PARTICIPANTS_RATE = Indicator(
    code="network_participants_rate", number="С3",
    name="Участники мероприятий сетей в среднем на муниципалитет сети в месяц",
    unit=UNIT_RATE, group=Group.NETWORK,
    formula=NETWORKS_SOURCE + "Участник — человек, которого отчёт о проведённом мероприятии "
            "сети записал в число участников от муниципалитета (мероприятие хранит число "
            "участников от каждого муниципалитета, не имена). Числитель: сумма участников от "
            "муниципалитетов сети (ресурсный центр и участники с подписанными документами) "
            "на мероприятиях со статусом «проведено» и датой в учебном году; знаменатель: "
            "сумма по сетям произведений числа их муниципалитетов на число месяцев учебного "
            "года, в которые сеть действовала. Мероприятия без внесённого числа участников "
            "в числитель ничего не добавляют — сколько их, сказано в пояснении.",
    short_name="Участников на муниципалитет в месяц",
)
PRODUCTS_REVIEWED = Indicator(
    code="network_products_reviewed", number="С4",
    name="Доля продуктов сетей, прошедших экспертизу (рецензирование)",
    unit=UNIT_SHARE, group=Group.NETWORK,
    formula=NETWORKS_SOURCE + "Продукт сети — материал банка программ и методических "
            "разработок, отмеченный как продукт сети. Числитель: продукты этих сетей, на "
            "которые до конца учебного года внесена хотя бы одна рецензия (с любым "
            "заключением); знаменатель: продукты этих сетей с годом не позже года конца "
            "учебного года.",
    short_name="Продукты сетей с рецензией",
)
JOINED = Indicator(
    code="network_joined", number="С5",
    name="Количество ОО и методических служб, объединённых в единую сеть (по членству в "
         "сетях)",
    unit=UNIT_COUNT, group=Group.NETWORK,
    formula=NETWORKS_SOURCE + "Показатель программы Крымского района «Количество ОО и "
            "методических служб, объединённых в единую сеть», посчитанный по членству: "
            "различные образовательные организации (участники сетей и партнёры — вузы, "
            "институт развития образования, частные образовательные организации) и "
            "методические службы (муниципалитет ресурсного центра или его методическая "
            "служба и муниципалитеты — участники), вступившие в эти сети по подписанным "
            "документам. Показатели П8.1 и П8.2 считают сеть взаимных стажировок внутри "
            "муниципального образования и остаются прежними.",
    short_name="ОО и методических служб в сетях",
)

NETWORK_INDICATORS: tuple[Indicator, ...] = (
    SIGNED_SHARE, OCCURRENCES_HELD, PARTICIPANTS_RATE, PRODUCTS_REVIEWED, JOINED)

NO_NETWORK = "муниципальное образование не ведёт сеть и не входит в сеть с подписанными " \
             "документами"


@dataclass(frozen=True)
class Member:
    network_id: int
    role: str
    status: str
    joined_on: date | None
    ended_on: date | None
    municipality_id: int | None
    organization_id: int | None
    organization_municipality_id: int | None
    partner_id: int | None

    @property
    def side(self) -> tuple[str, int]:
        if self.municipality_id:
            return "municipality", self.municipality_id
        if self.organization_id:
            return "organization", self.organization_id
        return "partner", self.partner_id

    @property
    def home(self) -> int | None:
        """The member's municipality (none for a partner)."""
        return self.municipality_id or self.organization_municipality_id

    def live(self, starts_on: date, cutoff: date) -> bool:
        """In the network for some of the year: joined by its cut-off, not ended before it."""
        if self.joined_on is not None and self.joined_on > cutoff:
            return False
        return self.status != MembershipStatus.ENDED or self.ended_on >= starts_on

    def signed(self, starts_on: date, cutoff: date) -> bool:
        """A member by signed documents for some of the year; an ended membership counts
        when it had joined (has a joining date) and ended within or after the year."""
        if not self.live(starts_on, cutoff):
            return False
        return self.status == MembershipStatus.SIGNED or (
            self.status == MembershipStatus.ENDED and self.joined_on is not None)


@dataclass
class NetworkData:
    """What the networks of a municipality hold, read once for all its academic years."""

    networks: list[Network]
    members: list[Member]
    # (network id, side) → the days its parties of the network's agreements were signed
    # (None where not yet).
    signatures: dict[tuple[int, tuple[str, int]], list[date | None]]
    plans: dict[int, int]  # plan id → network id
    due: list[DueRecord]
    events: list[tuple[int, date]]  # held events: (network id, day)
    # (network id, day, municipality id, participants) of held events.
    participations: list[tuple[int, date, int, int]]
    # (network id, year, first review day or None) of the networks' products.
    products: list[tuple[int, int, date | None]]


def _candidates(municipality: Municipality) -> list[Network]:
    mine = MembershipModel.objects.filter(Q(municipality=municipality)
                                          | Q(organization__municipality=municipality))
    return list(Network.objects.filter(Q(hub_municipality=municipality)
                                       | Q(pk__in=mine.values("network_id")))
                .order_by("title", "pk"))


def read_network_data(*, municipality: Municipality) -> NetworkData:
    """The municipality's networks and what they hold (one query, or nine)."""
    networks = _candidates(municipality)
    if not networks:
        return NetworkData([], [], {}, {}, [], [], [], [])
    members = [Member(*row) for row in MembershipModel.objects.filter(
        network__in=networks).order_by("pk").values_list(
        "network_id", "role", "status", "joined_on", "ended_on", "municipality_id",
        "organization_id", "organization__municipality_id", "partner_id")]
    signatures: dict = defaultdict(list)
    for network_id, municipality_id, organization_id, partner_id, signed_on in (
            AgreementParty.objects.filter(agreement__network__in=networks).values_list(
                "agreement__network_id", "municipality_id", "organization_id", "partner_id",
                "signed_on")):
        side = (("municipality", municipality_id) if municipality_id
                else ("organization", organization_id) if organization_id
                else ("partner", partner_id))
        signatures[(network_id, side)].append(signed_on)
    plans = dict(Plan.objects.filter(network__in=networks).values_list("pk", "network_id"))
    held = NetworkEvent.objects.filter(network__in=networks, status=EventStatus.HELD)
    return NetworkData(
        networks=networks, members=members, signatures=dict(signatures), plans=plans,
        due=due_records(Plan.objects.filter(pk__in=list(plans))) if plans else [],
        events=list(held.values_list("network_id", "starts_on")),
        participations=list(EventParticipation.objects.filter(event__in=held).values_list(
            "event__network_id", "event__starts_on", "municipality_id", "participants")),
        products=list(BankEntry.objects.filter(network__in=networks).annotate(
            reviewed=Min("reviews__reviewed_on")).values_list("network_id", "year",
                                                              "reviewed")),
    )


@dataclass(frozen=True)
class Year:
    """An academic year counted to its cut-off, and the networks that count in it."""

    starts_on: date
    cutoff: date
    networks: list[Network]
    members: list[Member]  # live members of those networks

    @property
    def ids(self) -> set[int]:
        return {network.pk for network in self.networks}


def _year(data: NetworkData, municipality: Municipality, starts_on: date,
          cutoff: date) -> Year:
    own = {member.network_id for member in data.members
           if member.home == municipality.pk and member.signed(starts_on, cutoff)}
    networks = [network for network in data.networks
                if network.starts_on <= cutoff
                and (network.ends_on is None or network.ends_on >= starts_on)
                and (network.hub_municipality_id == municipality.pk or network.pk in own)]
    ids = {network.pk for network in networks}
    return Year(starts_on, cutoff, networks,
                [member for member in data.members
                 if member.network_id in ids and member.live(starts_on, cutoff)])


def _documented(data: NetworkData, year: Year, member: Member) -> bool:
    if not member.signed(year.starts_on, year.cutoff):
        return False
    days = data.signatures.get((member.network_id, member.side), [])
    return all(day is not None and day <= year.cutoff for day in days)


def _signed_share(data: NetworkData, year: Year) -> IndicatorValue:
    if not year.members:
        return IndicatorValue(SIGNED_SHARE, None, note="в сетях нет участников и партнёров")
    parts = []
    numerator = 0
    for role, label in ((MembershipRole.MEMBER, "участников"),
                        (MembershipRole.PARTNER, "партнёров")):
        of_role = [member for member in year.members if member.role == role]
        done = sum(1 for member in of_role if _documented(data, year, member))
        numerator += done
        if of_role:
            parts.append(f"{label} — {done} из {len(of_role)}")
    denominator = len(year.members)
    return IndicatorValue(SIGNED_SHARE, Decimal(numerator) / Decimal(denominator),
                          numerator=numerator, denominator=denominator,
                          note="с подписанными документами: " + ", ".join(parts))


def _occurrences(data: NetworkData, year: Year) -> IndicatorValue:
    ids = year.ids
    if not any(network_id in ids for network_id in data.plans.values()):
        return IndicatorValue(OCCURRENCES_HELD, None, note="у сетей нет планов мероприятий")
    due = [record for record in data.due if data.plans[record.plan_id] in ids
           and year.starts_on <= record.due_on <= year.cutoff]
    if not due:
        return IndicatorValue(OCCURRENCES_HELD, None,
                              note="в планах сетей нет мероприятий со сроком в учебном году")
    held = [record for record in due
            if record.held_on is not None and record.held_on <= year.cutoff]
    illustrative = sum(1 for record in held if record.illustrative)
    note = f"проведено {len(held)} из {len(due)}"
    if illustrative:
        note += f"; из них иллюстративных отметок — {illustrative}"
    return IndicatorValue(OCCURRENCES_HELD, Decimal(len(held)) / Decimal(len(due)),
                          numerator=len(held), denominator=len(due), note=note)


def _months(starts_on: date, ends_on: date) -> int:
    """Calendar months from the month of ``starts_on`` to that of ``ends_on``, both in."""
    if ends_on < starts_on:
        return 0
    return (ends_on.year - starts_on.year) * 12 + ends_on.month - starts_on.month + 1


def network_municipalities(network: Network, year: Year) -> set[int]:
    """The hub's municipality and those of the members with signed documents."""
    return {network.hub_municipality_id} | {
        member.home for member in year.members
        if member.network_id == network.pk and member.home is not None
        and member.signed(year.starts_on, year.cutoff)}


def _participants(data: NetworkData, year: Year) -> IndicatorValue:
    in_year = [(network_id, day) for network_id, day in data.events
               if network_id in year.ids and year.starts_on <= day <= year.cutoff]
    if not in_year:
        return IndicatorValue(PARTICIPANTS_RATE, None,
                              note="мероприятия сетей в учебном году не проведены")
    municipalities = {network.pk: network_municipalities(network, year)
                      for network in year.networks}
    rows = [(network_id, day, count) for network_id, day, municipality_id, count
            in data.participations if network_id in year.ids
            and year.starts_on <= day <= year.cutoff
            and municipality_id in municipalities[network_id]]
    reported = len({(network_id, day) for network_id, day, _ in rows})
    if not rows:
        return IndicatorValue(PARTICIPANTS_RATE, None,
                              note=f"у проведённых мероприятий ({len(in_year)}) не внесено "
                                   "число участников от муниципалитетов")
    total = sum(count for _, _, count in rows)
    months = {network.pk: _months(max(year.starts_on, network.starts_on),
                                  min(year.cutoff, network.ends_on or year.cutoff))
              for network in year.networks}
    denominator = sum(len(municipalities[pk]) * months[pk] for pk in months)
    return IndicatorValue(
        PARTICIPANTS_RATE, Decimal(total) / Decimal(denominator), numerator=total,
        denominator=denominator,
        note=f"участников — {total}; муниципалитето-месяцев — {denominator}; число "
             f"участников внесено по {reported} из {len(in_year)} проведённых мероприятий")


def _products(data: NetworkData, year: Year) -> IndicatorValue:
    submitted = [reviewed for network_id, entry_year, reviewed in data.products
                 if network_id in year.ids and entry_year <= year.cutoff.year]
    if not submitted:
        return IndicatorValue(PRODUCTS_REVIEWED, None,
                              note="продукты сетей в банк программ и разработок не внесены")
    reviewed = sum(1 for day in submitted if day is not None and day <= year.cutoff)
    return IndicatorValue(PRODUCTS_REVIEWED, Decimal(reviewed) / Decimal(len(submitted)),
                          numerator=reviewed, denominator=len(submitted),
                          note=f"с рецензией — {reviewed} из {len(submitted)}")


def _joined(year: Year) -> IndicatorValue:
    organizations, partners, services = set(), set(), set()
    for network in year.networks:
        services.add(("organization", network.hub_organization_id)
                     if network.hub_organization_id
                     else ("municipality", network.hub_municipality_id))
    for member in year.members:
        if not member.signed(year.starts_on, year.cutoff):
            continue
        if member.municipality_id:
            services.add(member.side)
        elif member.organization_id:
            organizations.add(member.organization_id)
        else:
            partners.add(member.partner_id)
    # A member organization that is also a hub's service counts once, as the service.
    organizations -= {pk for kind, pk in services if kind == "organization"}
    count = len(organizations) + len(partners) + len(services)
    return IndicatorValue(
        JOINED, count,
        note=f"ОО — {len(organizations) + len(partners)} (в т. ч. партнёров — "
             f"{len(partners)}), методических служб — {len(services)}; сетей — "
             f"{len(year.networks)}")


def _term(network: Network) -> str:
    ends = f" по {network.ends_on:%d.%m.%Y}" if network.ends_on else ""
    return f"«{network.title}» — с {network.starts_on:%d.%m.%Y}{ends}"


def _no_network(data: NetworkData, municipality: Municipality) -> str:
    """Why a year has no network: none at all, or none running (or joined) in that year."""
    own = [network for network in data.networks
           if network.hub_municipality_id == municipality.pk
           or any(member.network_id == network.pk and member.home == municipality.pk
                  and member.status != MembershipStatus.PREPARING for member in data.members)]
    if not own:
        return NO_NETWORK
    return (f"в учебном году сети муниципального образования не действовали или оно в них "
            f"ещё не вступило: {'; '.join(_term(network) for network in own)}")


def network_values(data: NetworkData, *, municipality: Municipality, period: Period,
                   cutoff: date) -> list[IndicatorValue]:
    """С1–С5 of the academic year counted to ``cutoff``."""
    year = _year(data, municipality, period.starts_on, cutoff)
    if not year.networks:
        return [IndicatorValue(indicator, None, note=_no_network(data, municipality))
                for indicator in NETWORK_INDICATORS]
    return [_signed_share(data, year), _occurrences(data, year), _participants(data, year),
            _products(data, year), _joined(year)]


def network_periods(*, municipality: Municipality, periods: Sequence[Period],
                    cutoffs: dict[int, date]) -> dict[int, list[IndicatorValue]]:
    """Period id → С1–С5 of that academic year (one query, or nine, for all of them)."""
    data = read_network_data(municipality=municipality)
    return {period.pk: network_values(data, municipality=municipality, period=period,
                                      cutoff=cutoffs[period.pk]) for period in periods}

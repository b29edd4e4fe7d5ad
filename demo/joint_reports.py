"""Vyselki's network's joint report for the first half of 2022 (seed 002, roadmap item 1.4:
«Подготовка совместного отчета о результатах реализации проекта», December and June).

The document names the report and its months, nothing of its contents: the sections, the
members' texts, the day of the due date and who has not submitted are **illustrative**.
Every district but Мостовской has submitted its part. A second run changes nothing.
"""

import datetime

from django.contrib.auth.models import User
from django.db import transaction

from demo.networks import VYSELKI_TITLE
from networks.joint_reports import ReportCard, create_joint_report, save_part
from networks.models import JointReport, Network, PartStatus

D = datetime.date
MISSING = "Муниципальное образование Мостовской район"
TITLE = "Совместный отчёт о результатах реализации проекта за первое полугодие 2022 года"
SECTIONS = ["Сетевые мероприятия, проведённые и посещённые участником",
            "Инновационные проекты образовательных организаций",
            "Трудности и предложения на следующее полугодие"]


def _texts(district: str) -> list[str]:
    return [f"Руководители пилотных школ ({district}) участвовали в сетевых методических "
            "вебинарах и в межмуниципальной образовательной конференции «Инновационный "
            "поиск» (март 2022 г.).",
            "Пилотные школы готовят инновационные проекты к муниципальному конкурсу "
            "«Инновационный поиск 2023»; тьюторы ведут консультации.",
            "Просим провести консультации по оформлению заявок в сентябре."]


@transaction.atomic
def load_joint_reports() -> dict[str, int]:
    network = Network.objects.get(title=VYSELKI_TITLE)
    report = JointReport.objects.filter(network=network, title=TITLE).first()
    if report is None:
        report = create_joint_report(network=network, card=ReportCard(
            title=TITLE, period_starts_on=D(2022, 1, 1), period_ends_on=D(2022, 6, 30),
            due_on=D(2022, 6, 30), instructions="Иллюстративные данные: разделы и тексты "
            "частей не взяты из документа."), sections=SECTIONS,
            created_by=User.objects.filter(username="vys-curator").first())
    sections = list(report.sections.all())
    by = User.objects.filter(username="vys-curator").first()
    for part in report.parts.select_related("membership__municipality"):
        side = part.membership.municipality
        if side is None or side.name == MISSING or part.status == PartStatus.SUBMITTED:
            continue
        district = side.name.removeprefix("Муниципальное образование ")
        save_part(part=part, by=by, submit=True, now=datetime.datetime(
            2022, 6, 27, 10, tzinfo=datetime.UTC), texts={
            section.pk: text for section, text in zip(sections, _texts(district),
                                                      strict=True)})
    return {"parts": report.parts.count(),
            "submitted": report.parts.filter(status=PartStatus.SUBMITTED).count()}

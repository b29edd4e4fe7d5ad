"""The demo district's diagnostics: a starter deficit catalogue and the project's rounds.

The catalogue is a starting point worded from the themes of the seven directions
(«стажировка 1–7» of the Krymsky project); every item is marked as a template for
the department to reword. The rounds follow the project's control points (§12 of
the project). So that the demo can be tried on any day, the entry windows are set
when the demo is loaded: the start round and the May 2022 intermediate round are
open from a week before the loading day for a month, so a curator can enter both
and see the dynamics; the later rounds keep their real, closed windows. Loading
again changes nothing but moves those open windows.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from demo.krymsky import MUNICIPALITY, PROGRAMME
from diagnostics.models import Deficit, DiagnosticRound, RoundKind
from internships.models import ControlPoint, ControlPointKind, Direction, Programme

D = datetime.date

# Direction number → deficits of a management team in that direction.
STARTER_DEFICITS = {
    1: [
        "Не выстроена система внутришкольного контроля качества подготовки обучающихся",
        "Результаты оценочных процедур (ВПР, ОГЭ, ЕГЭ) не анализируются по предметам, "
        "классам и учителям и не переводятся в управленческие решения",
        "Не обеспечена объективность текущего и промежуточного оценивания",
        "Нет адресной работы с обучающимися, испытывающими трудности в обучении",
        "Методические объединения не работают с результатами обучения как с предметом "
        "анализа",
        "Не сформирована внутренняя система оценки качества образования (ВСОКО) "
        "с понятными показателями",
    ],
    2: [
        "Не проведён анализ причин низких образовательных результатов школы",
        "Нет программы перехода школы в эффективный режим работы с измеримыми целями",
        "Не выстроена работа с обучающимися группы риска учебной неуспешности",
        "Не налажено сетевое взаимодействие со школами-партнёрами с высокими результатами",
        "Не используются ресурсы наставничества для педагогов школы",
        "Не отслеживается динамика результатов после принятых мер",
    ],
    3: [
        "Нет системы выявления способностей и талантов обучающихся",
        "Не ведётся учёт индивидуальных достижений одарённых обучающихся",
        "Не выстроена подготовка обучающихся к олимпиадам и конкурсам по этапам",
        "Не используются ресурсы дополнительного образования и сетевых партнёров для "
        "развития способностей",
        "Педагоги не владеют методами работы с одарёнными обучающимися",
        "Нет индивидуальных образовательных маршрутов для обучающихся с высокой мотивацией",
    ],
    4: [
        "Не выстроена система профессиональной ориентации обучающихся 6–11 классов",
        "Не проводится диагностика профессиональных интересов и склонностей обучающихся",
        "Нет партнёрства с предприятиями и профессиональными образовательными "
        "организациями района",
        "Выбор профиля обучения не связан с профессиональными планами обучающихся",
        "Не налажено участие обучающихся в федеральных профориентационных проектах",
        "Родители не вовлечены в профессиональное самоопределение детей",
    ],
    5: [
        "Не распределены функции и зоны ответственности внутри управленческой команды",
        "Управленческие решения не опираются на анализ данных",
        "Нет стратегии развития школы с измеримыми целями и показателями",
        "Не выстроена система мониторинга эффективности управленческих решений",
        "Не развиты навыки командной работы и делегирования",
        "Не организовано непрерывное профессиональное развитие членов управленческой "
        "команды",
    ],
    6: [
        "Не выявляются профессиональные дефициты педагогов",
        "Нет индивидуальных планов профессионального развития педагогов",
        "Не выстроена система наставничества для молодых педагогов",
        "Курсы повышения квалификации выбираются без связи с дефицитами педагогов",
        "Не организовано распространение эффективных педагогических практик внутри школы",
        "Педагоги не вовлечены в конкурсы профессионального мастерства",
    ],
    7: [
        "Рабочая программа воспитания не связана с реальной воспитательной работой школы",
        "Не проводится анализ результатов воспитательной работы",
        "Классные руководители не получают методической поддержки",
        "Не развито ученическое самоуправление и детские общественные объединения",
        "Не выстроено взаимодействие с семьями обучающихся по вопросам воспитания",
        "Не организована профилактика асоциального поведения обучающихся",
    ],
}

ROUND_TITLES = {
    (ControlPointKind.START_DIAGNOSTICS, D(2021, 10, 1)): (
        RoundKind.START, "Стартовая диагностика, октябрь–ноябрь 2021"),
    (ControlPointKind.INTERMEDIATE_DIAGNOSTICS, D(2022, 5, 1)): (
        RoundKind.INTERMEDIATE, "Промежуточная диагностика, май 2022"),
    (ControlPointKind.INTERMEDIATE_DIAGNOSTICS, D(2023, 4, 1)): (
        RoundKind.INTERMEDIATE, "Промежуточная диагностика, апрель 2023"),
    (ControlPointKind.FINAL_DIAGNOSTICS, D(2024, 5, 1)): (
        RoundKind.FINAL, "Итоговая диагностика, май–август 2024"),
}
# The rounds open for entering results on the day the demo is loaded.
START_ROUND = (ControlPointKind.START_DIAGNOSTICS, D(2021, 10, 1))
OPEN_ROUND = (ControlPointKind.INTERMEDIATE_DIAGNOSTICS, D(2022, 5, 1))
OPEN_ROUNDS = (START_ROUND, OPEN_ROUND)
OPEN_BEFORE = datetime.timedelta(days=7)
OPEN_AFTER = datetime.timedelta(days=30)


@transaction.atomic
def load_demo_diagnostics(*, today: datetime.date | None = None) -> dict:
    """Add the starter catalogue and the rounds to the demo district (after ``load_demo``)."""
    today = today or timezone.localdate()
    programme = Programme.objects.get(municipality__name=MUNICIPALITY, title=PROGRAMME)
    deficits = 0
    for direction in Direction.objects.filter(programme=programme, number__in=STARTER_DEFICITS):
        for position, wording in enumerate(STARTER_DEFICITS[direction.number], start=1):
            # An existing item keeps whatever the department made of it.
            Deficit.objects.get_or_create(
                direction=direction, code=f"{direction.number}.{position}",
                defaults={"wording": wording, "from_template": True},
            )
            deficits += 1

    open_rounds = []
    for point in ControlPoint.objects.filter(programme=programme).order_by("starts_on"):
        key = (point.kind, point.starts_on)
        if key not in ROUND_TITLES:
            continue
        kind, title = ROUND_TITLES[key]
        if key in OPEN_ROUNDS:
            opens, closes = today - OPEN_BEFORE, today + OPEN_AFTER
        else:
            opens, closes = point.starts_on, point.ends_on
        diagnostic_round, _ = DiagnosticRound.objects.update_or_create(
            programme=programme, title=title,
            defaults={"kind": kind, "control_point": point, "starts_on": point.starts_on,
                      "ends_on": point.ends_on, "entry_opens": opens, "entry_closes": closes},
        )
        if key in OPEN_ROUNDS:
            open_rounds.append(diagnostic_round)
    return {
        "deficits": deficits,
        "rounds": DiagnosticRound.objects.filter(programme=programme).count(),
        "open_rounds": open_rounds,
    }

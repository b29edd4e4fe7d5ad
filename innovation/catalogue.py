"""The catalogues a municipality configures: the stages of the path of school projects and
the sections of an application. Both start from the Vyselki document (seed 002) and can be
changed in the administration afterwards."""

from django.db import transaction

from innovation.models import ApplicationTemplate, PathStage, TemplateSection
from internships.models import Programme
from teams.models import Municipality

# «Этапы перевода образовательного учреждения в режим развития» (seed 002, п. 8):
# number, title, what the stage produces.
SEVEN_STAGES: tuple[tuple[int, str, str], ...] = (
    (1, "Осознание необходимости преобразований",
     "В административной команде есть «идейный вдохновитель» и «генератор» будущих идей, "
     "осознающий важность и неизбежность преобразований."),
    (2, "Формирование команды",
     "Команда лидера: административная команда и идейные сторонники из педагогического "
     "коллектива, методически и технологически готовые к внедрению новшества."),
    (3, "Мотивация педагогического коллектива",
     "Готовность учителей к инновационной деятельности."),
    (4, "Проблемный анализ и ключевая проблема",
     "«Проблемное поле» школы и главная (ключевая) на сегодняшний день проблема."),
    (5, "Проектная идея и объект нововведений",
     "Проектная идея развития школы на ближайший период и объект нововведений, понятный "
     "большинству участников образовательного процесса."),
    (6, "План управленческих действий",
     "План или программа конкретных управленческих действий по реализации идеи."),
    (7, "Мониторинг первых шагов",
     "Отслеживание первых шагов по реализации проектной идеи и коррекция последующих "
     "управленческих действий."),
)

STANDARD_TEMPLATE_TITLE = "Заявка на конкурс «Инновационный поиск»"

# The structure of an «Инновационный поиск» application (seed 002, разделы 1–16).
SIXTEEN_SECTIONS: tuple[tuple[str, str], ...] = (
    ("Тема инновационного проекта", ""),
    ("Актуальность проекта для развития системы образования, соответствие ведущим "
     "инновационным направлениям развития образования Краснодарского края", ""),
    ("Нормативно-правовое обеспечение инновационного проекта",
     "Документы федерального, регионального, муниципального и институционального уровней."),
    ("Проблема инновационной деятельности", ""),
    ("Цель инновационного проекта", ""),
    ("Задачи инновационного проекта", ""),
    ("Обоснование идеи, приёмы и механизмы её реализации в рамках инновационного проекта",
     ""),
    ("Приёмы реализации идеи в рамках инновационного проекта", ""),
    ("Новизна инновационного проекта", ""),
    ("Критерии и показатели (индикаторы) эффективности инновационного проекта", ""),
    ("Диагностические методики и методы, позволяющие оценить эффективность проекта", ""),
    ("Разработанные инновационные продукты", ""),
    ("План реализации инновационного проекта",
     "Задача, мероприятие, срок реализации, полученный (ожидаемый) результат."),
    ("План сетевого взаимодействия с образовательными организациями по теме инновационного "
     "проекта", "Форма, тема мероприятия, организация, муниципалитет."),
    ("Практическая значимость и перспективы развития инновационного проекта", ""),
    ("Материально-технические затраты", ""),
)


@transaction.atomic
def ensure_path(*, programme: Programme) -> list[PathStage]:
    """The programme's path; a programme without one gets the seven stages of seed 002."""
    if not programme.innovation_stages.exists():
        PathStage.objects.bulk_create(
            PathStage(programme=programme, number=number, title=title, produces=produces)
            for number, title, produces in SEVEN_STAGES)
    return list(programme.innovation_stages.order_by("number"))


@transaction.atomic
def standard_template(*, municipality: Municipality) -> ApplicationTemplate:
    """The municipality's «Инновационный поиск» template, made with the sixteen sections
    the first time it is asked for."""
    template, created = ApplicationTemplate.objects.get_or_create(
        municipality=municipality, title=STANDARD_TEMPLATE_TITLE)
    if created:
        TemplateSection.objects.bulk_create(
            TemplateSection(template=template, number=number, title=title, hint=hint)
            for number, (title, hint) in enumerate(SIXTEEN_SECTIONS, start=1))
    return template

"""URL policy rows for this area; see tests/url_policy_rows/__init__.py for the format.

Competence diagnostics of persons: rounds, their scales and the bank of instruments are read
by every role of the municipality except a teacher and kept by the department's staff; a
teacher sees «Мои диагностики» and assesses themselves while the round's window is open.
The levels of a methodological service's specialists name people (152-ФЗ): the department's
staff read them; the other roles, who read the service's staff list, do not.
"""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone

from competence.models import Instrument, InstrumentKind, Level, PersonRound
from people.models import CompetenceArea, WorkerCategory
from services.staff import SpecialistData, attach_organization, create_service, save_specialist
from teams.models import Organization, OrganizationKind

# The answers besides status codes, as tests/test_url_policy.py spells them.
LOGIN, MOVED = "→login", "→elsewhere"

ROWS: dict[str, tuple] = {
    #                              anonym staff  cur+   cur-   school+ school- analyst other teacher
    "competence_round_list":       (LOGIN, 200,  200,   200,   200,   200,   200,   200,   403),
    "competence_round_create":     (LOGIN, 200,  403,   403,   403,   403,   403,   200,   403),
    "competence_round_detail":     (LOGIN, 200,  200,   200,   200,   200,   200,   404,   404),
    "competence_round_edit":       (LOGIN, 200,  403,   403,   403,   403,   403,   404,   404),
    "competence_levels":           (LOGIN, 200,  403,   403,   403,   403,   403,   404,   404),
    "competence_level_edit":       (LOGIN, 200,  403,   403,   403,   403,   403,   404,   404),
    "competence_level_delete":     (LOGIN, MOVED, 403,  403,   403,   403,   403,   404,   404),
    "competence_entry":            (LOGIN, 200,  403,   403,   403,   403,   403,   404,   404),
    "competence_service_specialists": (LOGIN, 200, 403, 403,  403,   403,   403,   404,   404),
    "competence_dynamics":         (LOGIN, 200,  200,   200,   200,   200,   200,   200,   403),
    "competence_instrument_list":  (LOGIN, 200,  200,   200,   200,   200,   200,   200,   403),
    "competence_instrument_create": (LOGIN, 200, 403,   403,   403,   403,   403,   200,   403),
    "competence_instrument_edit":  (LOGIN, 200,  403,   403,   403,   403,   403,   404,   404),
    "competence_instrument_file":  (LOGIN, 200,  200,   200,   200,   200,   200,   404,   404),
    "competence_import":           (LOGIN, 200,  403,   403,   403,   403,   403,   200,   403),
    "competence_export":           (LOGIN, 200,  403,   403,   403,   403,   403,   200,   403),
    "my_competence":               (LOGIN, 403,  403,   403,   403,   403,   403,   403,   200),
    "my_competence_self":          (LOGIN, 403,  403,   403,   403,   403,   403,   403,   200),
}  # fmt: skip
# The department staff of another municipality keep rounds and instruments of their own, so
# the lists and the forms to add open for them, empty of ours.

OBJECT_OF: dict[str, str] = {
    "competence_round_detail": "person_round",
    "competence_round_edit": "person_round",
    "competence_levels": "person_round",
    "competence_level_edit": "level",
    "competence_level_delete": "level",
    "competence_entry": "person_round",
    "competence_instrument_edit": "instrument",
    "competence_instrument_file": "instrument",
    "my_competence_self": "person_round",
    "competence_service_specialists": "method_service",
}
POST_DATA: dict[str, dict] = {
    "competence_level_delete": {},
}


def targets(context) -> dict[str, int]:
    today = timezone.localdate()
    area = CompetenceArea.objects.create(municipality=context.municipality, number=9,
                                         title="Цифровые компетенции")
    person_round = PersonRound.objects.create(
        municipality=context.municipality, title="Стартовая диагностика педагогов",
        starts_on=today - datetime.timedelta(days=5), ends_on=today + datetime.timedelta(days=60),
        entry_opens=today - datetime.timedelta(days=5),
        entry_closes=today + datetime.timedelta(days=30),
        worker_categories=[WorkerCategory.TEACHER])
    person_round.competence_areas.add(area)
    level = Level.objects.create(round=person_round, rank=1, title="Базовый", is_deficit=True)
    instrument = Instrument.objects.create(municipality=context.municipality,
                                           title="Анкета самооценки",
                                           kind=InstrumentKind.QUESTIONNAIRE)
    instrument.file.save("anketa.txt", ContentFile(b"anketa"))
    service = create_service(municipality=context.municipality, short_name="МБУ «ЦРО»",
                             name="МБУ «Центр развития образования»")
    attach_organization(service=service, organization=Organization.objects.create(
        municipality=context.municipality, name=service.name, short_name=service.short_name,
        kind=OrganizationKind.METHOD_SERVICE))
    save_specialist(service=service, data=SpecialistData(
        full_name="Орлова Ирина Петровна", position="специалист 1 категории",
        department=None, heads_department=False))
    return {"person_round": person_round.pk, "level": level.pk, "instrument": instrument.pk,
            "method_service": service.pk}

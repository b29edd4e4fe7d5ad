"""The Novokubansk demo district: the centre's 19 specialists (2 heads of department, 17
specialists of the first category) and the programme passport with its four named stages and
their expected results, as the passport (seed 003) prints them.

Figures copied by hand from the seed: «19 человек: 2 начальника отделов, 17 - специалисты 1
категории»; stages «Подготовительный (поисково-аналитический)» 2019 сентябрь–декабрь (one
result), «Теоретико-моделирующий» январь–май 2020 (four), «Практический (формирующий
этап)» сентябрь–декабрь 2020 (one), «Корректирующе-обобщающий» январь–июнь 2021 (three).
"""

import datetime
import io

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.urls import reverse

from competence.models import PersonRound
from competence.result_reads import diagnosed_people
from demo.novokubansk import MUNICIPALITY, load_novokubansk
from demo.novokubansk_diagnostics import TITLE as START_TITLE
from demo.novokubansk_diagnostics import load_novokubansk_diagnostics
from people.models import Teacher, WorkerCategory
from services.models import Deliverable, MethodService, PassportStage, ProgrammePassport
from teams.models import Municipality, OrganizationKind, Role, UserProfile

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def district(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    counts = load_novokubansk()
    return counts, Municipality.objects.get(name=MUNICIPALITY)


def test_it_loads_the_centres_19_specialists_as_the_passport_counts_them(district):
    counts, municipality = district
    service = MethodService.objects.get(municipality=municipality)
    specialists = service.specialists.all()

    assert service.short_name == "МБУ «ЦРО»"
    assert specialists.count() == 19
    assert specialists.filter(heads_department=True, position="начальник отдела").count() == 2
    assert specialists.filter(heads_department=False,
                              position="специалист 1 категории").count() == 17
    assert service.departments.count() == 2
    assert all(specialist.directions.exists() for specialist in specialists)
    assert counts["specialists"] == 19 and counts["heads"] == 2


def test_it_loads_the_passport_with_its_four_stages_and_their_results(district):
    counts, municipality = district
    passport = ProgrammePassport.objects.get(programme__municipality=municipality)
    stages = list(PassportStage.objects.filter(passport=passport).order_by("number"))

    assert passport.nomination == "Муниципальные модели системы оценки качества образования"
    assert passport.title.startswith("«Модель сетевой организации управления качеством")
    assert passport.supervisor.startswith("Кара Алла Петровна")
    assert passport.status == "нет" and passport.mechanism == "Поэтапно"
    assert passport.intellectual_resources.endswith("17 -специалисты 1 категории.")
    assert [stage.title for stage in stages] == [
        "Подготовительный (поисково-аналитический)", "Теоретико-моделирующий этап",
        "Практический (формирующий этап)", "Корректирующе-обобщающий"]
    assert [(stage.starts_on, stage.ends_on) for stage in stages] == [
        (D(2019, 9, 1), D(2019, 12, 31)), (D(2020, 1, 1), D(2020, 5, 31)),
        (D(2020, 9, 1), D(2020, 12, 31)), (D(2021, 1, 1), D(2021, 6, 30))]
    assert [stage.deliverables.count() for stage in stages] == [1, 4, 1, 3]
    assert stages[0].deliverables.get().text == "Подготовить аналитическую справку"
    assert stages[1].deliverables.first().text.startswith("Разработка детального плана")
    assert counts["stages"] == 4 and counts["deliverables"] == 9


def test_ticked_deliverables_carry_their_file(district):
    counts, municipality = district
    done = Deliverable.objects.filter(stage__passport__programme__municipality=municipality,
                                      done_on__isnull=False)
    assert done.count() == counts["ticked"] == 5
    assert not done.filter(file="").exists()


def test_running_it_twice_changes_nothing(district):
    counts, municipality = district
    passport = ProgrammePassport.objects.get(programme__municipality=municipality)
    history = passport.history.count()

    assert load_novokubansk() == counts
    assert passport.history.count() == history


def test_nov_staff_keeps_the_list_and_reads_the_passport(district, client):
    _, municipality = district
    user = User.objects.get(username="nov-staff")
    assert user.profile.role == Role.STAFF and user.profile.municipality == municipality
    client.force_login(user)
    programme = ProgrammePassport.objects.get(programme__municipality=municipality).programme

    staff_page = client.get(reverse("service_staff")).content.decode()
    passport_page = client.get(reverse("passport_detail", args=[programme.pk])).content.decode()

    assert "19 специалистов, из них 2 начальника отделов" in staff_page
    assert "Добавить специалиста" in staff_page
    assert "Кара Алла Петровна" in passport_page and "Корректирующе-обобщающий" in passport_page
    assert client.get(reverse("home")).status_code in (200, 302)


def test_other_districts_do_not_see_novokubansk(district, client):
    _, municipality = district
    other = Municipality.objects.create(name="Другой район")
    user = User.objects.create_user("other-staff")
    UserProfile.objects.create(user=user, municipality=other, role=Role.STAFF)
    client.force_login(user)
    programme = ProgrammePassport.objects.get(programme__municipality=municipality).programme

    assert "Гречко" not in client.get(reverse("service_staff")).content.decode()
    assert client.get(reverse("passport_detail", args=[programme.pk])).status_code == 404


def test_the_load_demo_command_reports_the_novokubansk_district(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    out = io.StringIO()

    call_command("load_demo", stdout=out)

    assert ("Новокубанский район: специалистов МБУ «ЦРО» — 19, из них начальников отделов — 2 "
            "(по паспорту проекта); паспорт проекта с этапами (4) и ожидаемыми результатами (9) "
            "— из документа. Отделы, ФИО специалистов (вымышлены), курируемые направления и "
            "отметки о полученных результатах (5) иллюстративные.") in out.getvalue().splitlines()
    assert ("Новокубанский район: стартовая диагностика готовности специалистов ЦРО к "
            "инновационной деятельности (названа в паспорте) — МБУ «ЦРО» записан в реестре "
            "организаций, его специалисты — работники диагностики; области (3), "
            "демонстрационная шкала и уровни 12 специалистов иллюстративные."
            ) in out.getvalue().splitlines()
    assert User.objects.get(username="nov-staff").check_password("demo")


@pytest.fixture
def start_diagnostic(district):
    return load_novokubansk_diagnostics()


def test_it_diagnoses_the_centres_specialists_in_the_start_diagnostic(start_diagnostic):
    municipality = Municipality.objects.get(name=MUNICIPALITY)
    service = MethodService.objects.get(municipality=municipality)
    person_round = PersonRound.objects.get(municipality=municipality, title=START_TITLE)

    assert start_diagnostic == {"diagnosed": 12, "areas": 3, "results": 36}
    assert person_round.illustrative_scale
    assert person_round.worker_categories == [WorkerCategory.METHODOLOGIST]
    assert service.organization.kind == OrganizationKind.METHOD_SERVICE
    # All 19 specialists are people of the round; 12 of them have levels.
    people = diagnosed_people(person_round, Teacher.objects.all())
    assert sorted(p.full_name for p in people) == sorted(
        service.specialists.values_list("full_name", flat=True))
    assert len(people) == 19


def test_running_the_start_diagnostic_twice_changes_nothing(start_diagnostic):
    assert load_novokubansk_diagnostics() == start_diagnostic
    assert Teacher.objects.count() == 19
    assert PersonRound.objects.filter(title=START_TITLE).count() == 1


def test_nov_staff_reads_the_specialists_levels(start_diagnostic, client):
    service = MethodService.objects.get(municipality__name=MUNICIPALITY)
    client.force_login(User.objects.get(username="nov-staff"))

    staff_page = client.get(reverse("service_staff")).content.decode()
    url = reverse("competence_service_specialists", args=[service.pk])
    page = client.get(url).content.decode()

    assert url in staff_page
    assert "Мотивационная готовность к инновационной деятельности: <strong>" in page
    assert "(демонстрационная шкала)" in page

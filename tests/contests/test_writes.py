"""The rules of contests: applying, withdrawing, scoring, approving, statuses, the regional
round; every refusal is in Russian and changes nothing."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from contests.applying import record_regional_outcome, submit_application, withdraw_application
from contests.events import ContestDetails, assign_expert, change_contest, save_criterion
from contests.models import Application, OrganizationStatus, RegionalOutcome, Score, StatusKind
from contests.result_reads import contest_results
from contests.results import StatusAward, approve_results, award_status
from contests.scoring import save_scores
from innovation.models import InnovationProject, PathStage


def test_it_refuses_a_score_above_the_criterion_maximum(cw):
    with pytest.raises(ValidationError) as refusal:
        save_scores(expert=cw.curator_expert, application=cw.app_a,
                    values={cw.relevance.pk: 11, cw.novelty.pk: 3})
    assert "Балл по критерию «Актуальность» — от 0 до 10." in str(refusal.value)
    assert not Score.objects.exists()


def test_it_refuses_a_negative_score_in_the_database(cw):
    with pytest.raises(IntegrityError), transaction.atomic():
        Score.objects.create(expert=cw.curator_expert, application=cw.app_a,
                             criterion=cw.relevance, value=-1)


def test_it_refuses_an_expert_scoring_their_own_organization(cw):
    with pytest.raises(ValidationError) as refusal:
        save_scores(expert=cw.school_expert, application=cw.app_b,
                    values={cw.relevance.pk: 5, cw.novelty.pk: 5})
    assert "своей организации" in str(refusal.value)
    assert not Score.objects.exists()


def test_it_blocks_an_expert_from_their_organizations_teachers_too(cw, world):
    expert = assign_expert(contest=cw.contest, user=world.school_user,
                           nominations=[cw.teacher_nomination])
    with pytest.raises(ValidationError, match="своей организации"):
        save_scores(expert=expert, application=cw.teacher_app, values={cw.relevance.pk: 1})


def test_it_saves_an_experts_sheet_and_counts_it_in_the_results(cw):
    save_scores(expert=cw.curator_expert, application=cw.app_a,
                values={cw.relevance.pk: 9, cw.novelty.pk: 4})
    save_scores(expert=cw.school_expert, application=cw.app_a,
                values={cw.relevance.pk: 7, cw.novelty.pk: 5})
    save_scores(expert=cw.curator_expert, application=cw.app_b,
                values={cw.relevance.pk: 6, cw.novelty.pk: 2})
    group = next(g for g in contest_results(cw.contest).nominations
                 if g.nomination == cw.org_nomination)
    first, second = group.rows
    assert first.application == cw.app_a and str(first.ranked.average) == "12.50"
    assert first.ranked.category == "winner"
    assert second.application == cw.app_b and second.ranked.category == "prize"
    assert second.expert_totals[cw.school_expert.pk] is None


def test_it_requires_an_open_window_to_apply(cw, world):
    with pytest.raises(ValidationError, match="Приём заявок на это мероприятие сейчас закрыт"):
        submit_application(nomination=cw.org_nomination, title="Поздно",
                           today=timezone.localdate() + datetime.timedelta(days=30),
                           organization=world.school_c)


def test_it_refuses_an_organization_in_a_teachers_nomination(cw, world):
    with pytest.raises(ValidationError, match="Номинация для педагогов"):
        submit_application(nomination=cw.teacher_nomination, title="Не туда",
                           today=timezone.localdate(), organization=world.school_c)


def test_it_refuses_a_second_application_to_the_same_nomination(cw, world):
    with pytest.raises(ValidationError, match="уже подана"):
        submit_application(nomination=cw.org_nomination, title="Ещё одна",
                           today=timezone.localdate(), organization=world.school_a)


def test_it_keeps_exactly_one_applicant_in_the_database(cw, world):
    with pytest.raises(IntegrityError), transaction.atomic():
        Application.objects.create(nomination=cw.teacher_nomination, title="Двое",
                                   organization=world.school_c, teacher=cw.teacher_app.teacher)


def test_it_withdraws_an_application_out_of_the_ranking(cw):
    save_scores(expert=cw.curator_expert, application=cw.app_a,
                values={cw.relevance.pk: 10, cw.novelty.pk: 5})
    save_scores(expert=cw.curator_expert, application=cw.app_b,
                values={cw.relevance.pk: 1, cw.novelty.pk: 1})
    withdraw_application(application=cw.app_a, reason="Проект не готов")
    group = next(g for g in contest_results(cw.contest).nominations
                 if g.nomination == cw.org_nomination)
    assert group.rows[0].application == cw.app_b and group.rows[0].ranked.place == 1
    assert group.rows[1].ranked.place is None
    cw.app_a.refresh_from_db()
    with pytest.raises(ValidationError, match="отозвана"):
        save_scores(expert=cw.curator_expert, application=cw.app_a,
                    values={cw.relevance.pk: 1})


def test_it_approves_results_once_and_then_freezes_scores(cw, world):
    with pytest.raises(ValidationError, match="Ни одна заявка ещё не оценена"):
        approve_results(contest=cw.contest, by=world.staff)
    save_scores(expert=cw.curator_expert, application=cw.app_a,
                values={cw.relevance.pk: 10, cw.novelty.pk: 5})
    approve_results(contest=cw.contest, by=world.staff)
    cw.app_a.nomination.contest.refresh_from_db()
    with pytest.raises(ValidationError, match="Итоги утверждены"):
        save_scores(expert=cw.curator_expert, application=cw.app_a,
                    values={cw.relevance.pk: 1})
    with pytest.raises(ValidationError, match="Итоги уже утверждены"):
        approve_results(contest=cw.contest, by=world.staff)


def test_it_requires_an_error_analysis_when_round_one_was_not_passed(cw):
    with pytest.raises(ValidationError, match="анализ ошибок"):
        record_regional_outcome(application=cw.app_a, outcome=RegionalOutcome.NOT_PASSED)
    record_regional_outcome(application=cw.app_a, outcome=RegionalOutcome.NOT_PASSED,
                            note="Не раскрыта новизна; план без сроков.")
    cw.app_a.refresh_from_db()
    assert cw.app_a.regional_note.startswith("Не раскрыта")
    with pytest.raises(IntegrityError), transaction.atomic():
        Application.objects.filter(pk=cw.app_a.pk).update(regional_note="")


def test_it_awards_a_status_and_refuses_the_same_order_twice(cw, world):
    award = StatusAward(kind=StatusKind.MIP, order_number="112", issuer="УО",
                        order_date=datetime.date(2023, 4, 3), application=cw.app_a)
    award_status(organization=world.school_a, award=award)
    with pytest.raises(ValidationError, match="уже записан"):
        award_status(organization=world.school_a, award=award)
    with pytest.raises(ValidationError, match="другой организацией"):
        award_status(organization=world.school_c, award=StatusAward(
            kind=StatusKind.KIP, order_number="5", issuer="ИРО",
            order_date=datetime.date(2023, 4, 3), application=cw.app_a))
    assert OrganizationStatus.objects.count() == 1


def test_it_links_an_application_to_the_applicants_own_project_only(cw, world):
    stage = PathStage.objects.create(programme=world.programme, number=1, title="Осознание")
    own = InnovationProject.objects.create(organization=world.school_c, programme=world.programme,
                                           period=world.period, theme="Режим развития",
                                           stage=stage)
    foreign = InnovationProject.objects.create(organization=world.school_d,
                                               programme=world.programme, period=world.period,
                                               theme="Чужой проект", stage=stage)
    with pytest.raises(ValidationError, match="другой организации"):
        submit_application(nomination=cw.org_nomination, title="С чужим проектом",
                           today=timezone.localdate(), organization=world.school_c,
                           project=foreign)
    application = submit_application(nomination=cw.org_nomination, title="Со своим проектом",
                                     today=timezone.localdate(), organization=world.school_c,
                                     project=own)
    assert application.project == own


def test_it_freezes_criteria_and_rules_once_results_are_approved(cw, world):
    save_scores(expert=cw.curator_expert, application=cw.app_a,
                values={cw.relevance.pk: 10, cw.novelty.pk: 5})
    approve_results(contest=cw.contest, by=world.staff)
    with pytest.raises(ValidationError, match="больше не меняются"):
        save_criterion(contest=cw.contest, number=3, title="Ещё один", maximum=5)
    with pytest.raises(ValidationError, match="больше не меняются"):
        change_contest(contest=cw.contest, details=ContestDetails(
            kind="contest", title=cw.contest.title, year=2023, winner_places=2,
            prize_places=1, laureate_places=1, illustrative=True))
    change_contest(contest=cw.contest, details=ContestDetails(
        kind="contest", title=cw.contest.title, year=2023, winner_places=1, prize_places=1,
        laureate_places=1, illustrative=True, description="Итоги подведены."))
    cw.contest.refresh_from_db()
    assert cw.contest.description == "Итоги подведены." and cw.contest.winner_places == 1
    assert cw.contest.results_approved

"""Mentoring pairs of pedagogue-masters and trainees, within each master's capacity."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from people.models import Teacher
from routes.access import trainees_of
from routes.enrolment import check_master
from routes.models import MasterCapacity, MentoringPair, default_capacity


def capacity_of(master: Teacher) -> int:
    kept = MasterCapacity.objects.filter(master=master).values_list("max_trainees", flat=True)
    return next(iter(kept), None) or default_capacity()


@transaction.atomic
def set_capacity(*, master: Teacher, max_trainees: int) -> MasterCapacity:
    check_master(master)
    capacity = MasterCapacity.objects.filter(master=master).first() or MasterCapacity(
        master=master)
    capacity.max_trainees = max_trainees
    capacity.full_clean()
    capacity.save()
    return capacity


@transaction.atomic
def start_pair(*, master: Teacher, trainee: Teacher, started_on: datetime.date) -> MentoringPair:
    # The master's row is locked so that two pairs started at once cannot both take the
    # last place.
    Teacher.objects.select_for_update().filter(pk=master.pk).first()
    check_master(master)
    if master.organization.municipality_id != trainee.organization.municipality_id:
        raise ValidationError({"trainee": "Стажёр и педагог-мастер — из одного "
                                          "муниципалитета."})
    open_pairs = MentoringPair.objects.filter(master=master, ended_on__isnull=True)
    limit = capacity_of(master)
    if not open_pairs.filter(trainee=trainee).exists() and open_pairs.count() >= limit:
        raise ValidationError({"master": (
            f"У педагога-мастера {master.full_name} уже {limit} стажёров — это предел его "
            f"нагрузки. Завершите одну из пар или увеличьте нагрузку."
        )})
    pair = MentoringPair(master=master, trainee=trainee, started_on=started_on)
    pair.full_clean()
    pair.save()
    return pair


@transaction.atomic
def end_pair(*, pair: MentoringPair, ended_on: datetime.date) -> MentoringPair:
    if pair.ended_on is not None:
        raise ValidationError("Наставничество уже завершено.")
    pair.ended_on = ended_on
    pair.full_clean()
    pair.save(update_fields=["ended_on"])
    return pair


def mentors(*, master: Teacher, trainee: Teacher) -> bool:
    return trainees_of(master).filter(pk=trainee.pk).exists()

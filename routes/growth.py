"""The «журнал непрерывного профессионального роста»: dated entries of a trainee and of
their pedagogue-master, each with its author."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from people.models import Teacher
from routes.access import trainees_of
from routes.models import GrowthEntry, JournalAuthor


@transaction.atomic
def add_entry(*, trainee: Teacher, author: Teacher, text: str,
              written_on: datetime.date) -> GrowthEntry:
    if author.pk == trainee.pk:
        role = JournalAuthor.TRAINEE
    elif trainees_of(author).filter(pk=trainee.pk).exists():
        role = JournalAuthor.MASTER
    else:
        raise ValidationError("В журнал пишут стажёр и его педагог-мастер.")
    entry = GrowthEntry(trainee=trainee, author=author, author_role=role,
                        written_on=written_on, text=text.strip())
    entry.full_clean()
    entry.save()
    return entry

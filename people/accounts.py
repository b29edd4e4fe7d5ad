"""A teacher's account: the school (or the department) opens it from the person's record so
that the teacher can sign in and follow their route, and closes it when the person leaves.

The account carries the role «Педагогический работник» of the person's organization and is
linked to the record; closing it unlinks and deactivates it, so the history of what the person
wrote keeps its author.
"""

from django.contrib.auth.models import User
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction

from people.models import Teacher
from teams.models import Role, UserProfile

USERNAME_TAKEN = "Такое имя для входа уже занято: выберите другое."
ALREADY_OPEN = "У работника уже есть учётная запись."


def _name_parts(full_name: str) -> tuple[str, str]:
    """(first name, last name) from «Фамилия Имя Отчество», for the account's display name."""
    parts = full_name.split()
    last = parts[0] if parts else ""
    first = " ".join(parts[1:])
    return first[:150], last[:150]


@transaction.atomic
def open_teacher_account(*, teacher: Teacher, username: str, password: str) -> User:
    """Create the person's account with the teacher role and link it to the record."""
    teacher = Teacher.objects.select_for_update().select_related("organization").get(
        pk=teacher.pk)
    if teacher.user_id is not None:
        raise ValidationError(ALREADY_OPEN)
    username = username.strip()
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError({"username": USERNAME_TAKEN})
    first_name, last_name = _name_parts(teacher.full_name)
    user = User(username=username, first_name=first_name, last_name=last_name)
    try:
        validate_password(password, user)
    except ValidationError as error:
        raise ValidationError({"password1": error.messages}) from error
    user.set_password(password)
    user.save()
    UserProfile.objects.create(user=user, role=Role.TEACHER,
                               municipality_id=teacher.organization.municipality_id,
                               organization=teacher.organization,
                               password_change_required=True)
    teacher.user = user
    teacher.save(update_fields=["user"])
    return user


@transaction.atomic
def close_teacher_account(*, teacher: Teacher) -> None:
    """Unlink the account from the record and stop it signing in."""
    teacher = Teacher.objects.select_for_update().get(pk=teacher.pk)
    user = teacher.user
    if user is None:
        return
    teacher.user = None
    teacher.save(update_fields=["user"])
    user.is_active = False
    user.save(update_fields=["is_active"])

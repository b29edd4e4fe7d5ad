"""The catalogue of professional deficits: adding, editing, retiring."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from diagnostics.models import Deficit
from internships.models import Direction


def _clean_text(*, code: str, wording: str) -> tuple[str, str]:
    code, wording = code.strip(), " ".join(wording.split())
    errors = {}
    if not code:
        errors["code"] = "Укажите код дефицита, например «1.3»."
    if not wording:
        errors["wording"] = "Сформулируйте дефицит."
    if errors:
        raise ValidationError(errors)
    return code, wording


def _code_taken(direction: Direction, code: str) -> ValidationError:
    return ValidationError({
        "code": f"В направлении {direction.number} уже есть дефицит с кодом «{code}». "
                "Выберите другой код.",
    })


def _save(deficit: Deficit) -> Deficit:
    if Deficit.objects.filter(direction=deficit.direction, code=deficit.code).exclude(
        pk=deficit.pk
    ).exists():
        raise _code_taken(deficit.direction, deficit.code)
    try:
        with transaction.atomic():
            deficit.save()
    except IntegrityError as error:
        # Two people saving the same code at once: the database keeps one.
        raise _code_taken(deficit.direction, deficit.code) from error
    return deficit


@transaction.atomic
def add_deficit(*, direction: Direction, code: str, wording: str, active: bool = True) -> Deficit:
    code, wording = _clean_text(code=code, wording=wording)
    return _save(Deficit(direction=direction, code=code, wording=wording, active=active))


@transaction.atomic
def change_deficit(
    *, deficit: Deficit, direction: Direction, code: str, wording: str, active: bool,
    wording_checked: bool = False,
) -> Deficit:
    """Edit a deficit. A starter wording stops being a template once it is reworded or
    the department confirms it as it stands."""
    code, wording = _clean_text(code=code, wording=wording)
    if direction.pk != deficit.direction_id and deficit.diagnoses.exists():
        raise ValidationError({
            "direction": "Дефицит уже отмечен в результатах диагностики по направлению "
                         f"{deficit.direction.number}: перенести его в другое направление "
                         "нельзя. Выключите его и заведите новый.",
        })
    if direction.pk != deficit.direction_id and _referenced(deficit):
        raise ValidationError({
            "direction": "На дефицит уже направлены мероприятия площадок направления "
                         f"{deficit.direction.number}: перенести его в другое направление "
                         "нельзя. Выключите его и заведите новый.",
        })
    if wording != deficit.wording or wording_checked:
        deficit.from_template = False
    deficit.direction, deficit.code, deficit.wording, deficit.active = (
        direction, code, wording, active
    )
    return _save(deficit)


def _referenced(deficit: Deficit) -> bool:
    """Found in a diagnosis or named by any other record (an event that addresses it, …)."""
    return any(
        relation.related_model._default_manager.filter(**{relation.field.name: deficit}).exists()
        for relation in Deficit._meta.related_objects
    )


@transaction.atomic
def retire_deficit(*, deficit: Deficit) -> bool:
    """Delete an unused deficit; one already found in diagnoses or named by an event is
    switched off instead, so past records keep it. Returns True when it was deleted."""
    if _referenced(deficit):
        if deficit.active:
            deficit.active = False
            deficit.save(update_fields=["active"])
        return False
    deficit.delete()
    return True

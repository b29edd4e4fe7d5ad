"""What the read endpoints return. Every field carries a Russian description: the model's
help text, else its verbose name."""

from django.db import models
from django.utils.text import capfirst
from rest_framework import serializers

from contests.models import Contest, Nomination
from diagnostics.models import (
    Deficit,
    Diagnosis,
    DiagnosticRound,
    NeedsOffer,
    SchoolIndicator,
    Staffing,
)
from innovation.models import InnovationProject
from internships.models import (
    Direction,
    JournalEntry,
    Period,
    Placement,
    Platform,
    Programme,
    Stage,
    TeamResult,
)
from reports.indicator_catalogue import Group
from teams.models import ManagementTeam, Municipality, Organization
from trainings.models import PlatformSession

ID_HELP = "Постоянный идентификатор; не меняется и не используется повторно."


# The ranges of the integer columns as PostgreSQL keeps them, whatever database serves the
# schema: the published description must not change with the database it was built on.
INTEGER_RANGES = (
    (models.PositiveSmallIntegerField, 0, 32767),
    (models.PositiveIntegerField, 0, 2147483647),
    (models.SmallIntegerField, -32768, 32767),
    (models.IntegerField, -2147483648, 2147483647),
)


class DescribedModelSerializer(serializers.ModelSerializer):
    # A model serializer whose every field is described in Russian in the schema, and the
    # object itself by its model's name, unless the serializer says more (in Russian) in a
    # docstring of its own. This comment is not a docstring: the schema would inherit it.

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        model = getattr(getattr(cls, "Meta", None), "model", None)
        if model is not None and not cls.__dict__.get("__doc__"):
            cls.__doc__ = capfirst(str(model._meta.verbose_name))

    def build_field(self, field_name, info, model_class, nested_depth):
        field_class, kwargs = super().build_field(field_name, info, model_class, nested_depth)
        model_field = next((item for item in model_class._meta.get_fields()
                            if item.name == field_name), None)
        if "help_text" not in kwargs:
            if field_name in ("id", "pk") or getattr(model_field, "primary_key", False):
                kwargs["help_text"] = ID_HELP
            elif model_field is not None and getattr(model_field, "verbose_name", None):
                kwargs["help_text"] = capfirst(str(model_field.verbose_name))
        if "max_value" in kwargs:
            for kind, lowest, highest in INTEGER_RANGES:
                if isinstance(model_field, kind):
                    kwargs["min_value"] = max(kwargs.get("min_value", lowest), lowest)
                    kwargs["max_value"] = highest
                    break
        return field_class, kwargs


class MunicipalitySerializer(DescribedModelSerializer):
    class Meta:
        model = Municipality
        fields = ["id", "name", "is_synthetic"]


class OrganizationSerializer(DescribedModelSerializer):
    class Meta:
        model = Organization
        fields = ["id", "municipality", "name", "short_name", "kind", "level", "number",
                  "locality", "parent"]


class TeamSerializer(DescribedModelSerializer):
    class Meta:
        model = ManagementTeam
        fields = ["id", "organization"]


class StageSerializer(DescribedModelSerializer):
    class Meta:
        model = Stage
        fields = ["id", "number", "title", "description", "starts_on", "ends_on"]


class DirectionSerializer(DescribedModelSerializer):
    label = serializers.CharField(read_only=True,
                                  help_text="Краткое название для заголовков таблиц.")

    class Meta:
        model = Direction
        fields = ["id", "number", "title", "short_title", "label", "annex"]


class ProgrammeSerializer(DescribedModelSerializer):
    directions = DirectionSerializer(many=True, read_only=True,
                                     help_text="Направления проекта по порядку.")
    stages = StageSerializer(many=True, read_only=True, help_text="Этапы проекта по порядку.")

    class Meta:
        model = Programme
        fields = ["id", "municipality", "title", "starts_on", "ends_on", "mentee_capacity",
                  "directions", "stages"]


class PeriodSerializer(DescribedModelSerializer):
    class Meta:
        model = Period
        fields = ["id", "programme", "title", "starts_on", "ends_on"]


class PlatformSerializer(DescribedModelSerializer):
    class Meta:
        model = Platform
        fields = ["id", "direction", "period"]


class PlacementSerializer(DescribedModelSerializer):
    period = serializers.IntegerField(source="platform.period_id", read_only=True,
                                      help_text="Учебный год площадки.")
    direction = serializers.IntegerField(source="platform.direction_id", read_only=True,
                                         help_text="Направление площадки.")

    class Meta:
        model = Placement
        fields = ["id", "platform", "period", "direction", "team", "tier"]


class DeficitSerializer(DescribedModelSerializer):
    class Meta:
        model = Deficit
        fields = ["id", "direction", "code", "wording", "active", "from_template"]


class DiagnosticRoundSerializer(DescribedModelSerializer):
    class Meta:
        model = DiagnosticRound
        fields = ["id", "programme", "control_point", "kind", "title", "starts_on", "ends_on",
                  "entry_opens", "entry_closes"]


class DiagnosisSerializer(DescribedModelSerializer):
    deficits = serializers.PrimaryKeyRelatedField(
        many=True, read_only=True, help_text="Выявленные дефициты (идентификаторы каталога).")

    class Meta:
        model = Diagnosis
        fields = ["id", "round", "team", "direction", "source", "score", "deficits", "comment",
                  "updated_at"]


class SchoolIndicatorSerializer(DescribedModelSerializer):
    class Meta:
        model = SchoolIndicator
        fields = ["id", "organization", "period", "low_results", "non_objective",
                  "students_total", "olympiad_winners", "graduates_total", "graduates_high_gia",
                  "teachers_total", "teachers_competition_winners"]


class StaffingSerializer(DescribedModelSerializer):
    class Meta:
        model = Staffing
        fields = ["id", "organization", "as_of", "teachers_total", "without_category",
                  "first_category", "highest_category", "attested_for_position",
                  "not_subject_to_attestation"]


class NeedsOfferSerializer(DescribedModelSerializer):
    class Meta:
        model = NeedsOffer
        fields = ["id", "organization", "period", "direction", "aspect", "needs_support",
                  "offers_practice", "note"]


class TeamResultSerializer(DescribedModelSerializer):
    class Meta:
        model = TeamResult
        fields = ["id", "team", "attended", "managers", "teachers", "outcome", "comment"]


class JournalEntrySerializer(DescribedModelSerializer):
    hosts = serializers.PrimaryKeyRelatedField(many=True, read_only=True,
                                               help_text="Проводящие команды.")
    results = TeamResultSerializer(
        many=True, read_only=True,
        help_text="Результаты команд; школа видит только результат своей команды.")

    class Meta:
        model = JournalEntry
        fields = ["id", "platform", "held_on", "ends_on", "form", "form_other", "topic",
                  "venue", "hosts", "description", "version", "created_at", "updated_at",
                  "results"]


class IndicatorValueSerializer(serializers.Serializer):
    code = serializers.CharField(source="indicator.code", help_text="Код показателя.")
    number = serializers.CharField(
        source="indicator.number",
        help_text="Номер показателя, как его даёт программа: П1…П8 — прямые, К1…К5 — "
                  "опосредованные; Д — показатели, которые добавляет портал.")
    name = serializers.CharField(source="indicator.name", help_text="Название показателя.")
    group = serializers.CharField(source="indicator.group",
                                  help_text="Группа: " + ", ".join(
                                      f"{value} — {label}" for value, label in Group.choices)
                                  + ".")
    unit = serializers.CharField(source="indicator.unit",
                                 help_text="Единица: «ед.», «чел.», «%», «чел. в мес.» (участники "
                                           "на муниципалитет сети в месяц) или пусто для "
                                           "да/нет.")
    value = serializers.JSONField(
        help_text="Значение: число, доля от 0 до 1 (для «%»), частное числителя и знаменателя "
                  "(для «чел. в мес.»), да/нет или null — нет данных.")
    numerator = serializers.IntegerField(allow_null=True,
                                         help_text="Числитель доли (или частного).")
    denominator = serializers.IntegerField(allow_null=True,
                                           help_text="Знаменатель доли (или частного).")
    text = serializers.CharField(help_text="Значение, как его печатает страница показателей.")
    note = serializers.CharField(help_text="Пояснение к значению.")


class PeriodIndicatorsSerializer(serializers.Serializer):
    period = serializers.IntegerField(source="period.pk", help_text="Учебный год.")
    title = serializers.CharField(source="period.title", help_text="Название учебного года.")
    values = IndicatorValueSerializer(
        many=True, help_text="Показатели проекта в порядке страницы «Показатели проекта».")


class InnovationProjectSerializer(DescribedModelSerializer):
    class Meta:
        model = InnovationProject
        fields = ["id", "organization", "programme", "period", "is_pilot", "theme",
                  "key_problem", "idea", "innovation_object", "plan", "stage", "created_at",
                  "updated_at"]


class NominationSerializer(DescribedModelSerializer):
    class Meta:
        model = Nomination
        fields = ["id", "audience", "title", "description"]


class ContestSerializer(DescribedModelSerializer):
    nominations = NominationSerializer(many=True, read_only=True,
                                       help_text="Номинации конкурса по порядку.")

    class Meta:
        model = Contest
        fields = ["id", "programme", "kind", "title", "year", "description",
                  "regulation_number", "regulation_date", "regulation_issuer",
                  "category_method", "illustrative", "results_approved_at", "nominations"]


class TrainingSessionSerializer(DescribedModelSerializer):
    """Занятие площадки: дата, тема, форма и число участников; кто вёл занятие, не
    передаётся (имя человека не входит в обмен)."""

    class Meta:
        model = PlatformSession
        fields = ["id", "platform", "held_on", "topic", "form", "programme", "module", "place",
                  "notes"]

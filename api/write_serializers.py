"""What the write endpoints accept."""

from django.conf import settings
from rest_framework import serializers

from internships.models import Outcome, WorkForm


class DiagnosisItemSerializer(serializers.Serializer):
    organization = serializers.CharField(
        max_length=500, help_text="Организация: полное или краткое наименование, как в "
                                  "загрузке Excel (например, «МБОУ СОШ № 4»).")
    direction = serializers.IntegerField(min_value=1, help_text="Номер направления в проекте.")
    source = serializers.CharField(
        required=False, max_length=50,
        help_text="Источник: «expert» (экспертная оценка куратора, по умолчанию) или «self» "
                  "(самооценка команды).")
    score = serializers.IntegerField(required=False, allow_null=True,
                                     help_text="Балл от 0 до 100; null — без балла.")
    deficits = serializers.ListField(
        child=serializers.CharField(max_length=20, help_text="Код дефицита, например «1.2»."),
        required=False, max_length=200,
        help_text="Коды выявленных дефицитов из каталога направления.")
    comment = serializers.CharField(required=False, allow_blank=True, max_length=5000,
                                    help_text="Комментарий.")


class _Batch(serializers.Serializer):
    dry_run = serializers.BooleanField(
        default=False, help_text="true — только проверить и вернуть отчёт, ничего не записывая.")

    def validate_items(self, items):
        limit = settings.API_BULK_MAX_ITEMS
        if len(items) > limit:
            raise serializers.ValidationError(
                f"Не больше {limit} элементов в одном запросе (сейчас {len(items)}).")
        return items


class DiagnosisBatchSerializer(_Batch):
    items = DiagnosisItemSerializer(
        many=True, allow_empty=False,
        help_text="Результаты: команда × направление × источник. Поле, которого нет в "
                  "элементе, оставляет сохранённое значение этого результата как есть.")


def _count(help_text: str) -> serializers.IntegerField:
    return serializers.IntegerField(required=False, allow_null=True, help_text=help_text)


ORGANIZATION_HELP = ("Организация: полное или краткое наименование, как в загрузке Excel "
                     "(например, «МБОУ СОШ № 4»).")


class SchoolIndicatorItemSerializer(serializers.Serializer):
    organization = serializers.CharField(max_length=500, help_text=ORGANIZATION_HELP)
    low_results = serializers.BooleanField(
        required=False, allow_null=True, help_text="Школа с низкими результатами (ШНОР).")
    non_objective = serializers.BooleanField(
        required=False, allow_null=True, help_text="Признаки необъективности оценивания.")
    students_total = _count("Обучающихся всего.")
    olympiad_winners = _count("Победителей и призёров олимпиад (от муниципального этапа).")
    graduates_total = _count("Выпускников всего.")
    graduates_high_gia = _count("Выпускников с высокими результатами ГИА.")
    teachers_total = _count("Педагогов всего.")
    teachers_competition_winners = _count(
        "Педагогов — победителей и призёров профессиональных конкурсов.")


class SchoolIndicatorBatchSerializer(_Batch):
    items = SchoolIndicatorItemSerializer(
        many=True, allow_empty=False,
        help_text="Показатели организаций за учебный год из адреса. Поле, которого нет в "
                  "элементе, оставляет сохранённое значение как есть; null — «не известно».")


class StaffingItemSerializer(serializers.Serializer):
    organization = serializers.CharField(max_length=500, help_text=ORGANIZATION_HELP)
    as_of = serializers.DateField(required=False,
                                  help_text="На дату, если не та, что у всего запроса.")
    teachers_total = _count("Всего педагогических работников (Поб).")
    without_category = _count("Не имеют квалификационной категории.")
    first_category = _count("Имеют первую квалификационную категорию (Пп).")
    highest_category = _count("Имеют высшую квалификационную категорию (Пв).")
    attested_for_position = _count("Из не имеющих категории: аттестованы на соответствие "
                                   "занимаемой должности.")
    not_subject_to_attestation = _count("Из не имеющих категории: не подлежат аттестации.")


class StaffingBatchSerializer(_Batch):
    as_of = serializers.DateField(help_text="На какую дату сведения (ГГГГ-ММ-ДД).")
    items = StaffingItemSerializer(
        many=True, allow_empty=False,
        help_text="Сведения организаций: первые четыре числа обязательны, как в загрузке "
                  "Excel; сумма без категории, с первой и с высшей равна числу педагогов.")


class SkippedItemSerializer(serializers.Serializer):
    item = serializers.IntegerField(source="row", help_text="Номер элемента items, с 1.")
    reason = serializers.CharField(help_text="Почему элемент пропущен.")


class BatchResultSerializer(serializers.Serializer):
    dry_run = serializers.BooleanField(help_text="Была ли это только проверка.")
    created = serializers.IntegerField(help_text="Новых записей.")
    updated = serializers.IntegerField(help_text="Обновлённых записей.")
    skipped = SkippedItemSerializer(many=True, help_text="Пропущенные элементы.")
    summary = serializers.CharField(help_text="Итог, как в отчёте загрузки Excel.")


def _choices_help(text: str, choices) -> str:
    return text + " " + "; ".join(f"«{value}» — {label}" for value, label in choices) + "."


def _ids(help_text: str, **kwargs) -> serializers.ListField:
    return serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=2147483647,
                                       help_text="Идентификатор."),
        max_length=500, help_text=help_text, **kwargs)


class TeamResultItemSerializer(serializers.Serializer):
    team = serializers.IntegerField(min_value=1, max_value=2147483647,
                                    help_text="Команда-участница (идентификатор).")
    attended = serializers.BooleanField(
        required=False, default=True,
        help_text="Участвовала ли команда; false — 0 руководителей, 0 педагогов, без "
                  "результата.")
    managers = serializers.IntegerField(required=False, default=0, min_value=0,
                                        max_value=32767, help_text="Руководителей.")
    teachers = serializers.IntegerField(required=False, default=0, min_value=0,
                                        max_value=32767, help_text="Педагогов.")
    outcome = serializers.CharField(
        required=False, default="", allow_blank=True, max_length=20,
        help_text=_choices_help("Результат; пусто — не указан:", Outcome.choices))
    comment = serializers.CharField(required=False, default="", allow_blank=True,
                                    max_length=5000, help_text="Комментарий.")


class JournalEntryItemSerializer(serializers.Serializer):
    id = serializers.IntegerField(
        required=False, min_value=1, max_value=2147483647,
        help_text="Мероприятие журнала, которое меняется (идентификатор); без него — новое "
                  "мероприятие.")
    version = serializers.IntegerField(
        required=False, min_value=1, max_value=2147483647,
        help_text="Версия мероприятия, прочитанная из /api/v1/journal-entries/; обязательна "
                  "с id. Если мероприятие с тех пор изменили, ответ 409 и ничего не меняется.")
    held_on = serializers.DateField(help_text="Дата мероприятия (ГГГГ-ММ-ДД).")
    ends_on = serializers.DateField(required=False, allow_null=True,
                                    help_text="Дата окончания, если мероприятие дольше дня.")
    form = serializers.CharField(max_length=20, help_text=_choices_help(
        "Форма работы:", WorkForm.choices))
    form_other = serializers.CharField(required=False, default="", allow_blank=True,
                                       max_length=200,
                                       help_text="Название формы работы для «other».")
    topic = serializers.CharField(max_length=500, help_text="Тема мероприятия.")
    venue = serializers.IntegerField(required=False, allow_null=True, min_value=1,
                                     max_value=2147483647,
                                     help_text="Место проведения: организация (идентификатор).")
    hosts = _ids("Проводящие команды (идентификаторы): команда-лидер площадки и, если есть, "
                 "соведущая команда, подающая надежды.", allow_empty=False)
    description = serializers.CharField(required=False, default="", allow_blank=True,
                                        max_length=20000, help_text="Описание.")
    planned_event = serializers.IntegerField(
        required=False, allow_null=True, min_value=1, max_value=2147483647,
        help_text="Пункт плана работы площадки, который мероприятие выполняет (идентификатор).")
    results = TeamResultItemSerializer(
        many=True, allow_empty=False, max_length=500,
        help_text="Команды-участницы с результатами: команда, которой нет в списке, "
                  "перестаёт быть участницей мероприятия.")

    def validate(self, attrs):
        if attrs.get("id") and not attrs.get("version"):
            raise serializers.ValidationError(
                {"version": "Укажите версию мероприятия, прочитанную вместе с ним: без неё "
                            "нельзя проверить, не изменил ли его кто-то другой."})
        teams = [row["team"] for row in attrs["results"]]
        if len(teams) != len(set(teams)):
            raise serializers.ValidationError(
                {"results": "Каждая команда — не больше одного раза в результатах."})
        return attrs


class JournalEntryBatchSerializer(_Batch):
    items = JournalEntryItemSerializer(
        many=True, allow_empty=False,
        help_text="Мероприятия журнала площадки из адреса с результатами команд.")


class JournalBatchResultSerializer(BatchResultSerializer):
    entries = serializers.ListField(
        child=serializers.IntegerField(help_text="Идентификатор."),
        help_text="Записанные мероприятия (идентификаторы) в порядке items; пусто при "
                  "проверке.")

"""What the write endpoints accept."""

from django.conf import settings
from rest_framework import serializers


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


class DiagnosisBatchSerializer(serializers.Serializer):
    items = DiagnosisItemSerializer(
        many=True, allow_empty=False,
        help_text="Результаты: команда × направление × источник. Поле, которого нет в "
                  "элементе, оставляет сохранённое значение этого результата как есть.")
    dry_run = serializers.BooleanField(
        default=False, help_text="true — только проверить и вернуть отчёт, ничего не записывая.")

    def validate_items(self, items):
        limit = settings.API_BULK_MAX_ITEMS
        if len(items) > limit:
            raise serializers.ValidationError(
                f"Не больше {limit} результатов в одном запросе (сейчас {len(items)}).")
        return items


class SkippedItemSerializer(serializers.Serializer):
    item = serializers.IntegerField(source="row", help_text="Номер элемента items, с 1.")
    reason = serializers.CharField(help_text="Почему элемент пропущен.")


class DiagnosisBatchResultSerializer(serializers.Serializer):
    dry_run = serializers.BooleanField(help_text="Была ли это только проверка.")
    created = serializers.IntegerField(help_text="Новых результатов.")
    updated = serializers.IntegerField(help_text="Обновлённых результатов.")
    skipped = SkippedItemSerializer(many=True, help_text="Пропущенные элементы.")
    summary = serializers.CharField(help_text="Итог, как в отчёте загрузки Excel.")

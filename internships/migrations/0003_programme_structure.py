"""Stages the programme names itself and directions with a short name.

The three fixed stage kinds become numbered stages with the titles and the contents the
handbook used to print for them; existing directions keep the brief name they were shown
under («Стажировка N»).
"""

from django.db import migrations, models
from django.db.models import Q

# kind → (number, title, description), as the portal printed them before stages were data.
FORMER_KINDS = {
    "preparatory": (
        1, "Подготовительный",
        "Нормативная база и дорожная карта, подбор диагностических материалов, изучение "
        "потребностей школ и распределение команд по площадкам, закрепление кураторов, "
        "планы работы площадок.",
    ),
    "implementation": (
        2, "Внедренческий",
        "Работа площадок по планам, промежуточная диагностика и текущий мониторинг, "
        "своевременная корректировка модели.",
    ),
    "analytical": (
        3, "Аналитический",
        "Итоговая диагностика участников, мониторинг эффективности, подготовка "
        "методического пособия.",
    ),
}


def stages_from_kinds(apps, schema_editor):
    Stage = apps.get_model("internships", "Stage")
    for stage in Stage.objects.all():
        stage.number, stage.title, stage.description = FORMER_KINDS[stage.kind]
        stage.save(update_fields=["number", "title", "description"])


def kinds_from_stages(apps, schema_editor):
    Stage = apps.get_model("internships", "Stage")
    kind_of = {number: kind for kind, (number, *_) in FORMER_KINDS.items()}
    unknown = Stage.objects.exclude(number__in=kind_of)
    if unknown.exists():
        raise RuntimeError("Этапы с номером больше 3 не переводятся в прежние виды этапов.")
    for stage in Stage.objects.all():
        stage.kind = kind_of[stage.number]
        stage.save(update_fields=["kind"])


def short_titles_as_shown(apps, schema_editor):
    Direction = apps.get_model("internships", "Direction")
    for direction in Direction.objects.filter(short_title=""):
        direction.short_title = f"Стажировка {direction.number}"
        direction.save(update_fields=["short_title"])


class Migration(migrations.Migration):

    dependencies = [
        ("internships", "0002_journals_plan_council"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="stage", name="stage_unique_kind"),
        migrations.AddField(
            model_name="stage",
            name="number",
            field=models.PositiveSmallIntegerField(null=True, verbose_name="номер"),
        ),
        migrations.AddField(
            model_name="stage",
            name="title",
            field=models.CharField(default="", max_length=200, verbose_name="название"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="stage",
            name="description",
            field=models.TextField(blank=True, help_text="Что делается на этапе; печатается в пособии.", verbose_name="содержание"),
        ),
        migrations.RunPython(stages_from_kinds, kinds_from_stages),
        migrations.AlterField(
            model_name="stage",
            name="number",
            field=models.PositiveSmallIntegerField(help_text="Порядок этапа в проекте.", verbose_name="номер"),
        ),
        migrations.AlterField(
            model_name="stage",
            name="title",
            field=models.CharField(help_text="Например, «Подготовительный».", max_length=200, verbose_name="название"),
        ),
        migrations.RemoveField(model_name="stage", name="kind"),
        migrations.AlterModelOptions(
            name="stage",
            options={"ordering": ["number"], "verbose_name": "этап", "verbose_name_plural": "этапы"},
        ),
        migrations.AddConstraint(
            model_name="stage",
            constraint=models.UniqueConstraint(fields=("programme", "number"), name="stage_unique_number"),
        ),
        migrations.AddConstraint(
            model_name="stage",
            constraint=models.UniqueConstraint(fields=("programme", "title"), name="stage_unique_title"),
        ),
        migrations.AddConstraint(
            model_name="stage",
            constraint=models.CheckConstraint(condition=Q(number__gte=1), name="stage_number_positive"),
        ),
        migrations.AddConstraint(
            model_name="stage",
            constraint=models.CheckConstraint(condition=~Q(title=""), name="stage_title_not_blank"),
        ),
        migrations.AddField(
            model_name="direction",
            name="short_title",
            field=models.CharField(blank=True, help_text="Для заголовков таблиц, например «Стажировка 1»; если пусто — «Направление N».", max_length=100, verbose_name="краткое название"),
        ),
        migrations.RunPython(short_titles_as_shown, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="direction",
            constraint=models.UniqueConstraint(condition=~Q(short_title=""), fields=("programme", "short_title"), name="direction_unique_short_title"),
        ),
    ]

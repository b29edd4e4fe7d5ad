"""DistributionProposal moves here from diagnostics with its rows: the model is taken over
in the migration state only, then its table is renamed to this app's name."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def _rename_content_type(apps, *, old: str, new: str) -> None:
    content_type = apps.get_model("contenttypes", "ContentType")
    content_type.objects.filter(app_label=old, model="distributionproposal").update(app_label=new)


def move_content_type(apps, schema_editor) -> None:
    _rename_content_type(apps, old="diagnostics", new="distribution")


def move_content_type_back(apps, schema_editor) -> None:
    _rename_content_type(apps, old="distribution", new="diagnostics")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('diagnostics', '0003_proposal_new_period'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('internships', '0002_journals_plan_council'),
        ('teams', '0002_municipality_is_synthetic'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[migrations.CreateModel(
            name='DistributionProposal',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('new_period_title', models.CharField(blank=True, max_length=20, verbose_name='новый учебный год')),
                ('new_period_starts_on', models.DateField(blank=True, null=True, verbose_name='начало нового учебного года')),
                ('new_period_ends_on', models.DateField(blank=True, null=True, verbose_name='окончание нового учебного года')),
                ('parameters', models.JSONField(default=dict, verbose_name='параметры подбора')),
                ('status', models.CharField(choices=[('queued', 'в очереди'), ('running', 'считается'), ('done', 'готово'), ('failed', 'ошибка')], default='queued', max_length=10, verbose_name='состояние')),
                ('progress', models.PositiveSmallIntegerField(default=0, verbose_name='готовность, %')),
                ('stage', models.CharField(blank=True, max_length=200, verbose_name='что делается')),
                ('result', models.JSONField(blank=True, default=dict, verbose_name='предложение')),
                ('input_fingerprint', models.CharField(blank=True, max_length=64, verbose_name='отпечаток исходных данных')),
                ('error', models.TextField(blank=True, verbose_name='причина ошибки')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='запрошено')),
                ('finished_at', models.DateTimeField(blank=True, null=True, verbose_name='рассчитано')),
                ('accepted', models.JSONField(blank=True, default=dict, verbose_name='принятые изменения и пары')),
                ('accepted_at', models.DateTimeField(blank=True, null=True, verbose_name='принято')),
                ('accepted_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='кто принял')),
                ('created_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='кто запросил')),
                ('diagnostic_round', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='diagnostics.diagnosticround', verbose_name='диагностика')),
                ('municipality', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='distribution_proposals', to='teams.municipality', verbose_name='муниципальное образование')),
                ('source_period', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='distribution_proposals', to='internships.period', verbose_name='текущее распределение за учебный год')),
                ('target_period', models.ForeignKey(blank=True, help_text='Пусто — следующий учебный год, он создаётся при принятии.', null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='internships.period', verbose_name='учебный год распределения')),
            ],
            options={
                'verbose_name': 'подбор распределения',
                'verbose_name_plural': 'подборы распределения',
                'ordering': ['-created_at', '-pk'],
                'indexes': [models.Index(fields=['municipality', '-created_at'], name='proposal_recent_idx')],
                'db_table': 'diagnostics_distributionproposal',
                'constraints': [models.CheckConstraint(condition=models.Q(('progress__lte', 100)), name='proposal_progress_at_most_100'), models.CheckConstraint(condition=models.Q(('accepted_at__isnull', True), ('status', 'done'), _connector='OR'), name='proposal_accepted_only_when_done'), models.CheckConstraint(condition=models.Q(models.Q(('status', 'done'), _negated=True), models.Q(('input_fingerprint', ''), _negated=True), _connector='OR'), name='proposal_done_has_fingerprint'), models.CheckConstraint(condition=models.Q(('new_period_starts_on__isnull', True), ('new_period_ends_on__gt', models.F('new_period_starts_on')), _connector='OR'), name='proposal_new_period_ends_after_start')],
            },
        )]),
        migrations.AlterModelTable(name='distributionproposal', table=None),
        migrations.RunPython(move_content_type, move_content_type_back),
    ]

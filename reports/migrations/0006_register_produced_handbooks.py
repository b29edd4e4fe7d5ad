"""Handbooks produced before the register of products existed stand in it too: the
«методических пособий» indicator now counts the register."""

from django.db import migrations
from django.utils import timezone


def register(apps, schema_editor):
    ProducedHandbook = apps.get_model("reports", "ProducedHandbook")
    Product = apps.get_model("registers", "Product")
    for produced in ProducedHandbook.objects.select_related("period__programme"):
        period = produced.period
        if Product.objects.filter(period=period, origin="built").exists():
            continue
        issued_on = timezone.localtime(produced.produced_at).date()
        Product.objects.create(
            municipality_id=period.programme.municipality_id, programme=period.programme,
            period=period, origin="built", kind="handbook", year=issued_on.year,
            issued_on=issued_on, authors="Управление образования",
            title=(f"Методическое пособие по материалам проекта «{period.programme.title}», "
                   f"{period.title} учебный год")[:500])


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0005_contest_protocol_kinds"),
        ("registers", "0001_registers"),
    ]

    operations = [migrations.RunPython(register, migrations.RunPython.noop)]

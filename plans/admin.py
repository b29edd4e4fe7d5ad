from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from plans.models import Occurrence, Plan, PlanItem


@admin.register(Plan)
class PlanAdmin(SimpleHistoryAdmin):
    list_display = ["title", "kind", "programme", "starts_on", "ends_on"]


@admin.register(PlanItem)
class PlanItemAdmin(SimpleHistoryAdmin):
    list_display = ["number", "topic", "plan", "term_kind", "periodicity"]
    list_filter = ["plan"]


@admin.register(Occurrence)
class OccurrenceAdmin(SimpleHistoryAdmin):
    list_display = ["item", "due_on", "held_on", "illustrative"]

from django.contrib import admin

from trainings.models import (
    Attendance,
    Completion,
    CoverageTarget,
    EffectivenessCriterion,
    EffectivenessMark,
    PlatformSession,
)


@admin.register(PlatformSession)
class PlatformSessionAdmin(admin.ModelAdmin):
    list_display = ["held_on", "topic", "form", "platform"]
    list_filter = ["platform__host__municipality", "form"]
    search_fields = ["topic"]


@admin.register(Attendance)
class AttendanceAdmin(admin.ModelAdmin):
    list_display = ["session", "teacher"]
    raw_id_fields = ["session", "teacher"]


@admin.register(Completion)
class CompletionAdmin(admin.ModelAdmin):
    list_display = ["teacher", "programme", "completed_on", "document"]
    raw_id_fields = ["teacher"]


@admin.register(EffectivenessCriterion)
class EffectivenessCriterionAdmin(admin.ModelAdmin):
    list_display = ["programme", "number", "title", "illustrative"]


@admin.register(EffectivenessMark)
class EffectivenessMarkAdmin(admin.ModelAdmin):
    list_display = ["teacher", "criterion", "marked_on", "value"]
    raw_id_fields = ["teacher"]


@admin.register(CoverageTarget)
class CoverageTargetAdmin(admin.ModelAdmin):
    list_display = ["municipality", "teachers_percent", "specialists_percent"]

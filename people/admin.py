from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from people.models import (
    CompetenceArea,
    ModularProgramme,
    ProgrammeModule,
    Teacher,
    TeacherPlatform,
    TeacherRecordView,
)


@admin.register(Teacher)
class TeacherAdmin(SimpleHistoryAdmin):
    list_display = ["full_name", "organization", "position", "worker_category",
                    "qualification", "master_since"]
    list_filter = ["organization__municipality", "worker_category", "qualification"]
    search_fields = ["full_name", "organization__short_name"]
    list_select_related = ["organization"]
    raw_id_fields = ["organization", "user"]


@admin.register(TeacherRecordView)
class TeacherRecordViewAdmin(admin.ModelAdmin):
    """The audit of views is read-only: nobody edits or deletes who looked at whom."""

    list_display = ["viewed_at", "viewer_name", "teacher_name", "page"]
    search_fields = ["viewer_name", "teacher_name"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ModuleInline(admin.TabularInline):
    model = ProgrammeModule
    extra = 0


@admin.register(ModularProgramme)
class ModularProgrammeAdmin(admin.ModelAdmin):
    list_display = ["title", "platform", "months_from", "months_to"]
    list_filter = ["platform__host__municipality"]
    inlines = [ModuleInline]


@admin.register(TeacherPlatform)
class TeacherPlatformAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "host", "head"]
    list_filter = ["kind", "host__municipality"]
    raw_id_fields = ["head", "masters"]


@admin.register(CompetenceArea)
class CompetenceAreaAdmin(admin.ModelAdmin):
    list_display = ["number", "title", "municipality"]
    list_filter = ["municipality"]

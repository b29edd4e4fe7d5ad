from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from reports.models import HandbookText, ReportJob


@admin.register(ReportJob)
class ReportJobAdmin(admin.ModelAdmin):
    """For looking into a job that went wrong; jobs are made and changed by the portal only,
    so that a row never says «готов» without its file."""

    list_display = ["pk", "kind", "municipality", "period", "status", "progress",
                    "requested_by", "created_at", "finished_at", "attempts"]
    list_filter = ["status", "kind", "municipality"]
    list_select_related = ["municipality", "period", "requested_by"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(HandbookText)
class HandbookTextAdmin(SimpleHistoryAdmin):
    """The texts are written on the «Тексты методического пособия» page; here one may look
    into their history."""

    list_display = ["programme", "topic", "updated_by", "updated_at"]
    list_filter = ["topic", "programme__municipality"]
    list_select_related = ["programme", "updated_by"]

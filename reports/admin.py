from django.contrib import admin

from reports.models import ReportJob


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

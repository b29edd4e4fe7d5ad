from django.contrib import admin

from diagnostics.models import ImportJob


@admin.register(ImportJob)
class ImportJobAdmin(admin.ModelAdmin):
    """For looking into an upload that went wrong; jobs are made and changed by the portal
    only, so that a row never says «завершена» for rows that were not written."""

    list_display = ["pk", "table", "dry_run", "municipality", "status", "rows_checked",
                    "rows_written", "requested_by", "created_at", "finished_at", "attempts"]
    list_filter = ["status", "table", "municipality"]
    list_select_related = ["municipality", "requested_by"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

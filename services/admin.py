from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from services.models import MethodService, ServiceDepartment, ServiceDirection, Specialist


@admin.register(MethodService)
class MethodServiceAdmin(SimpleHistoryAdmin):
    list_display = ["short_name", "name", "municipality"]


@admin.register(ServiceDepartment, ServiceDirection)
class ServicePartAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "service"]


@admin.register(Specialist)
class SpecialistAdmin(SimpleHistoryAdmin):
    list_display = ["full_name", "position", "department", "service"]

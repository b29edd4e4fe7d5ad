from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from mutual.models import Answer, Assignment, Criterion, GroupMember, ResponsibleGroup


class MemberInline(admin.TabularInline):
    model = GroupMember
    extra = 0


@admin.register(ResponsibleGroup)
class ResponsibleGroupAdmin(SimpleHistoryAdmin):
    list_display = ["organization", "order_number", "order_date"]
    inlines = [MemberInline]


@admin.register(Assignment)
class AssignmentAdmin(SimpleHistoryAdmin):
    list_display = ["title", "programme", "part1_due", "part2_due"]


@admin.register(Answer)
class AnswerAdmin(SimpleHistoryAdmin):
    list_display = ["organization", "assignment", "part1_status", "part2_status"]
    list_filter = ["part1_status", "part2_status"]


@admin.register(Criterion)
class CriterionAdmin(SimpleHistoryAdmin):
    list_display = ["number", "title", "programme", "indicator_kind", "deadline", "source"]
    list_filter = ["programme"]

from django.contrib import admin

from internships.models import (
    ControlPoint,
    Curator,
    Direction,
    Mentorship,
    Period,
    Placement,
    Platform,
    Programme,
    Stage,
    Strategy,
    Transfer,
)


class StageInline(admin.TabularInline):
    model = Stage
    extra = 0


class ControlPointInline(admin.TabularInline):
    model = ControlPoint
    extra = 0


class DirectionInline(admin.TabularInline):
    model = Direction
    extra = 0


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = ["title", "municipality", "starts_on", "ends_on", "mentee_capacity"]
    list_filter = ["municipality"]
    search_fields = ["title"]
    inlines = [StageInline, ControlPointInline, DirectionInline]


@admin.register(Stage)
class StageAdmin(admin.ModelAdmin):
    list_display = ["number", "title", "programme", "starts_on", "ends_on"]
    list_filter = ["programme__municipality"]
    search_fields = ["title", "programme__title"]


@admin.register(ControlPoint)
class ControlPointAdmin(admin.ModelAdmin):
    list_display = ["kind", "title", "starts_on", "ends_on", "programme"]
    list_filter = ["kind", "programme__municipality"]
    search_fields = ["title"]


@admin.register(Period)
class PeriodAdmin(admin.ModelAdmin):
    list_display = ["title", "programme", "starts_on", "ends_on"]
    list_filter = ["programme__municipality"]
    search_fields = ["title", "programme__title"]


@admin.register(Direction)
class DirectionAdmin(admin.ModelAdmin):
    list_display = ["number", "short_title", "title", "annex", "programme"]
    list_filter = ["programme__municipality"]
    search_fields = ["title"]


@admin.register(Curator)
class CuratorAdmin(admin.ModelAdmin):
    list_display = ["short_name", "full_name", "body", "position", "user", "municipality"]
    list_filter = ["body", "municipality"]
    search_fields = ["short_name", "full_name"]
    autocomplete_fields = ["user"]


@admin.register(Platform)
class PlatformAdmin(admin.ModelAdmin):
    list_display = ["__str__", "direction", "period"]
    list_filter = ["period", "direction__programme__municipality"]
    search_fields = ["direction__title"]
    list_select_related = ["direction", "period"]
    filter_horizontal = ["curators"]


@admin.register(Placement)
class PlacementAdmin(admin.ModelAdmin):
    list_display = ["team", "platform", "tier"]
    list_filter = ["tier", "platform__period", "platform__direction__number",
                   "team__organization__municipality"]
    search_fields = ["team__organization__short_name", "team__organization__name"]
    list_select_related = ["team__organization", "platform__direction", "platform__period"]
    autocomplete_fields = ["team"]
    # A tier changes only through a transfer, which keeps the history.

    def get_readonly_fields(self, request, obj=None):
        return ["tier"] if obj is not None else []


@admin.register(Transfer)
class TransferAdmin(admin.ModelAdmin):
    list_display = ["placement", "from_tier", "to_tier", "transferred_on", "recorded_by"]
    list_filter = ["to_tier", "transferred_on"]
    search_fields = ["placement__team__organization__short_name", "reason"]
    list_select_related = ["placement__team__organization", "placement__platform__direction",
                           "placement__platform__period", "recorded_by"]
    readonly_fields = ["placement", "from_tier", "to_tier", "recorded_by", "recorded_at"]

    def has_add_permission(self, request):
        return False


@admin.register(Mentorship)
class MentorshipAdmin(admin.ModelAdmin):
    list_display = ["mentor", "mentee", "platform", "started_on", "ended_on"]
    list_filter = ["platform__period", "platform__direction__number"]
    search_fields = ["mentor__organization__short_name", "mentee__organization__short_name"]
    list_select_related = ["mentor__organization", "mentee__organization",
                           "platform__direction", "platform__period"]
    autocomplete_fields = ["mentor", "mentee"]


@admin.register(Strategy)
class StrategyAdmin(admin.ModelAdmin):
    list_display = ["team", "period", "kind"]
    list_filter = ["kind", "period"]
    search_fields = ["team__organization__short_name"]
    list_select_related = ["team__organization", "period"]
    autocomplete_fields = ["team"]

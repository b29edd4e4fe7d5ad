from django.contrib import admin

from teams.models import ManagementTeam, Municipality, Organization, TeamMember, UserProfile


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    search_fields = ["name"]


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ["short_name", "municipality", "kind", "level", "locality", "parent"]
    list_filter = ["municipality", "kind", "level", "locality"]
    search_fields = ["short_name", "name"]
    list_select_related = ["municipality", "parent"]
    autocomplete_fields = ["parent"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        # Every organization has its management team; placements are made for teams.
        ManagementTeam.objects.get_or_create(organization=obj)


class TeamMemberInline(admin.TabularInline):
    model = TeamMember
    extra = 0


@admin.register(ManagementTeam)
class ManagementTeamAdmin(admin.ModelAdmin):
    list_display = ["__str__", "organization"]
    list_filter = ["organization__municipality"]
    search_fields = ["organization__short_name", "organization__name"]
    list_select_related = ["organization"]
    autocomplete_fields = ["organization"]
    inlines = [TeamMemberInline]


@admin.register(TeamMember)
class TeamMemberAdmin(admin.ModelAdmin):
    list_display = ["full_name", "position", "team", "email"]
    list_filter = ["team__organization__municipality"]
    search_fields = ["full_name", "email", "team__organization__short_name"]
    list_select_related = ["team__organization"]


@admin.register(UserProfile)
class UserProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "municipality", "organization"]
    list_filter = ["role", "municipality"]
    search_fields = ["user__username", "user__last_name", "organization__short_name"]
    list_select_related = ["user", "municipality", "organization"]
    autocomplete_fields = ["user", "organization"]

"""The catalogues a municipality configures here: the stages of the path of school projects
per programme and the sections of its application template."""

from django.contrib import admin

from innovation.models import ApplicationTemplate, PathStage, TemplateSection


@admin.register(PathStage)
class PathStageAdmin(admin.ModelAdmin):
    list_display = ["programme", "number", "title"]
    list_filter = ["programme"]
    list_select_related = ["programme"]
    ordering = ["programme", "number"]


class TemplateSectionInline(admin.TabularInline):
    model = TemplateSection
    extra = 0


@admin.register(ApplicationTemplate)
class ApplicationTemplateAdmin(admin.ModelAdmin):
    list_display = ["title", "municipality"]
    list_filter = ["municipality"]
    inlines = [TemplateSectionInline]

from django.urls import path

from mutual import import_views, monitoring_views, plan_views, views

urlpatterns = [
    path("mutual/", views.home, name="mutual_home"),
    path("mutual/groups/", views.groups, name="mutual_groups"),
    path("mutual/groups/<int:pk>/edit/", views.group_edit, name="mutual_group_edit"),
    path("mutual/groups/<int:pk>/scan/", views.group_scan, name="mutual_group_scan"),
    path("mutual/programmes/<int:pk>/assignment/new/", views.assignment_add,
         name="mutual_assignment_add"),
    path("mutual/assignments/<int:pk>/", views.assignment_detail, name="mutual_assignment"),
    path("mutual/assignments/<int:pk>/edit/", views.assignment_edit,
         name="mutual_assignment_edit"),
    path("mutual/answers/<int:pk>/", views.answer_detail, name="mutual_answer"),
    path("mutual/answers/<int:pk>/part1/", views.part1_edit, name="mutual_part1"),
    path("mutual/answers/<int:pk>/part2/", views.part2_edit, name="mutual_part2"),
    path("mutual/answers/<int:pk>/submit/", views.answer_submit, name="mutual_submit"),
    path("mutual/answers/<int:pk>/return/", views.answer_return, name="mutual_return"),
    path("mutual/answers/<int:pk>/accept/", views.answer_accept, name="mutual_accept"),
    path("mutual/programmes/<int:pk>/plan/", plan_views.organization_plan,
         name="mutual_organization_plan"),
    path("mutual/import/", import_views.answer_import, name="mutual_import"),
    path("mutual/import/template/", import_views.answer_template, name="mutual_template"),
    path("mutual/programmes/<int:pk>/monitoring/", monitoring_views.monitoring,
         name="mutual_monitoring"),
    path("mutual/programmes/<int:pk>/criteria/new/", monitoring_views.criterion_add,
         name="mutual_criterion_add"),
    path("mutual/programmes/<int:pk>/criteria/seed/", monitoring_views.criteria_seed,
         name="mutual_criteria_seed"),
    path("mutual/criteria/<int:pk>/edit/", monitoring_views.criterion_edit,
         name="mutual_criterion_edit"),
]

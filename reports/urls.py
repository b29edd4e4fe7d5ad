from django.urls import path

from reports import (
    application_views,
    aspect_map_views,
    handbook_views,
    indicator_views,
    job_views,
    joint_report_views,
    protocol_views,
    regional_views,
)

urlpatterns = [
    path("indicators/project/", indicator_views.project_indicators, name="project_indicators"),
    path("indicators/regional/", regional_views.regional_monitoring_import,
         name="regional_monitoring_import"),
    path("reports/", job_views.report_jobs, name="report_jobs"),
    path("reports/<int:pk>/status/", job_views.report_job_status, name="report_job_status"),
    path("reports/<int:pk>/download/", job_views.report_job_download,
         name="report_job_download"),
    path("reports/handbook/", handbook_views.handbook_texts, name="handbook_texts"),
    path("reports/handbook/<int:pk>/", handbook_views.handbook_text_edit,
         name="handbook_text_edit"),
    path("reports/applications/<int:pk>/", application_views.application_exports,
         name="application_exports"),
    path("reports/joint-reports/<int:pk>/", joint_report_views.joint_report_exports,
         name="joint_report_exports"),
    path("aspects/map/export/", aspect_map_views.aspect_map_export, name="aspect_map_export"),
    path("contests/<int:pk>/protocol/", protocol_views.contest_protocol,
         name="contest_protocol"),
]

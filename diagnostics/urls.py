from django.urls import path

from diagnostics import import_views, monitoring_views, round_views

urlpatterns = [
    # Deficits, rounds and diagnoses.
    path("deficits/", round_views.deficit_list, name="deficit_list"),
    path("deficits/add/", round_views.deficit_create, name="deficit_create"),
    path("deficits/<int:pk>/edit/", round_views.deficit_edit, name="deficit_edit"),
    path("deficits/<int:pk>/delete/", round_views.deficit_delete, name="deficit_delete"),
    path("rounds/", round_views.round_list, name="round_list"),
    path("rounds/add/", round_views.round_create, name="round_create"),
    path("rounds/dynamics/", round_views.round_dynamics, name="round_dynamics"),
    path("rounds/<int:pk>/", round_views.round_detail, name="round_detail"),
    path("rounds/<int:pk>/edit/", round_views.round_edit, name="round_edit"),
    path("rounds/<int:pk>/expert/", round_views.round_expert_entry,
         name="round_expert_entry"),
    path("rounds/<int:pk>/self/", round_views.round_self_entry, name="round_self_entry"),
    path("organizations/<int:pk>/diagnostics/", round_views.team_diagnostics,
         name="team_diagnostics"),
    # School indicators, staffing, needs and offers.
    path("indicators/", monitoring_views.indicators, name="indicators"),
    path("organizations/<int:pk>/indicators/", monitoring_views.organization_indicators,
         name="organization_indicators"),
    path("organizations/<int:pk>/indicators/edit/", monitoring_views.indicator_edit,
         name="indicator_edit"),
    path("staffing/", monitoring_views.staffing, name="staffing"),
    path("organizations/<int:pk>/staffing/edit/", monitoring_views.staffing_edit,
         name="staffing_edit"),
    path("needs/", monitoring_views.needs_map, name="needs_map"),
    path("needs/mine/", monitoring_views.my_needs, name="my_needs"),
    path("organizations/<int:pk>/needs/", monitoring_views.organization_needs,
         name="organization_needs"),
    # Excel imports and exports.
    path("imports/", import_views.imports, name="imports"),
    path("imports/jobs/", import_views.import_jobs, name="import_jobs"),
    path("imports/jobs/<int:pk>/", import_views.import_job, name="import_job"),
    path("imports/jobs/<int:pk>/status/", import_views.import_job_status,
         name="import_job_status"),
    *[
        route
        for table in ("organizations", "indicators", "staffing", "diagnoses", "teachers")
        for route in (
            path(f"imports/{table}/", import_views.import_table, {"table": table},
                 name=f"import_{table}"),
            path(f"imports/{table}/excel/", import_views.export_table, {"table": table},
                 name=f"export_{table}"),
            path(f"imports/{table}/template/", import_views.import_template, {"table": table},
                 name=f"import_template_{table}"),
        )
    ],
]

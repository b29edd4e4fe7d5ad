from django.urls import path

from competence import import_views, instrument_views, my_views, round_views, service_views

urlpatterns = [
    path("competence/", round_views.round_list, name="competence_round_list"),
    path("competence/new/", round_views.round_create, name="competence_round_create"),
    path("competence/<int:pk>/", round_views.round_detail, name="competence_round_detail"),
    path("competence/<int:pk>/edit/", round_views.round_edit, name="competence_round_edit"),
    path("competence/<int:pk>/levels/", round_views.round_levels, name="competence_levels"),
    path("competence/levels/<int:pk>/edit/", round_views.level_edit,
         name="competence_level_edit"),
    path("competence/levels/<int:pk>/delete/", round_views.level_delete,
         name="competence_level_delete"),
    path("competence/<int:pk>/entry/", round_views.expert_entry, name="competence_entry"),
    path("competence/services/<int:pk>/", service_views.service_specialists,
         name="competence_service_specialists"),
    path("competence/dynamics/", round_views.dynamics, name="competence_dynamics"),
    path("competence/excel/", import_views.results_import, name="competence_import"),
    path("competence/excel/download/", import_views.results_export, name="competence_export"),
    path("competence/instruments/", instrument_views.instrument_list,
         name="competence_instrument_list"),
    path("competence/instruments/new/", instrument_views.instrument_create,
         name="competence_instrument_create"),
    path("competence/instruments/<int:pk>/edit/", instrument_views.instrument_edit,
         name="competence_instrument_edit"),
    path("competence/instruments/<int:pk>/file/", instrument_views.instrument_file,
         name="competence_instrument_file"),
    path("my/diagnostics/", my_views.my_diagnostics, name="my_competence"),
    path("my/diagnostics/<int:pk>/", my_views.my_self_assessment,
         name="my_competence_self"),
]

from django.urls import path

from people import platform_views

urlpatterns = [
    path("teacher-platforms/", platform_views.platform_list, name="teacher_platform_list"),
    path("teacher-platforms/new/", platform_views.platform_create,
         name="teacher_platform_create"),
    path("teacher-platforms/<int:pk>/", platform_views.platform_detail,
         name="teacher_platform_detail"),
    path("teacher-platforms/<int:pk>/edit/", platform_views.platform_edit,
         name="teacher_platform_edit"),
    path("teacher-platforms/<int:pk>/delete/", platform_views.platform_delete,
         name="teacher_platform_delete"),
    path("teacher-platforms/<int:pk>/programmes/new/", platform_views.programme_create,
         name="modular_programme_create"),
    path("modular-programmes/<int:pk>/edit/", platform_views.programme_edit,
         name="modular_programme_edit"),
    path("modular-programmes/<int:pk>/delete/", platform_views.programme_delete,
         name="modular_programme_delete"),
    path("competence-areas/", platform_views.competence_area_list,
         name="competence_area_list"),
    path("competence-areas/new/", platform_views.competence_area_create,
         name="competence_area_create"),
    path("competence-areas/<int:pk>/edit/", platform_views.competence_area_edit,
         name="competence_area_edit"),
]

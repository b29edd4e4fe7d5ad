from django.urls import path

from trainings import record_views, views

urlpatterns = [
    path("trainings/sessions/", views.session_list, name="training_session_list"),
    path("trainings/sessions/<int:pk>/", views.session_detail, name="training_session_detail"),
    path("trainings/sessions/<int:pk>/edit/", views.session_edit, name="training_session_edit"),
    path("trainings/sessions/<int:pk>/delete/", views.session_delete,
         name="training_session_delete"),
    path("trainings/sessions/<int:pk>/attendance/", views.attendance,
         name="training_attendance"),
    path("teacher-platforms/<int:pk>/sessions/", views.platform_session_list,
         name="platform_session_list"),
    path("teacher-platforms/<int:pk>/sessions/new/", views.session_create,
         name="training_session_create"),
    path("teacher-platforms/<int:pk>/attendance.xlsx", views.attendance_excel,
         name="platform_attendance_excel"),
    path("my/sessions/", views.my_session_list, name="my_sessions"),
    path("trainings/completions/", record_views.completion_list, name="completion_list"),
    path("trainings/completions/new/", record_views.completion_create,
         name="completion_create"),
    path("trainings/coverage-targets/", record_views.coverage_target, name="coverage_target"),
    path("modular-programmes/<int:pk>/effectiveness/", record_views.criteria,
         name="effectiveness_criteria"),
    path("trainings/teachers/<int:pk>/effectiveness/", record_views.teacher_map,
         name="effectiveness_map"),
]

from django.urls import path

from services import passport_views, staff_views

urlpatterns = [
    path("services/staff/", staff_views.staff_list, name="service_staff"),
    path("services/new/", staff_views.service_add, name="service_add"),
    path("services/<int:pk>/departments/new/", staff_views.department_add,
         name="service_department_add"),
    path("services/<int:pk>/directions/new/", staff_views.direction_add,
         name="service_direction_add"),
    path("services/<int:pk>/specialists/new/", staff_views.specialist_add,
         name="service_specialist_add"),
    path("services/specialists/<int:pk>/edit/", staff_views.specialist_edit,
         name="service_specialist_edit"),
    path("services/specialists/<int:pk>/remove/", staff_views.specialist_remove,
         name="service_specialist_remove"),
    path("passports/", passport_views.passport_list, name="passport_list"),
    path("passports/<int:pk>/", passport_views.passport_detail, name="passport_detail"),
    path("passports/<int:pk>/edit/", passport_views.passport_edit, name="passport_edit"),
    path("passports/<int:pk>/stages/", passport_views.passport_stages, name="passport_stages"),
    path("passports/<int:pk>/stages/new/", passport_views.stage_add, name="passport_stage_add"),
    path("passports/stages/<int:pk>/edit/", passport_views.stage_edit,
         name="passport_stage_edit"),
    path("passports/stages/<int:pk>/results/new/", passport_views.deliverable_add,
         name="passport_deliverable_add"),
    path("passports/results/<int:pk>/tick/", passport_views.deliverable_tick,
         name="passport_deliverable_tick"),
    path("passports/results/<int:pk>/untick/", passport_views.deliverable_untick,
         name="passport_deliverable_untick"),
    path("passports/results/<int:pk>/file/", passport_views.deliverable_file,
         name="passport_deliverable_file"),
]

from django.urls import path

from internships import views

urlpatterns = [
    path("", views.home, name="home"),
    path("matrix/", views.matrix, name="matrix"),
    path("matrix/excel/", views.matrix_excel, name="matrix_excel"),
    path("organizations/", views.organization_list, name="organization_list"),
    path("organizations/<int:pk>/", views.organization_detail, name="organization_detail"),
    path("platforms/<int:pk>/", views.platform_detail, name="platform_detail"),
    path("platforms/<int:pk>/placements/add/", views.placement_add, name="placement_add"),
    path("platforms/<int:pk>/mentorships/add/", views.mentorship_add, name="mentorship_add"),
    path("placements/<int:pk>/transfer/", views.transfer_create, name="transfer_create"),
    path("placements/<int:pk>/delete/", views.placement_delete, name="placement_delete"),
    path("mentorships/<int:pk>/end/", views.mentorship_end, name="mentorship_end"),
]

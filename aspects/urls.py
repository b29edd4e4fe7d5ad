from django.urls import path

from aspects import views

urlpatterns = [
    path("aspects/", views.aspect_catalogue, name="aspect_catalogue"),
    path("aspects/map/", views.aspect_map, name="aspect_map"),
    path("aspects/mine/", views.my_aspects, name="my_aspects"),
    path("aspects/<int:pk>/", views.aspect_detail, name="aspect_detail"),
    path("aspects/<int:pk>/merge/", views.aspect_merge, name="aspect_merge"),
    path("aspects/statements/<int:pk>/link/", views.aspect_statement_link,
         name="aspect_statement_link"),
    path("aspects/statements/<int:pk>/delete/", views.aspect_statement_delete,
         name="aspect_statement_delete"),
    path("organizations/<int:pk>/aspects/", views.organization_aspects,
         name="organization_aspects"),
]

from django.urls import path

from distribution import views

urlpatterns = [
    # Suggesting the distribution of teams.
    path("distribution/", views.distribution_new, name="distribution_new"),
    path("distribution/<int:pk>/", views.distribution_detail,
         name="distribution_detail"),
    path("distribution/<int:pk>/status/", views.distribution_status,
         name="distribution_status"),
    path("distribution/<int:pk>/accept/", views.distribution_accept,
         name="distribution_accept"),
]

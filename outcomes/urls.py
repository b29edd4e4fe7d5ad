from django.urls import path

from outcomes import views

urlpatterns = [
    path("deficits/<int:pk>/", views.deficit_detail, name="deficit_detail"),
    path("entries/<int:pk>/deficits/", views.entry_deficits, name="entry_deficits"),
    path("plan/<int:pk>/deficits/", views.plan_deficits, name="plan_deficits"),
]

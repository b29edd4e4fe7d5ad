from django.urls import path

from outcomes import views

urlpatterns = [
    path("deficits/gaps/", views.deficit_gaps_page, name="deficit_gaps"),
    path("deficits/<int:pk>/", views.deficit_detail, name="deficit_detail"),
    path("organizations/<int:pk>/deficit-events/", views.team_deficit_events,
         name="team_deficit_events"),
    path("entries/<int:pk>/deficits/", views.entry_deficits, name="entry_deficits"),
    path("plan/<int:pk>/deficits/", views.plan_deficits, name="plan_deficits"),
]

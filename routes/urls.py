from django.urls import path

from routes import mentoring_views, my_views, proposal_views, views

urlpatterns = [
    path("routes/", views.route_list, name="route_list"),
    path("routes/new/", views.route_add, name="route_add"),
    path("routes/<int:pk>/", views.route_detail, name="route_detail"),
    path("routes/<int:pk>/edit/", views.route_edit, name="route_edit"),
    path("routes/<int:pk>/product/", views.route_product_file, name="route_product_file"),
    path("routes/<int:pk>/steps/new/", views.route_step_add, name="route_step_add"),
    path("routes/steps/<int:pk>/edit/", views.route_step_edit, name="route_step_edit"),
    path("routes/steps/<int:pk>/file/", views.route_step_file, name="route_step_file"),
    path("routes/steps/<int:pk>/progress/", my_views.route_step_progress,
         name="route_step_progress"),
    path("routes/steps/<int:pk>/confirm/", my_views.route_step_confirm,
         name="route_step_confirm"),
    path("routes/steps/<int:pk>/return/", my_views.route_step_return, name="route_step_return"),
    path("routes/propose/", proposal_views.route_propose, name="route_propose"),
    path("routes/proposals/<int:pk>/decide/", proposal_views.route_proposal_decide,
         name="route_proposal_decide"),
    path("routes/mentoring/", mentoring_views.mentoring_pair_list, name="mentoring_pair_list"),
    path("routes/mentoring/new/", mentoring_views.mentoring_pair_add, name="mentoring_pair_add"),
    path("routes/mentoring/<int:pk>/end/", mentoring_views.mentoring_pair_end,
         name="mentoring_pair_end"),
    path("routes/mentoring/capacity/", mentoring_views.mentoring_capacity,
         name="mentoring_capacity"),
    path("my/route/", my_views.my_route, name="my_route"),
    path("my/route/journal/", my_views.my_journal_add, name="my_journal_add"),
    path("my/route/help/", my_views.my_help_add, name="my_help_add"),
    path("my/trainees/", my_views.my_trainees, name="my_trainees"),
    path("my/trainees/<int:pk>/journal/", my_views.trainee_journal, name="trainee_journal"),
    path("my/help/<int:pk>/answer/", my_views.help_answer, name="help_answer"),
]

from django.urls import path

from plans import views

urlpatterns = [
    path("plans/", views.plan_list, name="plans_list"),
    path("plans/new/", views.plan_create, name="plans_create"),
    path("plans/<int:pk>/", views.plan_detail, name="plans_detail"),
    path("plans/<int:pk>/edit/", views.plan_edit, name="plans_edit"),
    path("plans/<int:pk>/publish/", views.plan_publish, name="plans_publish"),
    path("plans/<int:pk>/items/new/", views.item_add, name="plans_item_add"),
    path("plans/items/<int:pk>/edit/", views.item_edit, name="plans_item_edit"),
    path("plans/items/<int:pk>/record/", views.occurrence_record, name="plans_occurrence_record"),
    path("plans/occurrences/<int:pk>/file/", views.occurrence_file, name="plans_occurrence_file"),
    path("plans/occurrences/<int:pk>/remove/", views.occurrence_remove,
         name="plans_occurrence_remove"),
]

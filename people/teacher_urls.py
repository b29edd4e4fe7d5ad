from django.urls import path

from people import account_views, my_views, teacher_views

urlpatterns = [
    path("my/", my_views.my_page, name="my_page"),
    path("people/", teacher_views.teacher_list, name="teacher_list"),
    path("people/add/", teacher_views.teacher_add, name="teacher_add"),
    path("people/<int:pk>/", teacher_views.teacher_detail, name="teacher_detail"),
    path("people/<int:pk>/edit/", teacher_views.teacher_edit, name="teacher_edit"),
    path("people/<int:pk>/delete/", teacher_views.teacher_delete, name="teacher_delete"),
    path("people/<int:pk>/master/", teacher_views.teacher_master_grant,
         name="teacher_master_grant"),
    path("people/<int:pk>/master/revoke/", teacher_views.teacher_master_revoke,
         name="teacher_master_revoke"),
    path("people/<int:pk>/account/", account_views.teacher_account_open,
         name="teacher_account_open"),
    path("people/<int:pk>/account/close/", account_views.teacher_account_close,
         name="teacher_account_close"),
]

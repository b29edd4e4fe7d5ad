from django.urls import path

from people import account_views, my_views, nomination_views, teacher_views

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
    path("people/<int:pk>/master/nominate/", nomination_views.master_nominate,
         name="master_nominate"),
    path("people/master-nominations/", nomination_views.master_nomination_list,
         name="master_nomination_list"),
    path("people/master-nominations/<int:pk>/accept/", nomination_views.master_nomination_accept,
         name="master_nomination_accept"),
    path("people/master-nominations/<int:pk>/decline/",
         nomination_views.master_nomination_decline, name="master_nomination_decline"),
    path("people/<int:pk>/account/", account_views.teacher_account_open,
         name="teacher_account_open"),
    path("people/<int:pk>/account/close/", account_views.teacher_account_close,
         name="teacher_account_close"),
]

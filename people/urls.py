from django.urls import include, path

urlpatterns = [
    path("", include("people.teacher_urls")),
    path("", include("people.platform_urls")),
]

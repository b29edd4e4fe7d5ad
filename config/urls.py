from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from config.health import health, health_live, health_ready
from teams import lockout_views
from teams.passwords import PortalPasswordChangeView, PortalPasswordResetView

# Under /api/ an unknown address is answered as the API answers its errors.
handler404 = "api.problems.page_not_found"

admin.site.site_header = "Стажировки: администрирование"
admin.site.site_title = "Стажировки"

urlpatterns = [
    path("accounts/login/", auth_views.LoginView.as_view(redirect_authenticated_user=True),
         name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/password/", PortalPasswordChangeView.as_view(), name="password_change"),
    path("accounts/password/done/", auth_views.PasswordChangeDoneView.as_view(),
         name="password_change_done"),
    path("accounts/password/reset/", PortalPasswordResetView.as_view(), name="password_reset"),
    path("accounts/password/reset/sent/", auth_views.PasswordResetDoneView.as_view(),
         name="password_reset_done"),
    path("accounts/password/reset/<uidb64>/<token>/",
         auth_views.PasswordResetConfirmView.as_view(), name="password_reset_confirm"),
    path("accounts/password/reset/complete/", auth_views.PasswordResetCompleteView.as_view(),
         name="password_reset_complete"),
    path("accounts/lockouts/", lockout_views.lockout_list, name="lockout_list"),
    path("accounts/lockouts/lift/", lockout_views.lockout_lift, name="lockout_lift"),
    path("health/", health, name="health"),
    path("health/live/", health_live, name="health_live"),
    path("health/ready/", health_ready, name="health_ready"),
    path("admin/", admin.site.urls),
    path("", include("internships.urls")),
    path("", include("diagnostics.urls")),
    path("", include("distribution.urls")),
    path("", include("outcomes.urls")),
    path("", include("people.urls")),
    path("", include("competence.urls")),
    path("", include("contests.urls")),
    path("", include("plans.urls")),
    path("", include("mutual.urls")),
    path("", include("registers.urls")),
    path("", include("aspects.urls")),
    path("", include("routes.urls")),
    path("", include("trainings.urls")),
    path("", include("innovation.urls")),
    path("", include("networks.urls")),
    path("", include("services.urls")),
    path("", include("reports.urls")),
    path("", include("api.urls")),
]

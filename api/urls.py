from django.urls import path
from drf_spectacular.views import SpectacularAPIView

from api import schema_views, token_views, views, write_views

urlpatterns = [
    path("api/v1/schema/", SpectacularAPIView.as_view(), name="api_schema"),
    path("api/v1/docs/", schema_views.swagger, name="api_docs"),
    path("api/v1/redoc/", schema_views.redoc, name="api_redoc"),
    path("api/v1/municipalities/", views.MunicipalityList.as_view(), name="api_municipalities"),
    path("api/v1/organizations/", views.OrganizationList.as_view(), name="api_organizations"),
    path("api/v1/teams/", views.TeamList.as_view(), name="api_teams"),
    path("api/v1/programmes/", views.ProgrammeList.as_view(), name="api_programmes"),
    path("api/v1/periods/", views.PeriodList.as_view(), name="api_periods"),
    path("api/v1/periods/<int:pk>/indicators/", views.PeriodIndicators.as_view(),
         name="api_period_indicators"),
    path("api/v1/periods/<int:pk>/school-indicators/",
         write_views.PeriodIndicatorsPush.as_view(), name="api_period_indicators_push"),
    path("api/v1/municipalities/<int:pk>/staffing/",
         write_views.MunicipalityStaffingPush.as_view(), name="api_municipality_staffing_push"),
    path("api/v1/platforms/", views.PlatformList.as_view(), name="api_platforms"),
    path("api/v1/platforms/<int:pk>/journal-entries/",
         write_views.PlatformJournalPush.as_view(), name="api_platform_journal_push"),
    path("api/v1/placements/", views.PlacementList.as_view(), name="api_placements"),
    path("api/v1/deficits/", views.DeficitList.as_view(), name="api_deficits"),
    path("api/v1/rounds/", views.RoundList.as_view(), name="api_rounds"),
    path("api/v1/rounds/<int:pk>/diagnoses/", write_views.RoundDiagnosesPush.as_view(),
         name="api_round_diagnoses_push"),
    path("api/v1/diagnoses/", views.DiagnosisList.as_view(), name="api_diagnoses"),
    path("api/v1/school-indicators/", views.SchoolIndicatorList.as_view(),
         name="api_school_indicators"),
    path("api/v1/staffing/", views.StaffingList.as_view(), name="api_staffing"),
    path("api/v1/needs-offers/", views.NeedsOfferList.as_view(), name="api_needs_offers"),
    path("api/v1/journal-entries/", views.JournalEntryList.as_view(),
         name="api_journal_entries"),
    path("api-tokens/", token_views.token_list, name="api_token_list"),
    path("api-tokens/new/", token_views.token_create, name="api_token_create"),
    path("api-tokens/<int:pk>/revoke/", token_views.token_revoke, name="api_token_revoke"),
]

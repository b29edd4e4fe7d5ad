"""The read endpoints of /api/v1/. Each list reads through the same scoped querysets as the
web pages (``*_for_user``), so a caller sees exactly what the pages would show them."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import generics
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response
from rest_framework.views import APIView

from api import filters, serializers
from contests.access import contests_for_user
from contests.models import Nomination
from diagnostics.access import (
    deficits_for_user,
    diagnoses_for_user,
    indicators_for_user,
    needs_offers_for_user,
    rounds_for_user,
    staffing_for_user,
)
from innovation.access import projects_for_user
from internships.access import (
    entries_for_user,
    periods_for_user,
    placements_for_user,
    platforms_for_user,
    results_for_user,
)
from internships.models import Direction, Programme, Stage
from reports.indicators import compute_indicators
from teams.access import (
    municipalities_for_user,
    municipality_scope,
    organizations_for_user,
    sees_whole_municipality,
    teams_for_user,
)
from trainings.access import sessions_for_user


def _described(summary: str, description: str, tag: str):
    return extend_schema_view(get=extend_schema(summary=summary, description=description,
                                                tags=[tag]))


@_described("Муниципальные образования", "Муниципальные образования, доступные вызывающему: "
            "своё (или все — для регионального токена).", "Справочники")
class MunicipalityList(generics.ListAPIView):
    serializer_class = serializers.MunicipalitySerializer

    def get_queryset(self):
        return municipalities_for_user(self.request.user)


@_described("Образовательные организации", "Организации муниципального образования с "
            "фильтрами страницы «Организации».", "Справочники")
class OrganizationList(generics.ListAPIView):
    serializer_class = serializers.OrganizationSerializer
    filterset_class = filters.ApiOrganizationFilter

    def get_queryset(self):
        return organizations_for_user(self.request.user)


@_described("Управленческие команды", "Управленческие команды организаций.", "Справочники")
class TeamList(generics.ListAPIView):
    serializer_class = serializers.TeamSerializer

    def get_queryset(self):
        return teams_for_user(self.request.user)


@_described("Инновационные проекты", "Проекты муниципального образования с направлениями "
            "и этапами.", "Проекты")
class ProgrammeList(generics.ListAPIView):
    serializer_class = serializers.ProgrammeSerializer

    def get_queryset(self):
        scope = municipality_scope(self.request.user, "municipality_id")
        if scope is None:
            return Programme.objects.none()
        return Programme.objects.filter(**scope).prefetch_related(
            Prefetch("directions", queryset=Direction.objects.order_by("number")),
            Prefetch("stages", queryset=Stage.objects.order_by("number")),
        )


@_described("Учебные годы", "Учебные годы проектов.", "Проекты")
class PeriodList(generics.ListAPIView):
    serializer_class = serializers.PeriodSerializer

    def get_queryset(self):
        return periods_for_user(self.request.user)


@_described("Стажировочные площадки", "Площадки: направление в учебном году. Видны "
            "специалистам управления, кураторам и аналитикам.", "Распределение")
class PlatformList(generics.ListAPIView):
    serializer_class = serializers.PlatformSerializer

    def get_queryset(self):
        return platforms_for_user(self.request.user)


@_described("Распределения", "Команды на площадках с уровнем — фильтры матрицы "
            "распределения.", "Распределение")
class PlacementList(generics.ListAPIView):
    serializer_class = serializers.PlacementSerializer
    filterset_class = filters.ApiPlacementFilter

    def get_queryset(self):
        return placements_for_user(self.request.user).select_related("platform")


@_described("Каталог дефицитов", "Профессиональные дефициты по направлениям.",
            "Диагностика")
class DeficitList(generics.ListAPIView):
    serializer_class = serializers.DeficitSerializer
    filterset_class = filters.DeficitFilter

    def get_queryset(self):
        return deficits_for_user(self.request.user)


@_described("Диагностики", "Диагностики управленческих команд (стартовые, промежуточные, "
            "итоговые).", "Диагностика")
class RoundList(generics.ListAPIView):
    serializer_class = serializers.DiagnosticRoundSerializer
    filterset_class = filters.RoundFilter

    def get_queryset(self):
        return rounds_for_user(self.request.user)


@_described("Результаты диагностики", "Результаты: команда × диагностика × направление, "
            "с выявленными дефицитами. Школа видит только свою команду.", "Диагностика")
class DiagnosisList(generics.ListAPIView):
    serializer_class = serializers.DiagnosisSerializer
    filterset_class = filters.DiagnosisFilter

    def get_queryset(self):
        return diagnoses_for_user(self.request.user).prefetch_related("deficits")


@_described("Показатели мониторинга школ", "Показатели организаций по учебным годам; "
            "пусто — не известно.", "Мониторинг")
class SchoolIndicatorList(generics.ListAPIView):
    serializer_class = serializers.SchoolIndicatorSerializer
    filterset_class = filters.SchoolIndicatorFilter

    def get_queryset(self):
        return indicators_for_user(self.request.user)


@_described("Кадровый состав", "Педагогические работники организаций на дату по "
            "квалификационным категориям.", "Мониторинг")
class StaffingList(generics.ListAPIView):
    serializer_class = serializers.StaffingSerializer
    filterset_class = filters.StaffingFilter

    def get_queryset(self):
        return staffing_for_user(self.request.user)


@_described("Карта проблем и эффективных решений", "Потребности в поддержке и готовность "
            "представить практику по направлениям и аспектам.", "Мониторинг")
class NeedsOfferList(generics.ListAPIView):
    serializer_class = serializers.NeedsOfferSerializer
    filterset_class = filters.NeedsOfferFilter

    def get_queryset(self):
        return needs_offers_for_user(self.request.user)


@_described("Журналы площадок", "Мероприятия журналов с результатами команд. Школа видит "
            "мероприятия, которые её команда проводила или посетила, и только свои "
            "результаты.", "Распределение")
class JournalEntryList(generics.ListAPIView):
    serializer_class = serializers.JournalEntrySerializer
    filterset_class = filters.JournalEntryFilter

    def get_queryset(self):
        user = self.request.user
        return entries_for_user(user).prefetch_related(
            "hosts", Prefetch("results", queryset=results_for_user(user).order_by("pk")))


@_described("Инновационные проекты школ", "Проекты школ на пути из семи этапов: тема, "
            "ключевая проблема, идея, объект нововведений, план и текущий этап. Школа видит "
            "свой проект, куратор и тьютор — сопровождаемые, управление — все проекты "
            "муниципального образования.", "Инновационные проекты школ")
class InnovationProjectList(generics.ListAPIView):
    serializer_class = serializers.InnovationProjectSerializer
    filterset_class = filters.InnovationProjectFilter

    def get_queryset(self):
        return projects_for_user(self.request.user)


@_described("Конференции и конкурсы", "Конференции и конкурсы муниципального образования "
            "с положением и номинациями.", "Конкурсы")
class ContestList(generics.ListAPIView):
    serializer_class = serializers.ContestSerializer
    filterset_class = filters.ContestFilter

    def get_queryset(self):
        return contests_for_user(self.request.user).prefetch_related(
            Prefetch("nominations", queryset=Nomination.objects.order_by("pk")))


@_described("Занятия площадок повышения квалификации", "Занятия площадок педагогов: дата, "
            "тема, форма, модуль программы. Без имён проводящих.", "Повышение квалификации")
class TrainingSessionList(generics.ListAPIView):
    serializer_class = serializers.TrainingSessionSerializer
    filterset_class = filters.TrainingSessionFilter

    def get_queryset(self):
        return sessions_for_user(self.request.user)


class PeriodIndicators(APIView):
    """The figures of the page «Показатели проекта» for one academic year."""

    @extend_schema(
        summary="Показатели проекта за учебный год",
        description="Те же значения, что на странице «Показатели проекта». Для специалистов "
                    "управления, кураторов и аналитиков; школе — 403.",
        tags=["Мониторинг"],
        parameters=[OpenApiParameter("id", int, OpenApiParameter.PATH,
                                     description="Учебный год (идентификатор).")],
        responses=serializers.PeriodIndicatorsSerializer,
    )
    def get(self, request, pk):
        if not sees_whole_municipality(request.user):
            raise PermissionDenied("Показатели проекта доступны специалистам управления, "
                                   "кураторам и аналитикам.")
        period = get_object_or_404(
            periods_for_user(request.user).select_related("programme__municipality"), pk=pk)
        values = compute_indicators(municipality=period.programme.municipality, period=period)
        return Response(serializers.PeriodIndicatorsSerializer(
            {"period": period, "values": values}).data)

"""The write endpoints of /api/v1/: a regional system pushes data the portal would
otherwise get from an Excel upload, with the upload's rules and report."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response
from rest_framework.views import APIView

from api.journal_pushes import push_journal_entries
from api.problems import problem
from api.pushes import push_diagnoses, push_school_indicators, push_staffing
from api.write_serializers import (
    BatchResultSerializer,
    DiagnosisBatchSerializer,
    JournalBatchResultSerializer,
    JournalEntryBatchSerializer,
    SchoolIndicatorBatchSerializer,
    StaffingBatchSerializer,
)
from diagnostics.access import importable_tables, rounds_for_user
from internships.access import periods_for_user, platforms_for_user
from teams.access import municipalities_for_user

ALL_OR_NOTHING = ("Все элементы запроса записываются одной транзакцией или ни один: при любой "
                  "ошибке ответ 400 перечисляет каждую, с теми же сообщениями, что отчёт "
                  "загрузки Excel, и ничего не меняется. ")


def item_path(row: int, column: str) -> str:
    """The field of the request an import problem is about: ``items[2].deficits``."""
    return f"items[{row - 1}]" if column == "—" else f"items[{row - 1}].{column}"


def _problems(request, report) -> Response:
    return problem(
        status_code=status.HTTP_400_BAD_REQUEST,
        detail=f"Ничего не записано: элементов с ошибками — {report.bad_rows}. "
               "Исправьте их и отправьте запрос снова.",
        instance=request.get_full_path(),
        errors=[{"field": item_path(line.row, line.column), "message": line.reason}
                for line in report.problems])


def _written(report, **more) -> dict:
    return {"dry_run": report.dry_run, "created": report.created, "updated": report.updated,
            "skipped": report.skipped, "summary": report.summary(), **more}


def _answer(request, report) -> Response:
    """400 with every problem by its path, or what was written."""
    if report.problems:
        return _problems(request, report)
    return Response(BatchResultSerializer(_written(report)).data)


def _require_table(request, table: str, message: str) -> None:
    if table not in importable_tables(request.user):
        raise PermissionDenied(message)


def _path_id(description: str) -> list[OpenApiParameter]:
    return [OpenApiParameter("id", int, OpenApiParameter.PATH, description=description)]


class RoundDiagnosesPush(APIView):
    @extend_schema(
        summary="Передать результаты диагностики",
        description=ALL_OR_NOTHING + "Существующий результат той же команды, направления и "
                    "источника обновляется. Нужен токен с правом записи (или сеанс "
                    "специалиста управления; куратор — только экспертная оценка команд своих "
                    "площадок, пока идёт приём результатов).",
        tags=["Диагностика"],
        parameters=_path_id("Диагностика (идентификатор)."),
        request=DiagnosisBatchSerializer,
        responses={200: BatchResultSerializer},
    )
    def post(self, request, pk):
        _require_table(request, "diagnoses", "Передавать результаты диагностики могут "
                                             "управление образования и кураторы площадок.")
        diagnostic_round = get_object_or_404(
            rounds_for_user(request.user).select_related("programme__municipality"), pk=pk)
        batch = DiagnosisBatchSerializer(data=request.data)
        batch.is_valid(raise_exception=True)
        return _answer(request, push_diagnoses(
            user=request.user, diagnostic_round=diagnostic_round,
            items=batch.validated_data["items"], dry_run=batch.validated_data["dry_run"]))


class PeriodIndicatorsPush(APIView):
    @extend_schema(
        summary="Передать показатели мониторинга школ",
        description=ALL_OR_NOTHING + "Показатели организации за учебный год из адреса "
                    "создаются или обновляются. Нужен токен с правом записи (или сеанс "
                    "специалиста управления).",
        tags=["Мониторинг"],
        parameters=_path_id("Учебный год (идентификатор)."),
        request=SchoolIndicatorBatchSerializer,
        responses={200: BatchResultSerializer},
    )
    def post(self, request, pk):
        _require_table(request, "indicators", "Передавать показатели мониторинга может "
                                              "управление образования.")
        period = get_object_or_404(
            periods_for_user(request.user).select_related("programme__municipality"), pk=pk)
        batch = SchoolIndicatorBatchSerializer(data=request.data)
        batch.is_valid(raise_exception=True)
        return _answer(request, push_school_indicators(
            user=request.user, period=period, items=batch.validated_data["items"],
            dry_run=batch.validated_data["dry_run"]))


class MunicipalityStaffingPush(APIView):
    @extend_schema(
        summary="Передать кадровый состав",
        description=ALL_OR_NOTHING + "Сведения организации на дату создаются или "
                    "обновляются; КК и критическое состояние портал считает сам. Нужен "
                    "токен с правом записи (или сеанс специалиста управления).",
        tags=["Мониторинг"],
        parameters=_path_id("Муниципальное образование (идентификатор)."),
        request=StaffingBatchSerializer,
        responses={200: BatchResultSerializer},
    )
    def post(self, request, pk):
        _require_table(request, "staffing", "Передавать кадровый состав может управление "
                                            "образования.")
        municipality = get_object_or_404(municipalities_for_user(request.user), pk=pk)
        batch = StaffingBatchSerializer(data=request.data)
        batch.is_valid(raise_exception=True)
        return _answer(request, push_staffing(
            user=request.user, municipality=municipality,
            as_of=batch.validated_data["as_of"], items=batch.validated_data["items"],
            dry_run=batch.validated_data["dry_run"]))


class PlatformJournalPush(APIView):
    @extend_schema(
        summary="Передать мероприятия журнала площадки",
        description=ALL_OR_NOTHING + "Элемент без id записывает новое мероприятие, с id и "
                    "version — меняет мероприятие, прочитанное в этой версии, как форма "
                    "мероприятия: если его с тех пор изменили, ответ 409 и ничего не меняется. "
                    "Команды results — участницы мероприятия с их результатами. Проверки — "
                    "те же, что у формы журнала. Нужен токен с правом записи (или сеанс "
                    "специалиста управления или куратора площадки); в истории мероприятия "
                    "изменение подписано названием токена.",
        tags=["Распределение"],
        parameters=_path_id("Стажировочная площадка (идентификатор)."),
        request=JournalEntryBatchSerializer,
        responses={200: JournalBatchResultSerializer,
                   409: OpenApiResponse(description="Мероприятие изменилось после того, как "
                                                    "его прочитали; ничего не записано.")},
    )
    def post(self, request, pk):
        platform = get_object_or_404(
            platforms_for_user(request.user).select_related("period__programme"), pk=pk)
        if not request.user.has_perm("internships.keep_journal", platform):
            raise PermissionDenied("Журнал площадки ведут её кураторы и управление "
                                   "образования.")
        batch = JournalEntryBatchSerializer(data=request.data)
        batch.is_valid(raise_exception=True)
        push = push_journal_entries(user=request.user, platform=platform,
                                    items=batch.validated_data["items"],
                                    dry_run=batch.validated_data["dry_run"])
        if push.stale:
            return problem(
                status_code=status.HTTP_409_CONFLICT,
                detail="Ничего не записано: мероприятия изменились после того, как вы их "
                       f"прочитали (элементов — {len(push.stale)}). Прочитайте их заново "
                       "из /api/v1/journal-entries/, сверьте изменения и отправьте запрос "
                       "с новыми версиями.",
                instance=request.get_full_path(),
                errors=[{"field": item_path(line.row, line.column), "message": line.reason}
                        for line in push.stale + push.report.problems])
        if push.report.problems:
            return _problems(request, push.report)
        return Response(JournalBatchResultSerializer(
            _written(push.report, entries=push.entries)).data)

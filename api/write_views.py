"""The write endpoints of /api/v1/: a regional system pushes data the portal would
otherwise get from an Excel upload, with the upload's rules and report."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response
from rest_framework.views import APIView

from api.diagnosis_push import push_diagnoses
from api.problems import problem
from api.write_serializers import DiagnosisBatchResultSerializer, DiagnosisBatchSerializer
from diagnostics.access import importable_tables, rounds_for_user


def item_path(row: int, column: str) -> str:
    """The field of the request an import problem is about: ``items[2].deficits``."""
    return f"items[{row - 1}]" if column == "—" else f"items[{row - 1}].{column}"


class RoundDiagnosesPush(APIView):
    @extend_schema(
        summary="Передать результаты диагностики",
        description="Все результаты запроса записываются одной транзакцией или ни один: при "
                    "любой ошибке ответ 400 перечисляет каждую, с теми же сообщениями, что "
                    "отчёт загрузки Excel, и ничего не меняется. Существующий результат той же "
                    "команды, направления и источника обновляется. Нужен токен с правом "
                    "записи (или сеанс специалиста управления; куратор — только экспертная "
                    "оценка команд своих площадок, пока идёт приём результатов).",
        tags=["Диагностика"],
        parameters=[OpenApiParameter("id", int, OpenApiParameter.PATH,
                                     description="Диагностика (идентификатор).")],
        request=DiagnosisBatchSerializer,
        responses={200: DiagnosisBatchResultSerializer},
    )
    def post(self, request, pk):
        if "diagnoses" not in importable_tables(request.user):
            raise PermissionDenied("Передавать результаты диагностики могут управление "
                                   "образования и кураторы площадок.")
        diagnostic_round = get_object_or_404(
            rounds_for_user(request.user).select_related("programme__municipality"), pk=pk)
        batch = DiagnosisBatchSerializer(data=request.data)
        batch.is_valid(raise_exception=True)
        report = push_diagnoses(user=request.user, diagnostic_round=diagnostic_round,
                                items=batch.validated_data["items"],
                                dry_run=batch.validated_data["dry_run"])
        if report.problems:
            return problem(
                status_code=status.HTTP_400_BAD_REQUEST,
                detail=f"Ничего не записано: элементов с ошибками — {report.bad_rows}. "
                       "Исправьте их и отправьте запрос снова.",
                instance=request.get_full_path(),
                errors=[{"field": item_path(line.row, line.column), "message": line.reason}
                        for line in report.problems])
        return Response(DiagnosisBatchResultSerializer({
            "dry_run": report.dry_run, "created": report.created, "updated": report.updated,
            "skipped": report.skipped, "summary": report.summary(),
        }).data)

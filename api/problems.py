"""Errors of the API as RFC 9457 problem details (application/problem+json), in Russian.

A 400 lists every bad field with its path (``items[3].team``); an error the portal did not
foresee is logged and answered with a problem document too, never with the HTML page.
"""

import logging

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, JsonResponse
from django.views import defaults
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import set_rollback

logger = logging.getLogger(__name__)

PROBLEM_CONTENT_TYPE = "application/problem+json"
PROBLEM_BASE = "/api/v1/problems/"

TITLES = {
    400: ("invalid-input", "Ошибка во входных данных"),
    401: ("not-authenticated", "Нужна авторизация"),
    403: ("forbidden", "Доступ запрещён"),
    404: ("not-found", "Не найдено"),
    405: ("method-not-allowed", "Метод не поддерживается"),
    406: ("not-acceptable", "Формат ответа не поддерживается"),
    409: ("conflict", "Запись изменилась"),
    415: ("unsupported-media-type", "Формат запроса не поддерживается"),
    429: ("too-many-requests", "Слишком много запросов"),
    500: ("server-error", "Внутренняя ошибка портала"),
}
METHOD_NOT_ALLOWED = "Метод {method} здесь не поддерживается."


def field_errors(detail, path: str = "") -> list[dict]:
    """Flatten DRF's nested error detail into [{"field": path, "message": text}]."""
    if isinstance(detail, dict):
        errors = []
        for key, value in detail.items():
            if isinstance(key, int):
                # A list's errors by the positions of its bad items.
                errors.extend(field_errors(value, f"{path}[{key}]"))
                continue
            name = "" if key == "non_field_errors" else str(key)
            inner = f"{path}.{name}" if path and name else (path or name)
            errors.extend(field_errors(value, inner))
        return errors
    if isinstance(detail, list):
        if all(isinstance(item, str) for item in detail):
            return [{"field": path, "message": str(item)} for item in detail]
        errors = []
        for index, value in enumerate(detail):
            if value:
                errors.extend(field_errors(value, f"{path}[{index}]"))
        return errors
    return [{"field": path, "message": str(detail)}]


def problem(*, status_code: int, detail: str, instance: str, errors: list | None = None,
            headers: dict | None = None) -> Response:
    slug, title = TITLES.get(status_code, ("error", "Ошибка"))
    body = {"type": PROBLEM_BASE + slug, "title": title, "status": status_code,
            "detail": detail, "instance": instance}
    if errors is not None:
        body["errors"] = errors
    return Response(body, status=status_code, headers=headers,
                    content_type=PROBLEM_CONTENT_TYPE)


def _as_api_exception(exc):
    if isinstance(exc, Http404):
        return exceptions.NotFound("Объект не найден или недоступен вам.")
    if isinstance(exc, PermissionDenied):
        return exceptions.PermissionDenied()
    if isinstance(exc, DjangoValidationError):
        return exceptions.ValidationError(
            exc.message_dict if hasattr(exc, "error_dict") else {"": exc.messages})
    return exc


def problem_exception_handler(exc, context):
    request = context.get("request")
    instance = request.get_full_path() if request is not None else ""
    exc = _as_api_exception(exc)
    set_rollback()
    if isinstance(exc, exceptions.ValidationError):
        errors = field_errors(exc.detail)
        return problem(status_code=status.HTTP_400_BAD_REQUEST,
                       detail="Данные не приняты: исправьте ошибки и повторите запрос. "
                              "Ничего не изменено.",
                       instance=instance, errors=errors)
    if isinstance(exc, exceptions.ParseError):
        return problem(status_code=status.HTTP_400_BAD_REQUEST,
                       detail="Тело запроса не удалось прочитать как JSON: проверьте кавычки, "
                              "запятые и скобки. Ничего не изменено.",
                       instance=instance, errors=[])
    if isinstance(exc, exceptions.APIException):
        headers = {}
        if getattr(exc, "auth_header", None):
            headers["WWW-Authenticate"] = exc.auth_header
        if getattr(exc, "wait", None) is not None:
            headers["Retry-After"] = str(int(exc.wait))
        detail = exc.detail
        if isinstance(exc, exceptions.MethodNotAllowed) and request is not None:
            detail = METHOD_NOT_ALLOWED.format(method=request.method)
        if isinstance(exc, exceptions.Throttled):
            detail = ("Превышено число запросов для этого токена. Повторите через "
                      f"{int(exc.wait or 1)} с.")
        return problem(status_code=exc.status_code, detail=str(detail), instance=instance,
                       headers=headers or None)
    logger.exception("Ошибка API на %s", instance)
    return problem(status_code=status.HTTP_500_INTERNAL_SERVER_ERROR,
                   detail="Портал не смог выполнить запрос. Ошибка записана в журнал; "
                          "ничего не изменено.", instance=instance)


def page_not_found(request, exception=None):
    """An address the portal does not have: a problem document under /api/, else the page."""
    if request.path.startswith("/api/"):
        body = {"type": PROBLEM_BASE + "not-found", "title": TITLES[404][1], "status": 404,
                "detail": "Такого адреса в API нет: список адресов — в схеме /api/v1/schema/.",
                "instance": request.get_full_path()}
        return JsonResponse(body, status=404, content_type=PROBLEM_CONTENT_TYPE,
                            json_dumps_params={"ensure_ascii": False})
    return defaults.page_not_found(request, exception)

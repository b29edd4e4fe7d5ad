"""The OpenAPI description beyond what drf-spectacular infers: the two ways to sign a
request, and the problem-details answers every operation may give."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension

PROBLEM_SCHEMA = {
    "type": "object",
    "description": "Ошибка в формате RFC 9457 (application/problem+json).",
    "properties": {
        "type": {"type": "string", "description": "Адрес вида ошибки."},
        "title": {"type": "string", "description": "Краткое название ошибки."},
        "status": {"type": "integer", "description": "Код ответа HTTP."},
        "detail": {"type": "string", "description": "Что случилось и что делать."},
        "instance": {"type": "string", "description": "Адрес запроса, вызвавшего ошибку."},
        "errors": {
            "type": "array",
            "description": "Ошибки в полях (только для 400).",
            "items": {
                "type": "object",
                "properties": {
                    "field": {"type": "string",
                              "description": "Путь к полю, например «items[3].team»; "
                                             "пусто — ошибка всего запроса."},
                    "message": {"type": "string", "description": "Сообщение об ошибке."},
                },
                "required": ["field", "message"],
            },
        },
    },
    "required": ["type", "title", "status", "detail", "instance"],
}
ERROR_ANSWERS = {
    "400": "Ошибка во входных данных (например, в фильтре); поля перечислены в errors.",
    "401": "Нет токена, токен неизвестен или отозван.",
    "403": "Действие не разрешено этому токену или пользователю.",
    "404": "Объект не найден или недоступен.",
    "429": "Превышено число запросов; повторите через Retry-After секунд.",
}


class BearerTokenScheme(OpenApiAuthenticationExtension):
    target_class = "api.authentication.BearerTokenAuthentication"
    name = "tokenAuth"

    def get_security_definition(self, auto_schema):
        return {"type": "http", "scheme": "bearer",
                "description": "Токен служебной учётной записи со страницы «Токены API»: "
                               "«Authorization: Bearer stz_…»."}


class PortalSessionScheme(OpenApiAuthenticationExtension):
    target_class = "api.authentication.PortalSessionAuthentication"
    name = "sessionAuth"

    def get_security_definition(self, auto_schema):
        return {"type": "apiKey", "in": "cookie", "name": "sessionid",
                "description": "Сеанс пользователя, вошедшего на портал (для страниц самого "
                               "портала); запись — с заголовком X-CSRFToken."}


SUCCESS_ANSWERS = {
    "get": "Запрошенные данные.",
    "post": "Записи приняты целиком (всё или ничего).",
}


def add_problem_responses(result, generator, request, public):
    """Every operation may answer with a problem document; the schema says so. A success
    answer drf-spectacular leaves undescribed is described in Russian."""
    result.setdefault("components", {}).setdefault("schemas", {})["Problem"] = PROBLEM_SCHEMA
    reference = {"application/problem+json": {
        "schema": {"$ref": "#/components/schemas/Problem"}}}
    for path in result.get("paths", {}).values():
        for method, operation in path.items():
            responses = operation.setdefault("responses", {})
            for code, answer in responses.items():
                if code.startswith("2") and not answer.get("description"):
                    answer["description"] = SUCCESS_ANSWERS.get(method, "Выполнено.")
            for code, text in ERROR_ANSWERS.items():
                responses.setdefault(code, {"description": text, "content": reference})
            for code, answer in responses.items():
                if code.startswith("4"):
                    answer.setdefault("content", reference)
    return result

from rest_framework.pagination import CursorPagination


class StableCursorPagination(CursorPagination):
    """Pages in the order of the stable ids: a row added while a system pages through the
    list never shifts the rows it has not read yet."""

    ordering = "pk"
    page_size_query_param = "page_size"
    page_size_query_description = "Строк на странице (по умолчанию 100, не больше 1000)."
    cursor_query_description = "Курсор следующей или предыдущей страницы из ответа."
    max_page_size = 1000
    invalid_cursor_message = "Курсор страницы недействителен: начните с первой страницы."

    def get_paginated_response_schema(self, schema):
        described = super().get_paginated_response_schema(schema)
        properties = described["properties"]
        properties["next"]["description"] = "Адрес следующей страницы; null — страница последняя."
        properties["previous"]["description"] = "Адрес предыдущей страницы; null — первая."
        properties["results"]["description"] = "Строки страницы по возрастанию id."
        for name in ("next", "previous"):
            properties[name].pop("example", None)
        return described

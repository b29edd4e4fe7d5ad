"""URL policy rows for this area; see tests/url_policy_rows/__init__.py for the format.

The map of problems and effective solutions by aspect: the municipality-wide roles read the
map and the catalogue, staff and curators curate it (analysts only read), a school team and
the department keep an organization's ranked lists. The statement is the demo school's.
"""

from aspects import catalogue
from aspects.models import ProcessKind, Side

LOGIN, MOVED = "→login", "→elsewhere"

ROWS: dict[str, tuple] = {
    #                          anonym staff  cur+   cur-   school+ school- analyst other teacher
    "aspect_catalogue":        (LOGIN, 200,  200,   200,   403,   403,   200,   200, 403),
    "aspect_map":              (LOGIN, 200,  200,   200,   403,   403,   200,   200, 403),
    "my_aspects":              (LOGIN, MOVED, MOVED, MOVED, MOVED, MOVED, MOVED, MOVED, 403),
    "aspect_detail":           (LOGIN, 200,  200,   200,   403,   403,   200,   404, 403),
    "aspect_merge":            (LOGIN, MOVED, MOVED, MOVED, 403,   403,   403,   404, 403),
    "aspect_statement_link":   (LOGIN, MOVED, MOVED, MOVED, 403,   403,   403,   404, 403),
    "aspect_statement_delete": (LOGIN, MOVED, 403,   403,   MOVED, 404,   403,   404, 403),
    "organization_aspects":    (LOGIN, 200,  200,   200,   200,   404,   200,   404, 403),
    "aspect_map_export":       (LOGIN, MOVED, 403,  403,   403,   403,   MOVED, MOVED, 403),
}  # fmt: skip
OBJECT_OF: dict[str, str] = {
    "aspect_detail": "aspects_aspect",
    "aspect_merge": "aspects_aspect",
    "aspect_statement_link": "aspects_statement",
    "aspect_statement_delete": "aspects_statement",
    "organization_aspects": "organization",
}
POST_DATA: dict[str, dict] = {
    "aspect_merge": {},
    "aspect_statement_link": {},
    "aspect_statement_delete": {},
    "aspect_map_export": {},
}


def targets(context) -> dict[str, int]:
    aspect = catalogue.create_aspect(municipality=context.programme.municipality,
                                     wording="Смысловое чтение",
                                     process_kind=ProcessKind.PEDAGOGICAL)
    statement = catalogue.record_statement(
        organization=context.own_school, school_year=2021, text="Формирующее оценивание",
        process_kind=ProcessKind.PEDAGOGICAL, side=Side.NEED, rank=1)
    return {"aspects_aspect": aspect.pk, "aspects_statement": statement.pk}

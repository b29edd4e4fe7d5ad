"""URL policy rows for this area; see tests/url_policy_rows/__init__.py for the format.

The handbook's texts belong with the reports: the department staff write them, the
analysts read them; curators and school teams have no reports pages, and a programme of
another municipality does not exist for its staff.
"""

LOGIN, MOVED = "→login", "→elsewhere"

ROWS: dict[str, tuple] = {
    #                          anonym staff  cur+   cur-   school+ school- analyst other teacher
    "handbook_texts":          (LOGIN, 200,  403,   403,   403,   403,   200,   200, 403),
    "handbook_text_edit":      (LOGIN, 200,  404,   404,   404,   404,   200,   404, 404),
}  # fmt: skip
OBJECT_OF: dict[str, str] = {
    "handbook_text_edit": "handbook_programme",
}
POST_DATA: dict[str, dict] = {}


def targets(context) -> dict[str, int]:
    return {"handbook_programme": context.programme.pk}

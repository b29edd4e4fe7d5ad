"""URL policy rows for this area; see tests/url_policy_rows/__init__.py for the format.

The project's effectiveness indicators (section 9 of the Krymsky project): the
municipality's staff roles read them; a school team does not.
"""

LOGIN, MOVED = "→login", "→elsewhere"

ROWS: dict[str, tuple] = {
    #                          anonym staff  cur+   cur-   school+ school- analyst other teacher
    "project_indicators":      (LOGIN, 200,  200,   200,   403,   403,   200,   200, 403),
}  # fmt: skip
OBJECT_OF: dict[str, str] = {}
POST_DATA: dict[str, dict] = {}


def targets(context) -> dict[str, int]:
    return {}

"""URL policy rows for this area; see tests/url_policy_rows/__init__.py for the format.

The region's motivating monitoring is loaded from Excel by the department staff of each
municipality, into their own municipality only; the figures are read on the indicators
page, which has its own rows (project_indicators.py).
"""

LOGIN, MOVED = "→login", "→elsewhere"

ROWS: dict[str, tuple] = {
    #                              anonym staff  cur+   cur-   school+ school- analyst other teacher
    "regional_monitoring_import":  (LOGIN, 200,  403,   403,   403,   403,   403,   200,  403),
}  # fmt: skip
OBJECT_OF: dict[str, str] = {}
POST_DATA: dict[str, dict] = {}


def targets(context) -> dict[str, int]:
    return {}

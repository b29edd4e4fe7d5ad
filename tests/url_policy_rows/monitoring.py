"""URL policy rows for this area; see tests/url_policy_rows/__init__.py for the format.

School indicators, staffing and the map of needs and offers. The organization in question
is the demo school (МБОУ СОШ № 4): its own team may read its indicators and fill in its
needs; only department staff enter indicators and staffing.
"""

LOGIN, MOVED = "→login", "→elsewhere"

ROWS: dict[str, tuple] = {
    #                          anonym staff  cur+   cur-   school+ school- analyst other teacher
    "indicators":              (LOGIN, 200,  200,   200,   403,   403,   200,   200, 403),
    "organization_indicators": (LOGIN, 200,  200,   200,   200,   404,   200,   404, 200),
    "indicator_edit":          (LOGIN, 200,  403,   403,   403,   404,   403,   404, 403),
    "staffing":                (LOGIN, 200,  200,   200,   403,   403,   200,   200, 403),
    "staffing_edit":           (LOGIN, 200,  403,   403,   403,   404,   403,   404, 403),
    "needs_map":               (LOGIN, 200,  200,   200,   403,   403,   200,   200, 403),
    "my_needs":                (LOGIN, MOVED, MOVED, MOVED, 200,  200,   MOVED, MOVED, 403),
    "organization_needs":      (LOGIN, 200,  200,   200,   200,   404,   200,   404, 200),
}  # fmt: skip
OBJECT_OF: dict[str, str] = {
    "organization_indicators": "organization",
    "indicator_edit": "organization",
    "staffing_edit": "organization",
    "organization_needs": "organization",
}
POST_DATA: dict[str, dict] = {}


def targets(context) -> dict[str, int]:
    # The pages point at the organization the core already names.
    return {}

"""URL policy rows for this area; see tests/url_policy_rows/__init__.py for the format."""

LOGIN = "→login"

TABLES = ("organizations", "indicators", "staffing", "diagnoses")
#                     anonym staff  cur+   cur-   school+ school- analyst other teacher
DOWNLOAD =           (LOGIN, 200,   200,   200,   403,    403,    200,    200,   403)
STAFF_IMPORT =       (LOGIN, 200,   403,   403,   403,    403,    403,    200,   403)
CURATOR_IMPORT =     (LOGIN, 200,   200,   403,   403,    403,    403,    200,   403)  # fmt: skip

ROWS: dict[str, tuple] = {
    "imports": DOWNLOAD,
    **{f"import_{table}": STAFF_IMPORT for table in TABLES if table != "diagnoses"},
    "import_diagnoses": CURATOR_IMPORT,
    **{f"export_{table}": DOWNLOAD for table in TABLES},
    **{f"import_template_{table}": DOWNLOAD for table in TABLES},
}
OBJECT_OF: dict[str, str] = {}
POST_DATA: dict[str, dict] = {}


def targets(context) -> dict[str, int]:
    return {}

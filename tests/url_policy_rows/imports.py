"""URL policy rows for this area; see tests/url_policy_rows/__init__.py for the format.

The tables of figures are downloaded by the municipality-wide roles; the register of
teachers names people, so its file goes only to those who see names (staff, curators, a
school for its own people) and is loaded by the department and by each school.
"""

LOGIN = "→login"

TABLES = ("organizations", "indicators", "staffing", "diagnoses")
#                     anonym staff  cur+   cur-   school+ school- analyst other
DOWNLOAD =           (LOGIN, 200,   200,   200,   403,    403,    200,    200)
STAFF_IMPORT =       (LOGIN, 200,   403,   403,   403,    403,    403,    200)
CURATOR_IMPORT =     (LOGIN, 200,   200,   403,   403,    403,    403,    200)
PEOPLE_DOWNLOAD =    (LOGIN, 200,   200,   200,   200,    200,    403,    200)
PEOPLE_IMPORT =      (LOGIN, 200,   403,   403,   200,    200,    403,    200)  # fmt: skip

ROWS: dict[str, tuple] = {
    "imports": DOWNLOAD,
    **{f"import_{table}": STAFF_IMPORT for table in TABLES if table != "diagnoses"},
    "import_diagnoses": CURATOR_IMPORT,
    **{f"export_{table}": DOWNLOAD for table in TABLES},
    **{f"import_template_{table}": DOWNLOAD for table in TABLES},
    "import_teachers": PEOPLE_IMPORT,
    "export_teachers": PEOPLE_DOWNLOAD,
    "import_template_teachers": PEOPLE_DOWNLOAD,
}
OBJECT_OF: dict[str, str] = {}
POST_DATA: dict[str, dict] = {}


def targets(context) -> dict[str, int]:
    return {}

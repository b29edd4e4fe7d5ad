"""URL policy rows for this area; see tests/url_policy_rows/__init__.py for the format.

The tables of figures are downloaded by the municipality-wide roles; the register of
teachers names people, so its file goes only to those who see names (staff, curators, a
school for its own people) and is loaded by the department and by each school.

An upload becomes a background job: whoever may load a table lists their uploads, and
follows only their own — the department's staff every upload of the municipality.
"""

from diagnostics.models import ImportJob, ImportStatus, ImportTable

LOGIN = "→login"

TABLES = ("organizations", "indicators", "staffing", "diagnoses")
#                     anonym staff  cur+   cur-   school+ school- analyst other teacher
DOWNLOAD =           (LOGIN, 200,   200,   200,   403,    403,    200,    200,   403)
STAFF_IMPORT =       (LOGIN, 200,   403,   403,   403,    403,    403,    200,   403)
CURATOR_IMPORT =     (LOGIN, 200,   200,   403,   403,    403,    403,    200,   403)
PEOPLE_DOWNLOAD =    (LOGIN, 200,   200,   200,   200,    200,    403,    200,   403)
PEOPLE_IMPORT =      (LOGIN, 200,   403,   403,   200,    200,    403,    200,   403)  # fmt: skip

ROWS: dict[str, tuple] = {
    "imports": DOWNLOAD,
    **{f"import_{table}": STAFF_IMPORT for table in TABLES if table != "diagnoses"},
    "import_diagnoses": CURATOR_IMPORT,
    **{f"export_{table}": DOWNLOAD for table in TABLES},
    **{f"import_template_{table}": DOWNLOAD for table in TABLES},
    "import_teachers": PEOPLE_IMPORT,
    "export_teachers": PEOPLE_DOWNLOAD,
    "import_template_teachers": PEOPLE_DOWNLOAD,
    #                          anonym staff  cur+   cur-   school+ school- analyst other teacher
    "import_jobs":             (LOGIN, 200,  200,   403,   200,   200,   403,   200,  403),
    "import_job":              (LOGIN, 200,  404,   404,   200,   404,   404,   404,  404),
    "import_job_status":       (LOGIN, 200,  404,   404,   200,   404,   404,   404,  404),
}  # fmt: skip
# cur+ curates a platform, so loads its diagnoses; cur- curates none, so loads nothing.
OBJECT_OF: dict[str, str] = {
    "import_job": "import_job",
    "import_job_status": "import_job",
}
POST_DATA: dict[str, dict] = {}


def targets(context) -> dict[str, int]:
    """The own school's finished upload of its people."""
    job = ImportJob.objects.create(
        municipality=context.municipality, table=ImportTable.TEACHERS,
        requested_by=context.school_user, filename="педагоги.xlsx",
        status=ImportStatus.DONE, rows_total=1, rows_checked=1, rows_written=1,
        report={"title": "Педагогические работники", "dry_run": False, "created": 1,
                "rows": 1},
    )
    return {"import_job": job.pk}

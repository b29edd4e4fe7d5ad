"""URL policy rows for this area; see tests/url_policy_rows/__init__.py for the format."""

ROWS: dict[str, tuple] = {}
OBJECT_OF: dict[str, str] = {}
POST_DATA: dict[str, dict] = {}


def targets(context) -> dict[str, int]:
    return {}

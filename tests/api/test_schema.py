"""The OpenAPI schema: valid, described in Russian throughout, and pinned so that a change of
the API shows as a diff of tests/api/schema.yaml in review (refresh: ``make api-schema``)."""

import re
from pathlib import Path

import pytest
import yaml
from drf_spectacular.generators import SchemaGenerator
from openapi_spec_validator import validate

SNAPSHOT = Path(__file__).with_name("schema.yaml")


@pytest.fixture(scope="module")
def schema():
    generated = SchemaGenerator().get_schema(request=None, public=True)
    # Through YAML and back, as the snapshot is written, so both compare as plain data.
    return yaml.safe_load(yaml.safe_dump(generated, allow_unicode=True))


def test_it_generates_a_schema_that_validates(schema):
    validate(schema)


def test_it_matches_the_pinned_schema(schema):
    pinned = yaml.safe_load(SNAPSHOT.read_text(encoding="utf-8"))
    assert schema == pinned, (
        "Схема API изменилась. Если изменение задумано, обновите снимок: make api-schema, "
        "и проверьте разницу tests/api/schema.yaml при ревью."
    )


def test_it_describes_every_field_and_parameter(schema):
    undescribed = [
        f"{name}.{field}"
        for name, component in schema["components"]["schemas"].items()
        for field, spec in component.get("properties", {}).items()
        if not spec.get("description")
    ] + [
        f"{method.upper()} {path} ?{parameter['name']}"
        for path, operations in schema["paths"].items()
        for method, operation in operations.items()
        for parameter in operation.get("parameters", [])
        if not parameter.get("description")
    ]
    assert not undescribed


def test_it_describes_every_operation_in_russian(schema):
    for operations in schema["paths"].values():
        for operation in operations.values():
            assert any("а" <= letter <= "я" for letter in operation["summary"].lower())
            assert "401" in operation["responses"] and "429" in operation["responses"]


def _descriptions(node, path=""):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "description" and isinstance(value, str):
                yield path, value
            else:
                yield from _descriptions(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _descriptions(value, f"{path}[{index}]")


def test_it_describes_every_object_and_answer_in_russian_words(schema):
    # Every description is Russian text: none empty, none inherited from a code comment.
    foreign = [(path, text) for path, text in _descriptions(schema)
               if not re.search("[а-яё]", text.lower())
               or re.search(r"\b(the|of|is|a|an)\b", text)]
    assert foreign == []


@pytest.mark.django_db
def test_it_serves_the_schema_to_a_token(client, issue, bearer):
    from tests import factories

    municipality = factories.MunicipalityFactory()
    response = bearer(issue(municipality)).get("/api/v1/schema/?format=json")
    assert response.status_code == 200
    assert response.json()["info"]["title"] == "API портала «Стажировки»"

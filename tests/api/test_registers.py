"""The registers through the API: the bank of programmes with its reviews, the register of
products and the register of normative documents of the caller's municipality only — with
the authors and reviewers the register pages show to the same caller, never who keyed the
record in — filtered, changed-since, in a number of queries that does not grow."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from api.models import TokenScope
from registers.bank import record_review
from registers.models import BankEntry, Level, NormativeDocument, Product
from tests import factories
from tests.api.conftest import listed_ids

pytestmark = pytest.mark.django_db
D = datetime.date
URLS = {"bank": "/api/v1/bank-entries/", "product": "/api/v1/products/",
        "document": "/api/v1/normative-documents/"}


def _entry(municipality, *, title="Программа наставничества", year=2022, kind="programme"):
    return BankEntry.objects.create(municipality=municipality, kind=kind, title=title,
                                    authors="Кузнецова А. В., Орлова Е. Н.", year=year)


def _product(municipality, *, title="Сборник практик", year=2022, kind="collection"):
    return Product.objects.create(municipality=municipality, kind=kind, title=title,
                                  authors="Белова Н. П.", year=year)


def _document(municipality, *, level=Level.FEDERAL, number="273-ФЗ"):
    return NormativeDocument.objects.create(
        municipality=municipality, level=level, kind="Федеральный закон", number=number,
        issued_on=D(2012, 12, 29), title="Об образовании в Российской Федерации")


MAKERS = {"bank": _entry, "product": _product, "document": _document}


@pytest.fixture
def two():
    return factories.MunicipalityFactory(), factories.MunicipalityFactory()


@pytest.mark.parametrize("kind", URLS)
def test_it_serves_the_records_of_the_token_municipality_only(two, issue, bearer, kind):
    home, away = two
    own, foreign = MAKERS[kind](home), MAKERS[kind](away)
    client = bearer(issue(home))
    assert listed_ids(client.get(URLS[kind])) == {own.pk}
    assert client.get(f"{URLS[kind]}{own.pk}/").json()["id"] == own.pk
    response = client.get(f"{URLS[kind]}{foreign.pk}/")
    assert response.status_code == 404
    assert listed_ids(bearer(issue(None)).get(URLS[kind])) == {own.pk, foreign.pk}


@pytest.mark.parametrize("kind", URLS)
def test_it_refuses_writes_with_a_read_token(two, issue, bearer, kind):
    home, _ = two
    record = MAKERS[kind](home)
    client = bearer(issue(home))
    response = client.post(f"{URLS[kind]}{record.pk}/", {}, content_type="application/json")
    assert response.status_code == 403
    writer = bearer(issue(home, scope=TokenScope.READ_WRITE, name="Запись"))
    assert writer.post(URLS[kind], {}, content_type="application/json").status_code == 405


def test_it_gives_the_bank_entry_with_its_authors_and_reviews(two, issue, bearer):
    home, _ = two
    keeper = factories.staff_user(home, first_name="Мария", last_name="Ключникова")
    entry = _entry(home)
    BankEntry.objects.filter(pk=entry.pk).update(updated_by=keeper)
    record_review(entry=entry, reviewer="Смирнов О. Л., доцент", reviewed_on=D(2022, 5, 1),
                  verdict="revise", comment="Уточнить планируемые результаты", user=keeper)
    record_review(entry=entry, reviewer="Смирнов О. Л., доцент", reviewed_on=D(2022, 6, 1),
                  verdict="recommended", user=keeper)
    row = bearer(issue(home)).get(f"{URLS['bank']}{entry.pk}/").json()
    assert row["authors"] == "Кузнецова А. В., Орлова Е. Н."
    assert [(review["reviewed_on"], review["verdict"]) for review in row["reviews"]] == [
        ("2022-06-01", "recommended"), ("2022-05-01", "revise")]
    assert row["reviews"][0]["reviewer"] == "Смирнов О. Л., доцент"
    assert "Ключникова" not in str(row) and "updated_by" not in row
    assert row["file_url"] is None


def test_it_links_a_file_the_register_page_serves(two, issue, bearer, client):
    home, _ = two
    product = _product(home)
    product.file.save("collection.pdf", ContentFile(b"%PDF-1.4 collection"))
    row = bearer(issue(home)).get(f"{URLS['product']}{product.pk}/").json()
    assert row["file_url"] == f"http://testserver/registers/products/{product.pk}/file/"
    client.force_login(factories.staff_user(home))
    assert client.get(row["file_url"]).status_code == 200


def test_it_cites_the_document_as_programmes_do(two, issue, bearer):
    home, _ = two
    document = _document(home)
    row = bearer(issue(home)).get(f"{URLS['document']}{document.pk}/").json()
    assert row["citation"] == ("Федеральный закон от 29.12.2012 № 273-ФЗ «Об образовании в "
                               "Российской Федерации»")


def test_it_filters_the_registers(two, issue, bearer):
    home, _ = two
    programme, development = _entry(home), _entry(home, kind="development", year=2020)
    handbook, article = _product(home, kind="handbook"), _product(home, kind="article",
                                                                   year=2019)
    federal, municipal = _document(home), _document(home, level=Level.MUNICIPAL, number="5")
    client = bearer(issue(home))
    assert listed_ids(client.get(URLS["bank"], {"kind": "development"})) == {development.pk}
    assert listed_ids(client.get(URLS["bank"], {"year": 2022})) == {programme.pk}
    assert listed_ids(client.get(URLS["product"], {"kind": "article"})) == {article.pk}
    assert listed_ids(client.get(URLS["product"], {"year": 2022})) == {handbook.pk}
    assert listed_ids(client.get(URLS["document"], {"level": "municipal"})) == {municipal.pk}
    assert federal.pk in listed_ids(client.get(URLS["document"]))
    refused = client.get(URLS["document"], {"level": "galactic"})
    assert refused.status_code == 400


def test_it_lists_what_changed_since(two, issue, bearer):
    home, _ = two
    records = {kind: MAKERS[kind](home) for kind in URLS}
    past = timezone.now() - datetime.timedelta(days=3)
    for record in records.values():
        type(record).objects.filter(pk=record.pk).update(updated_at=past)
    since = (past + datetime.timedelta(days=1)).isoformat()
    client = bearer(issue(home))
    for url in URLS.values():
        assert listed_ids(client.get(url, {"updated_since": since})) == set()
    # A new review brings its entry back into the sync.
    record_review(entry=records["bank"], reviewer="Смирнов О. Л.", reviewed_on=D(2022, 6, 1),
                  verdict="recommended", user=None)
    assert listed_ids(client.get(URLS["bank"], {"updated_since": since})) == {
        records["bank"].pk}
    for kind in ("product", "document"):
        records[kind].save()
        assert listed_ids(client.get(URLS[kind], {"updated_since": since})) == {
            records[kind].pk}


@pytest.mark.parametrize("kind", URLS)
def test_it_lists_in_a_constant_number_of_queries(two, issue, bearer, kind,
                                                  django_assert_num_queries):
    home, _ = two
    for number in range(20):
        record = MAKERS[kind](home, **({"number": str(number)} if kind == "document"
                                      else {"title": f"Запись {number}"}))
        if kind == "bank":
            record_review(entry=record, reviewer="Смирнов О. Л.", reviewed_on=D(2022, 6, 1),
                          verdict="recommended", user=None)
    client = bearer(issue(home))
    client.get("/api/v1/municipalities/")
    # The token and the page; the bank's reviews in one more.
    with django_assert_num_queries(3 if kind == "bank" else 2):
        response = client.get(URLS[kind], {"page_size": 1000})
    assert len(response.json()["results"]) == 20

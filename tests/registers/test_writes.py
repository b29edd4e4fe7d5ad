"""The registers' records and their rules: approval, reviews, scope, files and history,
one built handbook per year, the order of a programme's normative base."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from networks.memberships import add_member, create_network
from people.models import CompetenceArea
from registers.bank import record_review, save_bank_entry
from registers.models import (
    BankEntry,
    BankKind,
    Level,
    NormativeDocument,
    Origin,
    Product,
    ProductKind,
    Review,
    Verdict,
)
from registers.normative import cite, cited_by_level, cited_documents, set_citations
from registers.products import register_built_handbook, save_product


def _entry_data(**changes) -> dict:
    return {"kind": BankKind.PROGRAMME, "title": "Программа стажировки «Управление качеством»",
            "authors": "Иванова А. А., Петров Б. Б.", "year": 2022, **changes}


def _pdf(name: str = "programma.pdf", body: bytes = b"%PDF-1.4 programma") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, body, content_type="application/pdf")


def _document(world, number="273-ФЗ", level=Level.FEDERAL, municipality=None, **fields):
    return NormativeDocument.objects.create(
        municipality=municipality or world.municipality, level=level,
        kind=fields.pop("kind", "Федеральный закон"), number=number,
        issued_on=fields.pop("issued_on", datetime.date(2012, 12, 29)),
        title=fields.pop("title", "Об образовании в Российской Федерации"), **fields)


def test_it_adds_a_bank_entry_with_its_file(world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    entry = save_bank_entry(municipality=world.municipality, user=world.staff, upload=_pdf(),
                            data=_entry_data(organization=world.school_a,
                                             direction=world.directions[0]))

    assert entry.filename == "programma.pdf"
    assert entry.file.name.startswith("registers/") and "programma" not in entry.file.name
    assert entry.updated_by == world.staff


def test_it_keeps_each_file_of_an_entry_in_its_history(world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    entry = save_bank_entry(municipality=world.municipality, user=world.staff, upload=_pdf(),
                            data=_entry_data())
    save_bank_entry(municipality=world.municipality, user=world.staff, entry=entry,
                    upload=_pdf("programma-2.pdf"), data=_entry_data(year=2023))

    files = list(entry.history.order_by("history_date").values_list("filename", "year"))
    assert files == [("programma.pdf", 2022), ("programma-2.pdf", 2023)]


def test_it_refuses_an_approval_without_its_date_and_changes_nothing(world):
    with pytest.raises(ValidationError) as refusal:
        save_bank_entry(municipality=world.municipality, user=world.staff,
                        data=_entry_data(approved_by="Научно-методический совет"))

    assert "Укажите и кем, и когда материал утверждён" in str(refusal.value)
    assert not BankEntry.objects.exists()


def test_it_refuses_a_direction_and_a_competence_area_together(world):
    area = CompetenceArea.objects.create(municipality=world.municipality, number=1,
                                         title="ИКТ-компетенции")
    with pytest.raises(ValidationError) as refusal:
        save_bank_entry(municipality=world.municipality, user=world.staff,
                        data=_entry_data(direction=world.directions[0], competence_area=area))

    assert "не то и другое сразу" in str(refusal.value)


def test_it_refuses_an_organization_of_another_municipality(world):
    with pytest.raises(ValidationError) as refusal:
        save_bank_entry(municipality=world.municipality, user=world.staff,
                        data=_entry_data(organization=world.other_organization))

    assert "своего муниципального образования" in str(refusal.value)
    assert not BankEntry.objects.exists()


def test_it_refuses_a_file_that_is_not_what_its_name_says(world):
    with pytest.raises(ValidationError) as refusal:
        save_bank_entry(municipality=world.municipality, user=world.staff,
                        upload=_pdf(body=b"MZ not a pdf"), data=_entry_data())

    assert "не соответствует расширению PDF" in str(refusal.value)
    assert not BankEntry.objects.exists()


def test_it_records_a_review_and_asks_remarks_for_a_rejection(world):
    entry = save_bank_entry(municipality=world.municipality, user=world.staff,
                            data=_entry_data())
    with pytest.raises(ValidationError) as refusal:
        record_review(entry=entry, reviewer="Сидорова В. В., методист ИМЦ",
                      reviewed_on=datetime.date(2023, 3, 1), verdict=Verdict.REJECTED,
                      user=world.staff)
    assert "напишите замечания рецензента" in str(refusal.value)

    review = record_review(entry=entry, reviewer="Сидорова В. В., методист ИМЦ",
                           reviewed_on=datetime.date(2023, 3, 1), verdict=Verdict.RECOMMENDED,
                           user=world.staff)
    assert list(entry.reviews.all()) == [review]


def test_the_database_refuses_a_rejection_without_remarks(world):
    entry = save_bank_entry(municipality=world.municipality, user=world.staff,
                            data=_entry_data())
    with pytest.raises(IntegrityError), transaction.atomic():
        Review.objects.create(entry=entry, reviewer="Рецензент",
                              reviewed_on=datetime.date(2023, 3, 1), verdict=Verdict.REVISE)


def test_it_registers_a_built_handbook_once_per_year(world):
    first = register_built_handbook(period=world.period, at=timezone.now())
    again = register_built_handbook(period=world.period, at=timezone.now())

    assert first == again
    assert (first.kind, first.origin, first.programme) == (ProductKind.HANDBOOK, Origin.BUILT,
                                                           world.programme)
    assert Product.objects.count() == 1


def test_the_database_keeps_one_built_handbook_per_year(world):
    register_built_handbook(period=world.period, at=timezone.now())
    with pytest.raises(IntegrityError), transaction.atomic():
        Product.objects.create(municipality=world.municipality, kind=ProductKind.HANDBOOK,
                               title="Второе", year=2022, period=world.period,
                               origin=Origin.BUILT)


def test_a_built_handbook_keeps_its_kind_and_year(world):
    built = register_built_handbook(period=world.period, at=timezone.now())

    with pytest.raises(ValidationError) as refusal:
        save_product(municipality=world.municipality, user=world.staff, product=built,
                     data={"kind": ProductKind.ARTICLE, "title": built.title,
                           "year": built.year, "period": world.period})
    assert "вид и учебный год не меняются" in str(refusal.value)


def test_a_product_of_a_year_belongs_to_its_programme(world):
    product = save_product(municipality=world.municipality, user=world.staff, data={
        "kind": ProductKind.COLLECTION, "title": "Сборник практик команд-лидеров",
        "year": 2022, "period": world.period})

    assert product.programme == world.programme


def test_it_refuses_a_year_of_another_municipalitys_programme(world):
    with pytest.raises(ValidationError):
        save_product(municipality=world.municipality, user=world.staff, data={
            "kind": ProductKind.COLLECTION, "title": "Сборник", "year": 2022,
            "period": world.other_platform.period})
    assert not Product.objects.exists()


def test_a_programme_cites_documents_in_its_own_order(world):
    law = _document(world)
    order = _document(world, number="1642", kind="Постановление Правительства Российской "
                      "Федерации", issued_on=datetime.date(2017, 12, 26),
                      title="Об утверждении государственной программы")
    local = _document(world, number="15", level=Level.MUNICIPAL, kind="Приказ",
                      issuer="Управление образования", title="О дорожной карте")

    set_citations(programme=world.programme, documents=[order, law, local])
    assert cited_documents(programme=world.programme) == [order, law, local]
    assert cite(programme=world.programme, document=law).position == 2
    assert [(level, [d.number for d in items]) for level, items
            in cited_by_level(programme=world.programme)] == [
        ("Федеральный уровень", ["1642", "273-ФЗ"]), ("Муниципальный уровень", ["15"])]
    assert local.citation == ("Приказ (Управление образования) от 29.12.2012 № 15 "
                              "«О дорожной карте»")


def test_a_programme_cites_only_its_own_municipalitys_documents(world):
    foreign = _document(world, municipality=world.other_municipality)

    with pytest.raises(ValidationError):
        cite(programme=world.programme, document=foreign)
    with pytest.raises(ValidationError):
        set_citations(programme=world.programme, documents=[foreign])


def test_the_database_refuses_the_same_document_twice(world):
    _document(world)
    with pytest.raises(IntegrityError), transaction.atomic():
        _document(world)


def test_it_refuses_a_release_date_outside_the_products_year(world):
    with pytest.raises(ValidationError) as refusal:
        save_product(municipality=world.municipality, user=world.staff, data={
            "kind": ProductKind.ARTICLE, "title": "Статья", "year": 2022,
            "issued_on": datetime.date(2021, 5, 1)})

    assert "Дата выпуска должна быть в указанном году." in str(refusal.value)
    assert not Product.objects.exists()


def test_it_marks_a_bank_entry_as_a_product_of_a_network_the_municipality_is_in(world):
    hub = create_network(title="Сеть соседей", hub_municipality=world.other_municipality,
                         starts_on=datetime.date(2021, 1, 1))
    add_member(network=hub, side=world.municipality)
    entry = save_bank_entry(municipality=world.municipality, user=world.staff,
                            data=_entry_data(network=hub))

    assert entry.network == hub


def test_it_refuses_a_network_the_municipality_is_not_in_and_adds_nothing(world):
    foreign = create_network(title="Чужая сеть", hub_municipality=world.other_municipality,
                             starts_on=datetime.date(2021, 1, 1))
    with pytest.raises(ValidationError) as refusal:
        save_bank_entry(municipality=world.municipality, user=world.staff,
                        data=_entry_data(network=foreign))

    assert "Выберите сеть, в которой участвует ваше муниципальное образование" in str(
        refusal.value)
    assert not BankEntry.objects.exists()

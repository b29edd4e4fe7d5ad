"""Pages of the registers under each role: lists with search, filters and empty states,
a record's page and file, the staff's forms with Russian refusals, reviews, the programme's
normative base; list query counts pinned."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from networks.memberships import create_network
from people.models import CompetenceArea
from registers.models import (
    BankEntry,
    BankKind,
    Citation,
    Level,
    NormativeDocument,
    Product,
    ProductKind,
    Review,
    Verdict,
)
from registers.products import register_built_handbook
from tests.helpers import assert_redirects_to_login, messages_of


@pytest.fixture
def records(world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    entry = BankEntry.objects.create(
        municipality=world.municipality, kind=BankKind.PROGRAMME, year=2022,
        title="Программа стажировки «Управление качеством образования»",
        authors="Иванова А. А.", organization=world.school_a, direction=world.directions[0])
    entry.file.save("programma.pdf", ContentFile(b"%PDF-1.4 programma"))
    Review.objects.create(entry=entry, reviewer="Сидорова В. В.", verdict=Verdict.RECOMMENDED,
                          reviewed_on=datetime.date(2022, 5, 1))
    product = Product.objects.create(
        municipality=world.municipality, kind=ProductKind.COLLECTION, year=2022,
        title="Сборник практик команд-лидеров", period=world.period,
        programme=world.programme)
    document = NormativeDocument.objects.create(
        municipality=world.municipality, level=Level.FEDERAL, kind="Федеральный закон",
        number="273-ФЗ", issued_on=datetime.date(2012, 12, 29),
        title="Об образовании в Российской Федерации")
    return entry, product, document


def _more(world, count=3):
    for number in range(count):
        entry = BankEntry.objects.create(
            municipality=world.municipality, kind=BankKind.DEVELOPMENT, year=2021,
            title=f"Разработка {number}", authors="Автор", organization=world.school_b)
        Review.objects.create(entry=entry, reviewer="Рецензент", verdict=Verdict.REVISE,
                              comment="Доработать", reviewed_on=datetime.date(2022, 1, 1))
        Product.objects.create(municipality=world.municipality, kind=ProductKind.ARTICLE,
                               year=2021, title=f"Статья {number}", period=world.period,
                               organization=world.school_b)
        NormativeDocument.objects.create(
            municipality=world.municipality, level=Level.MUNICIPAL, kind="Приказ",
            number=str(100 + number), issued_on=datetime.date(2021, 9, 1),
            title=f"Приказ {number}")


@pytest.mark.parametrize(("name", "queries"), [
    ("register_bank_list", 8), ("register_product_list", 6), ("register_document_list", 6)])
def test_each_list_costs_the_same_queries_whatever_its_size(
    world, records, login, django_assert_num_queries, name, queries
):
    client = login(world.staff)
    with django_assert_num_queries(queries):
        assert client.get(reverse(name)).status_code == 200
    _more(world)
    with django_assert_num_queries(queries):
        assert client.get(reverse(name)).status_code == 200


@pytest.mark.parametrize("role", ["staff", "curator", "analyst", "school_user"])
def test_every_role_of_the_municipality_reads_the_registers(world, records, as_role, role):
    entry, product, document = records
    client = as_role(role)

    assert entry.title in client.get(reverse("register_bank_list")).content.decode()
    assert product.title in client.get(reverse("register_product_list")).content.decode()
    assert "273-ФЗ" in client.get(reverse("register_document_list")).content.decode()
    page = client.get(reverse("register_bank_detail", args=[entry.pk])).content.decode()
    assert "Сидорова В. В." in page and "рекомендовано" in page
    response = client.get(reverse("register_bank_file", args=[entry.pk]))
    assert b"".join(response.streaming_content) == b"%PDF-1.4 programma"
    assert ("Записать рецензию" in page) == (role == "staff")


def test_another_municipality_finds_none_of_the_records(world, records, login):
    entry, product, document = records
    client = login(world.outsider)

    assert entry.title not in client.get(reverse("register_bank_list")).content.decode()
    for name, record in (("register_bank_detail", entry), ("register_bank_file", entry),
                         ("register_product_detail", product),
                         ("register_document_detail", document),
                         ("register_bank_edit", entry),
                         ("register_programme_citations", world.programme)):
        assert client.get(reverse(name, args=[record.pk])).status_code == 404, name


def test_an_analyst_reads_but_does_not_keep(world, records, login):
    entry, product, document = records
    client = login(world.analyst)

    assert client.get(reverse("register_bank_edit", args=[entry.pk])).status_code == 403
    assert client.get(reverse("register_product_create")).status_code == 403
    assert client.post(reverse("register_bank_review", args=[entry.pk]), {
        "reviewer": "Кто-то", "reviewed_on": "2023-01-01",
        "verdict": "recommended"}).status_code == 403
    assert entry.reviews.count() == 1


def test_an_anonymous_visitor_is_sent_to_sign_in(client):
    assert_redirects_to_login(client.get(reverse("register_bank_list")))


def test_the_empty_lists_say_what_to_do_next(world, login):
    staff = login(world.staff)
    assert "Нажмите «Добавить материал»" in staff.get(
        reverse("register_bank_list")).content.decode()
    assert "попадает сюда само" in staff.get(reverse("register_product_list")).content.decode()
    assert "Нажмите «Добавить документ»" in staff.get(
        reverse("register_document_list")).content.decode()
    school = login(world.school_user)
    assert "его пополняет управление образования" in school.get(
        reverse("register_bank_list")).content.decode()


def test_staff_add_a_bank_entry_with_a_file(world, login, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    response = login(world.staff).post(reverse("register_bank_create"), {
        "kind": "development", "title": "Кейс «Школа в режиме развития»",
        "authors": "Петрова Г. Г.", "organization": world.school_a.pk, "year": 2023,
        "approved_by": "Научно-методический совет", "approved_on": "2023-04-10",
        "file": SimpleUploadedFile("keis.pdf", b"%PDF-1.4 keis")})

    entry = BankEntry.objects.get()
    assert response.status_code == 302 and response.url == reverse("register_bank_detail",
                                                                   args=[entry.pk])
    assert (entry.filename, entry.approved_on) == ("keis.pdf", datetime.date(2023, 4, 10))
    assert entry.municipality == world.municipality


def test_it_refuses_an_incomplete_approval_in_russian_and_adds_nothing(world, login):
    response = login(world.staff).post(reverse("register_bank_create"), {
        "kind": "development", "title": "Кейс", "authors": "Петрова Г. Г.", "year": 2023,
        "approved_by": "Научно-методический совет"})

    assert response.status_code == 200
    assert "Укажите и кем, и когда материал утверждён" in response.content.decode()
    assert not BankEntry.objects.exists()


def test_it_refuses_a_year_out_of_range(world, login):
    response = login(world.staff).post(reverse("register_product_create"), {
        "kind": "article", "title": "Статья", "year": 3000})

    assert "Укажите год от 1990 до 2100." in response.content.decode()
    assert not Product.objects.exists()


def test_staff_record_a_review_and_a_rejection_needs_remarks(world, records, login):
    entry = records[0]
    client = login(world.staff)
    url = reverse("register_bank_review", args=[entry.pk])

    refused = client.post(url, {"reviewer": "Орлова Д. Д.", "reviewed_on": "2023-02-01",
                                "verdict": "rejected", "comment": ""})
    assert "напишите замечания рецензента" in refused.content.decode()
    assert entry.reviews.count() == 1

    done = client.post(url, {"reviewer": "Орлова Д. Д.", "reviewed_on": "2023-02-01",
                             "verdict": "revise", "comment": "Добавить диагностику."},
                       follow=True)
    assert messages_of(done) == ["Рецензия записана."]
    assert "на доработку" in done.content.decode()


def test_staff_change_a_product_and_its_history_shows_it(world, records, login):
    product = records[1]
    client = login(world.staff)
    client.post(reverse("register_product_edit", args=[product.pk]), {
        "kind": "collection", "title": "Сборник практик, 2-е издание", "year": 2023,
        "period": world.period.pk})

    page = client.get(reverse("register_product_detail", args=[product.pk])).content.decode()
    assert "Сборник практик, 2-е издание" in page and "История изменений" in page


def test_the_lists_filter_by_kind_year_and_level(world, records, login):
    _more(world)
    client = login(world.staff)

    page = client.get(reverse("register_bank_list"), {"kind": "programme"}).content.decode()
    assert "Программа стажировки" in page and "Разработка 1" not in page
    page = client.get(reverse("register_bank_list"), {"verdict": "revise"}).content.decode()
    assert "Разработка 1" in page and "Программа стажировки" not in page
    page = client.get(reverse("register_product_list"), {"year": "2021"}).content.decode()
    assert "Статья 1" in page and "Сборник практик" not in page
    page = client.get(reverse("register_document_list"), {"level": "municipal"}).content.decode()
    assert "Приказ 1" in page and "273-ФЗ" not in page


def test_the_search_finds_words_in_any_case_and_says_when_nothing_is_found(world, records,
                                                                            login):
    client = login(world.staff)

    page = client.get(reverse("register_bank_list"), {"q": "УПРАВЛЕНИЕ качеством"})
    assert "Программа стажировки" in page.content.decode()
    page = client.get(reverse("register_document_list"), {"q": "образовании"}).content.decode()
    assert "273-ФЗ" in page
    page = client.get(reverse("register_product_list"), {"q": "астрономия"}).content.decode()
    assert "ничего не нашлось" in page


def test_staff_set_the_programmes_normative_base_in_order(world, records, login):
    document = records[2]
    second = NormativeDocument.objects.create(
        municipality=world.municipality, level=Level.FEDERAL, kind="Указ Президента "
        "Российской Федерации", number="204", issued_on=datetime.date(2018, 5, 7),
        title="О национальных целях")
    client = login(world.staff)
    url = reverse("register_programme_citations", args=[world.programme.pk])

    assert "О национальных целях" in client.get(url).content.decode()
    client.post(url, {f"doc_{second.pk}": "1", f"doc_{document.pk}": "2"})

    assert list(Citation.objects.filter(programme=world.programme).order_by("position")
                .values_list("document", flat=True)) == [second.pk, document.pk]
    page = client.get(reverse("register_document_list"),
                      {"programme": world.programme.pk}).content.decode()
    assert "О национальных целях" in page
    assert login(world.curator).get(url).status_code == 403


def test_an_earlier_file_of_a_record_stays_downloadable_from_its_history(world, login,
                                                                          settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client = login(world.staff)
    data = {"kind": "programme", "title": "Программа", "authors": "Петрова Г. Г.",
            "year": 2022}
    client.post(reverse("register_bank_create"),
                {**data, "file": SimpleUploadedFile("v1.pdf", b"%PDF-1.4 first")})
    entry = BankEntry.objects.get()
    client.post(reverse("register_bank_edit", args=[entry.pk]),
                {**data, "file": SimpleUploadedFile("v2.pdf", b"%PDF-1.4 second")})
    first = entry.history.order_by("history_date").first()

    page = client.get(reverse("register_bank_detail", args=[entry.pk])).content.decode()
    assert "файл «v1.pdf»" in page and "файл «v2.pdf»" in page
    url = reverse("register_bank_file", args=[entry.pk])
    older = login(world.school_user).get(url, {"version": first.history_id})
    assert b"".join(older.streaming_content) == b"%PDF-1.4 first"
    assert b"".join(client.get(url).streaming_content) == b"%PDF-1.4 second"
    assert login(world.outsider).get(url, {"version": first.history_id}).status_code == 404
    assert client.get(url, {"version": "abc"}).status_code == 404


def test_staff_cannot_turn_a_built_handbook_into_an_article(world, login):
    built = register_built_handbook(period=world.period, at=timezone.now())

    response = login(world.staff).post(reverse("register_product_edit", args=[built.pk]), {
        "kind": "article", "title": built.title, "year": built.year,
        "period": world.period.pk})

    assert "вид и учебный год не меняются" in response.content.decode()
    built.refresh_from_db()
    assert built.kind == ProductKind.HANDBOOK


def test_the_bank_filters_by_competence_area(world, records, login):
    area = CompetenceArea.objects.create(municipality=world.municipality, number=1,
                                         title="ИКТ-компетенции")
    BankEntry.objects.create(municipality=world.municipality, kind=BankKind.DIDACTIC,
                             year=2023, title="Цифровые инструменты урока", authors="Автор",
                             competence_area=area)

    page = login(world.staff).get(
        reverse("register_bank_list"), {"competence_area": area.pk}).content.decode()

    assert "Цифровые инструменты урока" in page and "Программа стажировки" not in page


def test_the_bank_form_offers_only_the_networks_of_the_municipality(world, login):
    own = create_network(title="Сеть района", hub_municipality=world.municipality,
                         starts_on=datetime.date(2021, 1, 1))
    create_network(title="Чужая сеть", hub_municipality=world.other_municipality,
                   starts_on=datetime.date(2021, 1, 1))
    client = login(world.staff)
    html = client.get(reverse("register_bank_create")).content.decode()
    assert "Сеть района" in html and "Чужая сеть" not in html

    response = client.post(reverse("register_bank_create"), {
        "kind": "development", "title": "Сетевой кейс", "authors": "Петрова Г. Г.",
        "year": 2023, "network": own.pk})
    entry = BankEntry.objects.get()
    assert response.status_code == 302 and entry.network == own
    assert "Продукт сети" in client.get(reverse("register_bank_detail",
                                                args=[entry.pk])).content.decode()

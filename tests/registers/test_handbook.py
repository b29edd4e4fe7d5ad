"""The handbook's chapter «Нормативная база» lists the documents the programme cites in
the register, by level and in the programme's order, with or without the department's
own text; documents the programme does not cite stay out."""

import datetime

from django.template.loader import render_to_string

from registers.models import Level, NormativeDocument
from registers.normative import set_citations
from reports.handbook_texts import save_handbook_texts
from reports.pdf import handbook


def _html(world) -> str:
    context = handbook.handbook_context(municipality=world.municipality, period=world.period,
                                        progress=lambda *args: None)
    return render_to_string(handbook.TEMPLATE, context)


def _document(world, number, level, kind, title, issued_on, issuer=""):
    return NormativeDocument.objects.create(municipality=world.municipality, level=level,
                                            kind=kind, number=number, issued_on=issued_on,
                                            title=title, issuer=issuer)


def test_the_cited_documents_make_the_chapter_without_a_text(world):
    law = _document(world, "273-ФЗ", Level.FEDERAL, "Федеральный закон",
                    "Об образовании в Российской Федерации", datetime.date(2012, 12, 29))
    order = _document(world, "15", Level.MUNICIPAL, "Приказ", "Об утверждении дорожной карты",
                      datetime.date(2021, 9, 1), issuer="Управление образования")
    _document(world, "99", Level.REGIONAL, "Приказ", "Не цитируется",
              datetime.date(2020, 1, 1))
    set_citations(programme=world.programme, documents=[order, law])

    html = _html(world)

    assert "1. Нормативная база" in html and "2. Модель сопровождения" in html
    assert "1.1. Федеральный уровень" in html and "1.2. Муниципальный уровень" in html
    assert ("Федеральный закон от 29 декабря 2012 г. № 273-ФЗ «Об образовании в Российской "
            "Федерации»") in html
    assert "Приказ (Управление образования) от 1 сентября 2021 г. № 15" in html
    assert "Не цитируется" not in html


def test_the_departments_text_opens_the_chapter_before_the_list(world):
    law = _document(world, "273-ФЗ", Level.FEDERAL, "Федеральный закон",
                    "Об образовании в Российской Федерации", datetime.date(2012, 12, 29))
    set_citations(programme=world.programme, documents=[law])
    save_handbook_texts(programme=world.programme, user=world.staff,
                        texts={"regulation": "Проект опирается на документы ниже."})

    html = _html(world)

    assert html.index("Проект опирается на документы ниже.") < html.index("№ 273-ФЗ")
    assert html.count("Нормативная база") == 2  # contents and heading

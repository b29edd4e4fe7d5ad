"""The Krymsky registers of the demo: the programme's normative base word for word and in
its order, the internship programmes in the bank and the roadmap's handbook, both marked
illustrative; the handbook prints its regulatory base from the register."""

import pytest

from demo.krymsky import MUNICIPALITY, PROGRAMME, load_demo
from demo.krymsky_registers import load_krymsky_registers
from internships.models import Programme
from registers.models import BankEntry, NormativeDocument, Product
from registers.normative import cited_documents
from reports.pdf.handbook import handbook_document
from teams.models import Municipality

pytestmark = pytest.mark.django_db


def test_it_loads_the_programmes_normative_base_and_cites_it_in_order():
    load_demo()

    assert load_krymsky_registers() == {"documents": 11, "programmes": 7, "products": 1}
    programme = Programme.objects.get(municipality__name=MUNICIPALITY, title=PROGRAMME)
    numbers = [document.number for document in cited_documents(programme=programme)]
    assert numbers == ["204", "273-ФЗ", "1642", "662", "582", "462", "1324", "219/590", "276",
                       "1547", "955"]
    assert all(entry.illustrative for entry in BankEntry.objects.all())
    handbook = Product.objects.get()
    assert handbook.illustrative and handbook.issued_on.year == 2024


def test_running_it_twice_changes_nothing():
    load_demo()
    load_krymsky_registers()
    load_krymsky_registers()

    assert (NormativeDocument.objects.count(), BankEntry.objects.count(),
            Product.objects.count()) == (11, 7, 1)


def test_the_demo_handbook_prints_the_cited_documents_as_its_regulatory_base():
    load_demo()
    load_krymsky_registers()
    municipality = Municipality.objects.get(name=MUNICIPALITY)

    html, _ = handbook_document(municipality=municipality, period=None, parameters={},
                                progress=lambda *args: None)

    assert "1. Нормативная база" in html
    assert ("Федеральный закон от 29 декабря 2012 г. № 273-ФЗ «Об образовании в Российской "
            "Федерации»") in html
    assert html.index("№ 204") < html.index("№ 273-ФЗ") < html.index("№ 955")

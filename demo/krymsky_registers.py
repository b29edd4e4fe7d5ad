"""The Krymsky district's registers: the normative base of its innovation programme (§3 and
§15 of the programme's text) as normative documents the programme cites, the internship
programmes of its seven directions in the bank, and the methodological handbook of its
roadmap in the register of products.

The documents are the programme's own list, word for word. The bank entries stand for the
annexes «программы стажировок» the programme names; who wrote them is not stated, so
their authors (the directions' curators) are illustrative and the entries say so. The
handbook is the roadmap's deliverable of November–December 2024; the demo assumes it was
issued, so it is marked illustrative too.
"""

from datetime import date as D

from demo.krymsky import DIRECTIONS, MUNICIPALITY, PROGRAMME
from internships.models import Direction, Period, Programme
from registers.models import BankEntry, BankKind, Level, NormativeDocument, Product, ProductKind
from registers.normative import set_citations

PRESIDENT = "Указ Президента Российской Федерации"
GOVERNMENT = "Постановление Правительства Российской Федерации"
MINOBRNAUKI = "Приказ Министерства образования и науки Российской Федерации"

# kind, issuer, number, date, title — in the order of the programme's list.
NORMATIVE_BASE = [
    (PRESIDENT, "Президент Российской Федерации", "204", D(2018, 5, 7),
     "О национальных целях и стратегических задачах развития Российской Федерации на "
     "период до 2024 года"),
    ("Федеральный закон", "", "273-ФЗ", D(2012, 12, 29),
     "Об образовании в Российской Федерации"),
    (GOVERNMENT, "Правительство Российской Федерации", "1642", D(2017, 12, 26),
     "Об утверждении государственной программы Российской Федерации «Развитие "
     "образования»"),
    (GOVERNMENT, "Правительство Российской Федерации", "662", D(2013, 8, 5),
     "Об осуществлении мониторинга системы образования"),
    (GOVERNMENT, "Правительство Российской Федерации", "582", D(2013, 7, 10),
     "Об утверждении Правил размещения на официальном сайте образовательной организации в "
     "информационно-телекоммуникационной сети «Интернет» и обновления информации об "
     "образовательной организации"),
    (MINOBRNAUKI, "Министерство образования и науки Российской Федерации", "462",
     D(2013, 6, 14), "Об утверждении порядка проведения самообследования образовательной "
                     "организации"),
    (MINOBRNAUKI, "Министерство образования и науки Российской Федерации", "1324",
     D(2013, 12, 10), "Об утверждении показателей деятельности образовательной организации, "
                      "подлежащей самообследованию"),
    ("Приказ Министерства просвещения Российской Федерации и Федеральной службы по надзору "
     "в сфере образования и науки", "Министерство просвещения Российской Федерации",
     "219/590", D(2019, 6, 6),
     "Об утверждении Методологии и критериев оценки качества общего образования в "
     "общеобразовательных организациях на основе практики международных исследований "
     "качества подготовки обучающихся"),
    (MINOBRNAUKI, "Министерство образования и науки Российской Федерации", "276",
     D(2014, 4, 7), "Об утверждении Порядка проведения аттестации педагогических работников "
                    "организаций, осуществляющих образовательную деятельность"),
    (MINOBRNAUKI, "Министерство образования и науки Российской Федерации", "1547",
     D(2014, 12, 5), "Об утверждении показателей, характеризующих общие критерии качества "
                     "деятельности организаций, осуществляющих образовательную деятельность"),
    (MINOBRNAUKI, "Министерство образования и науки Российской Федерации", "955",
     D(2017, 9, 22), "Об утверждении показателей мониторинга системы образования"),
]

HANDBOOK_TITLE = ("Методическое пособие, описывающее систему научно-методического "
                  "сопровождения и непрерывного профессионального роста школьных "
                  "управленческих команд")
HANDBOOK_AUTHORS = "Н. М. Василенко, З. А. Резник, В. Н. Аблаева, А. А. Пацюк"
HANDBOOK_ISSUED = D(2024, 12, 20)
DEPARTMENT = "Управление образования администрации муниципального образования Крымский район"


def load_normative_base(programme: Programme) -> list[NormativeDocument]:
    """The programme's normative base in the register, cited in the programme's order."""
    documents = []
    for kind, issuer, number, issued_on, title in NORMATIVE_BASE:
        document, _ = NormativeDocument.objects.update_or_create(
            municipality_id=programme.municipality_id, kind=kind, number=number,
            issued_on=issued_on,
            defaults={"level": Level.FEDERAL, "title": title, "issuer": issuer})
        documents.append(document)
    set_citations(programme=programme, documents=documents)
    return documents


def _load_bank(programme: Programme) -> int:
    curators = {number: ", ".join(names) for number, *_, names in DIRECTIONS}
    directions = Direction.objects.filter(programme=programme).order_by("number")
    for direction in directions:
        BankEntry.objects.update_or_create(
            municipality_id=programme.municipality_id, direction=direction,
            kind=BankKind.PROGRAMME,
            defaults={"title": f"Программа стажировки «{direction.title}» "
                               f"({direction.annex or 'приложение к проекту'})",
                      "authors": curators.get(direction.number, "МКУ ИМЦ"),
                      "organization_name": "МКУ ИМЦ, управление образования",
                      "audience": "управленческие команды общеобразовательных организаций",
                      "year": 2021, "illustrative": True})
    return directions.count()


def _load_handbook(programme: Programme) -> Product:
    period = Period.objects.filter(programme=programme, starts_on__lte=HANDBOOK_ISSUED,
                                   ends_on__gte=HANDBOOK_ISSUED).first()
    product, _ = Product.objects.update_or_create(
        municipality_id=programme.municipality_id, kind=ProductKind.HANDBOOK,
        title=HANDBOOK_TITLE,
        defaults={"authors": HANDBOOK_AUTHORS, "organization_name": DEPARTMENT,
                  "year": HANDBOOK_ISSUED.year, "issued_on": HANDBOOK_ISSUED,
                  "programme": programme, "period": period, "illustrative": True})
    return product


def load_krymsky_registers() -> dict[str, int]:
    """The Krymsky registers; a second run changes nothing."""
    programme = Programme.objects.get(municipality__name=MUNICIPALITY, title=PROGRAMME)
    documents = load_normative_base(programme)
    programmes = _load_bank(programme)
    _load_handbook(programme)
    return {"documents": len(documents), "programmes": programmes, "products": 1}

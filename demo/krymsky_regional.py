"""The region's motivating monitoring for the demo district (illustrative): three of its
figures for each academic year of the programme with the district's place among the 44
municipalities of the region. The region's real tables are not in the source documents, so
every figure here is invented for the demo and marked «иллюстративные данные»."""

from decimal import Decimal

from internships.models import Period
from reports.regional_monitoring import save_regional_figure

RANKED = 44
# Number, name, unit, then the value and the place for each year, oldest first.
FIGURES = (
    ("1.1", "Доля выпускников 11 классов, получивших аттестат с отличием", "%",
     (("6.8", 21), ("7.4", 17), ("8.1", 14), ("8.3", 12))),
    ("2.3", "Доля обучающихся — победителей и призёров регионального этапа всероссийской "
            "олимпиады школьников", "%",
     (("0.9", 30), ("1.2", 26), ("1.5", 22), ("1.6", 20))),
    ("4.2", "Доля педагогов с первой и высшей квалификационной категорией", "%",
     (("52.0", 33), ("55.5", 29), ("58.9", 25), ("60.2", 23))),
)


def load_regional_monitoring(*, periods: list[Period]) -> int:
    """The illustrative figures of each period (at most four years); how many were saved."""
    saved = 0
    for year, period in enumerate(periods[:4]):
        for number, name, unit, by_year in FIGURES:
            value, rank = by_year[year]
            save_regional_figure(municipality=period.programme.municipality, period=period,
                                 number=number, name=name, unit=unit, value=Decimal(value),
                                 rank=rank, ranked=RANKED, illustrative=True)
            saved += 1
    return saved

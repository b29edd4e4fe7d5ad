"""The seeded random streams the generator draws from, and the fixed times of the
rows: nothing depends on the clock or on the order the stages run in."""

import datetime
import random
import zoneinfo

from django.conf import settings

from demo.synthetic.scale import Scale

_ZONE = zoneinfo.ZoneInfo(settings.TIME_ZONE)


def moment(day: datetime.date, hour: int) -> datetime.datetime:
    """A time on a day of the data, for the rows' «записано» stamps: never the clock."""
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=_ZONE)


def weighted(rng: random.Random, pairs):
    values, weights = zip(*pairs, strict=True)
    return rng.choices(values, weights=weights)[0]


def stream(seed: int, stage: str) -> random.Random:
    """A random stream of its own: the same seed gives the same draws in every run."""
    return random.Random(f"{seed}:{stage}")


def district_streams(seed: int, stage: str, scale: Scale) -> dict[int, random.Random]:
    """Municipality number → the stage's stream for it: what a municipality gets does not
    depend on how many others there are, so «Синтетическое МО 0001» of 1 000 organizations
    is the same whether the run makes one municipality or fifty."""
    return {district.number: stream(seed, f"{stage}:{district.number}")
            for district in scale.districts}

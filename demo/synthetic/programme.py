"""The demo project three years on in every synthetic municipality: stages, control
points, academic years, the seven directions, curators and platforms."""

import random

from demo.krymsky import CONTROL_POINTS, DIRECTIONS, PROGRAMME, STAGES, short_title_of
from demo.synthetic.names import person
from demo.synthetic.scale import PROGRAMME_ENDS, PROGRAMME_STARTS, District, Scale, later
from demo.synthetic.streams import district_streams
from demo.synthetic.tables import Table, insert
from internships.models import (
    ControlPoint,
    Curator,
    CuratorBody,
    Direction,
    Period,
    Platform,
    Programme,
    Stage,
)

CURATOR_POSITIONS = {
    CuratorBody.DEPARTMENT: ["заместитель начальника управления образования",
                             "главный специалист управления образования",
                             "ведущий специалист управления образования"],
    CuratorBody.METHODOLOGICAL: ["директор МКУ ИМЦ", "старший методист МКУ ИМЦ",
                                 "методист МКУ ИМЦ"],
    CuratorBody.QUALITY: ["руководитель ЦОКО", "специалист ЦОКО"],
}
CURATOR_BODIES = [CuratorBody.DEPARTMENT, CuratorBody.METHODOLOGICAL, CuratorBody.QUALITY]
# The curator with an account curates the platforms of these directions (by index).
ACCOUNT_CURATOR_DIRECTIONS = (0, 1)
MENTEE_CAPACITY = 3


def generate_programmes(*, scale: Scale, seed: int) -> dict[str, int]:
    """The demo's project, three years on: stages, control points, academic years, the
    seven directions, 3–6 curators and a platform per direction and year."""
    programmes = insert([
        Programme(municipality_id=district.pk, title=PROGRAMME, starts_on=PROGRAMME_STARTS,
                  ends_on=PROGRAMME_ENDS, mentee_capacity=MENTEE_CAPACITY)
        for district in scale.districts])
    streams = district_streams(seed, "programmes", scale)
    stages, points, periods, directions, curators = [], [], [], [], []
    for district, programme in zip(scale.districts, programmes, strict=True):
        district.programme_pk = programme.pk
        stages += [Stage(programme_id=programme.pk, number=number, title=title,
                         description=description, starts_on=later(starts_on),
                         ends_on=later(ends_on))
                   for number, starts_on, ends_on, title, description in STAGES]
        points += [(district, ControlPoint(
            programme_id=programme.pk, kind=kind, title=title, starts_on=later(starts_on),
            ends_on=later(ends_on))) for kind, title, starts_on, ends_on in CONTROL_POINTS]
        periods += [(district, Period(programme_id=programme.pk, title=span.title,
                                      starts_on=span.starts_on, ends_on=span.ends_on))
                    for span in scale.spans]
        directions += [(district, Direction(programme_id=programme.pk, number=number,
                                            title=title, short_title=short_title_of(number),
                                            annex=annex))
                       for number, title, annex, *_ in DIRECTIONS]
        curators += [(district, curator)
                     for curator in _curators(streams[district.number], district)]
    insert(stages)
    for rows, attribute in ((points, None), (periods, "period_pks"),
                            (directions, "direction_pks"), (curators, "curator_pks")):
        insert([instance for _, instance in rows])
        for district, instance in rows:
            if attribute is None:
                district.control_point_pks[instance.kind, instance.starts_on] = instance.pk
            else:
                getattr(district, attribute).append(instance.pk)
    platforms = []
    for district in scale.districts:
        district.platform_curators = _platform_curators(streams[district.number],
                                                        len(district.curator_pks))
        for period_index in range(len(scale.spans)):
            for direction_index, direction_pk in enumerate(district.direction_pks):
                platforms.append((district, period_index, direction_index, Platform(
                    direction_id=direction_pk, period_id=district.period_pks[period_index])))
    insert([platform for *_, platform in platforms])
    links = Table(Platform.curators.through, "platform", "curator")
    for district, period_index, direction_index, platform in platforms:
        district.platform_pks[period_index, direction_index] = platform.pk
        for curator in district.platform_curators[direction_index]:
            links.add((platform.pk, district.curator_pks[curator]))
    return {"programmes": len(programmes), "stages": len(stages),
            "control_points": len(points), "periods": len(periods),
            "directions": len(directions), "curators": len(curators),
            "platforms": len(platforms), "platform_curators": links.flush()}


def _curators(rng: random.Random, district: District) -> list[Curator]:
    count = rng.randint(3, 6)
    bodies = CURATOR_BODIES + [rng.choice(CURATOR_BODIES) for _ in range(count - 3)]
    curators, taken = [], set()
    for body in bodies:
        full_name, short_name = person(rng)
        while short_name in taken:
            full_name, short_name = person(rng)
        taken.add(short_name)
        curators.append(Curator(municipality_id=district.pk, full_name=full_name,
                                short_name=short_name, body=body,
                                position=rng.choice(CURATOR_POSITIONS[body])))
    return curators


def _platform_curators(rng: random.Random, count: int) -> dict[int, list[int]]:
    """Direction index → curator indexes, the same in every year (as a new year copies
    them); curator 0 is the one given an account."""
    others = list(range(1, count))
    assigned = {}
    for direction in range(len(DIRECTIONS)):
        chosen = rng.sample(others, rng.randint(1, 2))
        if direction in ACCOUNT_CURATOR_DIRECTIONS:
            chosen = [0, *chosen[:1]] if rng.random() < 0.5 else [0]
        assigned[direction] = sorted(chosen)
    return assigned

"""Rows of the URL policy (tests/test_url_policy.py), one module per area of the portal.

Each module defines, in the format of the core table:
    ROWS       — URL name → answer per actor (anonym, staff, cur+, cur-, school+, school-,
                 analyst, other, teacher);
    OBJECT_OF  — URL name → the key in the targets its <int:pk> stands for;
    POST_DATA  — POST-only URL name → valid-looking data;
    targets(context) → {key: pk}: builds the area's objects on the demo district.

The context carries the demo objects the core builds: municipality, programme, period,
platform (direction 3, curated by the demo curator, led by the demo school), own_school
(МБОУ СОШ № 4), foreign_school (МБОУ СОШ № 1), placement (own school on the platform),
mentorship, and the users staff, curator, school_user.
"""

from tests.url_policy_rows import (
    api_tokens,
    aspects,
    competence,
    contests,
    council,
    distribution,
    handbook_texts,
    imports,
    innovation,
    journal,
    monitoring,
    mutual,
    networks,
    outcomes,
    people_platforms,
    people_teachers,
    plans,
    project_indicators,
    regional_monitoring,
    registers,
    report_jobs,
    rounds,
    routes,
    services,
    trainings,
)

AREAS = [journal, council, rounds, monitoring, imports, distribution, project_indicators,
         report_jobs, people_platforms, people_teachers, trainings, routes, competence,
         outcomes, api_tokens, handbook_texts, innovation, contests,
         networks, plans, registers, regional_monitoring, services, mutual, aspects]

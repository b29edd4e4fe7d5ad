"""Synthetic districts at national scale, for load tests and benchmarks.

A synthetic municipality runs the demo district's internship model — its project with the
stages and control points, the seven directions, the starter deficit catalogue and the
diagnostic rounds — moved three years on (2024–2027), and fills it with made-up
organizations, teams, placements, journals, diagnoses and monitoring figures. The
municipalities are named «Синтетическое МО 0001», «… 0002», … and marked ``is_synthetic``;
their users see a warning on every page.

The content depends on the arguments only: every stage draws from its own random stream
seeded with the seed and the stage's name, dates are fixed relative to the programme's
start, and nothing reads the clock or the ids the database hands out. Rows are written in
bulk — by COPY on PostgreSQL, with ``bulk_create`` elsewhere — and simple-history keeps no
records of them; removing the synthetic municipalities deletes table by table, bottom-up,
without loading the rows.

The modules of the package, each a stage or what the stages share: ``scale`` (arguments,
limits, what a run holds), ``tables`` (bulk writing), ``streams`` (seeded randomness),
``names``, ``organizations``, ``programme``, ``placements``, ``journals``, ``diagnostics``,
``monitoring``, ``accounts``, ``removal`` and ``run`` (the whole run in one transaction).
"""

from demo.synthetic.accounts import account_names
from demo.synthetic.removal import delete_synthetic
from demo.synthetic.run import generate_scale
from demo.synthetic.scale import COUNT_LABELS, GenerationRefused

__all__ = ["COUNT_LABELS", "GenerationRefused", "account_names", "delete_synthetic",
           "generate_scale"]

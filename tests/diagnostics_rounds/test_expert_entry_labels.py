"""The expert scoring grid names every input for a screen reader and shows the score scale."""

import re

from django.urls import reverse


def expert_page(world, rounds, as_role, role="curator") -> str:
    url = reverse("round_expert_entry", args=[rounds.intermediate.pk])
    response = as_role(role).get(f"{url}?platform={world.own_platform.pk}")
    assert response.status_code == 200
    return response.content.decode()


def fields_and_labels(html: str) -> tuple[list[str], dict[str, str]]:
    fields = [
        re.search(r'id="([^"]+)"', tag).group(1)
        for tag in re.findall(r"<(?:input|textarea|select)\b[^>]*>", html)
        if 'type="hidden"' not in tag and "id=" in tag
    ]
    labels = dict(re.findall(r'<label[^>]*for="([^"]+)"[^>]*>(.*?)</label>', html, re.S))
    return fields, labels


def test_it_labels_every_input_of_the_expert_grid_with_its_team(world, rounds, as_role):
    html = expert_page(world, rounds, as_role)

    fields, labels = fields_and_labels(html)

    grid = [name for name in fields if name.startswith(("id_score-", "id_comment-"))]
    assert len(grid) == 8  # four teams of the platform, a score and a comment each
    assert [name for name in fields if name not in labels] == []
    team = world.school_a.team
    assert labels[f"id_score-{team.pk}"] == "СОШ № 1: балл (0–100)"
    assert labels[f"id_comment-{team.pk}"] == "СОШ № 1: комментарий"


def test_it_shows_the_score_scale_and_ties_every_score_to_it(world, rounds, as_role):
    html = expert_page(world, rounds, as_role, role="staff")

    assert re.search(r'<p[^>]*id="score-scale"[^>]*><strong>Шкала балла:</strong> целое число '
                     r"от 0 до 100", html)
    assert ">Балл (0–100)</th>" in html
    scores = re.findall(r'<input[^>]*name="score-\d+"[^>]*>', html)
    assert len(scores) == 4
    assert all('aria-describedby="score-scale"' in tag for tag in scores)

"""No dead ends: every breadcrumb link on every page type of the walk opens (200, after any
redirect) for every role that sees the page — a breadcrumb never leads to a page the user
may not open."""

import re

import pytest
from django.contrib.auth.models import User

from tests.browser.walk import ROLES, build_world, stops_for

pytestmark = pytest.mark.django_db

CRUMBS = re.compile(r'<nav aria-label="Навигационная цепочка">(.*?)</nav>', re.S)
LINK = re.compile(r'href="([^"]+)"')


def test_it_lets_every_role_open_every_breadcrumb_link_of_the_pages_it_sees(client):
    world = build_world()
    dead = []
    for role in ROLES:
        client.force_login(User.objects.get(username=role))
        opened = {}
        for stop in stops_for(role):
            page = client.get(stop.url(world), follow=True)
            assert page.status_code == 200, f"{role}: {stop.name}"
            crumbs = CRUMBS.search(page.content.decode())
            for link in LINK.findall(crumbs.group(1)) if crumbs else []:
                link = link.replace("&amp;", "&")
                if link not in opened:
                    opened[link] = client.get(link, follow=True).status_code
                if opened[link] != 200:
                    dead.append(f"{role} на {stop.name}: {link} → {opened[link]}")
    assert dead == []

"""The tables' own pages offer their Excel download, and the upload to those who may load."""

import pytest
from django.urls import reverse


@pytest.mark.parametrize(("page", "table", "loaders"), [
    ("organization_list", "organizations", {"staff"}),
    ("indicators", "indicators", {"staff"}),
    ("staffing", "staffing", {"staff"}),
    ("round_list", "diagnoses", {"staff", "curator"}),
])
@pytest.mark.parametrize("role", ["staff", "curator", "analyst"])
def test_each_table_page_links_its_download_and_upload(world, as_role, page, table, loaders,
                                                       role):
    content = as_role(role).get(reverse(page)).content.decode()

    assert f'href="{reverse(f"export_{table}")}"' in content
    assert (f'href="{reverse(f"import_{table}")}"' in content) == (role in loaders)

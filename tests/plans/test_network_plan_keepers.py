"""Who creates a network's plan: its managers (the hub's department staff and the network's
coordinators, whatever their role), from the plans list and from the network page; the
network choice offers only the networks the user keeps."""

from api.access import principal_for_token
from api.models import ApiToken
from plans.access import networks_kept_by
from tests.networks.conftest import net  # noqa: F401 — the network world


def _token_user(municipality):
    return principal_for_token(ApiToken(name="Сервис", municipality=municipality,
                                        prefix="netplans"))


def test_a_token_of_the_hub_keeps_its_networks_and_a_members_token_none(net):  # noqa: F811
    assert list(networks_kept_by(_token_user(net.hub))) == [net.network]
    assert not networks_kept_by(_token_user(net.member)).exists()


def test_a_regional_token_keeps_every_network(net):  # noqa: F811
    assert list(networks_kept_by(_token_user(None))) == [net.network]


def test_the_coordinator_keeps_the_network_and_a_member_does_not(net):  # noqa: F811
    assert list(networks_kept_by(net.coordinator)) == [net.network]
    assert not networks_kept_by(net.member_staff).exists()
    assert not networks_kept_by(net.member_school_user).exists()

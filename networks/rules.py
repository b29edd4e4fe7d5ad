"""Object permissions for actions on networks (django-rules); networks/access.py says why."""

import rules

from networks import access

rules.add_perm("networks.manage_network", rules.predicate(access.may_manage))
rules.add_perm("networks.contribute", rules.predicate(access.may_contribute))
rules.add_perm("networks.manage_agreement", rules.predicate(access.may_manage_agreement))
rules.add_perm("networks.sign_party", rules.predicate(access.may_sign_for))
rules.add_perm("networks.add_material", rules.predicate(access.may_add_material))
rules.add_perm("networks.write_part", rules.predicate(access.may_write_part))

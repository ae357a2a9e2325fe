-- partnership: the membership of the networks, published for statistics (the cooperation metrics count a network's
-- members, its isolates and the density of its ties). One row per network and member organisation, with the
-- organisation's kind and the days the membership runs (null: open).
create view partnership_fact_member as
select n.code as network_code, m.organisation_id, o.kind, m.since as member_from, m.until as member_to
from partnership_membership m
join partnership_network n on n.id = m.network_id
join partnership_organisation o on o.id = m.organisation_id;

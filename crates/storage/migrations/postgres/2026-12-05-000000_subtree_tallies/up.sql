-- The figures of every organization's whole subtree, pre-summed
-- (`dangvu_domain::summary::subtree`): each organization's counts are a step function of
-- the day, the sum of what the organizations below it on each day contribute (a cell its
-- members, a grassroots organization or a cell under one itself, a rated organization its
-- rating). Every write that changes a contribution adds the difference to the organizations
-- on the unit's path in its own transaction (`src/reports/subtree`), so the figures of an
-- organization on a day are one row, whatever the size of its subtree
-- (docs/decisions/0004-speed-under-load.md). The rows of an existing database are computed
-- once, when the store that applies this migration opens.
-- Kept in lock-step with the other engine's migration of the same name.

-- The periods over which the subtree's counts are constant and not zero, canonical
-- (equal neighbours merged). Keyed by the end, so that "valid on D" reads forward from D.
create table org_counts (
    org_id bigint not null references organizations (id),
    valid_from date not null,
    valid_to date not null,
    members integer not null,
    probationary integer not null,
    exempted integer not null,
    grassroots_orgs integer not null,
    cells_under_grassroots integer not null,
    primary key (org_id, valid_to) include (valid_from, members, probationary, exempted, grassroots_orgs, cells_under_grassroots),
    check (valid_from < valid_to)
);

-- Members admitted on a day while registered in the subtree as it stood that day.
create table org_admissions (
    org_id bigint not null references organizations (id),
    admitted_on date not null,
    admitted integer not null,
    primary key (org_id, admitted_on) include (admitted)
);

-- A year's ratings in the subtree as it stood on 31 December: of the members registered
-- there, and of its grassroots organizations.
create table org_years (
    org_id bigint not null references organizations (id),
    year integer not null,
    members_rated integer not null,
    members_completed integer not null,
    orgs_rated integer not null,
    orgs_good integer not null,
    primary key (org_id, year) include (members_rated, members_completed, orgs_rated, orgs_good)
);

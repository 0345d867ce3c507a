-- The figures of each cell, pre-aggregated (`dangvu_domain::summary::cells`): derived from
-- the registrations, the members' admission and full-membership days, their statuses and
-- ratings, and rewritten for the cells a change touches in the change's own transaction
-- (`src/reports/tallies`). A subtree's figures on a day are then one row per cell of the
-- subtree instead of one per member (docs/decisions/0004-speed-under-load.md). The rows of
-- an existing database are computed once, when the store that applies this migration opens.
-- Kept in lock-step with the other engine's migration of the same name.

-- The periods over which a cell's counts are constant and not zero. Keyed by the end, so
-- that "valid on D" reads forward from D and meets the one period that holds first; the
-- counts ride in the index, so that a subtree's figures never visit the table.
create table cell_counts (
    org_id bigint not null references organizations (id),
    valid_from date not null,
    valid_to date not null,
    members integer not null,
    probationary integer not null,
    exempted integer not null,
    primary key (org_id, valid_to) include (valid_from, members, probationary, exempted),
    check (valid_from < valid_to)
);

-- Members admitted on a day while registered in the cell.
create table cell_admissions (
    org_id bigint not null references organizations (id),
    admitted_on date not null,
    admitted integer not null,
    primary key (org_id, admitted_on) include (admitted)
);

-- Ratings of a year of the members registered in the cell on 31 December (`rated_on`).
create table cell_ratings (
    org_id bigint not null references organizations (id),
    year integer not null,
    -- 31 December of the year: the day the subtree is taken on, joined to the paths
    rated_on date not null,
    rated integer not null,
    completed integer not null,
    primary key (org_id, year) include (rated_on, rated, completed)
);

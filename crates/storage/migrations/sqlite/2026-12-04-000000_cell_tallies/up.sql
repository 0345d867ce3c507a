-- The figures of each cell, pre-aggregated (`dangvu_domain::summary::cells`): derived from
-- the registrations, the members' admission and full-membership days, their statuses and
-- ratings, and rewritten for the cells a change touches in the change's own transaction
-- (`src/reports/tallies`). A subtree's figures on a day are then one row per cell of the
-- subtree instead of one per member (docs/decisions/0004-speed-under-load.md). The rows of
-- an existing database are computed once, when the store that applies this migration opens.
-- Kept in lock-step with the other engine's migration of the same name.

-- The periods over which a cell's counts are constant and not zero. Keyed by the end, so
-- that "valid on D" reads forward from D and meets the one period that holds first.
create table cell_counts (
    org_id integer not null references organizations (id),
    valid_from text not null,
    valid_to text not null,
    members integer not null,
    probationary integer not null,
    exempted integer not null,
    primary key (org_id, valid_to),
    check (valid_from < valid_to)
) without rowid;

-- Members admitted on a day while registered in the cell.
create table cell_admissions (
    org_id integer not null references organizations (id),
    admitted_on text not null,
    admitted integer not null,
    primary key (org_id, admitted_on)
) without rowid;

-- Ratings of a year of the members registered in the cell on 31 December (`rated_on`).
create table cell_ratings (
    org_id integer not null references organizations (id),
    year integer not null,
    -- 31 December of the year: the day the subtree is taken on, joined to the paths
    rated_on text not null,
    rated integer not null,
    completed integer not null,
    primary key (org_id, year)
) without rowid;

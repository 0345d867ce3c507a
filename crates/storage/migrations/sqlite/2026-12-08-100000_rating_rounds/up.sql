-- Rating rounds (docs/ratings.md): a committee opens a round for its subtree and a period;
-- each member rated and each organization below the committee has one row carrying the
-- steps (self-assessment, the cell's proposal, the decision), a step not yet taken NULL.
-- Decisions of yearly rounds are also written to member_ratings / org_ratings, which the
-- reports read. Kept in lock-step with the other engine's migration of the same name.

-- quarter is 0 for a yearly or term round, so the unique key holds.
create table rating_rounds (
    id integer primary key,
    org_id integer not null references organizations (id),
    year integer not null,
    period text not null,
    quarter integer not null,
    deadline text not null,
    opened_on text not null,
    opened_by text not null,
    closed_on text,
    closed_by text,
    unique (org_id, year, period, quarter)
);
create index rating_rounds_year on rating_rounds (year);

-- unit_id: the member's grassroots organization on the reference day (the quota's unit);
-- cell_id: the cell it was registered in then. decided_org: the code of the level that
-- decided (the root of the deciding account's scope; NULL for the whole installation),
-- the only level that may reopen. exceptions: the rules broken by exception, their codes
-- separated by spaces, recorded with decided_reason.
create table round_members (
    round_id integer not null references rating_rounds (id),
    member_id integer not null references members (id),
    unit_id integer not null references organizations (id),
    cell_id integer not null references organizations (id),
    self_level text,
    self_points integer,
    self_text text,
    self_form text,
    self_on text,
    self_by text,
    proposed_level text,
    proposed_points integer,
    votes_for integer,
    votes_cast integer,
    proposed_on text,
    proposed_by text,
    decided_level text,
    decided_label text,
    decided_points integer,
    decided_reason text,
    exceptions text,
    decided_on text,
    decided_by text,
    decided_org text,
    primary key (round_id, member_id)
);
create index round_members_unit on round_members (round_id, unit_id);
create index round_members_cell on round_members (round_id, cell_id);
create index round_members_member on round_members (member_id);

-- parent_id: the organization's superior on the reference day; shape: CHI_BO (rated by its
-- members) or DANG_BO (by its subordinate organizations).
create table round_orgs (
    round_id integer not null references rating_rounds (id),
    org_id integer not null references organizations (id),
    parent_id integer references organizations (id),
    shape text not null,
    self_level text,
    self_text text,
    self_on text,
    self_by text,
    decided_level text,
    decided_label text,
    decided_points integer,
    decided_reason text,
    exceptions text,
    decided_on text,
    decided_by text,
    decided_org text,
    primary key (round_id, org_id)
);
create index round_orgs_parent on round_orgs (round_id, parent_id);

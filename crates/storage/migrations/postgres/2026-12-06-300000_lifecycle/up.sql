-- The lifecycle of a member after admission (docs/lifecycle.md): transfers, exemptions,
-- Party badge awards, and the facts party age is computed from. Statuses and registrations
-- themselves stay in member_statuses and registrations; these tables hold the workflow's
-- own records. A step not yet taken is NULL. Kept in lock-step with the other engine's
-- migration of the same name.

-- A transfer of Party activity: official (the registration moves on the receiving day)
-- or temporary (attendance at the host, not counted there, until end_on).
create table transfers (
    id bigint generated always as identity primary key,
    member_id bigint not null references members (id),
    from_org_id bigint not null references organizations (id),
    to_org_id bigint not null references organizations (id),
    kind text not null,
    decision_on date not null,
    introduced_on date,
    received_on date,
    end_on date
);
create index transfers_member on transfers (member_id, decision_on);
create index transfers_to_org on transfers (to_org_id);

-- An exemption from Party work and activities decided by the cell.
create table exemptions (
    id bigint generated always as identity primary key,
    member_id bigint not null references members (id),
    decided_on date not null,
    reason text not null,
    review_on date,
    ended_on date
);
create index exemptions_member on exemptions (member_id, decided_on);

-- A Party badge awarded; early_reason set when awarded before the milestone.
create table badge_awards (
    id bigint generated always as identity primary key,
    member_id bigint not null references members (id),
    milestone integer not null,
    awarded_on date not null,
    early_reason text,
    unique (member_id, milestone)
);

-- Periods [valid_from, valid_to) that do not count towards party age.
create table party_age_interruptions (
    id bigint generated always as identity primary key,
    member_id bigint not null references members (id),
    valid_from date not null,
    valid_to date not null
);
create index party_age_interruptions_member on party_age_interruptions (member_id);

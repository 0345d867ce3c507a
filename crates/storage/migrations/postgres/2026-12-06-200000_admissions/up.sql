-- Admission dossiers (`ho_so_ket_nap`, docs/interchange-format.md): one row per applicant
-- with the facts of each step recorded so far; the stage is derived from them
-- (`dangvu_domain::admissions`), never stored. A step not yet taken is NULL. The cell's
-- votes and the overridden checks are child rows. Kept in lock-step with the other engine's
-- migration of the same name.

create table admission_dossiers (
    id bigint generated always as identity primary key,
    code text not null unique,
    full_name text not null,
    gender text not null,
    birth_date date not null,
    ethnicity text,
    education text,
    -- the cell that considers the applicant; the dossier's scope is this cell's place
    cell_id bigint not null references organizations (id),
    listed_on date,
    course_on date,
    application_on date,
    introducer_1_id bigint references members (id),
    introducer_2_id bigint references members (id),
    youth_union_on date,
    referred_on date,
    resolution_on date,
    proposal_on date,
    decision_no text,
    decision_on date,
    ceremony_on date,
    -- the member record the ceremony created
    member_id bigint unique references members (id),
    recognized_on date,
    struck_off_on date,
    closed_on date,
    closing_reason text
);
create index admission_dossiers_cell on admission_dossiers (cell_id);

-- The cell's votes on proposing admission, oldest first.
create table admission_votes (
    id bigint generated always as identity primary key,
    dossier_id bigint not null references admission_dossiers (id),
    voted_on date not null,
    votes_for integer not null,
    votes_against integer not null,
    official_members integer not null
);
create index admission_votes_dossier on admission_votes (dossier_id, voted_on);

-- Failed checks let through, with the reason (the change's audit row records who).
create table admission_overrides (
    id bigint generated always as identity primary key,
    dossier_id bigint not null references admission_dossiers (id),
    check_code text not null,
    reason text not null,
    unique (dossier_id, check_code)
);

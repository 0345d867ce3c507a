-- Initial schema (SQLite). Kept in lock-step with migrations/postgres and src/schema.rs.
-- Dates are ISO text ('YYYY-MM-DD'): they compare as dates, and open ends of periods are the
-- sentinels 0001-01-01 and 9999-12-31, so "valid on D" is `valid_from <= D and D < valid_to`
-- with no NULL handling and an index that applies. Enumerations are stored as their codes.

create table organizations (
    id integer primary key,
    code text not null unique,
    name text not null,
    -- folded name (no diacritics, lower case) for diacritic-insensitive search
    name_folded text not null,
    org_type text not null,
    founded_on text,
    dissolved_on text,
    merged_into_id integer references organizations (id)
);

-- The parent history as recorded, shown on an organization's page.
create table org_parents (
    id integer primary key,
    org_id integer not null references organizations (id),
    parent_id integer references organizations (id),
    valid_from text not null,
    valid_to text not null,
    check (valid_from < valid_to)
);
create index org_parents_org on org_parents (org_id, valid_from);

-- The ancestor path of each organization per period, '/<root id>/…/<own id>/'.
-- "X is in the subtree of R on D" is a range test on text with both rows valid on D:
-- x.path >= r.path and x.path < r.path_upper, so no request walks the tree recursively.
create table org_paths (
    id integer primary key,
    org_id integer not null references organizations (id),
    valid_from text not null,
    valid_to text not null,
    path text not null,
    -- the smallest text above every path that starts with `path`
    path_upper text not null,
    -- 1 for a root
    depth integer not null,
    check (valid_from < valid_to)
);
create index org_paths_path on org_paths (path, valid_from);
create index org_paths_org on org_paths (org_id, valid_from);

create table members (
    id integer primary key,
    code text not null unique,
    full_name text not null,
    -- search keys: folded full name, and folded given name first ("hung nguyen van")
    name_folded text not null,
    given_first text not null,
    -- Vietnamese order: given name, middle names, family name
    sort_key text not null,
    gender text,
    birth_date text,
    ethnicity text,
    religion text,
    citizen_id text unique,
    hometown text,
    birthplace text,
    occupation text,
    general_education text,
    professional_qualification text,
    political_theory text,
    party_card_no text unique,
    cv_no text unique,
    admitted_on text not null,
    official_on text
);
create index members_name_folded on members (name_folded);
create index members_given_first on members (given_first);
-- the list order and its keyset pagination
create index members_sort on members (sort_key, code);

create table registrations (
    id integer primary key,
    member_id integer not null references members (id),
    org_id integer not null references organizations (id),
    valid_from text not null,
    valid_to text not null,
    check (valid_from < valid_to)
);
create index registrations_org on registrations (org_id, valid_from);
create index registrations_member on registrations (member_id);

create table member_statuses (
    id integer primary key,
    member_id integer not null references members (id),
    status text not null,
    valid_from text not null,
    valid_to text not null,
    check (valid_from < valid_to)
);
create index member_statuses_member on member_statuses (member_id, valid_from);

create table member_ratings (
    id integer primary key,
    member_id integer not null references members (id),
    year integer not null,
    rating text not null,
    score integer,
    unique (member_id, year)
);
-- the summary report counts one year at a time
create index member_ratings_year on member_ratings (year);

create table org_ratings (
    id integer primary key,
    org_id integer not null references organizations (id),
    year integer not null,
    rating text not null,
    score integer,
    unique (org_id, year)
);

-- Append-only: rows are inserted in the transaction of the change they record and never
-- updated. prev_hash and hash are reserved for chaining the rows.
create table audit_log (
    id integer primary key,
    at text not null,
    actor text not null,
    source text not null,
    action text not null,
    entity text not null,
    entity_code text,
    before_json text,
    after_json text,
    prev_hash text,
    hash text
);

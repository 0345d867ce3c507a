-- Initial schema (PostgreSQL). Kept in lock-step with migrations/sqlite and src/schema.rs.
-- Open ends of periods are the sentinel dates 0001-01-01 and 9999-12-31, so "valid on D" is
-- `valid_from <= D and D < valid_to` with no NULL handling. Enumerations are stored as codes.
-- Text that is searched or sorted is `collate "C"`: byte order, as on SQLite and in Rust,
-- so orderings, prefix ranges and keyset pagination agree across backends and use the index.

create table organizations (
    id bigint generated always as identity primary key,
    code text collate "C" not null,
    name text not null,
    -- folded name (no diacritics, lower case) for diacritic-insensitive search
    name_folded text collate "C" not null,
    org_type text not null,
    founded_on date,
    dissolved_on date,
    merged_into_id bigint references organizations (id),
    constraint organizations_code_key unique (code)
);

-- The parent history as recorded, shown on an organization's page.
create table org_parents (
    id bigint generated always as identity primary key,
    org_id bigint not null references organizations (id),
    parent_id bigint references organizations (id),
    valid_from date not null,
    valid_to date not null,
    check (valid_from < valid_to)
);
create index org_parents_org on org_parents (org_id, valid_from);

-- The ancestor path of each organization per period, '/<root id>/…/<own id>/'.
-- "X is in the subtree of R on D" is a range test on text with both rows valid on D:
-- x.path >= r.path and x.path < r.path_upper, so no request walks the tree recursively.
create table org_paths (
    id bigint generated always as identity primary key,
    org_id bigint not null references organizations (id),
    valid_from date not null,
    valid_to date not null,
    path text collate "C" not null,
    -- the smallest text above every path that starts with `path`
    path_upper text collate "C" not null,
    -- 1 for a root
    depth integer not null,
    check (valid_from < valid_to)
);
create index org_paths_path on org_paths (path, valid_from);
create index org_paths_org on org_paths (org_id, valid_from);

create table members (
    id bigint generated always as identity primary key,
    code text collate "C" not null,
    full_name text not null,
    -- search keys: folded full name, and folded given name first ("hung nguyen van")
    name_folded text collate "C" not null,
    given_first text collate "C" not null,
    -- Vietnamese order: given name, middle names, family name
    sort_key text collate "C" not null,
    gender text,
    birth_date date,
    ethnicity text,
    religion text,
    citizen_id text,
    hometown text,
    birthplace text,
    occupation text,
    general_education text,
    professional_qualification text,
    political_theory text,
    party_card_no text,
    cv_no text,
    admitted_on date not null,
    official_on date,
    -- named like PostgreSQL's defaults; storage maps them back to the column
    constraint members_code_key unique (code),
    constraint members_citizen_id_key unique (citizen_id),
    constraint members_party_card_no_key unique (party_card_no),
    constraint members_cv_no_key unique (cv_no)
);
create index members_name_folded on members (name_folded);
create index members_given_first on members (given_first);
-- the list order and its keyset pagination
create index members_sort on members (sort_key, code);

create table registrations (
    id bigint generated always as identity primary key,
    member_id bigint not null references members (id),
    org_id bigint not null references organizations (id),
    valid_from date not null,
    valid_to date not null,
    check (valid_from < valid_to)
);
create index registrations_org on registrations (org_id, valid_from);
create index registrations_member on registrations (member_id);

create table member_statuses (
    id bigint generated always as identity primary key,
    member_id bigint not null references members (id),
    status text not null,
    valid_from date not null,
    valid_to date not null,
    check (valid_from < valid_to)
);
create index member_statuses_member on member_statuses (member_id, valid_from);

create table member_ratings (
    id bigint generated always as identity primary key,
    member_id bigint not null references members (id),
    year integer not null,
    rating text not null,
    score integer,
    constraint member_ratings_member_id_year_key unique (member_id, year)
);
-- the summary report counts one year at a time
create index member_ratings_year on member_ratings (year);

create table org_ratings (
    id bigint generated always as identity primary key,
    org_id bigint not null references organizations (id),
    year integer not null,
    rating text not null,
    score integer,
    constraint org_ratings_org_id_year_key unique (org_id, year)
);

-- Append-only: rows are inserted in the transaction of the change they record and never
-- updated. prev_hash and hash are reserved for chaining the rows.
create table audit_log (
    id bigint generated always as identity primary key,
    at timestamp not null,
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

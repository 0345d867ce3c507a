-- Signed commitments of heads and deputies (`cam_ket`, docs/interchange-format.md): what
-- the signer commits to for a year, to whom, and the year-end evaluation (both columns
-- NULL until evaluated, set together). The commitment's scope is its organization's place.
-- Kept in lock-step with the other engine's migration of the same name.
create table commitments (
    id integer primary key,
    code text not null unique,
    year integer not null,
    -- the organization where the signer holds the post
    org_id integer not null references organizations (id),
    signer_id integer not null references members (id),
    -- a code of dangvu_domain::ratings::Post (BI_THU, PHO_BI_THU, …)
    post text not null,
    recipient_id integer references members (id),
    content text not null,
    signed_on text not null,
    -- HOAN_THANH / KHONG_HOAN_THANH
    outcome text,
    evaluated_on text
);
-- the term report counts signatures by day; the page lists a year
create index commitments_signed_on on commitments (signed_on);
create index commitments_year on commitments (year, org_id);

-- Members' monthly results (`ket_qua_thang`, docs/interchange-format.md): the level a cell
-- records for each member at its monthly meeting, the measure the year-end rating rests
-- on (docs/ratings.md). One row per member and month; the month is stored as its first
-- day so that a year is a range of dates. Kept in lock-step with the other engine's
-- migration of the same name.
create table monthly_results (
    id integer primary key,
    member_id integer not null references members (id),
    -- the first day of the month
    month text not null,
    -- a code of dangvu_domain::Rating (HTXSNV, HTTNV, HTNV, KHTNV)
    level text not null,
    note text,
    constraint monthly_results_member_id_month_key unique (member_id, month)
);
-- a cell's month and a subtree's year are read by month
create index monthly_results_month on monthly_results (month);

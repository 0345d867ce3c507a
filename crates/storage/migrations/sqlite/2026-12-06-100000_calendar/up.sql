-- The installation's working-day calendar (interchange table `ngay_nghi`): days that add to
-- or correct the official calendar shipped in `dangvu_domain::calendar::official`.
-- Kept in lock-step with the other engine's migration of the same name.
create table calendar_days (
    id integer primary key,
    -- the day, 'YYYY-MM-DD'
    day text not null unique,
    -- a code of dangvu_domain::calendar::DayKind (NGHI, LAM_BU)
    kind text not null,
    -- its name as shown on the calendar page (e.g. 'Tết Nguyên đán')
    name text
);

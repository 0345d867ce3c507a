-- Party badges fall due by party age: the members whose admission day lies in a
-- milestone's window are found through this index instead of a scan of every member.
-- Kept in lock-step with the other engine's migration of the same name.
create index members_admitted_on on members (admitted_on);

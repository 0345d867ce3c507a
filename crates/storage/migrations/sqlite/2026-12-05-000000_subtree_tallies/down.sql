-- Kept in lock-step with the other engine's migration of the same name.
drop table org_years;
drop table org_admissions;
drop table org_counts;

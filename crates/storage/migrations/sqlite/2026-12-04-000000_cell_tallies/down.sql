-- Kept in lock-step with the other engine's migration of the same name.
drop table cell_ratings;
drop table cell_admissions;
drop table cell_counts;

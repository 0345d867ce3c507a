-- Kept in lock-step with the other engine's migration of the same name.
drop table commitments;

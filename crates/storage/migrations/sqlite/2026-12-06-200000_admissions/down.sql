-- Kept in lock-step with the other engine's migration of the same name.
drop table admission_overrides;
drop table admission_votes;
drop table admission_dossiers;

-- Kept in lock-step with the other engine's migration of the same name.
drop table party_age_interruptions;
drop table badge_awards;
drop table exemptions;
drop table transfers;

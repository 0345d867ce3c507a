-- Party age starts at the admission decision: the due list reads the decision of many
-- members at once by member, and finds the members whose decision reaches a milestone by
-- the decision's day.
create index admission_dossiers_member on admission_dossiers (member_id);
create index admission_dossiers_decision on admission_dossiers (decision_on);
-- The due list finds the open exemptions whose review day has come.
create index exemptions_open_review on exemptions (ended_on, review_on);

-- Party age starts at the admission decision: the due list reads the decision of many
-- members at once by member.
create index admission_dossiers_member on admission_dossiers (member_id);

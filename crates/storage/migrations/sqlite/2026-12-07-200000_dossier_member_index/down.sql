drop index exemptions_open_review;
drop index admission_dossiers_decision;
drop index admission_dossiers_member;

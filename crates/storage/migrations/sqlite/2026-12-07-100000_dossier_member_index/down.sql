drop index admission_dossiers_member;

drop table round_orgs;
drop table round_members;
drop table rating_rounds;

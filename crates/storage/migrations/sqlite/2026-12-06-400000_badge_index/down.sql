drop index members_admitted_on;

-- Drops the initial schema, children before the tables they reference.
drop table audit_log;
drop table org_ratings;
drop table member_ratings;
drop table member_statuses;
drop table registrations;
drop table members;
drop table org_paths;
drop table org_parents;
drop table organizations;

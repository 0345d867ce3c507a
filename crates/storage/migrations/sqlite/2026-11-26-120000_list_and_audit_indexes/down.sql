drop index audit_log_entity_code;
drop index member_statuses_member;
create index member_statuses_member on member_statuses (member_id, valid_from);
drop index registrations_org;
create index registrations_org on registrations (org_id, valid_from);

-- Drops what up.sql created, children before the tables they reference.
drop trigger audit_log_no_delete on audit_log;
drop trigger audit_log_no_update on audit_log;
drop function audit_log_append_only();
drop index audit_log_at;
drop index audit_log_entity;
drop index audit_log_actor;
drop table login_failures;
drop table api_tokens;
drop table sessions;
drop table accounts;

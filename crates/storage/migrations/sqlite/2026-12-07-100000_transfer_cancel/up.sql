-- Transfers as a workflow (docs/transfers.md): a transfer not yet received may be
-- cancelled with a reason; both stay on the record. Kept in lock-step with the other
-- engine's migration of the same name.
alter table transfers add column cancelled_on text;
alter table transfers add column cancel_reason text;
create index transfers_from_org on transfers (from_org_id);

drop index transfers_from_org;
alter table transfers drop column cancel_reason;
alter table transfers drop column cancelled_on;

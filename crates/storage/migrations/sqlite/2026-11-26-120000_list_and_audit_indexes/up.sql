-- Indexes for the scoped member list and the audit page's filter by record.
-- Kept in lock-step with the other engine's migration of the same name.
--
-- The member list and the figures join every registration of the subtree's cells to the
-- member's status on the day. With the period bounds, the member and the status inside the
-- indexes, those joins are answered from the indexes alone instead of one table lookup per
-- row: on 1,000,000 members the district-wide count takes less than half the time
-- (docs/decisions/0003-scoping-cost.md). The leading columns are those of the indexes they
-- replace, so every earlier use is still served.
drop index registrations_org;
create index registrations_org on registrations (org_id, valid_from, valid_to, member_id);
drop index member_statuses_member;
create index member_statuses_member
    on member_statuses (member_id, valid_from, valid_to, status);

-- The administrators' audit page also filters by the code of the record concerned (a
-- member's code shows every read of their profile), newest first.
create index audit_log_entity_code on audit_log (entity_code, id);

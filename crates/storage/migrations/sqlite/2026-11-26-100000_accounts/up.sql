-- Accounts, sessions, API tokens, login throttling and the audit log's protection (SQLite).
-- Kept in lock-step with migrations/postgres and src/schema.rs. Times are UTC text
-- ('YYYY-MM-DD HH:MM:SS.ffffff'), which compares as time. Secrets are stored as their
-- SHA-256 (sessions, tokens) or argon2id PHC string (passwords), never in clear.

create table accounts (
    id integer primary key,
    username text not null unique,
    -- a role code of dangvu_domain::roles::Role
    role text not null,
    -- the root of the account's subtree (NULL for an administrator and a member account)
    org_id integer references organizations (id),
    -- the member the person is (required for a member account)
    member_id integer references members (id),
    password_hash text not null,
    disabled integer not null default 0,
    created_at text not null,
    password_changed_at text not null
);

-- Signed-in browsers: only the SHA-256 of the cookie's token is kept.
create table sessions (
    id integer primary key,
    token_hash text not null unique,
    account_id integer not null references accounts (id),
    source text not null,
    created_at text not null,
    last_seen_at text not null
);
create index sessions_account on sessions (account_id);

-- API bearer tokens: only the SHA-256 of the secret is kept; NULL expires_at never expires.
create table api_tokens (
    id integer primary key,
    secret_hash text not null unique,
    account_id integer not null references accounts (id),
    created_at text not null,
    expires_at text,
    revoked_at text,
    last_used_at text
);
create index api_tokens_account on api_tokens (account_id);

-- Recent failed logins, counted per typed username and per address to throttle guessing.
create table login_failures (
    id integer primary key,
    username text not null,
    source text not null,
    at text not null
);
create index login_failures_username on login_failures (username, at);
create index login_failures_source on login_failures (source, at);

-- The administrators' audit page filters by person, entity and time.
create index audit_log_actor on audit_log (actor, id);
create index audit_log_entity on audit_log (entity, id);
create index audit_log_at on audit_log (at);

-- Append-only: a chained row can be neither changed nor deleted through the application's
-- connection (rows written before chaining existed may receive their hash once).
create trigger audit_log_no_update before update on audit_log
when old.hash is not null
begin
    select raise(abort, 'audit_log is append-only');
end;
create trigger audit_log_no_delete before delete on audit_log
begin
    select raise(abort, 'audit_log is append-only');
end;

-- Accounts, sessions, API tokens, login throttling and the audit log's protection
-- (PostgreSQL). Kept in lock-step with migrations/sqlite and src/schema.rs. Times are UTC
-- `timestamp`. Secrets are stored as their SHA-256 (sessions, tokens) or argon2id PHC
-- string (passwords), never in clear.

create table accounts (
    id bigint generated always as identity primary key,
    username text collate "C" not null,
    -- a role code of dangvu_domain::roles::Role
    role text not null,
    -- the root of the account's subtree (NULL for an administrator and a member account)
    org_id bigint references organizations (id),
    -- the member the person is (required for a member account)
    member_id bigint references members (id),
    password_hash text not null,
    disabled boolean not null default false,
    created_at timestamp not null,
    password_changed_at timestamp not null,
    constraint accounts_username_key unique (username)
);

-- Signed-in browsers: only the SHA-256 of the cookie's token is kept.
create table sessions (
    id bigint generated always as identity primary key,
    token_hash text collate "C" not null,
    account_id bigint not null references accounts (id),
    source text not null,
    created_at timestamp not null,
    last_seen_at timestamp not null,
    constraint sessions_token_hash_key unique (token_hash)
);
create index sessions_account on sessions (account_id);

-- API bearer tokens: only the SHA-256 of the secret is kept; NULL expires_at never expires.
create table api_tokens (
    id bigint generated always as identity primary key,
    secret_hash text collate "C" not null,
    account_id bigint not null references accounts (id),
    created_at timestamp not null,
    expires_at timestamp,
    revoked_at timestamp,
    last_used_at timestamp,
    constraint api_tokens_secret_hash_key unique (secret_hash)
);
create index api_tokens_account on api_tokens (account_id);

-- Recent failed logins, counted per typed username and per address to throttle guessing.
create table login_failures (
    id bigint generated always as identity primary key,
    username text collate "C" not null,
    source text collate "C" not null,
    at timestamp not null
);
create index login_failures_username on login_failures (username, at);
create index login_failures_source on login_failures (source, at);

-- The administrators' audit page filters by person, entity and time.
create index audit_log_actor on audit_log (actor, id);
create index audit_log_entity on audit_log (entity, id);
create index audit_log_at on audit_log (at);

-- Append-only: a chained row can be neither changed nor deleted through the application's
-- connection (rows written before chaining existed may receive their hash once).
create function audit_log_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' or old.hash is not null then
        raise exception 'audit_log is append-only';
    end if;
    return new;
end;
$$;
create trigger audit_log_no_update before update on audit_log
    for each row execute function audit_log_append_only();
create trigger audit_log_no_delete before delete on audit_log
    for each row execute function audit_log_append_only();

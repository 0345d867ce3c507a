//! Signing in: password check with throttling, and changing one's own password.
//!
//! An unknown username still costs one argon2 verification (against a dummy hash), so the
//! answer's timing does not tell which names exist. Failures are counted and audited in the
//! same transaction that answers, which therefore commits even when the answer is "no".
//! Attempts the throttle refuses are not checked and not written one row each: the store
//! counts them (`accounts::refusals`).

use crate::accounts::manage::{Tokens, replace_password};
use crate::accounts::rows::{self as account_rows, AccountRow, Which};
use crate::accounts::secrets::{hash_password, verify_dummy, verify_password};
use crate::accounts::sessions;
use crate::accounts::throttle::{self, kept};
use crate::audit::{self, Change};
use crate::db::conn::DbConnection;
use crate::{AuditAction, AuditEntity};
use crate::{AuditContext, AuthError, SessionToken, Store, StoreError};
use chrono::NaiveDateTime;
use dangvu_domain::actor::{Actor, NewPassword, Reach, Username};
use dangvu_domain::{Date, MemberCode};
use serde_json::json;

/// Who is trying, as typed, and from where.
struct Attempt<'a> {
    username: String,
    password: &'a str,
    source: String,
    now: NaiveDateTime,
    /// The day the account's member left the Party, when the use case found it has come:
    /// the right password then answers [`AuthError::MemberLeft`].
    closed_since: Option<Date>,
}

impl Attempt<'_> {
    fn audit_context(&self) -> AuditContext {
        AuditContext {
            actor: self.username.clone(),
            source: self.source.clone(),
            at: self.now,
        }
    }
}

/// Why a check failed, as the audit log records it.
fn record_failure(
    conn: &mut DbConnection,
    attempt: &Attempt<'_>,
    action: AuditAction,
    reason: &str,
) -> Result<(), StoreError> {
    throttle::record_failure(conn, &attempt.username, &attempt.source, attempt.now)?;
    audit::record(
        conn,
        &attempt.audit_context(),
        Change {
            action,
            entity: AuditEntity::Account,
            entity_code: Some(&attempt.username),
            before_json: None,
            after_json: Some(json!({ "reason": reason }).to_string()),
        },
    )
}

/// The account whose password `attempt` gives, or the failure (already recorded).
fn check(
    conn: &mut DbConnection,
    attempt: &Attempt<'_>,
) -> Result<Result<AccountRow, AuthError>, StoreError> {
    throttle::lock(conn)?;
    if let Some(wait) = throttle::wait(conn, &attempt.username, &attempt.source, attempt.now)? {
        // Counted by the store, not written one row each (`accounts::refusals`).
        let seconds = u64::try_from(wait.num_seconds()).unwrap_or(0).max(1);
        return Ok(Err(AuthError::Throttled { seconds }));
    }
    let account = match Username::parse(&attempt.username) {
        Ok(name) => account_rows::find(conn, Which::Name(name.as_str()))?,
        Err(_) => None,
    };
    let reason = match &account {
        None => {
            verify_dummy(attempt.password);
            "unknown_account"
        }
        Some(row) if !verify_password(&row.password_hash, attempt.password) => "wrong_password",
        Some(row) if row.disabled => "disabled",
        Some(_) if attempt.closed_since.is_some() => "member_left",
        Some(_) => "",
    };
    match (account, attempt.closed_since) {
        (Some(row), _) if reason.is_empty() => Ok(Ok(row)),
        (_, Some(since)) if reason == "member_left" => {
            record_failure(conn, attempt, AuditAction::LoginFailed, reason)?;
            Ok(Err(AuthError::MemberLeft { since }))
        }
        _ => {
            record_failure(conn, attempt, AuditAction::LoginFailed, reason)?;
            let attempts_left = throttle::attempts_left(conn, &attempt.username, &attempt.source)?;
            Ok(Err(AuthError::BadCredentials { attempts_left }))
        }
    }
}

/// Signs `attempt` in: the actor, with its success recorded, or the recorded failure.
fn sign_in(
    conn: &mut DbConnection,
    attempt: &Attempt<'_>,
) -> Result<Result<Actor, AuthError>, StoreError> {
    let row = match check(conn, attempt)? {
        Ok(row) => row,
        Err(refused) => return Ok(Err(refused)),
    };
    let actor = row.actor()?;
    throttle::clear(conn, &attempt.username, &attempt.source)?;
    audit::record(
        conn,
        &attempt.audit_context(),
        Change {
            action: AuditAction::Login,
            entity: AuditEntity::Account,
            entity_code: Some(actor.username().as_str()),
            before_json: None,
            after_json: None,
        },
    )?;
    Ok(Ok(actor))
}

fn attempt<'a>(username: &str, password: &'a str, source: &str, now: NaiveDateTime) -> Attempt<'a> {
    Attempt {
        username: kept(&username.trim().to_ascii_lowercase()),
        password,
        source: kept(source),
        now,
        closed_since: None,
    }
}

impl Store {
    /// Checks a username and password typed at `source` (an address) at `now`. Records the
    /// login or the failure either way.
    #[tracing::instrument(skip_all, fields(source), err)]
    pub fn authenticate(
        &self,
        username: &str,
        password: &str,
        source: &str,
        now: NaiveDateTime,
    ) -> Result<Actor, AuthError> {
        let attempt = attempt(username, password, source, now);
        let outcome = self.write(|c| sign_in(c, &attempt))?;
        self.noted(&attempt, outcome)
    }

    /// [`Store::authenticate`] and [`Store::create_session`] in one transaction: the actor
    /// and the token for its session cookie.
    pub fn login(
        &self,
        username: &str,
        password: &str,
        source: &str,
        now: NaiveDateTime,
    ) -> Result<(Actor, SessionToken), AuthError> {
        self.login_unless_closed(username, password, source, now, None)
    }

    /// [`Store::login`] for an account that the use case found closed since `closed_since`
    /// (its member left the Party): the right password is then refused with
    /// [`AuthError::MemberLeft`] and recorded as a failure (`member_left`); a wrong one
    /// answers as for any account.
    #[tracing::instrument(skip_all, fields(source), err)]
    pub fn login_unless_closed(
        &self,
        username: &str,
        password: &str,
        source: &str,
        now: NaiveDateTime,
        closed_since: Option<Date>,
    ) -> Result<(Actor, SessionToken), AuthError> {
        let attempt = Attempt {
            closed_since,
            ..attempt(username, password, source, now)
        };
        let outcome = self.write(|c| -> Result<Result<_, AuthError>, StoreError> {
            let actor = match sign_in(c, &attempt)? {
                Ok(actor) => actor,
                Err(refused) => return Ok(Err(refused)),
            };
            let token = sessions::insert(c, &actor, &attempt.source, now)?;
            Ok(Ok((actor, token)))
        })?;
        self.noted(&attempt, outcome)
    }

    /// The member whose own account `username` (as typed) is, if it is a member's account:
    /// what the sign-in use case needs to decide whether the account still works. Reads
    /// nothing else and records nothing.
    pub fn account_member(&self, username: &str) -> Result<Option<MemberCode>, StoreError> {
        let Ok(name) = Username::parse(username) else {
            return Ok(None);
        };
        let row = self.read(|c| Ok(account_rows::find(c, Which::Name(name.as_str()))?))?;
        Ok(row
            .map(|row| row.actor())
            .transpose()?
            .and_then(|actor| match actor.reach() {
                Reach::OwnRecord(member) => Some(member.clone()),
                Reach::Everything | Reach::Subtree(_) => None,
            }))
    }

    /// `outcome` of `attempt`, after counting it if the throttle refused it.
    fn noted<T>(
        &self,
        attempt: &Attempt<'_>,
        outcome: Result<T, AuthError>,
    ) -> Result<T, AuthError> {
        let refused = matches!(outcome, Err(AuthError::Throttled { .. }));
        self.note_throttle(&attempt.audit_context(), refused)?;
        outcome
    }

    /// Changes the signed-in account's own password after checking the current one. Ends
    /// every session of the account, this one included: sign in again (or call
    /// [`Store::create_session`]) afterwards. A wrong current password counts as a failed
    /// login.
    #[tracing::instrument(skip_all, fields(username = %actor.username()), err)]
    pub fn change_own_password(
        &self,
        actor: &Actor,
        current: &str,
        new: &NewPassword,
        source: &str,
        now: NaiveDateTime,
    ) -> Result<(), AuthError> {
        let hash = hash_password(new)?;
        let attempt = attempt(actor.username().as_str(), current, source, now);
        let outcome = self.write(|c| -> Result<Result<(), AuthError>, StoreError> {
            let row = match check(c, &attempt)? {
                Ok(row) if row.id == actor.account().get() => row,
                Ok(_) => {
                    let attempts_left =
                        throttle::attempts_left(c, &attempt.username, &attempt.source)?;
                    return Ok(Err(AuthError::BadCredentials { attempts_left }));
                }
                Err(refused) => return Ok(Err(refused)),
            };
            let ctx = attempt.audit_context();
            replace_password(c, &ctx, row.id, actor.username(), &hash, Tokens::Keep)?;
            Ok(Ok(()))
        })?;
        self.noted(&attempt, outcome)
    }
}

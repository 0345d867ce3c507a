//! Accounts, sign-in, sessions and API tokens.
//!
//! Signing in and resolving a session or token happen before anyone is known, so they take
//! no [`Caller`]; managing accounts and tokens is the administrators' work and takes one
//! (storage refuses any scope but the whole installation).
//!
//! A member's own account works only while the member belongs to the Party: from the day
//! the status history says they left (deceased, expelled, struck off, resigned,
//! transferred out; [`dangvu_domain::standing::account_closed_on`]) sign-in is refused with
//! that reason, and the account's sessions and tokens are no longer accepted.

use crate::records::{AccountView, DemoAccount, NewAccount, TokenView};
use crate::{App, AuthError, Caller, Error, SessionToken, TokenSecret};
use chrono::NaiveDateTime;
use dangvu_domain::actor::{Actor, NewPassword, Reach, Username};
use dangvu_domain::standing::account_closed_on;
use dangvu_domain::{Date, MemberCode};
use dangvu_storage::{Scope, StoreError};

impl App {
    /// Signs in with a username and password from `source` at `now` (`today` where the
    /// records are kept): a new session, and the end of the browser's `previous` one if it
    /// had any. Failures are throttled and audited by storage; the account of a member who
    /// has left the Party by `today` is refused ([`AuthError::MemberLeft`]).
    pub fn sign_in(
        &self,
        username: &str,
        password: &str,
        source: &str,
        now: NaiveDateTime,
        today: Date,
        previous: Option<&str>,
    ) -> Result<(Actor, SessionToken), AuthError> {
        let closed = match self.store.account_member(username)? {
            Some(member) => self.member_left_by(&member, today)?,
            None => None,
        };
        let signed_in = self
            .store
            .login_unless_closed(username, password, source, now, closed)?;
        if let Some(previous) = previous {
            self.store.end_session(previous, source, now)?;
        }
        Ok(signed_in)
    }

    /// Ends the session whose token is `token`.
    pub fn sign_out(&self, token: &str, source: &str, now: NaiveDateTime) -> Result<(), Error> {
        Ok(self.store.end_session(token, source, now)?)
    }

    /// The account of a live session, or `None` (also when the account's member has left
    /// the Party by `today`).
    pub fn session_actor(
        &self,
        token: &str,
        now: NaiveDateTime,
        today: Date,
    ) -> Result<Option<Actor>, Error> {
        let actor = self.store.session_actor(token, now)?;
        self.still_open(actor, today)
    }

    /// The account of a valid API token, or `None` (also when the account's member has
    /// left the Party by `today`).
    pub fn token_actor(
        &self,
        secret: &str,
        now: NaiveDateTime,
        today: Date,
    ) -> Result<Option<Actor>, Error> {
        let actor = self.store.token_actor(secret, now)?;
        self.still_open(actor, today)
    }

    /// `actor`, unless it is the account of a member who has left the Party by `today`.
    fn still_open(&self, actor: Option<Actor>, today: Date) -> Result<Option<Actor>, Error> {
        let Some(actor) = actor else {
            return Ok(None);
        };
        if let Reach::OwnRecord(member) = actor.reach()
            && self.member_left_by(member, today)?.is_some()
        {
            return Ok(None);
        }
        Ok(Some(actor))
    }

    /// The day `member` left the Party, if that day has come by `today`: from then on
    /// their own account no longer works. A member no longer on record counts as gone.
    fn member_left_by(&self, member: &MemberCode, today: Date) -> Result<Option<Date>, StoreError> {
        let own = Scope::own_record(member.clone(), today);
        let statuses = match self.store.member_statuses(&own, member) {
            Ok(statuses) => statuses,
            Err(StoreError::NotFound { .. }) => return Ok(Some(today)),
            Err(other) => return Err(other),
        };
        let periods: Vec<_> = statuses.iter().map(|s| (s.period, s.status)).collect();
        Ok(account_closed_on(&periods, today))
    }

    /// Changes the signed-in account's own password after checking the current one; with
    /// `new_session`, every other session ends and a fresh one is returned.
    pub fn change_own_password(
        &self,
        actor: &Actor,
        current: &str,
        new: &NewPassword,
        source: &str,
        now: NaiveDateTime,
        new_session: bool,
    ) -> Result<Option<SessionToken>, AuthError> {
        self.store
            .change_own_password(actor, current, new, source, now)?;
        if !new_session {
            return Ok(None);
        }
        Ok(Some(self.store.create_session(actor, source, now)?))
    }

    /// Creates an account.
    pub fn create_account(
        &self,
        caller: &Caller,
        account: &NewAccount,
    ) -> Result<AccountView, Error> {
        Ok(self
            .store
            .create_account(caller.scope(), caller.audit(), account)?)
    }

    /// Every account (administrators only; others see none).
    pub fn accounts(&self, caller: &Caller) -> Result<Vec<AccountView>, Error> {
        Ok(self.store.list_accounts(caller.scope())?)
    }

    /// Disables an account; `false` if it was already disabled.
    pub fn disable_account(&self, caller: &Caller, username: &Username) -> Result<bool, Error> {
        Ok(self
            .store
            .disable_account(caller.scope(), caller.audit(), username)?)
    }

    /// Sets an account's password.
    pub fn set_password(
        &self,
        caller: &Caller,
        username: &Username,
        password: &NewPassword,
    ) -> Result<(), Error> {
        Ok(self
            .store
            .set_password(caller.scope(), caller.audit(), username, password)?)
    }

    /// Creates the first administrator when the installation has no account: its name and
    /// generated password (to be shown once), or `None` when accounts exist.
    pub fn ensure_admin(&self, caller: &Caller) -> Result<Option<(Username, NewPassword)>, Error> {
        Ok(self.store.ensure_admin(caller.audit())?)
    }

    /// Creates one account per role on the demo district, with the published passwords.
    pub fn create_demo_accounts(
        &self,
        caller: &Caller,
        today: Date,
    ) -> Result<Vec<DemoAccount>, Error> {
        Ok(self.store.create_demo_accounts(caller.audit(), today)?)
    }

    /// Creates an API token for `username`, valid `expires_days` days: its id and the
    /// secret (shown once).
    pub fn create_token(
        &self,
        caller: &Caller,
        username: &Username,
        expires_days: Option<u32>,
    ) -> Result<(i64, TokenSecret), Error> {
        Ok(self
            .store
            .create_token(caller.scope(), caller.audit(), username, expires_days)?)
    }

    /// Every API token (administrators only; others see none).
    pub fn tokens(&self, caller: &Caller) -> Result<Vec<TokenView>, Error> {
        Ok(self.store.list_tokens(caller.scope())?)
    }

    /// Revokes a token; `false` if there was none to revoke.
    pub fn revoke_token(&self, caller: &Caller, id: i64) -> Result<bool, Error> {
        Ok(self
            .store
            .revoke_token(caller.scope(), caller.audit(), id)?)
    }
}

//! Accounts, sign-in, sessions and API tokens.
//!
//! Signing in and resolving a session or token happen before anyone is known, so they take
//! no [`Caller`]; managing accounts and tokens is the administrators' work and takes one
//! (storage refuses any scope but the whole installation).

use crate::records::{AccountView, DemoAccount, NewAccount, TokenView};
use crate::{App, AuthError, Caller, Error, SessionToken, TokenSecret};
use chrono::NaiveDateTime;
use dangvu_domain::Date;
use dangvu_domain::actor::{Actor, NewPassword, Username};

impl App {
    /// Signs in with a username and password from `source` at `now`: a new session, and
    /// the end of the browser's `previous` one if it had any. Failures are throttled and
    /// audited by storage.
    pub fn sign_in(
        &self,
        username: &str,
        password: &str,
        source: &str,
        now: NaiveDateTime,
        previous: Option<&str>,
    ) -> Result<(Actor, SessionToken), AuthError> {
        let signed_in = self.store.login(username, password, source, now)?;
        if let Some(previous) = previous {
            self.store.end_session(previous, source, now)?;
        }
        Ok(signed_in)
    }

    /// Ends the session whose token is `token`.
    pub fn sign_out(&self, token: &str, source: &str, now: NaiveDateTime) -> Result<(), Error> {
        Ok(self.store.end_session(token, source, now)?)
    }

    /// The account of a live session, or `None`.
    pub fn session_actor(&self, token: &str, now: NaiveDateTime) -> Result<Option<Actor>, Error> {
        Ok(self.store.session_actor(token, now)?)
    }

    /// The account of a valid API token, or `None`.
    pub fn token_actor(&self, secret: &str, now: NaiveDateTime) -> Result<Option<Actor>, Error> {
        Ok(self.store.token_actor(secret, now)?)
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

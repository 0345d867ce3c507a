//! Who is asking: the account's role, what it reaches today, and how its actions are
//! written to the audit log.
//!
//! Every use case that reads or changes records takes a [`Caller`]; the scope inside it is
//! the only way to reach records, and the role decides what is masked. An adapter builds
//! one per request (the web from the signed-in account, the command line as the local
//! administrator) and cannot widen it.

use crate::{AuditContext, Error, Scope};
use chrono::NaiveDateTime;
use dangvu_domain::Date;
use dangvu_domain::actor::Actor;
use dangvu_domain::roles::{Capability, Role};

/// The person or process a use case acts for.
#[derive(Debug, Clone)]
pub struct Caller {
    role: Role,
    scope: Scope,
    audit: AuditContext,
}

impl Caller {
    /// A signed-in account acting from `source` (an address) at `now`, on `today`.
    pub fn signed_in(actor: &Actor, source: &str, now: NaiveDateTime, today: Date) -> Self {
        Self {
            role: actor.role(),
            scope: Scope::for_actor(actor, today),
            audit: AuditContext::for_actor(actor, source, now),
        }
    }

    /// The local administrator at the command line: the whole installation, recorded in
    /// the audit log as `cli`.
    pub fn command_line(now: NaiveDateTime, today: Date) -> Self {
        Self {
            role: Role::QuanTri,
            scope: Scope::whole_installation(today),
            audit: AuditContext {
                actor: "cli".into(),
                source: "cli".into(),
                at: now,
            },
        }
    }

    /// The role, which decides what is masked.
    pub fn role(&self) -> Role {
        self.role
    }

    /// What the caller reaches today.
    pub fn scope(&self) -> &Scope {
        &self.scope
    }

    /// How the caller's actions are written to the audit log.
    pub fn audit(&self) -> &AuditContext {
        &self.audit
    }

    /// `Forbidden` unless the caller's role may do `capability`.
    pub(crate) fn permit(&self, capability: Capability) -> Result<(), Error> {
        if self.role.can(capability) {
            Ok(())
        } else {
            Err(Error::Forbidden)
        }
    }

    /// Whether the caller may see whole citizen IDs; otherwise every one is masked before
    /// it leaves this crate.
    pub fn sees_citizen_id(&self) -> bool {
        self.role.sees_citizen_id()
    }
}

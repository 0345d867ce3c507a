//! The capability check: one function, deny by default, every refusal audited.
//!
//! What a role may do is the domain's table ([`Role::can`]); what it may reach is its
//! [`dangvu_storage::Scope`], enforced by storage. A refusal is a 403 that says nothing
//! about the resource (it is decided before any record is looked up, so it cannot be used
//! to probe codes) and is recorded in the audit log as `denied`.

use super::Authenticated;
use crate::error::AppError;
use crate::state::AppState;
use dangvu_domain::roles::{Capability, Role};

/// What a route requires of the caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone, signed in or not (the sign-in page, the stylesheet, health).
    Public,
    /// Any signed-in account (signing out, changing one's own password).
    SignedIn,
    /// A signed-in account whose role has at least one of these capabilities.
    AnyOf(&'static [Capability]),
}

impl Access {
    /// Whether a signed-in account with `role` gets through.
    pub fn allows(self, role: Role) -> bool {
        match self {
            Access::Public | Access::SignedIn => true,
            Access::AnyOf(capabilities) => capabilities.iter().any(|c| role.can(*c)),
        }
    }

    /// Whether the route needs an account at all.
    pub fn needs_account(self) -> bool {
        self != Access::Public
    }
}

/// Refuses `auth` unless its role has `capability`; records a refusal as the attempt
/// `attempted` (e.g. `POST /api/v1/import`). For checks finer than a route's [`Access`]
/// (the router already enforces that one).
#[allow(
    dead_code,
    reason = "for handlers whose checks go beyond their route's access"
)]
pub(crate) async fn require(
    state: &AppState,
    auth: &Authenticated,
    capability: Capability,
    attempted: &str,
) -> Result<(), AppError> {
    if auth.role().can(capability) {
        return Ok(());
    }
    deny(state, auth, attempted).await
}

/// Refuses `auth` unless `access` lets its role through; records a refusal.
pub(crate) async fn require_access(
    state: &AppState,
    auth: &Authenticated,
    access: Access,
    attempted: &str,
) -> Result<(), AppError> {
    if access.allows(auth.role()) {
        return Ok(());
    }
    deny(state, auth, attempted).await
}

/// Records the refusal and answers 403. The refusal stands even if recording fails.
async fn deny(state: &AppState, auth: &Authenticated, attempted: &str) -> Result<(), AppError> {
    let ctx = auth.audit();
    let attempted = attempted.to_string();
    let recorded = state
        .blocking(move |store| {
            store.record_denial(&ctx, &attempted, dangvu_storage::AuditEntity::Route, None)
        })
        .await;
    match recorded {
        Ok(Ok(())) => {}
        Ok(Err(error)) => tracing::error!(%error, "could not record a denial"),
        Err(error) => error.log(),
    }
    Err(AppError::Forbidden)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn access_is_denied_unless_a_capability_grants_it() {
        let readers = Access::AnyOf(&[Capability::ReadRecords]);
        assert!(readers.allows(Role::Xem) && !readers.allows(Role::DangVien));
        let own = Access::AnyOf(&[Capability::ReadRecords, Capability::ReadOwnRecord]);
        assert!(own.allows(Role::DangVien) && own.allows(Role::BiThu));
        assert!(!Access::AnyOf(&[]).allows(Role::QuanTri));
        let audit = Access::AnyOf(&[Capability::ViewAudit]);
        assert!(audit.allows(Role::QuanTri) && !audit.allows(Role::CanBoToChuc));
        assert!(Access::SignedIn.needs_account() && !Access::Public.needs_account());
    }
}

//! The part of the organization tree a caller may see.
//!
//! Every storage read and write takes a `Scope`. It can only be built through these
//! constructors, so a query without one does not compile. A signed-in account's scope comes
//! from its [`Actor`] ([`Scope::for_actor`]); the command line is the local administrator.

use crate::Entity;
use crate::StoreError;
use dangvu_domain::actor::{Actor, Reach};
use dangvu_domain::{Date, MemberCode, OrgCode};

/// A caller's reach: the whole installation, one organization's subtree as the tree stands
/// on the day of the request, or one member's own record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scope {
    reach: Reach,
    today: Date,
}

impl Scope {
    /// Everything: the local administrator (command line) and administrators.
    pub fn whole_installation(today: Date) -> Self {
        Self {
            reach: Reach::Everything,
            today,
        }
    }

    /// The subtree of `root` as it stands on `today`.
    pub fn subtree(root: OrgCode, today: Date) -> Self {
        Self {
            reach: Reach::Subtree(root),
            today,
        }
    }

    /// One member's own record: no organization, no list, no other member.
    pub fn own_record(member: MemberCode, today: Date) -> Self {
        Self {
            reach: Reach::OwnRecord(member),
            today,
        }
    }

    /// The scope of a signed-in account on `today`.
    pub fn for_actor(actor: &Actor, today: Date) -> Self {
        Self {
            reach: actor.reach().clone(),
            today,
        }
    }

    /// What the scope reaches.
    pub fn reach(&self) -> &Reach {
        &self.reach
    }

    /// Whether the scope is the whole installation (administrators, the command line).
    /// Use this, not `root().is_none()`, to grant something to administrators only: a
    /// member's own-record scope has no root either.
    pub fn is_whole_installation(&self) -> bool {
        self.reach == Reach::Everything
    }

    /// The root of the subtree; `None` for the whole installation **and** for a member's
    /// own record (see [`Scope::is_whole_installation`]).
    pub fn root(&self) -> Option<&OrgCode> {
        match &self.reach {
            Reach::Subtree(root) => Some(root),
            Reach::Everything | Reach::OwnRecord(_) => None,
        }
    }

    /// The member whose own record is the whole scope, if it is one.
    pub fn own_member(&self) -> Option<&MemberCode> {
        match &self.reach {
            Reach::OwnRecord(member) => Some(member),
            Reach::Everything | Reach::Subtree(_) => None,
        }
    }

    /// The day of the request.
    pub fn today(&self) -> Date {
        self.today
    }

    /// `NotFound` for a member's own-record scope, which reaches no organization, so that
    /// use cases over a subtree or the whole installation (import, export) cannot take its
    /// missing root for "everything".
    pub(crate) fn require_organizations(&self) -> Result<(), StoreError> {
        match &self.reach {
            Reach::OwnRecord(_) => Err(StoreError::NotFound {
                entity: Entity::Organization,
                code: String::new(),
            }),
            Reach::Everything | Reach::Subtree(_) => Ok(()),
        }
    }
}

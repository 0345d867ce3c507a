//! What is due: every open step of the workflows in a subtree, with its due day.
//!
//! Each workflow computes its own open steps and deadlines on the installation's
//! working-day calendar (admissions: decisions, ceremonies, recognition reviews;
//! lifecycle: transfers, exemptions to review, badges). This use case only gathers them
//! for the subtree asked for, inside the caller's scope, and orders them by urgency, so
//! the page, the API and the home page's count agree by construction.

use crate::records::OrgRef;
use crate::{App, Caller, Error, Scope};
use dangvu_domain::due::{DueItem, sort_by_urgency};
use dangvu_domain::{Date, OrgCode};

/// The open steps of a subtree on a day.
#[derive(Debug, Clone, PartialEq)]
pub struct DueList {
    /// The subtree's root (the caller's scope root when none was asked for); `None` for
    /// the whole installation.
    pub org: Option<OrgRef>,
    /// The day the list is computed for.
    pub as_of: Date,
    /// The open steps, most urgent first.
    pub items: Vec<DueItem>,
}

impl DueList {
    /// How many of the steps are late on the list's day.
    pub fn overdue(&self) -> usize {
        self.items
            .iter()
            .filter(|i| i.is_overdue(self.as_of))
            .count()
    }
}

impl App {
    /// The open steps in the subtree of `org` (or the caller's whole scope) on `as_of`.
    /// An organization outside the caller's scope is not found, like one that does not
    /// exist.
    pub fn due_list(
        &self,
        caller: &Caller,
        org: Option<&OrgCode>,
        as_of: Date,
    ) -> Result<DueList, Error> {
        let scope = caller.scope();
        let (org, narrowed) = match org {
            Some(code) => {
                let found = self.store.org_ref(scope, code)?;
                let narrowed = Scope::subtree(found.code.clone(), scope.today());
                (Some(found), narrowed)
            }
            None => (self.scope_root(scope)?, scope.clone()),
        };
        let calendar = self.working_calendar()?;
        let mut items = self
            .store
            .admission_due_items(&narrowed, as_of, &calendar)?;
        items.extend(self.store.badge_due_items(&narrowed, as_of)?);
        items.extend(self.store.exemption_due_items(&narrowed, as_of)?);
        items.extend(self.transfer_due_items(&narrowed, as_of)?);
        sort_by_urgency(&mut items);
        Ok(DueList { org, as_of, items })
    }

    /// How many steps of the caller's whole scope are late on `as_of`, for the home page.
    ///
    /// Only the steps that can be late are gathered: a badge is listed from its milestone
    /// until its award day (`upcoming_badge` keeps award days on or after the list's day),
    /// so it is never late, and the home page need not read a province's thousands of
    /// badge candidates on every visit. The count is the due list's `overdue()`.
    pub fn overdue_count(&self, caller: &Caller, as_of: Date) -> Result<usize, Error> {
        let calendar = self.working_calendar()?;
        let mut items = self
            .store
            .admission_due_items(caller.scope(), as_of, &calendar)?;
        items.extend(self.store.exemption_due_items(caller.scope(), as_of)?);
        items.extend(self.transfer_due_items(caller.scope(), as_of)?);
        Ok(items.iter().filter(|i| i.is_overdue(as_of)).count())
    }

    /// The root of a subtree scope, named on the list's heading.
    fn scope_root(&self, scope: &Scope) -> Result<Option<OrgRef>, Error> {
        match scope.root() {
            Some(root) => Ok(Some(self.store.org_ref(scope, root)?)),
            None => Ok(None),
        }
    }
}

//! Members: the list of a subtree on a date, and one member's full record.
//!
//! Opening a record is a read of personal data: it is written to the audit log in the
//! same transaction, and the citizen ID is masked unless the caller's role needs it. The
//! registration history of a member who left the Party ends on the day they left.

use crate::records::{MemberDetail, MemberPage, MemberQuery, OrgDetail};
use crate::{App, Caller, Error};
use dangvu_domain::MemberCode;
use dangvu_domain::privacy::mask_citizen_id;
use dangvu_domain::standing::{left_party, registration_until_exit};

impl App {
    /// A page of the members of `query.org`'s subtree on `query.as_of`, in Vietnamese name
    /// order.
    pub fn members(&self, caller: &Caller, query: &MemberQuery) -> Result<MemberPage, Error> {
        Ok(self.store.members(caller.scope(), query)?)
    }

    /// The organization of a member list and the page of its members.
    pub fn org_members(
        &self,
        caller: &Caller,
        query: &MemberQuery,
    ) -> Result<(OrgDetail, MemberPage), Error> {
        let org = self.store.org(caller.scope(), &query.org, query.as_of)?;
        Ok((org, self.members(caller, query)?))
    }

    /// A member's full record, masked for the caller's role; the read is audited in the
    /// same transaction. Outside the scope: not found, and nothing is recorded.
    pub fn open_member(&self, caller: &Caller, code: &MemberCode) -> Result<MemberDetail, Error> {
        let mut member = self
            .store
            .open_member(caller.scope(), code, caller.audit())?;
        if !caller.sees_citizen_id() {
            mask_member(&mut member);
        }
        close_at_exit(&mut member);
        Ok(member)
    }
}

/// Ends the registration still open when the member left the Party on the day they left,
/// so that the history does not run to "now" for a member who died or was expelled.
fn close_at_exit(member: &mut MemberDetail) {
    let statuses: Vec<_> = member
        .statuses
        .iter()
        .map(|s| (s.period, s.status))
        .collect();
    let left_on = left_party(&statuses).map(|(day, _)| day);
    for registration in &mut member.registrations {
        registration.period = registration_until_exit(registration.period, left_on);
    }
}

/// Hides the middle of the member's citizen ID.
fn mask_member(member: &mut MemberDetail) {
    let id = &mut member.profile.citizen_id;
    *id = id.as_deref().map(mask_citizen_id);
}

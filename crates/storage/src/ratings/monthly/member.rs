//! One member's twelve months of a year: what their page in a round shows beside the level,
//! to the member themself too (their own review rests on the cell's monthly results).
//!
//! The member must be in the scope; the results carry no organization, so every month
//! recorded for them is read, whichever cell recorded it.

use super::read::{results_of, twelve};
use crate::tree::access::visible_member;
use crate::{Scope, Store, StoreError};
use dangvu_domain::ratings::Month;
use dangvu_domain::{MemberCode, Rating};

impl Store {
    /// January to December of `year` for `member`, if the scope reaches them.
    #[tracing::instrument(skip_all, fields(member = %member, year), err)]
    pub fn member_months(
        &self,
        scope: &Scope,
        member: &MemberCode,
        year: i32,
    ) -> Result<[Option<Rating>; 12], StoreError> {
        let (Some(jan), Some(dec)) = (Month::new(year, 1), Month::new(year, 12)) else {
            return Ok([None; 12]);
        };
        self.read(|c| {
            let id = visible_member(c, scope, member.as_str())?;
            let mut found = results_of(c, &[id], jan.first_day(), dec.first_day())?;
            Ok(twelve(found.remove(&id).unwrap_or_default()))
        })
    }
}

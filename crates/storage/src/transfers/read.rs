//! Reading transfers: one, and those of the caller's scope.

use super::use_cases::view;
use super::views::TransferView;
use super::{access, rows};
use crate::{Scope, Store, StoreError};
use dangvu_domain::Date;
use dangvu_domain::calendar::WorkingCalendar;

impl Store {
    /// Transfer `id`, if the scope reaches its sending or receiving organization.
    #[tracing::instrument(skip_all, fields(transfer = id), err)]
    pub fn transfer(
        &self,
        scope: &Scope,
        id: i64,
        calendar: &WorkingCalendar,
    ) -> Result<TransferView, StoreError> {
        self.read(|c| view(c, scope, id, calendar))
    }

    /// The transfers whose sending or receiving organization the scope reaches on `as_of`,
    /// oldest decision first.
    #[tracing::instrument(skip_all, fields(%as_of), err)]
    pub fn transfers(
        &self,
        scope: &Scope,
        as_of: Date,
        calendar: &WorkingCalendar,
    ) -> Result<Vec<TransferView>, StoreError> {
        self.read(|c| {
            let found = access::reached_rows(c, scope, as_of)?;
            rows::assemble(c, scope, found, calendar)
        })
    }
}

//! A member's own commitments: those they signed, for their profile and for their review in
//! a round ("shown in the committee members' own review").
//!
//! The member must be in the scope; each commitment is kept when the scope reaches its
//! organization (the rule of every commitment), except that a member reading their own
//! record sees every commitment they signed.

use super::rows::{self, CommitmentRow};
use super::views::CommitmentView;
use crate::db::conn::DbConnection;
use crate::db::schema::commitments as k;
use crate::tree::access::{visible_member, visible_org};
use crate::{Scope, Store, StoreError};
use dangvu_domain::MemberCode;
use diesel::prelude::*;

impl Store {
    /// The commitments `member` signed (of `year`, or every year), newest year first, then
    /// by signing day.
    #[tracing::instrument(skip_all, fields(member = %member, year), err)]
    pub fn member_commitments(
        &self,
        scope: &Scope,
        member: &MemberCode,
        year: Option<i32>,
    ) -> Result<Vec<CommitmentView>, StoreError> {
        self.read(|c| {
            let signer = visible_member(c, scope, member.as_str())?;
            let mut query = k::table
                .filter(k::signer_id.eq(signer))
                .order((k::year.desc(), k::signed_on, k::code))
                .select(CommitmentRow::as_select())
                .into_boxed();
            if let Some(year) = year {
                query = query.filter(k::year.eq(year));
            }
            let found: Vec<CommitmentRow> = query.load(c)?;
            let own = scope.own_member() == Some(member);
            let mut kept = Vec::with_capacity(found.len());
            for row in found {
                if own || reaches(c, scope, row.org_id)? {
                    kept.push(row);
                }
            }
            rows::assemble(c, kept)
        })
    }
}

/// Whether the scope reaches organization `id`.
fn reaches(conn: &mut DbConnection, scope: &Scope, id: i64) -> Result<bool, StoreError> {
    let code = super::org_code_of(conn, id)?;
    match visible_org(conn, scope, &code) {
        Ok(_) => Ok(true),
        Err(StoreError::NotFound { .. }) => Ok(false),
        Err(other) => Err(other),
    }
}

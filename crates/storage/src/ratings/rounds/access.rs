//! Which rounds and which of their rows a caller reaches.
//!
//! A round is in scope when its committee is (today, or on the reference day), when the
//! caller's organization lies in the round's subtree (on either day), or, for a member's
//! own-record scope, when the member is rated in it. Out of scope it is "not found",
//! exactly like a round that does not exist. Rows are then reached by their cell (members) or the organization itself.

use super::rows::RoundRow;
use crate::admissions::access::reached_ids;
use crate::db::conn::DbConnection;
use crate::db::schema::{rating_rounds, round_members};
use crate::tree::access::visible_member;
use crate::tree::sql::{org_id, place_on};
use crate::{Entity, Scope, StoreError};
use dangvu_domain::Date;
use dangvu_domain::ratings::{RoundKind, RuleSet, for_year};
use diesel::prelude::*;
use std::collections::HashSet;

/// What of a round's rows a caller reaches.
#[derive(Debug, Clone)]
pub(crate) enum Reached {
    /// Every row (administrators).
    All,
    /// The rows of these organizations (cells for members).
    Orgs(HashSet<i64>),
    /// One member's own row.
    Member(i64),
}

impl Reached {
    /// Whether a row of organization `org` (a member's cell, or the organization rated) is
    /// reached.
    pub(crate) fn org(&self, org: i64) -> bool {
        match self {
            Self::All => true,
            Self::Orgs(ids) => ids.contains(&org),
            Self::Member(_) => false,
        }
    }
}

/// A round the caller reaches.
#[derive(Debug, Clone)]
pub(crate) struct RoundAccess {
    /// The stored round.
    pub row: RoundRow,
    /// Year, quarter or term.
    pub kind: RoundKind,
    /// The reference day.
    pub reference: Date,
    /// The rows the caller reaches.
    pub reached: Reached,
}

impl RoundAccess {
    /// The rules of the year rated.
    pub(crate) fn rules(&self) -> &'static RuleSet {
        for_year(self.row.year)
    }
}

/// `NotFound` for round `id`.
pub(crate) fn not_found(id: i64) -> StoreError {
    StoreError::NotFound {
        entity: Entity::RatingRound,
        code: id.to_string(),
    }
}

/// The period and reference day of a stored round.
pub(crate) fn kind_of(row: &RoundRow) -> Result<(RoundKind, Date), StoreError> {
    let quarter = u8::try_from(row.quarter).ok().filter(|q| *q > 0);
    let kind = RoundKind::from_code(&row.period, quarter)
        .ok_or_else(|| StoreError::Corrupt(format!("round period {}", row.period)))?;
    let reference = kind
        .reference(row.year)
        .ok_or_else(|| StoreError::Corrupt(format!("round year {}", row.year)))?;
    Ok((kind, reference))
}

/// Round `id` if the scope reaches it, else `NotFound`.
pub(crate) fn round(
    conn: &mut DbConnection,
    scope: &Scope,
    id: i64,
) -> Result<RoundAccess, StoreError> {
    let row: RoundRow = rating_rounds::table
        .find(id)
        .select(RoundRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| not_found(id))?;
    let (kind, reference) = kind_of(&row)?;
    let reached = reached(conn, scope, &row, reference)?.ok_or_else(|| not_found(id))?;
    Ok(RoundAccess {
        row,
        kind,
        reference,
        reached,
    })
}

/// What the scope reaches of `row`, or `None` when it reaches nothing of it.
fn reached(
    conn: &mut DbConnection,
    scope: &Scope,
    row: &RoundRow,
    reference: Date,
) -> Result<Option<Reached>, StoreError> {
    if let Some(own) = scope.own_member() {
        let member = visible_member(conn, scope, own.as_str())?;
        let rated: i64 = round_members::table
            .filter(round_members::round_id.eq(row.id))
            .filter(round_members::member_id.eq(member))
            .count()
            .get_result(conn)?;
        return Ok((rated > 0).then_some(Reached::Member(member)));
    }
    // The scope's subtree as it stands today (how every reader's scope is read) and as it
    // stood on the reference day (organizations dissolved since).
    let (Some(today), Some(then)) = (
        reached_ids(conn, scope, scope.today())?,
        reached_ids(conn, scope, reference)?,
    ) else {
        return Ok(Some(Reached::All));
    };
    let ids: HashSet<i64> = today.into_iter().chain(then).collect();
    if ids.contains(&row.org_id) {
        return Ok(Some(Reached::Orgs(ids)));
    }
    let Some(root) = scope.root() else {
        return Ok(None);
    };
    let root_id = org_id(conn, root.as_str())?;
    let mut inside = false;
    for day in [reference, scope.today()] {
        inside |= place_on(conn, root_id, day)?.is_some_and(|p| p.chain().contains(&row.org_id));
    }
    Ok(inside.then_some(Reached::Orgs(ids)))
}

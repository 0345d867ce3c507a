//! The final levels of a round being closed (decided, else proposed or self-reviewed) and
//! the checks over them: the quota of every grassroots organization and the ties of every
//! organization decided now.

use super::access::RoundAccess;
use crate::StoreError;
use crate::db::conn::DbConnection;
use crate::db::schema::{round_members as rm, round_orgs as ro};
use crate::tree::refs::enum_code;
use dangvu_domain::Rating;
use dangvu_domain::ratings::{OrgShape, RuleId, Violation, linkage, quota};
use diesel::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// The members' final levels: decided, else proposed.
pub(super) struct MemberLevels {
    /// (member, unit, cell, level, exceptions recorded)
    pub rows: Vec<(i64, i64, i64, Rating, bool)>,
    pub missing: usize,
}

impl MemberLevels {
    pub(super) fn read(conn: &mut DbConnection, id: i64) -> Result<Self, StoreError> {
        type Row = (
            i64,
            i64,
            i64,
            Option<String>,
            Option<String>,
            Option<String>,
        );
        let stored: Vec<Row> = rm::table
            .filter(rm::round_id.eq(id))
            .select((
                rm::member_id,
                rm::unit_id,
                rm::cell_id,
                rm::decided_level,
                rm::proposed_level,
                rm::exceptions,
            ))
            .load(conn)?;
        let mut rows = Vec::with_capacity(stored.len());
        let mut missing = 0;
        for (member, unit, cell, decided, proposed, exceptions) in stored {
            match decided.or(proposed) {
                Some(code) => {
                    let quota_excepted =
                        exceptions.is_some_and(|e| e.contains(RuleId::Quota.code()));
                    rows.push((member, unit, cell, enum_code(&code)?, quota_excepted));
                }
                None => missing += 1,
            }
        }
        Ok(Self { rows, missing })
    }

    pub(super) fn by<K: Ord>(
        &self,
        key: impl Fn(&(i64, i64, i64, Rating, bool)) -> K,
    ) -> BTreeMap<K, Vec<Rating>> {
        let mut found: BTreeMap<K, Vec<Rating>> = BTreeMap::new();
        for row in &self.rows {
            found.entry(key(row)).or_default().push(row.3);
        }
        found
    }

    /// The grassroots organizations over the quota, with the violation.
    pub(super) fn over_quota(&self, access: &RoundAccess) -> Vec<(i64, Violation)> {
        self.by(|r| r.1)
            .into_iter()
            .filter_map(|(unit, levels)| quota(access.rules(), &levels).map(|v| (unit, v)))
            .collect()
    }

    /// The quota of every grassroots organization without an exception recorded there.
    pub(super) fn quota_violations(
        &self,
        conn: &mut DbConnection,
        access: &RoundAccess,
    ) -> Result<Vec<Violation>, StoreError> {
        let excepted: BTreeSet<i64> = self.rows.iter().filter(|r| r.4).map(|r| r.1).collect();
        let mut found = Vec::new();
        for (unit, v) in self.over_quota(access) {
            if !excepted.contains(&unit) {
                found.push(named(conn, unit, v)?);
            }
        }
        Ok(found)
    }
}

/// The organizations' final levels: decided, else their self-review.
pub(super) struct OrgLevels {
    /// (org, parent, is a cell, level, decided already)
    pub rows: Vec<(i64, Option<i64>, bool, Rating, bool)>,
    pub missing: usize,
}

impl OrgLevels {
    pub(super) fn read(conn: &mut DbConnection, id: i64) -> Result<Self, StoreError> {
        type Row = (i64, Option<i64>, String, Option<String>, Option<String>);
        let stored: Vec<Row> = ro::table
            .filter(ro::round_id.eq(id))
            .select((
                ro::org_id,
                ro::parent_id,
                ro::shape,
                ro::decided_level,
                ro::self_level,
            ))
            .load(conn)?;
        let mut rows = Vec::with_capacity(stored.len());
        let mut missing = 0;
        for (org, parent, shape, decided, own) in stored {
            let already = decided.is_some();
            match decided.or(own) {
                Some(code) => {
                    rows.push((org, parent, shape == "CHI_BO", enum_code(&code)?, already))
                }
                None => missing += 1,
            }
        }
        Ok(Self { rows, missing })
    }

    /// The ties of every organization decided now to its members' or subordinates' final
    /// levels (those decided earlier passed them when they were decided).
    pub(super) fn linkage_violations(
        &self,
        conn: &mut DbConnection,
        access: &RoundAccess,
        members: &MemberLevels,
    ) -> Result<Vec<Violation>, StoreError> {
        let mut found = Vec::new();
        for (org, v) in self.unlinked(access, members, false) {
            found.push(named(conn, org, v)?);
        }
        Ok(found)
    }

    /// The organizations whose level their parts do not allow (all of them, or only those
    /// not decided yet), with the violation.
    pub(super) fn unlinked(
        &self,
        access: &RoundAccess,
        members: &MemberLevels,
        all: bool,
    ) -> Vec<(i64, Violation)> {
        let by_cell = members.by(|r| r.2);
        let mut by_parent: HashMap<i64, Vec<Rating>> = HashMap::new();
        for (_, parent, _, level, _) in &self.rows {
            if let Some(p) = parent {
                by_parent.entry(*p).or_default().push(*level);
            }
        }
        let mut found = Vec::new();
        for (org, _, cell, level, already) in &self.rows {
            if *already && !all {
                continue;
            }
            let (shape, parts) = if *cell {
                (OrgShape::Cell, by_cell.get(org))
            } else {
                (OrgShape::Committee, by_parent.get(org))
            };
            let parts = parts.map(Vec::as_slice).unwrap_or_default();
            for v in linkage(access.rules(), shape, *level, parts, 0, parts.len()) {
                found.push((*org, v));
            }
        }
        found
    }
}

/// `v` with the organization it concerns named first.
fn named(conn: &mut DbConnection, org: i64, mut v: Violation) -> Result<Violation, StoreError> {
    let (code, name) = super::read::org_name(conn, org)?;
    v.message_vi = format!("{name} ({code}): {}", v.message_vi);
    v.message_en = format!("{code}: {}", v.message_en);
    Ok(v)
}

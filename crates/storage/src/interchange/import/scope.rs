//! The caller's scope over an import: what a subtree account may write, and which records
//! outside its subtree a file may still hold.
//!
//! A subtree export holds records outside the subtree as context: former superiors,
//! merger targets, cells its members came from, and organizations that were once below one
//! of its own. Taking the export back must work, so such a record is accepted as a
//! reference when the file repeats it exactly as stored, and counted unchanged; a file that
//! changes it is refused. Only records the account's own exports can hold are accepted
//! that way: any other record outside the scope is refused with the same words whether it
//! matches what is stored or not, so that a file cannot probe what the account cannot see.
//! Members outside the scope are never in its exports, and are always refused.

use super::state::Stored;
use crate::db::conn::DbConnection;
use crate::tree::access::visible_member;
use crate::{ImportRequest, Scope, StoreError};
use dangvu_domain::dataset::{MemberRecord, OrgRecord};
use dangvu_domain::interchange::merge::Plan;
use dangvu_domain::interchange::{Problem, SheetRows, Table};
use dangvu_domain::tree::TreeHistory;
use dangvu_domain::{Date, OrgCode};
use std::collections::{HashMap, HashSet};

/// Every record of the file that the caller's subtree `root` does not allow.
pub(crate) fn outside_scope(
    conn: &mut DbConnection,
    scope: &Scope,
    root: &OrgCode,
    (after, stored, plan): (&TreeHistory, &Stored, &Plan<'_>),
    request: &ImportRequest<'_>,
) -> Result<Vec<Problem>, StoreError> {
    let before = TreeHistory::build(&stored.orgs.records)
        .map_err(|e| StoreError::Corrupt(format!("stored tree: {e}")))?;
    let mut reach = Reach {
        tree: &before,
        root,
        today: scope.today(),
        memo: HashMap::new(),
    };
    let words = Words { root };
    let records = (after, stored, plan);
    let (mut problems, members_inside) = members(conn, scope, records, &words, request)?;
    let context = Context::of(&stored.orgs.records, &mut reach, members_inside);
    let changed: HashSet<&OrgCode> = plan.changed_orgs.iter().map(|(_, o)| &o.code).collect();
    let rows = request.rows;
    for (i, org) in request.dataset.orgs.iter().enumerate() {
        let row = rows.and_then(|r| SheetRows::at(&r.orgs, i));
        let code = &org.code;
        let known = stored.orgs.ids.contains_key(code.as_str());
        if !known || reach.inside(code) {
            if !inside(after, code, root, reach.today) {
                problems.push(words.outside(Table::ToChuc, "ma", code.as_str(), row));
            }
        } else if !context.references.contains(code) {
            problems.push(words.outside(Table::ToChuc, "ma", code.as_str(), row));
        } else if changed.contains(code) {
            problems.push(words.changed(Table::ToChuc, "ma", code.as_str(), row));
        }
    }
    let rated: HashSet<(&OrgCode, i32)> = (plan.org_ratings.0.iter().map(|r| (&r.org, r.year)))
        .chain(plan.org_ratings.1.iter().map(|(_, r)| (&r.org, r.year)))
        .collect();
    for (i, rating) in request.dataset.org_ratings.iter().enumerate() {
        let code = &rating.org;
        if !stored.orgs.ids.contains_key(code.as_str()) || reach.inside(code) {
            continue;
        }
        let row = rows.and_then(|r| SheetRows::at(&r.org_ratings, i));
        let (table, column) = (Table::DanhGiaToChuc, "ma_to_chuc");
        if !context.below.contains(code) {
            problems.push(words.outside(table, column, code.as_str(), row));
        } else if rated.contains(&(code, rating.year)) {
            problems.push(words.changed(table, column, code.as_str(), row));
        }
    }
    // In the order of the file, so that the first problems kept are those of its first rows.
    problems.sort_by_key(|p| (p.table, p.row));
    Ok(problems)
}

/// The file's members outside the scope before or after the import, and their ratings,
/// as problems; and the members inside it that are stored. A stored member inside the
/// scope whose registrations the file leaves as they are stays where the scope sees them.
fn members<'s>(
    conn: &mut DbConnection,
    scope: &Scope,
    (after, stored, plan): (&TreeHistory, &'s Stored, &Plan<'_>),
    words: &Words<'_>,
    request: &ImportRequest<'_>,
) -> Result<(Vec<Problem>, Vec<&'s MemberRecord>), StoreError> {
    let (ds, rows) = (request.dataset, request.rows);
    let moved: HashSet<&str> = (plan.changed_members.iter())
        .filter(|c| c.registrations)
        .map(|c| c.record.code.as_str())
        .collect();
    let mut problems = Vec::new();
    let mut inside_before = Vec::new();
    for (i, member) in ds.members.iter().enumerate() {
        let code = member.code.as_str();
        let stored_member = stored.members.get(&member.code);
        let was_inside = match stored_member {
            None => true,
            Some(_) => visible(conn, scope, code)?,
        };
        let now = member.registrations.last().map(|r| &r.org);
        let stays = stored_member.is_some() && !moved.contains(code);
        let lands = || now.is_some_and(|org| inside(after, org, words.root, scope.today()));
        if was_inside && (stays || lands()) {
            inside_before.extend(stored_member.map(|(_, record)| record));
        } else {
            let row = rows.and_then(|r| SheetRows::at(&r.members, i));
            problems.push(words.outside(Table::DangVien, "ma", code, row));
        }
    }
    let file_members: HashSet<&str> = ds.members.iter().map(|m| m.code.as_str()).collect();
    for (i, rating) in ds.member_ratings.iter().enumerate() {
        let code = rating.member.as_str();
        if !file_members.contains(code) && !visible(conn, scope, code)? {
            let row = rows.and_then(|r| SheetRows::at(&r.member_ratings, i));
            let column = "ma_dang_vien";
            problems.push(words.outside(Table::DanhGiaDangVien, column, code, row));
        }
    }
    Ok((problems, inside_before))
}

fn visible(conn: &mut DbConnection, scope: &Scope, code: &str) -> Result<bool, StoreError> {
    match visible_member(conn, scope, code) {
        Ok(_) => Ok(true),
        Err(StoreError::NotFound { .. }) => Ok(false),
        Err(other) => Err(other),
    }
}

/// The organizations outside the scope that the caller's exports hold.
struct Context {
    /// Every one: those below one of the scope's organizations once, and everything the
    /// scope's organizations and members refer to (superiors, merger targets, cells), with
    /// the superiors and merger targets of those in turn.
    references: HashSet<OrgCode>,
    /// Those once below one of the scope's organizations: exported with their ratings.
    below: HashSet<OrgCode>,
}

impl Context {
    /// The context of the stored tree as `reach` sees it; `members` are the stored records
    /// of the file's members inside the scope, whose registrations name cells.
    fn of(orgs: &[OrgRecord], reach: &mut Reach<'_>, members: Vec<&MemberRecord>) -> Self {
        let by_code: HashMap<&OrgCode, &OrgRecord> = orgs.iter().map(|o| (&o.code, o)).collect();
        let mut pending: Vec<OrgCode> = Vec::new();
        let mut below = HashSet::new();
        for org in orgs {
            if reach.inside(&org.code) {
                pending.extend(links(org));
            } else if reach.ever_below_inside(&org.code) {
                below.insert(org.code.clone());
                pending.push(org.code.clone());
            }
        }
        for member in members {
            pending.extend(member.registrations.iter().map(|r| r.org.clone()));
        }
        let mut references = HashSet::new();
        while let Some(code) = pending.pop() {
            if let Some(org) = by_code.get(&code).filter(|_| !references.contains(&code)) {
                pending.extend(links(org));
            }
            references.insert(code);
        }
        Self { references, below }
    }
}

/// The superiors and merger target an organization refers to.
fn links(org: &OrgRecord) -> impl Iterator<Item = OrgCode> + '_ {
    org.parents
        .iter()
        .filter_map(|l| l.parent.clone())
        .chain(org.merged_into.clone())
}

/// Which stored organizations the scope reaches, by the rule of its pages (remembered).
struct Reach<'t> {
    tree: &'t TreeHistory,
    root: &'t OrgCode,
    today: Date,
    memo: HashMap<OrgCode, bool>,
}

impl Reach<'_> {
    fn inside(&mut self, code: &OrgCode) -> bool {
        if let Some(known) = self.memo.get(code) {
            return *known;
        }
        let found = inside(self.tree, code, self.root, self.today);
        self.memo.insert(code.clone(), found);
        found
    }

    /// Whether `code` once lay below an organization the scope reaches: it is then in the
    /// export of that organization.
    fn ever_below_inside(&mut self, code: &OrgCode) -> bool {
        let tree = self.tree;
        tree.periods_of(code)
            .iter()
            .flat_map(|p| p.chain.iter())
            .any(|above| above != code && self.inside(above))
    }
}

/// Whether `org` lies under `root` in `tree`, on `today` — or on its last day when it no
/// longer exists then, or its first day when it does not exist yet.
fn inside(tree: &TreeHistory, org: &OrgCode, root: &OrgCode, today: Date) -> bool {
    let periods = tree.periods_of(org);
    let day = periods
        .iter()
        .find(|p| p.period.contains(today))
        .map(|_| today)
        .or_else(|| {
            let last = periods.iter().rev().find(|p| p.period.from <= today)?;
            last.period.to.pred_opt()
        })
        .or_else(|| periods.first().map(|p| p.period.from));
    day.is_some_and(|day| tree.is_in_subtree(org, root, day))
}

/// The words of a refusal.
struct Words<'r> {
    root: &'r OrgCode,
}

impl Words<'_> {
    fn outside(&self, table: Table, column: &str, code: &str, row: Option<usize>) -> Problem {
        let root = self.root;
        problem(
            (table, column, code, row),
            format!("bản ghi {code} nằm ngoài phạm vi của bạn ({root})"),
            format!("record {code} lies outside your scope ({root})"),
        )
    }

    fn changed(&self, table: Table, column: &str, code: &str, row: Option<usize>) -> Problem {
        let root = self.root;
        problem(
            (table, column, code, row),
            format!(
                "bản ghi {code} nằm ngoài phạm vi của bạn ({root}): tệp chỉ được giữ nguyên \
                 bản ghi này như đã lưu (như trong tệp xuất), không được sửa"
            ),
            format!(
                "record {code} lies outside your scope ({root}): a file may only repeat it \
                 as stored (as exported), not change it"
            ),
        )
    }
}

fn problem(
    (table, column, code, row): (Table, &str, &str, Option<usize>),
    vi: String,
    en: String,
) -> Problem {
    Problem {
        table,
        row,
        column: Some(column.to_string()),
        value: code.to_string(),
        reason_vi: vi,
        reason_en: en,
    }
}

//! What a file valid on its own can still break once merged with the stored records: the
//! tree (a new superior that is a stored descendant), a transfer dated by the import into
//! an organization that no longer exists, and the caller's scope. Every problem is listed.

use crate::db::conn::DbConnection;
use crate::tree::access::{visible_member, visible_org};
use crate::{ImportRequest, Scope, StoreError};
use dangvu_domain::dataset::OrgRecord;
use dangvu_domain::interchange::merge::Plan;
use dangvu_domain::interchange::{Problem, Table};
use dangvu_domain::tree::TreeHistory;
use dangvu_domain::{Date, OrgCode};
use std::collections::{HashMap, HashSet};

/// The tree after the import, or every problem found.
pub(crate) fn check(
    conn: &mut DbConnection,
    scope: &Scope,
    plan: &Plan<'_>,
    request: &ImportRequest<'_>,
) -> Result<Result<TreeHistory, Vec<Problem>>, StoreError> {
    if let Some(member) = scope.own_member() {
        let (vi, en) = (
            format!("tài khoản chỉ xem hồ sơ của đảng viên {member} không được nhập dữ liệu"),
            format!("an account that sees only member {member}'s own record cannot import"),
        );
        return Ok(Err(vec![problem(Table::DangVien, "ma", "", vi, en)]));
    }
    let tree = match TreeHistory::build(&plan.all_orgs) {
        Ok(tree) => tree,
        Err(error) => {
            let (vi, en) = (
                format!("cây tổ chức sau khi nhập không hợp lệ: {error}"),
                format!("the organization tree after the import is not valid: {error}"),
            );
            return Ok(Err(vec![problem(Table::ToChuc, "ma_cap_tren", "", vi, en)]));
        }
    };
    let mut problems = dated_by_import(plan);
    if let Some(root) = scope.root() {
        problems.extend(outside_scope(conn, scope, root, &tree, request)?);
    }
    Ok(if problems.is_empty() {
        Ok(tree)
    } else {
        Err(problems)
    })
}

fn problem(table: Table, column: &str, value: &str, vi: String, en: String) -> Problem {
    Problem {
        table,
        row: None,
        column: Some(column.to_string()),
        value: value.to_string(),
        reason_vi: vi,
        reason_en: en,
    }
}

/// A member moved by a changed `ma_to_chuc` is transferred on the import's date: the
/// organization must exist that day.
fn dated_by_import(plan: &Plan<'_>) -> Vec<Problem> {
    let orgs: HashMap<&OrgCode, &OrgRecord> = plan.all_orgs.iter().map(|o| (&o.code, o)).collect();
    let mut problems = Vec::new();
    for changed in plan.changed_members.iter().filter(|c| c.registrations) {
        let record = &changed.record;
        let Some(last) = record.registrations.last() else {
            continue;
        };
        let (Some(day), Some(org)) = (last.since, orgs.get(&last.org)) else {
            continue;
        };
        if !changed.transfers_given && !org.is_active_on(day) {
            problems.push(problem(
                Table::DangVien,
                "ma_to_chuc",
                last.org.as_str(),
                format!(
                    "đảng viên {} được chuyển đến tổ chức này vào ngày {day} (ngày nhập) nhưng \
                     tổ chức không tồn tại vào ngày đó; hãy ghi lần chuyển vào bảng chuyen_sinh_hoat",
                    record.code
                ),
                format!(
                    "member {} would be transferred here on {day} (the import's date), when this \
                     organization does not exist; give the transfer in chuyen_sinh_hoat",
                    record.code
                ),
            ));
        }
    }
    problems
}

/// Records of the file that lie outside the caller's subtree, before or after the import.
fn outside_scope(
    conn: &mut DbConnection,
    scope: &Scope,
    root: &OrgCode,
    tree: &TreeHistory,
    request: &ImportRequest<'_>,
) -> Result<Vec<Problem>, StoreError> {
    let ds = request.dataset;
    let today = scope.today();
    let mut problems = Vec::new();
    let refuse = |table: Table, column: &str, code: &str| {
        problem(
            table,
            column,
            code,
            format!("bản ghi {code} nằm ngoài phạm vi của bạn ({root})"),
            format!("record {code} lies outside your scope ({root})"),
        )
    };
    let file_orgs: HashSet<&OrgCode> = ds.orgs.iter().map(|o| &o.code).collect();
    for org in &ds.orgs {
        let was_inside = reaches(conn, scope, &org.code)?;
        if !was_inside || !inside(tree, &org.code, root, today) {
            problems.push(refuse(Table::ToChuc, "ma", org.code.as_str()));
        }
    }
    for member in &ds.members {
        let was_inside = match visible_member(conn, scope, member.code.as_str()) {
            Ok(_) => true,
            Err(StoreError::NotFound { .. }) => !stored_member(conn, member.code.as_str())?,
            Err(other) => return Err(other),
        };
        let now = member.registrations.last().map(|r| &r.org);
        if !was_inside || !now.is_some_and(|org| inside(tree, org, root, today)) {
            problems.push(refuse(Table::DangVien, "ma", member.code.as_str()));
        }
    }
    let file_members: HashSet<&str> = ds.members.iter().map(|m| m.code.as_str()).collect();
    for rating in &ds.member_ratings {
        let code = rating.member.as_str();
        if !file_members.contains(code) && visible_member(conn, scope, code).is_err() {
            problems.push(refuse(Table::DanhGiaDangVien, "ma_dang_vien", code));
        }
    }
    for rating in &ds.org_ratings {
        if !file_orgs.contains(&rating.org) && !reaches(conn, scope, &rating.org)? {
            problems.push(refuse(
                Table::DanhGiaToChuc,
                "ma_to_chuc",
                rating.org.as_str(),
            ));
        }
    }
    Ok(problems)
}

/// Whether the scope reaches the stored organization `code`; a new one is judged by the
/// tree after the import alone.
fn reaches(conn: &mut DbConnection, scope: &Scope, code: &OrgCode) -> Result<bool, StoreError> {
    match visible_org(conn, scope, code.as_str()) {
        Ok(_) => Ok(true),
        Err(StoreError::NotFound { .. }) => Ok(!stored_org(conn, code.as_str())?),
        Err(other) => Err(other),
    }
}

fn stored_org(conn: &mut DbConnection, code: &str) -> Result<bool, StoreError> {
    match crate::tree::sql::org_id(conn, code) {
        Ok(_) => Ok(true),
        Err(StoreError::NotFound { .. }) => Ok(false),
        Err(other) => Err(other),
    }
}

fn stored_member(conn: &mut DbConnection, code: &str) -> Result<bool, StoreError> {
    use crate::db::schema::members;
    use diesel::prelude::*;
    let found: Option<i64> = members::table
        .filter(members::code.eq(code))
        .select(members::id)
        .first(conn)
        .optional()?;
    Ok(found.is_some())
}

/// Whether `org` lies under `root` in the tree after the import, on `today` — or on its
/// last day when it no longer exists then, or its first day when it does not exist yet.
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

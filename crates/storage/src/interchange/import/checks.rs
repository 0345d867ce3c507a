//! What a file valid on its own can still break once merged with the stored records: the
//! tree (a new superior that is a stored descendant), a transfer dated by the import into
//! an organization that no longer exists, and the caller's scope. Every problem is listed.

use super::scope;
use super::state::Stored;
use crate::db::conn::DbConnection;
use crate::{ImportRequest, Scope, StoreError};
use dangvu_domain::OrgCode;
use dangvu_domain::dataset::OrgRecord;
use dangvu_domain::interchange::merge::Plan;
use dangvu_domain::interchange::{Problem, Table};
use dangvu_domain::tree::TreeHistory;
use std::collections::HashMap;

/// The tree after the import, or every problem found.
pub(crate) fn check(
    conn: &mut DbConnection,
    scope: &Scope,
    (stored, plan): (&Stored, &Plan<'_>),
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
        let records = (&tree, stored, plan);
        problems.extend(scope::outside_scope(conn, scope, root, records, request)?);
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

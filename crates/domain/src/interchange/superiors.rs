//! The `cap_tren_to_chuc` table (an extension of v1, `docs/interchange-format.md`): changes of an
//! organization's superior, which make its parent history.
//!
//! v1's `to_chuc.ma_cap_tren` holds the present superior only, so a restructure (every
//! grassroots organization moving under a new commune committee on one day) would be lost
//! by an export. The rows mirror `chuyen_sinh_hoat`: on `ngay` the superior changes from
//! `tu_cap_tren` to `den_cap_tren` (empty = no superior, a root). Taken in date order, they
//! must chain and end at `to_chuc.ma_cap_tren`; before the first one the superior is its
//! `tu_cap_tren`.

use super::fields::RowReader;
use super::known::{KnownCodes, OrgIndex};
use super::orgs::OrgDrafts;
use super::problems::{Problem, Reason};
use super::rows::Cells;
use super::tables::Table;
use crate::codes::OrgCode;
use crate::dataset::{OrgRecord, ParentLink};
use crate::dates::Date;
use crate::tree::{TreeError, TreeHistory};
use std::collections::HashMap;

/// A complete `cap_tren_to_chuc` row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ParentChange {
    pub row: usize,
    pub on: Date,
    pub from: Option<OrgCode>,
    pub to: Option<OrgCode>,
}

/// Each organization's changes of superior, in date order.
pub(crate) type ChangesByOrg = HashMap<OrgCode, Vec<ParentChange>>;

/// What the rows are checked against.
pub(crate) struct SuperiorContext<'c> {
    /// The organizations of the file (first row of each code).
    pub drafts: &'c OrgDrafts,
    /// Organizations of the file and existing ones.
    pub orgs: &'c OrgIndex<'c>,
    /// Existing records.
    pub known: &'c KnownCodes,
}

/// The rows of `cap_tren_to_chuc` read so far.
#[derive(Debug, Default)]
pub(crate) struct ParentRows {
    by_org: ChangesByOrg,
    incomplete: Vec<OrgCode>,
}

impl ParentRows {
    /// Reads and checks one non-empty row.
    pub fn row(
        &mut self,
        cells: Cells<'_>,
        context: &SuperiorContext<'_>,
        problems: &mut Vec<Problem>,
    ) {
        let mut row = RowReader::new(cells, problems);
        let org = row.org_code("ma_to_chuc");
        let on = row.date("ngay");
        let from = row.org_code("tu_cap_tren");
        let to = row.org_code("den_cap_tren");
        if let Some(org) = &org {
            check_row(&mut row, org, (on, &from, &to), context);
        }
        match (org, on) {
            (Some(org), Some(on)) => self.by_org.entry(org).or_default().push(ParentChange {
                row: row.number(),
                on,
                from,
                to,
            }),
            (Some(org), None) => self.incomplete.push(org),
            (None, _) => {}
        }
    }

    /// Checks each organization's chain, and returns the complete changes of each
    /// organization in date order.
    pub fn finish(
        self,
        context: &SuperiorContext<'_>,
        problems: &mut Vec<Problem>,
    ) -> ChangesByOrg {
        let Self {
            mut by_org,
            incomplete,
        } = self;
        for org in &incomplete {
            by_org.remove(org);
        }
        for (org, changes) in &mut by_org {
            changes.sort_by_key(|c| (c.on, c.row));
            if let Some(draft) = context.drafts.get(org) {
                check_chain(changes, draft.parent.as_ref(), problems);
            }
        }
        by_org
    }
}

/// The parent history an organization's changes make.
pub(crate) fn parent_links(changes: &[ParentChange]) -> Vec<ParentLink> {
    let first = changes.first().and_then(|c| c.from.clone());
    let mut links = vec![ParentLink {
        since: None,
        parent: first,
    }];
    links.extend(changes.iter().map(|c| ParentLink {
        since: Some(c.on),
        parent: c.to.clone(),
    }));
    links
}

/// Superiors over time must never form a cycle on any day. Superiors outside the file
/// stand as roots here (storage checks the whole tree again). Reports one organization of
/// each cycle, at its first change.
pub(crate) fn check_history_cycles(
    orgs: &[OrgRecord],
    changes: &ChangesByOrg,
    problems: &mut Vec<Problem>,
) {
    let in_file: HashMap<&OrgCode, ()> = orgs.iter().map(|o| (&o.code, ())).collect();
    let mut records: Vec<OrgRecord> = orgs
        .iter()
        .map(|o| {
            let mut record = o.clone();
            for link in &mut record.parents {
                link.parent = link.parent.take().filter(|p| in_file.contains_key(p));
            }
            record
        })
        .collect();
    for _ in 0..records.len() {
        let culprit = match TreeHistory::build(&records) {
            Ok(_) => return,
            Err(TreeError::Cycle { org } | TreeError::UnknownParent { org, .. }) => org,
        };
        let Some(record) = records.iter_mut().find(|o| o.code == culprit) else {
            return;
        };
        record
            .parents
            .iter_mut()
            .for_each(|link| link.parent = None);
        let row = changes.get(&culprit).and_then(|c| c.first());
        problems.push(Problem::cell(
            Table::CapTrenToChuc,
            row.map_or(1, |c| c.row),
            "den_cap_tren",
            row.and_then(|c| c.to.as_ref()).map_or("", |t| t.as_str()),
            Reason::new(
                "vòng lặp cấp trên trong lịch sử: có ngày đi lên theo cấp trên lại quay về tổ chức này",
                "superiors form a cycle on some day: going up from this organization comes back to it",
            ),
        ));
    }
}

fn check_row(
    row: &mut RowReader<'_, '_>,
    org: &OrgCode,
    (on, from, to): (Option<Date>, &Option<OrgCode>, &Option<OrgCode>),
    context: &SuperiorContext<'_>,
) {
    if !context.drafts.contains_key(org) {
        let reason = if context.known.orgs.contains_key(org) {
            Reason::new(
                "thay đổi cấp trên phải nhập cùng dòng của tổ chức trong bảng to_chuc",
                "changes of superior are imported together with the organization's row in to_chuc",
            )
        } else {
            Reason::unknown_org()
        };
        row.report("ma_to_chuc", reason);
    }
    for (key, superior) in [("tu_cap_tren", from), ("den_cap_tren", to)] {
        let Some(superior) = superior else { continue };
        if !context.orgs.contains(superior) {
            row.report(key, Reason::unknown_org());
        } else if superior == org {
            row.report(
                key,
                Reason::new(
                    "tổ chức không thể là cấp trên của chính nó",
                    "an organization cannot be its own superior",
                ),
            );
        }
    }
    if let Some((day, _)) = on
        .zip(to.as_ref())
        .filter(|(day, to)| !context.orgs.is_active_on(to, *day))
    {
        row.report(
            "den_cap_tren",
            Reason::new(
                format!("cấp trên mới không tồn tại vào ngày {day}"),
                format!("the new superior does not exist on {day}"),
            ),
        );
    }
    if from == to {
        row.report(
            "den_cap_tren",
            Reason::new(
                "cấp trên mới trùng cấp trên cũ",
                "the new superior is the previous one",
            ),
        );
    }
}

/// Changes in date order must chain and end at the present superior (`ma_cap_tren`).
fn check_chain(changes: &[ParentChange], current: Option<&OrgCode>, problems: &mut Vec<Problem>) {
    for pair in changes.windows(2) {
        let [before, after] = pair else { continue };
        if before.on == after.on {
            let reason = Reason::new(
                format!("cùng ngày với thay đổi ở dòng {}", before.row),
                format!("same date as the change in row {}", before.row),
            );
            problems.push(at(after, "ngay", after.on.to_string(), reason));
        } else if before.to != after.from {
            let reason = Reason::new(
                format!("không nối tiếp thay đổi ở dòng {}", before.row),
                format!("does not follow on from the change in row {}", before.row),
            );
            problems.push(at(after, "tu_cap_tren", show(&after.from), reason));
        }
    }
    let Some(last) = changes.last() else { return };
    if last.to.as_ref() != current {
        let now = current.map_or("", |c| c.as_str());
        let reason = Reason::new(
            format!("thay đổi cuối cùng phải đến cấp trên hiện tại ma_cap_tren = {now}"),
            format!("the last change must end at the present superior ma_cap_tren = {now}"),
        );
        problems.push(at(last, "den_cap_tren", show(&last.to), reason));
    }
}

fn show(code: &Option<OrgCode>) -> String {
    code.as_ref().map_or_else(String::new, ToString::to_string)
}

fn at(change: &ParentChange, column: &str, value: String, reason: Reason) -> Problem {
    Problem::cell(Table::CapTrenToChuc, change.row, column, &value, reason)
}

//! The `to_chuc` table: organizations, their superior, life and merger.

use super::fields::RowReader;
use super::known::{OrgFacts, OrgIndex};
use super::problems::{Problem, Reason, report_duplicates};
use super::rows::Cells;
use super::tables::Table;
use crate::codes::OrgCode;
use crate::dataset::{OrgRecord, ParentLink};
use crate::dates::{Date, Period};
use crate::enums::OrgType;
use std::collections::HashMap;

/// A `to_chuc` row as read: required fields are `None` when missing or invalid (reported).
#[derive(Debug, Clone)]
pub(crate) struct OrgDraft {
    pub row: usize,
    pub code: Option<OrgCode>,
    pub name: Option<String>,
    pub org_type: Option<OrgType>,
    pub parent: Option<OrgCode>,
    pub founded_on: Option<Date>,
    pub dissolved_on: Option<Date>,
    pub merged_into: Option<OrgCode>,
}

impl OrgDraft {
    /// The record, when every required field was read.
    pub fn to_record(&self) -> Option<OrgRecord> {
        Some(OrgRecord {
            code: self.code.clone()?,
            name: self.name.clone()?,
            org_type: self.org_type?,
            founded_on: self.founded_on,
            dissolved_on: self.dissolved_on,
            merged_into: self.merged_into.clone(),
            parents: vec![ParentLink {
                since: None,
                parent: self.parent.clone(),
            }],
        })
    }

    fn facts(&self) -> OrgFacts {
        OrgFacts {
            org_type: self.org_type,
            life: Period::new(self.founded_on, self.dissolved_on),
        }
    }

    fn report(&self, column: &str, value: &str, reason: Reason) -> Problem {
        Problem::cell(Table::ToChuc, self.row, column, value, reason)
    }
}

/// Reads one non-empty row of `to_chuc`, checking it on its own; a founding after
/// `today` is refused.
pub(crate) fn read_org(
    cells: Cells<'_>,
    today: Option<Date>,
    problems: &mut Vec<Problem>,
) -> OrgDraft {
    let mut row = RowReader::new(cells, problems).not_after(today);
    let draft = OrgDraft {
        row: row.number(),
        code: row.org_code("ma"),
        name: row.text("ten"),
        org_type: row.enumeration("loai"),
        parent: row.org_code("ma_cap_tren"),
        founded_on: row.past_date("ngay_thanh_lap"),
        dissolved_on: row.date("ngay_giai_the"),
        merged_into: row.org_code("ma_sap_nhap_vao"),
    };
    check_life(&draft, &mut row);
    draft
}

/// The life and merger of one row: a merger needs the date it took effect, and an
/// organization must end after it began.
fn check_life(draft: &OrgDraft, row: &mut RowReader<'_, '_>) {
    if draft.merged_into.is_some() && draft.dissolved_on.is_none() && row.is_blank("ngay_giai_the")
    {
        row.report(
            "ma_sap_nhap_vao",
            Reason::new(
                "có mã tổ chức sáp nhập vào nhưng thiếu ngày giải thể",
                "a merger needs the date it took effect (ngay_giai_the)",
            ),
        );
    }
    let life = draft.founded_on.zip(draft.dissolved_on);
    if let Some((founded, _)) = life.filter(|(founded, dissolved)| dissolved <= founded) {
        row.report(
            "ngay_giai_the",
            Reason::new(
                format!("ngày giải thể phải sau ngày thành lập ({founded})"),
                format!("the end date must be after the founding date ({founded})"),
            ),
        );
    }
    if draft.merged_into.is_some() && draft.merged_into == draft.code {
        row.report(
            "ma_sap_nhap_vao",
            Reason::new(
                "tổ chức không thể sáp nhập vào chính nó",
                "an organization cannot merge into itself",
            ),
        );
    }
}

/// Reports codes used by more than one row, and returns what is known of each code (its
/// first row).
pub(crate) fn index_orgs(
    drafts: &[OrgDraft],
    problems: &mut Vec<Problem>,
) -> HashMap<OrgCode, OrgFacts> {
    let keyed = drafts
        .iter()
        .filter_map(|d| d.code.clone().map(|c| (c.clone(), d.row, c.to_string())));
    report_duplicates(Table::ToChuc, "ma", keyed, problems);
    let mut facts = HashMap::new();
    for draft in drafts {
        if let Some(code) = &draft.code {
            facts.entry(code.clone()).or_insert_with(|| draft.facts());
        }
    }
    facts
}

/// Superiors and merger targets must exist; a merger target must exist on the merger date.
pub(crate) fn check_org_references(
    drafts: &[OrgDraft],
    index: &OrgIndex<'_>,
    problems: &mut Vec<Problem>,
) {
    for draft in drafts {
        if let Some(parent) = draft.parent.as_ref().filter(|p| !index.contains(p)) {
            problems.push(draft.report("ma_cap_tren", parent.as_str(), Reason::unknown_org()));
        }
        let Some(target) = &draft.merged_into else {
            continue;
        };
        if !index.contains(target) {
            problems.push(draft.report("ma_sap_nhap_vao", target.as_str(), Reason::unknown_org()));
        } else if let Some(day) = draft
            .dissolved_on
            .filter(|d| !index.is_active_on(target, *d))
        {
            let reason = Reason::new(
                format!("tổ chức sáp nhập vào không tồn tại vào ngày {day}"),
                format!("the organization merged into does not exist on {day}"),
            );
            problems.push(draft.report("ma_sap_nhap_vao", target.as_str(), reason));
        }
    }
}

/// The `to_chuc` rows of a file, with the first row of each code (the one references and
/// histories are checked against).
#[derive(Debug, Default)]
pub(crate) struct OrgDrafts {
    /// Every row, in file order.
    pub drafts: Vec<OrgDraft>,
    first: HashMap<OrgCode, usize>,
}

impl OrgDrafts {
    /// Indexes `drafts` by the first row of each code.
    pub fn new(drafts: Vec<OrgDraft>) -> Self {
        let mut first = HashMap::new();
        for (index, draft) in drafts.iter().enumerate() {
            if let Some(code) = &draft.code {
                first.entry(code.clone()).or_insert(index);
            }
        }
        Self { drafts, first }
    }

    /// The first row of `code`.
    pub fn get(&self, code: &OrgCode) -> Option<&OrgDraft> {
        self.first.get(code).and_then(|i| self.drafts.get(*i))
    }

    /// Whether a row of the file has `code`.
    pub fn contains_key(&self, code: &OrgCode) -> bool {
        self.first.contains_key(code)
    }
}

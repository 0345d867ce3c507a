//! Interchange format v1 (`shared/spec/interchange-v1.md`): rows of text → a validated
//! [`Dataset`].
//!
//! This is the pure core of import. Readers (CSV, `.xlsx`) only turn each sheet into a
//! [`RawTable`] of text cells; [`build_dataset`] matches headers, parses every value and
//! checks every rule the spec implies — within a row, across rows and across tables.
//!
//! Import is all-or-nothing: a file with any invalid row changes nothing, so the result is
//! either a whole [`Dataset`] or the list of *every* [`Problem`] found (never just the
//! first). People fix a district's workbook in one pass from that list, and the database
//! never holds half a file whose references or histories do not add up.

mod cycles;
mod fields;
mod known;
mod members;
mod orgs;
mod problems;
mod ratings;
mod rows;
mod starts;
mod statuses;
mod superiors;
mod tables;
mod transfers;

#[cfg(test)]
mod tests;

pub use known::{KnownCodes, KnownOrg};
pub use problems::Problem;
pub use rows::{RawRow, RawTable};
pub use tables::{Column, Table};

use crate::codes::OrgCode;
use crate::dataset::{Dataset, OrgRecord};
use known::OrgIndex;
use orgs::OrgDraft;
use problems::Reason;
use starts::StartContext;
use std::collections::HashMap;
use superiors::{ChangesByOrg, SuperiorContext};
use transfers::{TransferContext, TransfersByMember};

/// Builds a dataset from the tables of one file, where every reference must point to a row
/// of the same file. All-or-nothing: `Err` lists every problem found.
pub fn build_dataset(tables: &[RawTable]) -> Result<Dataset, Vec<Problem>> {
    build_dataset_with(tables, &KnownCodes::none())
}

/// Builds a dataset from the tables of one file whose references may also point to the
/// existing records in `known`. Rows of the file take precedence over known records with
/// the same code (a later file updates rows). All-or-nothing: `Err` lists every problem,
/// in table order, then row order.
pub fn build_dataset_with(
    tables: &[RawTable],
    known: &KnownCodes,
) -> Result<Dataset, Vec<Problem>> {
    let mut problems = Vec::new();
    let sheets = pick_tables(tables, &mut problems);

    let org_drafts = match sheets.get(&Table::ToChuc) {
        Some(raw) => orgs::read_orgs(raw, &mut problems),
        None => Vec::new(),
    };
    let org_index = OrgIndex::new(orgs::index_orgs(&org_drafts, &mut problems), known);
    orgs::check_org_references(&org_drafts, &org_index, &mut problems);
    cycles::check_cycles(&org_drafts, &mut problems);

    let member_drafts = match sheets.get(&Table::DangVien) {
        Some(raw) => members::read_members(raw, &org_index, &mut problems),
        None => Vec::new(),
    };
    let members_by_code = members::index_members(&member_drafts, &mut problems);

    let transfers = match sheets.get(&Table::ChuyenSinhHoat) {
        Some(raw) => {
            let context = TransferContext {
                members: &members_by_code,
                orgs: &org_index,
                known,
            };
            transfers::read_transfers(raw, &context, &mut problems)
        }
        None => TransfersByMember::new(),
    };

    let member_ratings = match sheets.get(&Table::DanhGiaDangVien) {
        Some(raw) => {
            let is_member =
                |code: &_| members_by_code.contains_key(code) || known.members.contains(code);
            ratings::read_member_ratings(raw, is_member, &mut problems)
        }
        None => Vec::new(),
    };
    let org_ratings = match sheets.get(&Table::DanhGiaToChuc) {
        Some(raw) => ratings::read_org_ratings(raw, &org_index, &mut problems),
        None => Vec::new(),
    };

    let first_org_rows = first_rows(&org_drafts);
    let parent_changes = match sheets.get(&Table::CapTrenToChuc) {
        Some(raw) => {
            let context = SuperiorContext {
                drafts: &first_org_rows,
                orgs: &org_index,
                known,
            };
            superiors::read_parent_changes(raw, &context, &mut problems)
        }
        None => ChangesByOrg::new(),
    };
    let starts = match sheets.get(&Table::BatDauSinhHoat) {
        Some(raw) => {
            let context = StartContext {
                members: &members_by_code,
                transfers: &transfers,
                orgs: &org_index,
                known,
            };
            starts::read_starts(raw, &context, &mut problems)
        }
        None => HashMap::new(),
    };
    let status_history = match sheets.get(&Table::TrangThaiDangVien) {
        Some(raw) => statuses::read_status_history(raw, &members_by_code, known, &mut problems),
        None => HashMap::new(),
    };

    if problems.is_empty() {
        let orgs = org_records(&org_drafts, &parent_changes);
        superiors::check_history_cycles(&orgs, &parent_changes, &mut problems);
        if problems.is_empty() {
            // No problem was reported, so every draft is complete: a missing required value
            // or an unreadable one is always reported.
            let members = member_drafts
                .iter()
                .filter_map(|draft| {
                    let code = draft.code.as_ref()?;
                    let history = transfers.get(code).map(Vec::as_slice).unwrap_or_default();
                    let mut record =
                        draft.to_record(transfers::registrations(draft.org.as_ref()?, history))?;
                    if let Some(statuses) = status_history.get(code) {
                        record.statuses.clone_from(statuses);
                    }
                    if let Some(first) = record.registrations.first_mut() {
                        first.since = starts.get(code).copied();
                    }
                    Some(record)
                })
                .collect();
            return Ok(Dataset {
                orgs,
                members,
                member_ratings,
                org_ratings,
            });
        }
    }
    problems.sort_by_key(|p| (p.table, p.row));
    Err(problems)
}

/// The first row of each organization code.
fn first_rows(drafts: &[OrgDraft]) -> HashMap<OrgCode, &OrgDraft> {
    let mut first = HashMap::new();
    for draft in drafts {
        if let Some(code) = &draft.code {
            first.entry(code.clone()).or_insert(draft);
        }
    }
    first
}

/// The organizations, with the parent history of `cap_tren_to_chuc` where it gives one.
fn org_records(drafts: &[OrgDraft], changes: &ChangesByOrg) -> Vec<OrgRecord> {
    drafts
        .iter()
        .filter_map(|draft| {
            let mut record = draft.to_record()?;
            if let Some(history) = changes.get(&record.code) {
                record.parents = superiors::parent_links(history);
            }
            Some(record)
        })
        .collect()
}

/// The tables given, one per kind; a kind given twice is a problem (its rows would have
/// two row numbers each).
fn pick_tables<'t>(
    tables: &'t [RawTable],
    problems: &mut Vec<Problem>,
) -> HashMap<Table, &'t RawTable> {
    let mut sheets = HashMap::new();
    for raw in tables {
        if sheets.insert(raw.table, raw).is_some() {
            problems.push(Problem::whole_table(
                raw.table,
                Reason::new(
                    format!("bảng {} xuất hiện hai lần", raw.table),
                    format!("table {} is given twice", raw.table),
                ),
            ));
        }
    }
    sheets
}

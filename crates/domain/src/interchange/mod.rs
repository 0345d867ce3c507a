//! Interchange format v1 (`docs/interchange-format.md`): rows of text → a validated
//! [`Dataset`].
//!
//! This is the pure core of import. Readers (CSV, `.xlsx`) only turn each sheet into rows
//! of text; a [`DatasetBuilder`] matches headers, parses every value and checks every rule
//! the format implies — within a row, across rows and across tables — as the rows stream in.
//! [`build_dataset`] does the same for tables already held whole.
//!
//! Import is all-or-nothing: a file with any invalid row changes nothing, so the result is
//! either a whole [`Dataset`] or the list of *every* [`Problem`] found (never just the
//! first). People fix a district's workbook in one pass from that list, and the database
//! never holds half a file whose references or histories do not add up.

mod builder;
mod calendar_days;
mod commitment_rows;
mod cycles;
mod dossiers;
mod fields;
mod known;
mod members;
pub mod merge;
mod monthly_rows;
mod orgs;
mod problems;
mod ratings;
mod rows;
mod sheet_rows;
mod starts;
mod statuses;
mod superiors;
mod tables;
mod transfers;

#[cfg(test)]
mod tests;

pub use builder::DatasetBuilder;
pub use calendar_days::calendar_needs_whole_installation;
pub use dossiers::{DossierEnd, dossier_problem};
pub use known::{KnownCodes, KnownOrg};
pub use problems::{MAX_PROBLEMS, Problem, capped};
pub use rows::{RawRow, RawTable};
pub use sheet_rows::SheetRows;
pub use tables::{Column, Table};

use crate::codes::MemberCode;
use crate::dataset::{Dataset, MemberRating, OrgRating, OrgRecord, StatusChange};
use crate::dates::Date;
use members::MemberDraft;
use orgs::OrgDraft;
use std::collections::HashMap;
use superiors::ChangesByOrg;
use transfers::TransfersByMember;

/// Builds a dataset from the tables of one file, where every reference must point to a row
/// of the same file. All-or-nothing: `Err` lists every problem found.
pub fn build_dataset(tables: &[RawTable]) -> Result<Dataset, Vec<Problem>> {
    build_dataset_with(tables, &KnownCodes::none())
}

/// Builds a dataset from the tables of one file whose references may also point to the
/// existing records in `known`. Rows of the file take precedence over known records with
/// the same code (a later file updates rows). All-or-nothing: `Err` lists every problem,
/// in table order, then row order. A table given twice is reported; the last one is read.
pub fn build_dataset_with(
    tables: &[RawTable],
    known: &KnownCodes,
) -> Result<Dataset, Vec<Problem>> {
    let mut builder = DatasetBuilder::new(known);
    for table in Table::every() {
        let copies: Vec<&RawTable> = tables.iter().filter(|t| t.table == table).collect();
        let Some((last, earlier)) = copies.split_last() else {
            continue;
        };
        for _ in earlier {
            builder.repeated_table(table);
        }
        builder.table(table, &last.headers, &last.rows);
    }
    builder.finish()
}

/// Everything read from a file without a problem, ready to become its records.
pub(crate) struct Parts {
    pub orgs: Vec<OrgDraft>,
    pub parent_changes: ChangesByOrg,
    pub members: Vec<MemberDraft>,
    pub transfers: TransfersByMember,
    pub starts: HashMap<MemberCode, Date>,
    pub status_history: HashMap<MemberCode, Vec<StatusChange>>,
    pub member_ratings: Vec<MemberRating>,
    pub org_ratings: Vec<OrgRating>,
    pub calendar_days: Vec<crate::calendar::CalendarDay>,
    pub dossiers: Vec<crate::admissions::Dossier>,
    pub monthly_results: Vec<crate::ratings::MonthlyResult>,
    pub commitments: Vec<crate::ratings::Commitment>,
}

/// The dataset of a file without problems, after the one check that needs its records:
/// superiors over time must never form a cycle.
pub(crate) fn assemble(parts: Parts) -> Result<Dataset, Vec<Problem>> {
    let orgs = org_records(&parts.orgs, &parts.parent_changes);
    let mut problems = Vec::new();
    superiors::check_history_cycles(&orgs, &parts.parent_changes, &mut problems);
    if !problems.is_empty() {
        problems.sort_by_key(|p| (p.table, p.row));
        return Err(problems);
    }
    let (transfers, starts, status_history) =
        (&parts.transfers, &parts.starts, &parts.status_history);
    // No problem was reported, so every draft is complete: a missing required value or an
    // unreadable one is always reported. Drafts are taken apart in place, so the member
    // rows are held once.
    let members = parts
        .members
        .into_iter()
        .filter_map(|draft| {
            let code = draft.code.clone()?;
            let history = transfers.get(&code).map(Vec::as_slice).unwrap_or_default();
            let registrations = transfers::registrations(draft.org.as_ref()?, history);
            let mut record = draft.into_record(registrations)?;
            if let Some(statuses) = status_history.get(&code) {
                record.statuses.clone_from(statuses);
            }
            if let Some(first) = record.registrations.first_mut() {
                first.since = starts.get(&code).copied();
            }
            Some(record)
        })
        .collect();
    Ok(Dataset {
        orgs,
        members,
        member_ratings: parts.member_ratings,
        org_ratings: parts.org_ratings,
        calendar_days: parts.calendar_days,
        dossiers: parts.dossiers,
        monthly_results: parts.monthly_results,
        commitments: parts.commitments,
    })
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

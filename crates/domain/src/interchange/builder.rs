//! Building a [`Dataset`] table by table, row by row, as a reader streams a file.
//!
//! A file of a million members must not be held twice (issue 3): the reader hands each
//! row over as it reads it, the row becomes a draft at once and its text is dropped. Checks
//! that need a whole table (duplicate codes, transfer chains) run when the table ends;
//! checks that need a later table run when that table is read, which is why tables come in
//! [`Table`] order — organizations, then members, then what refers to them — whatever their
//! order in the workbook or folder. What needs every table (the records themselves, cycles
//! of superiors over time) is done by [`DatasetBuilder::finish`].

use super::calendar_days::CalendarRows;
use super::commitment_rows::{CommitmentContext, CommitmentRows};
use super::cycles;
use super::dossiers::{DossierContext, DossierRows};
use super::known::{KnownCodes, OrgIndex};
use super::members::{self, MemberDraft, MemberIndex};
use super::monthly_rows::MonthlyRows;
use super::orgs::{self, OrgDrafts};
use super::problems::{MAX_PROBLEMS, Problem, Reason};
use super::ratings::{MemberRatingRows, OrgRatingRows};
use super::rows::{Cells, Layout, RawRow, Unlabeled};
use super::sheet_rows::SheetRows;
use super::starts::{StartContext, StartRows};
use super::statuses::StatusRows;
use super::superiors::{ChangesByOrg, ParentRows, SuperiorContext};
use super::tables::Table;
use super::transfers::{TransferContext, TransferRows, TransfersByMember};
use crate::codes::MemberCode;
use crate::dataset::{Dataset, MemberRating, OrgRating, StatusChange};
use crate::dates::Date;
use std::borrow::Borrow;
use std::collections::HashMap;

/// A dataset being built from the tables of one file, whose references may also point to
/// the existing records in `known`. Feed each table with [`DatasetBuilder::table`] in
/// [`Table`] order, then call [`DatasetBuilder::finish`]. All-or-nothing: `finish` gives
/// the whole dataset or every problem found, in table order, then row order.
pub struct DatasetBuilder<'k> {
    known: &'k KnownCodes,
    problems: Vec<Problem>,
    /// Problems found beyond [`MAX_PROBLEMS`], counted but not kept.
    dropped: usize,
    fed: Vec<Table>,
    orgs_closed: bool,
    members_closed: bool,
    org_drafts: OrgDrafts,
    org_index: OrgIndex<'k>,
    member_drafts: Vec<MemberDraft>,
    members: MemberIndex,
    transfers: TransfersByMember,
    member_ratings: (Vec<MemberRating>, Vec<usize>),
    org_ratings: (Vec<OrgRating>, Vec<usize>),
    parent_changes: ChangesByOrg,
    starts: HashMap<MemberCode, Date>,
    status_history: HashMap<MemberCode, Vec<StatusChange>>,
    calendar_days: Vec<crate::calendar::CalendarDay>,
    dossiers: (Vec<crate::admissions::Dossier>, Vec<usize>),
    monthly: (Vec<crate::ratings::MonthlyResult>, Vec<usize>),
    commitments: (Vec<crate::ratings::Commitment>, Vec<usize>),
}

/// What a table gathers while its rows are read.
enum Rows {
    Orgs(Vec<orgs::OrgDraft>),
    Members,
    Transfers(TransferRows),
    MemberRatings(MemberRatingRows),
    OrgRatings(OrgRatingRows),
    Parents(ParentRows),
    Statuses(StatusRows),
    Starts(StartRows),
    Calendar(CalendarRows),
    Dossiers(DossierRows),
    Monthly(MonthlyRows),
    Commitments(CommitmentRows),
}

impl<'k> DatasetBuilder<'k> {
    /// A builder whose references may point to the file's rows and to `known`.
    pub fn new(known: &'k KnownCodes) -> Self {
        Self {
            known,
            problems: Vec::new(),
            dropped: 0,
            fed: Vec::new(),
            orgs_closed: false,
            members_closed: false,
            org_drafts: OrgDrafts::default(),
            org_index: OrgIndex::new(HashMap::new(), known),
            member_drafts: Vec::new(),
            members: MemberIndex::default(),
            transfers: TransfersByMember::new(),
            member_ratings: (Vec::new(), Vec::new()),
            org_ratings: (Vec::new(), Vec::new()),
            parent_changes: ChangesByOrg::new(),
            starts: HashMap::new(),
            status_history: HashMap::new(),
            calendar_days: Vec::new(),
            dossiers: (Vec::new(), Vec::new()),
            monthly: (Vec::new(), Vec::new()),
            commitments: (Vec::new(), Vec::new()),
        }
    }

    /// Reports that the file holds `table` once more (two sheets or files name it): its
    /// rows would have two row numbers each. The reader feeds only the last copy.
    pub fn repeated_table(&mut self, table: Table) {
        self.problems.push(Problem::whole_table(
            table,
            Reason::new(
                format!("bảng {table} xuất hiện hai lần"),
                format!("table {table} is given twice"),
            ),
        ));
    }

    /// Reads one table: its header row, then its rows one at a time (blank ones are
    /// skipped), each checked and turned into a draft before the next is taken. Tables
    /// must come in [`Table`] order; a table given again is reported and its rows are not
    /// read. Returns the number of rows that hold anything.
    pub fn table<I>(&mut self, table: Table, headers: &[String], rows: I) -> usize
    where
        I: IntoIterator,
        I::Item: Borrow<RawRow>,
    {
        if self.fed.contains(&table) {
            self.repeated_table(table);
            return 0;
        }
        self.fed.push(table);
        self.close_before(table);
        let layout = Layout::match_headers(table, headers, &mut self.problems);
        let start = self.problems.len();
        let mut unlabeled = Unlabeled::new(headers);
        let mut gathered = Rows::new(table);
        let mut count = 0;
        for row in rows {
            let row = row.borrow();
            if row.is_blank() {
                continue;
            }
            count += 1;
            unlabeled.see(row);
            self.read_row(&mut gathered, layout.cells(row));
            self.keep_at_most(MAX_PROBLEMS);
        }
        // Values without a header come first, as they would with the header check.
        let without_header = unlabeled.problems(table);
        self.problems.splice(start..start, without_header);
        self.end_table(gathered);
        count
    }

    /// Closes the stages a table after `table` depends on: the organizations (and their
    /// index) before any other table, the members before what refers to them.
    fn close_before(&mut self, table: Table) {
        if table > Table::ToChuc && !self.orgs_closed {
            self.close_orgs(Vec::new());
        }
        if table > Table::DangVien && !self.members_closed {
            self.close_members();
        }
    }

    /// Reports duplicate codes, unknown superiors and merger targets, and cycles; indexes
    /// the organizations for the tables that refer to them.
    fn close_orgs(&mut self, drafts: Vec<orgs::OrgDraft>) {
        let facts = orgs::index_orgs(&drafts, &mut self.problems);
        self.org_index = OrgIndex::new(facts, self.known);
        orgs::check_org_references(&drafts, &self.org_index, &mut self.problems);
        cycles::check_cycles(&drafts, &mut self.problems);
        self.org_drafts = OrgDrafts::new(drafts);
        self.orgs_closed = true;
    }

    fn close_members(&mut self) {
        let drafts = std::mem::take(&mut self.member_drafts);
        self.members = MemberIndex::new(drafts, &mut self.problems);
        self.members_closed = true;
    }

    /// Reads one row. Once more problems were found than are kept, the file is refused
    /// whatever follows: its rows are still checked one by one, to count their problems,
    /// but their drafts are no longer kept, so that a file of millions of bad rows holds
    /// no more memory than its first rows did.
    fn read_row(&mut self, gathered: &mut Rows, cells: Cells<'_>) {
        let keep = self.dropped == 0;
        let problems = &mut self.problems;
        match gathered {
            Rows::Orgs(drafts) => {
                let draft = orgs::read_org(cells, self.known.today, problems);
                if keep {
                    drafts.push(draft);
                }
            }
            Rows::Members => {
                let draft =
                    members::read_member(cells, &self.org_index, self.known.today, problems);
                if keep {
                    self.member_drafts.push(draft);
                }
            }
            Rows::Transfers(rows) => {
                let context = TransferContext {
                    members: &self.members,
                    orgs: &self.org_index,
                    known: self.known,
                };
                rows.row(cells, &context, problems);
            }
            Rows::MemberRatings(rows) => {
                let (members, known) = (&self.members, self.known);
                let is_member =
                    |code: &_| members.contains_key(code) || known.members.contains(code);
                rows.row(cells, is_member, problems);
            }
            Rows::OrgRatings(rows) => rows.row(cells, &self.org_index, problems),
            Rows::Parents(rows) => {
                let context = SuperiorContext {
                    drafts: &self.org_drafts,
                    orgs: &self.org_index,
                    known: self.known,
                };
                rows.row(cells, &context, problems);
            }
            Rows::Statuses(rows) => rows.row(cells, (&self.members, self.known), problems),
            Rows::Starts(rows) => {
                let context = StartContext {
                    members: &self.members,
                    transfers: &self.transfers,
                    orgs: &self.org_index,
                    known: self.known,
                };
                rows.row(cells, &context, problems);
            }
            Rows::Calendar(rows) => rows.row(cells, problems),
            Rows::Dossiers(rows) => {
                let context = DossierContext {
                    orgs: &self.org_index,
                    members: &self.members,
                    known: self.known,
                };
                rows.row(cells, &context, problems);
            }
            Rows::Monthly(rows) => rows.row(cells, (&self.members, self.known), problems),
            Rows::Commitments(rows) => {
                let context = CommitmentContext {
                    orgs: &self.org_index,
                    members: &self.members,
                    known: self.known,
                };
                rows.row(cells, &context, problems);
            }
        }
    }

    /// The checks that need the whole table.
    fn end_table(&mut self, gathered: Rows) {
        let problems = &mut self.problems;
        match gathered {
            Rows::Orgs(drafts) => self.close_orgs(drafts),
            Rows::Members => self.close_members(),
            Rows::Transfers(rows) => {
                let context = TransferContext {
                    members: &self.members,
                    orgs: &self.org_index,
                    known: self.known,
                };
                self.transfers = rows.finish(&context, problems);
            }
            Rows::MemberRatings(rows) => self.member_ratings = rows.finish(problems),
            Rows::OrgRatings(rows) => self.org_ratings = rows.finish(problems),
            Rows::Parents(rows) => {
                let context = SuperiorContext {
                    drafts: &self.org_drafts,
                    orgs: &self.org_index,
                    known: self.known,
                };
                self.parent_changes = rows.finish(&context, problems);
            }
            Rows::Statuses(rows) => self.status_history = rows.finish(&self.members, problems),
            Rows::Starts(rows) => self.starts = rows.finish(problems),
            Rows::Calendar(rows) => self.calendar_days = rows.finish(problems),
            Rows::Dossiers(rows) => self.dossiers = rows.finish(problems),
            Rows::Monthly(rows) => self.monthly = rows.finish(problems),
            Rows::Commitments(rows) => self.commitments = rows.finish(problems),
        }
    }

    /// The dataset, or every problem found (in table order, then row order).
    pub fn finish(self) -> Result<Dataset, Vec<Problem>> {
        self.finish_with_rows().map(|(dataset, _)| dataset)
    }

    /// Like [`DatasetBuilder::finish`], with the sheet row of each record.
    pub fn finish_with_rows(mut self) -> Result<(Dataset, SheetRows), Vec<Problem>> {
        self.close_before(Table::BatDauSinhHoat);
        if self.problems.is_empty() {
            let members = self.members.into_drafts();
            let rows = SheetRows {
                orgs: self.org_drafts.drafts.iter().map(|d| d.row).collect(),
                members: members.iter().map(|d| d.row).collect(),
                member_ratings: self.member_ratings.1,
                org_ratings: self.org_ratings.1,
                dossiers: self.dossiers.1,
                monthly_results: self.monthly.1,
                commitments: self.commitments.1,
                status_rows: self.status_history.keys().cloned().collect(),
            };
            let parts = super::Parts {
                orgs: self.org_drafts.drafts,
                parent_changes: self.parent_changes,
                members,
                transfers: self.transfers,
                starts: self.starts,
                status_history: self.status_history,
                member_ratings: self.member_ratings.0,
                org_ratings: self.org_ratings.0,
                calendar_days: self.calendar_days,
                dossiers: self.dossiers.0,
                monthly_results: self.monthly.0,
                commitments: self.commitments.0,
            };
            return super::assemble(parts).map(|dataset| (dataset, rows));
        }
        self.keep_at_most(MAX_PROBLEMS);
        let mut problems = self.problems;
        problems.sort_by_key(|p| (p.table, p.row));
        if let Some(last) = problems
            .last()
            .map(|p| p.table)
            .filter(|_| self.dropped > 0)
        {
            problems.push(Problem::more(last, self.dropped, MAX_PROBLEMS));
        }
        Err(problems)
    }

    /// Counts and forgets the problems beyond the first `limit`: a file of two million bad
    /// rows would otherwise hold two million problems in memory, and answer with them.
    fn keep_at_most(&mut self, limit: usize) {
        if self.problems.len() > limit {
            self.dropped += self.problems.len() - limit;
            self.problems.truncate(limit);
        }
    }
}

impl Rows {
    fn new(table: Table) -> Self {
        match table {
            Table::ToChuc => Rows::Orgs(Vec::new()),
            Table::DangVien => Rows::Members,
            Table::ChuyenSinhHoat => Rows::Transfers(TransferRows::default()),
            Table::DanhGiaDangVien => Rows::MemberRatings(MemberRatingRows::default()),
            Table::DanhGiaToChuc => Rows::OrgRatings(OrgRatingRows::default()),
            Table::CapTrenToChuc => Rows::Parents(ParentRows::default()),
            Table::TrangThaiDangVien => Rows::Statuses(StatusRows::default()),
            Table::BatDauSinhHoat => Rows::Starts(StartRows::default()),
            Table::NgayNghi => Rows::Calendar(CalendarRows::default()),
            Table::HoSoKetNap => Rows::Dossiers(DossierRows::default()),
            Table::KetQuaThang => Rows::Monthly(MonthlyRows::default()),
            Table::CamKet => Rows::Commitments(CommitmentRows::default()),
        }
    }
}

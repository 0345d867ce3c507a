//! The use cases of Đảng vụ: every operation a person can perform, once.
//!
//! The command line, the pages and the JSON API are adapters: they parse their input into
//! domain types, build a [`Caller`] (who is asking, with the scope of their role) and call
//! one function here; none of them reads files, touches storage or applies a rule itself.
//! Each capability has a folder with the same name as in the storage and web crates
//! (`tree`, `members`, `interchange`, `reports`, `accounts`, `audit`, `calendar`,
//! `admissions`, `lifecycle`, `transfers`, `ratings`, `due`), plus `installation` for
//! opening, migrating and seeding a database.
//!
//! Everything here is synchronous, like storage: the web runs a use case on the blocking
//! pool. Rules that apply to every reader — the scope, masking citizen IDs by role,
//! auditing reads in the same transaction — are applied here, so no adapter can forget
//! them.

mod accounts;
mod admissions;
mod audit;
pub mod calendar;
mod caller;
mod due;
mod error;
mod installation;
mod interchange;
mod lifecycle;
mod members;
mod ratings;
mod reports;
mod transfers;
mod tree;

pub use admissions::Step;
pub use caller::Caller;
pub use error::Error;
pub use installation::{ChunkLoaded, DemoError, Scale};

/// The default seed of the demo district.
pub const DEMO_SEED: u64 = dangvu_demo::DEFAULT_SEED;
pub use due::DueList;
pub use interchange::{
    CONFLICT_LIMIT, CONFLICT_WINDOW, ExportCounts, ExportFile, ExportFormat, ImportOutcome,
    ImportReport, TableReport, XLSX_TYPE, ZIP_TYPE,
};
pub use lifecycle::{LifecycleChange, MemberLifecycle};
pub use ratings::statistics::RatingStatistics;
pub use ratings::{MonthlyYear, MonthlyYearRow, RatedList};
pub use reports::SummaryView;
pub use transfers::TransferList;
pub use tree::{OrgOverview, OrgPick, RootNode};

/// The types of the records the use cases return, defined by storage and re-exported so
/// that the adapters depend on this crate alone.
pub mod records {
    pub use dangvu_storage::{
        AccountView, AuditBreak, AuditEntry, AuditFilter, AuditHead, AuditPage, AuditReport,
        AuditVerification, BadgeAward, ChainHash, DemoAccount, DossierQuery, DossierView,
        ExemptionReview, ExemptionView, ExpectedHead, LifecycleView, LoadStats, MemberCursor,
        MemberDetail, MemberListItem, MemberPage, MemberQuery, NewAccount, NewBadgeAward,
        NewDossier, NewExemption, NewExit, OrgChild, OrgDetail, OrgRef, ParentPeriod, RatingView,
        RegistrationView, ReviewOutcome, StatusView, StepOutcome, TimelineEntry, TimelineWhat,
        TokenView,
    };
    pub use dangvu_storage::{CellMonth, CellMonthRow, CommitmentView, MemberMonths, MonthlyEntry};
    pub use dangvu_storage::{
        CloseOutcome, CloseReport, Decided, MemberEntry, MemberStep, NewRound, OrgEntry, OrgStep,
        RoundFill, RoundOutcome, RoundSummary, RoundView, Stepped,
    };
    pub use dangvu_storage::{NewTemporary, NewTransfer, TransferView};
}

pub use dangvu_interchange::{ReadProblem, WriteError, column_label, ratio_bound};
pub use dangvu_storage::{
    ADDRESS_LIMIT, AuditAction, AuditContext, AuditEntity, AuthError, Backend, DatabaseUrl, Entity,
    FIRST_ADMIN, ImportProgress, MAX_TOKEN_DAYS, PAIR_LIMIT, SESSION_ABSOLUTE, SESSION_IDLE, Scope,
    SessionToken, StoreError, THROTTLE_WINDOW, TokenSecret, demo_password,
};

use dangvu_storage::Store;
use std::sync::Arc;

/// The application: one open database and the use cases over it. Cheap to clone.
#[derive(Clone)]
pub struct App {
    store: Arc<Store>,
}

impl std::fmt::Debug for App {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("App")
            .field("backend", &self.store.backend())
            .finish_non_exhaustive()
    }
}

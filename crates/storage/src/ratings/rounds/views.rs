//! What the store answers about rounds, and the steps it takes.

use dangvu_domain::ratings::{Decision, OrgShape, Proposal, RoundKind, SelfAssessment, Violation};
use dangvu_domain::{Date, MemberCode, OrgCode, Rating};

/// A round to open.
#[derive(Debug, Clone)]
pub struct NewRound {
    /// The committee opening it: its subtree is rated.
    pub org: OrgCode,
    /// The year (of the quarter, or the term's last year).
    pub year: i32,
    /// Year, quarter or term.
    pub kind: RoundKind,
    /// The day steps are due.
    pub deadline: Date,
    /// The day it is opened.
    pub opened_on: Date,
}

/// A round with its progress.
#[derive(Debug, Clone)]
pub struct RoundSummary {
    /// Its number.
    pub id: i64,
    /// The committee that opened it.
    pub org: OrgCode,
    /// That committee's name.
    pub org_name: String,
    /// The year.
    pub year: i32,
    /// Year, quarter or term.
    pub kind: RoundKind,
    /// The day steps are due.
    pub deadline: Date,
    /// Opened on, by.
    pub opened: (Date, String),
    /// Closed on, by.
    pub closed: Option<(Date, String)>,
    /// Members rated (those the caller reaches), and how many have a decision.
    pub members: (u64, u64),
    /// Organizations rated (those the caller reaches), and how many have a decision.
    pub orgs: (u64, u64),
}

/// A step: when and by whom.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stepped<T> {
    /// What was recorded.
    pub value: T,
    /// The day.
    pub on: Date,
    /// The account.
    pub by: String,
}

/// A decision as recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decided {
    /// The decision (level, points, reason).
    pub decision: Decision,
    /// The old scheme's label, verbatim, for the years it applies.
    pub label: Option<String>,
    /// The codes of the rules broken by exception.
    pub exceptions: Vec<String>,
    /// The level that decided (organization code; `None` for the whole installation).
    pub level: Option<String>,
}

/// A member's row in a round.
#[derive(Debug, Clone)]
pub struct MemberEntry {
    /// The member.
    pub member: MemberCode,
    /// Their full name.
    pub full_name: String,
    /// Their cell on the reference day.
    pub cell: OrgCode,
    /// Their grassroots organization on the reference day (the quota's unit).
    pub unit: OrgCode,
    /// Their self-assessment.
    pub self_assessment: Option<Stepped<SelfAssessment>>,
    /// The cell's proposal.
    pub proposal: Option<Stepped<Proposal>>,
    /// The committee's decision.
    pub decision: Option<Stepped<Decided>>,
}

/// An organization's row in a round.
#[derive(Debug, Clone)]
pub struct OrgEntry {
    /// The organization.
    pub org: OrgCode,
    /// Its name.
    pub name: String,
    /// Its superior on the reference day.
    pub parent: Option<OrgCode>,
    /// Rated by its members (a cell) or its subordinates (a committee).
    pub shape: OrgShape,
    /// Its collective self-review: the level it proposes and its report.
    pub self_review: Option<Stepped<(Rating, String)>>,
    /// The superior's decision.
    pub decision: Option<Stepped<Decided>>,
}

/// A round and the rows the caller reaches.
#[derive(Debug, Clone)]
pub struct RoundView {
    /// The round.
    pub round: RoundSummary,
    /// Its members, in Vietnamese name order (none when not listed).
    pub members: Vec<MemberEntry>,
    /// Whether the members are listed: a part was asked for, or the round is small enough
    /// to list whole.
    pub members_listed: bool,
    /// Its organizations, by code.
    pub orgs: Vec<OrgEntry>,
}

/// A step on a member of a round.
#[derive(Debug, Clone)]
pub enum MemberStep {
    /// The member's self-assessment.
    SelfAssess(SelfAssessment),
    /// The cell's proposal.
    Propose(Proposal),
    /// The committee's decision.
    Decide(Decision),
    /// The deciding level reopens its decision.
    Reopen(String),
}

/// A step on an organization of a round.
#[derive(Debug, Clone)]
pub enum OrgStep {
    /// The collective self-review.
    SelfReview(Rating, String),
    /// The superior's decision.
    Decide(Decision),
    /// The deciding level reopens its decision.
    Reopen(String),
}

/// What a step came to.
#[derive(Debug, Clone)]
pub enum RoundOutcome {
    /// Recorded; the exceptions taken, if any.
    Recorded(Vec<Violation>),
    /// Refused for these violations; nothing written.
    Refused(Vec<Violation>),
}

/// What closing a round did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CloseReport {
    /// Members decided as the cell proposed when closing.
    pub members_decided: u64,
    /// Ratings written (members, organizations).
    pub written: (u64, u64),
}
/// What closing came to.
#[derive(Debug, Clone)]
pub enum CloseOutcome {
    /// Closed.
    Closed(CloseReport),
    /// Refused for these violations, each prefixed with the organization it concerns.
    Refused(Vec<Violation>),
}

/// How a round written from the stored ratings is filled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoundFill {
    /// A closed round of history: every step as rated; members and organizations without
    /// a rating that year are not in it.
    History,
    /// A round under way: self-assessments and the cells' proposals as rated, the others
    /// proposed `default` (or left for the cell when `None`); nothing decided.
    Proposed {
        /// The level proposed where the year has no rating.
        default: Option<Rating>,
    },
    /// A round under way where every member was proposed and every organization reviewed
    /// itself at one level (the benchmark's: every check runs, none refuses).
    Uniform(Rating),
}

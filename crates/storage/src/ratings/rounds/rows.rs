//! The stored rows of rounds, and their conversion to the domain's steps.

use super::views::{Decided, Stepped};
use crate::StoreError;
use crate::db::schema::{rating_rounds, round_members, round_orgs};
use crate::tree::refs::enum_code;
use dangvu_domain::Date;
use dangvu_domain::ratings::{AssessmentForm, Decision, Proposal, SelfAssessment};
use diesel::prelude::*;

/// A round as stored.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = rating_rounds)]
pub(crate) struct RoundRow {
    pub id: i64,
    pub org_id: i64,
    pub year: i32,
    pub period: String,
    pub quarter: i32,
    pub deadline: Date,
    pub opened_on: Date,
    pub opened_by: String,
    pub closed_on: Option<Date>,
    pub closed_by: Option<String>,
}

/// A member's row of a round as inserted when it opens.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = round_members, treat_none_as_default_value = false)]
pub(crate) struct NewMemberRow {
    pub round_id: i64,
    pub member_id: i64,
    pub unit_id: i64,
    pub cell_id: i64,
}

/// An organization's row of a round as inserted when it opens.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = round_orgs, treat_none_as_default_value = false)]
pub(crate) struct NewOrgRow {
    pub round_id: i64,
    pub org_id: i64,
    pub parent_id: Option<i64>,
    pub shape: String,
}

/// The decision columns, shared by members and organizations.
#[derive(Debug, Clone, Default)]
pub(crate) struct DecisionCols {
    pub level: Option<String>,
    pub label: Option<String>,
    pub points: Option<i32>,
    pub reason: Option<String>,
    pub exceptions: Option<String>,
    pub on: Option<Date>,
    pub by: Option<String>,
    pub org: Option<String>,
}

impl DecisionCols {
    /// The recorded decision, if there is one.
    pub(crate) fn decided(self) -> Result<Option<Stepped<Decided>>, StoreError> {
        let (Some(level), Some(on), Some(by)) = (self.level, self.on, self.by) else {
            return Ok(None);
        };
        Ok(Some(Stepped {
            value: Decided {
                decision: Decision {
                    level: enum_code(&level)?,
                    points: points(self.points)?,
                    reason: self.reason,
                },
                label: self.label,
                exceptions: self
                    .exceptions
                    .map(|e| e.split_whitespace().map(str::to_string).collect())
                    .unwrap_or_default(),
                level: self.org,
            },
            on,
            by,
        }))
    }
}

/// The decision columns as loaded: level, label, points, reason, exceptions, day, account,
/// deciding level.
pub(crate) type DecisionTuple = (
    Option<String>,
    Option<String>,
    Option<i32>,
    Option<String>,
    Option<String>,
    Option<Date>,
    Option<String>,
    Option<String>,
);

/// A stored score back as points out of 100.
pub(crate) fn points(stored: Option<i32>) -> Result<Option<u8>, StoreError> {
    stored
        .map(|p| u8::try_from(p).map_err(|_| StoreError::Corrupt(format!("points {p}"))))
        .transpose()
}

/// The step columns of a member's self-assessment.
pub(crate) type SelfCols = (
    Option<String>,
    Option<i32>,
    Option<String>,
    Option<String>,
    Option<Date>,
    Option<String>,
);

/// The self-assessment, if recorded.
pub(crate) fn self_assessment(
    cols: SelfCols,
) -> Result<Option<Stepped<SelfAssessment>>, StoreError> {
    let (Some(level), points_, text, Some(form), Some(on), Some(by)) = cols else {
        return Ok(None);
    };
    let form: AssessmentForm = enum_code(&form)?;
    Ok(Some(Stepped {
        value: SelfAssessment {
            level: enum_code(&level)?,
            points: points(points_)?,
            text: text.unwrap_or_default(),
            form,
        },
        on,
        by,
    }))
}

/// The step columns of a cell's proposal.
pub(crate) type ProposalCols = (
    Option<String>,
    Option<i32>,
    Option<i32>,
    Option<i32>,
    Option<Date>,
    Option<String>,
);

/// The proposal, if recorded.
pub(crate) fn proposal(cols: ProposalCols) -> Result<Option<Stepped<Proposal>>, StoreError> {
    let (Some(level), points_, Some(votes_for), Some(votes_cast), Some(on), Some(by)) = cols else {
        return Ok(None);
    };
    let count = |n: i32| u32::try_from(n).map_err(|_| StoreError::Corrupt(format!("votes {n}")));
    Ok(Some(Stepped {
        value: Proposal {
            level: enum_code(&level)?,
            points: points(points_)?,
            votes_for: count(votes_for)?,
            votes_cast: count(votes_cast)?,
        },
        on,
        by,
    }))
}

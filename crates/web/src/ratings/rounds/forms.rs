//! The round forms (and the API's bodies, same fields): opening a round, a step on a member
//! and a step on an organization, read into the use cases' values or what is wrong.

use crate::error::BadInput;
use crate::ui::date_field;
use dangvu_app::records::{MemberStep, NewRound, OrgStep};
use dangvu_domain::enums::Enumeration;
use dangvu_domain::ratings::{AssessmentForm, Decision, Proposal, RoundKind, SelfAssessment};
use dangvu_domain::{Date, OrgCode, Rating};
use serde::Deserialize;

/// The longest text kept (a self-assessment, a report, a reason).
const TEXT_LIMIT: usize = 4_000;
/// The years a round may be opened for.
const YEARS: (i32, i32) = (2000, 2100);

/// What the opening form sends.
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
pub(crate) struct OpenForm {
    /// The committee's code: its subtree is rated.
    #[serde(default)]
    pub org: String,
    /// The year.
    #[serde(default)]
    pub year: String,
    /// `NAM` (year), `QUY` (quarter) or `NHIEM_KY` (term).
    #[serde(default)]
    pub period: String,
    /// The quarter, 1–4, for `QUY`.
    #[serde(default)]
    pub quarter: String,
    /// The deadline (`YYYY-MM-DD` or `DD/MM/YYYY`).
    #[serde(default)]
    pub deadline: String,
}

impl OpenForm {
    /// The round asked for, opened `today`, or what is wrong.
    pub(crate) fn round(&self, today: Date) -> Result<NewRound, BadInput> {
        let org = crate::ui::params::org_code("org", &required("org", &self.org)?)?;
        let year = number("year", &self.year, YEARS.0.into(), YEARS.1.into())?;
        let quarter = match self.quarter.trim() {
            "" => None,
            q => Some(number("quarter", q, 1, 4)?),
        };
        let period = self.period.trim();
        let period = if period.is_empty() { "NAM" } else { period };
        let kind = RoundKind::from_code(period, quarter.and_then(|q| u8::try_from(q).ok()))
            .ok_or_else(|| BadInput::Code {
                field: "period",
                value: format!("{period} {}", self.quarter.trim()),
            })?;
        Ok(NewRound {
            org,
            year: i32::try_from(year).unwrap_or(YEARS.0),
            kind,
            deadline: date("deadline", &self.deadline)?,
            opened_on: today,
        })
    }
}

/// What a step form sends. `step`: `self` (self-assessment), `propose`, `decide`, `reopen`
/// for a member; `review` (self-review), `decide`, `reopen` for an organization.
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
pub(crate) struct StepForm {
    /// The step.
    #[serde(default)]
    pub step: String,
    /// The level: `HTXSNV`, `HTTNV`, `HTNV`, `KHTNV`.
    #[serde(default)]
    pub level: String,
    /// Points out of 100, where the period scores.
    #[serde(default)]
    pub points: String,
    /// The self-assessment or the report.
    #[serde(default)]
    pub text: String,
    /// The self-assessment form: `2A`, `2B`, `2C`.
    #[serde(default)]
    pub form: String,
    /// Votes for the cell's proposal.
    #[serde(default)]
    pub votes_for: String,
    /// Members voting.
    #[serde(default)]
    pub votes_cast: String,
    /// Why (a level other than the points give, an exception, a reopening).
    #[serde(default)]
    pub reason: String,
}

impl StepForm {
    /// The step on a member, or what is wrong.
    pub(crate) fn member_step(&self) -> Result<MemberStep, BadInput> {
        match self.step.trim() {
            "self" => Ok(MemberStep::SelfAssess(SelfAssessment {
                level: self.level()?,
                points: self.points()?,
                text: text("text", &self.text)?.unwrap_or_default(),
                form: AssessmentForm::parse(self.form.trim()).map_err(|_| BadInput::Code {
                    field: "form",
                    value: self.form.trim().to_string(),
                })?,
            })),
            "propose" => Ok(MemberStep::Propose(Proposal {
                level: self.level()?,
                points: self.points()?,
                votes_for: votes("votes_for", &self.votes_for)?,
                votes_cast: votes("votes_cast", &self.votes_cast)?,
            })),
            "decide" => Ok(MemberStep::Decide(self.decision()?)),
            "reopen" => Ok(MemberStep::Reopen(self.reason()?)),
            other => Err(BadInput::Code {
                field: "step",
                value: other.to_string(),
            }),
        }
    }

    /// The step on an organization, or what is wrong.
    pub(crate) fn org_step(&self) -> Result<OrgStep, BadInput> {
        match self.step.trim() {
            "review" => Ok(OrgStep::SelfReview(
                self.level()?,
                text("text", &self.text)?.unwrap_or_default(),
            )),
            "decide" => Ok(OrgStep::Decide(self.decision()?)),
            "reopen" => Ok(OrgStep::Reopen(self.reason()?)),
            other => Err(BadInput::Code {
                field: "step",
                value: other.to_string(),
            }),
        }
    }

    fn level(&self) -> Result<Rating, BadInput> {
        Rating::parse(self.level.trim()).map_err(|_| BadInput::Code {
            field: "level",
            value: self.level.trim().to_string(),
        })
    }

    fn points(&self) -> Result<Option<u8>, BadInput> {
        match self.points.trim() {
            "" => Ok(None),
            p => Ok(Some(
                u8::try_from(number("points", p, 0, 100)?).unwrap_or(0),
            )),
        }
    }

    fn decision(&self) -> Result<Decision, BadInput> {
        Ok(Decision {
            level: self.level()?,
            points: self.points()?,
            reason: text("reason", &self.reason)?,
        })
    }

    fn reason(&self) -> Result<String, BadInput> {
        text("reason", &self.reason)?.ok_or(BadInput::Missing { field: "reason" })
    }
}

fn required(field: &'static str, raw: &str) -> Result<String, BadInput> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Err(BadInput::Missing { field });
    }
    Ok(raw.to_string())
}

fn date(field: &'static str, raw: &str) -> Result<Date, BadInput> {
    let raw = required(field, raw)?;
    date_field::parse(field, &raw).map_err(|_| BadInput::Date { field, value: raw })
}

fn number(field: &'static str, raw: &str, min: i64, max: i64) -> Result<i64, BadInput> {
    let raw = required(field, raw)?;
    raw.parse::<i64>()
        .ok()
        .filter(|n| (min..=max).contains(n))
        .ok_or(BadInput::Number {
            field,
            value: raw,
            min,
            max,
        })
}

fn votes(field: &'static str, raw: &str) -> Result<u32, BadInput> {
    Ok(u32::try_from(number(field, raw, 0, 10_000)?).unwrap_or(0))
}

/// Free text: trimmed, NFC, bounded, without control characters other than line breaks;
/// `None` when empty.
fn text(field: &'static str, raw: &str) -> Result<Option<String>, BadInput> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    let bad = raw
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t');
    if bad || raw.chars().count() > TEXT_LIMIT {
        return Err(BadInput::ControlCharacter {
            field: field.into(),
        });
    }
    Ok(Some(dangvu_domain::text::nfc_trim(raw)))
}

/// The organization code of a page's part (`?org=`), when given.
pub(crate) fn part(raw: &Option<String>) -> Result<Option<OrgCode>, BadInput> {
    crate::ui::params::present(raw)
        .map(|code| crate::ui::params::org_code("org", code))
        .transpose()
}

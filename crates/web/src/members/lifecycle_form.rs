//! The forms of a member's lifecycle page, read into the use cases' values or the message
//! to show beside the form that was sent: an exit, a badge award, an exemption decided,
//! an exemption reviewed.

use crate::error::{AppError, BadInput};
use crate::ui::date_field;
use crate::ui::i18n::Lang;
use dangvu_app::LifecycleChange;
use dangvu_app::records::{ExemptionReview, NewBadgeAward, NewExemption, NewExit, ReviewOutcome};
use dangvu_domain::Date;
use dangvu_domain::dates::Period;
use dangvu_domain::enums::Enumeration;
use dangvu_domain::lifecycle::{EarlyReason, ExemptionReason, ExitKind, MILESTONES, StrikeOffCase};
use serde::Deserialize;

/// The four forms of the page, by the `action` each sends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FormKind {
    Exit,
    Badge,
    Exempt,
    Review,
    Interrupt,
}

impl FormKind {
    /// Every form, in the order of the page.
    pub(crate) const ALL: [Self; 5] = [
        Self::Exit,
        Self::Badge,
        Self::Exempt,
        Self::Review,
        Self::Interrupt,
    ];

    /// The `action` value of the form.
    pub(crate) fn code(self) -> &'static str {
        match self {
            Self::Exit => "exit",
            Self::Badge => "badge",
            Self::Exempt => "exempt",
            Self::Review => "review",
            Self::Interrupt => "interrupt",
        }
    }

    pub(crate) fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == raw.trim())
    }
}

/// What any of the forms sends (each fills its own fields; the rest stay empty). The API
/// takes the same fields as a JSON body, dates as `YYYY-MM-DD`.
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
pub(crate) struct LifecycleForm {
    /// `exit`, `badge`, `exempt` (the cell's exemption decision) or `review` (of an open
    /// exemption).
    #[serde(default)]
    pub action: String,
    /// The day of the change: exit, award, decision or review.
    #[serde(default)]
    pub day: String,
    /// For `exit`: `XOA_TEN`, `RA_KHOI_DANG` or `TU_TRAN`.
    #[serde(default)]
    pub exit_kind: String,
    /// For `exit` with `XOA_TEN`: the Charter's case (`truong_hop_xoa_ten` codes).
    #[serde(default)]
    pub case: String,
    /// For `badge`: years of party age (30, 40, 45 … 90).
    #[serde(default)]
    pub milestone: String,
    /// For `badge` before the milestone: `OM_NANG` or `TRUY_TANG`.
    #[serde(default)]
    pub early: String,
    /// For `exempt`: `TUOI_CAO`, `SUC_KHOE` or `KHAC`.
    #[serde(default)]
    pub reason: String,
    /// For `exempt` and `review`: the (next) review day, optional.
    #[serde(default)]
    pub review_on: String,
    /// For `review`: `KEEP` (default) or `END`.
    #[serde(default)]
    pub outcome: String,
    /// For `interrupt`: the first day counted again (the period is `day` up to it).
    #[serde(default)]
    pub until: String,
}

impl LifecycleForm {
    /// The form that was sent, when its `action` is known.
    pub(crate) fn kind(&self) -> Option<FormKind> {
        FormKind::parse(&self.action)
    }

    /// The form's values when it is the one sent (to show them again), else empty.
    pub(crate) fn value_for(&self, kind: FormKind, field: &str) -> &str {
        if self.kind() != Some(kind) {
            return "";
        }
        match field {
            "day" => &self.day,
            "exit_kind" => &self.exit_kind,
            "case" => &self.case,
            "milestone" => &self.milestone,
            "early" => &self.early,
            "reason" => &self.reason,
            "review_on" => &self.review_on,
            "outcome" => &self.outcome,
            "until" => &self.until,
            _ => "",
        }
    }

    /// The change the form asks for, or why it cannot be read, in `lang`.
    pub(crate) fn parse(&self, lang: Lang) -> Result<LifecycleChange, String> {
        self.change()
            .map_err(|bad| AppError::BadInput(bad).message(lang))
    }

    /// The change the form (or the API's body) asks for, or what is wrong with it.
    pub(crate) fn change(&self) -> Result<LifecycleChange, BadInput> {
        let kind = self.kind().ok_or_else(|| BadInput::Code {
            field: "action",
            value: self.action.trim().to_string(),
        })?;
        let day = required_date("day", &self.day)?;
        Ok(match kind {
            FormKind::Exit => LifecycleChange::Exit(NewExit {
                kind: code("exit_kind", &self.exit_kind)?,
                on: day,
                case: optional_code("case", &self.case)?,
            }),
            FormKind::Badge => LifecycleChange::Badge(NewBadgeAward {
                milestone: milestone(&self.milestone)?,
                awarded_on: day,
                early: optional_code::<EarlyReason>("early", &self.early)?,
            }),
            FormKind::Exempt => LifecycleChange::Exempt(NewExemption {
                decided_on: day,
                reason: code::<ExemptionReason>("reason", &self.reason)?,
                review_on: optional_date("review_on", &self.review_on)?,
            }),
            FormKind::Interrupt => LifecycleChange::Interrupt(Period {
                from: day,
                to: required_date("until", &self.until)?,
            }),
            FormKind::Review => LifecycleChange::Review(ExemptionReview {
                reviewed_on: day,
                outcome: match self.outcome.trim() {
                    "END" => ReviewOutcome::End,
                    _ => ReviewOutcome::Keep {
                        next_review: optional_date("review_on", &self.review_on)?,
                    },
                },
            }),
        })
    }
}

/// A date field that must be filled.
fn required_date(field: &'static str, text: &str) -> Result<Date, BadInput> {
    optional_date(field, text)?.ok_or(BadInput::Missing { field })
}

/// A date field that may be empty.
fn optional_date(field: &'static str, text: &str) -> Result<Option<Date>, BadInput> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    date_field::parse(field, text)
        .map(Some)
        .map_err(|_| BadInput::Date {
            field,
            value: text.to_string(),
        })
}

/// A choice that must be made.
fn code<E: Enumeration>(field: &'static str, raw: &str) -> Result<E, BadInput> {
    optional_code(field, raw)?.ok_or(BadInput::Missing { field })
}

/// A choice that may be left empty.
fn optional_code<E: Enumeration>(field: &'static str, raw: &str) -> Result<Option<E>, BadInput> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    E::parse(raw).map(Some).map_err(|_| BadInput::Code {
        field,
        value: raw.to_string(),
    })
}

/// A badge milestone (30, 40, 45 … 90).
fn milestone(raw: &str) -> Result<u32, BadInput> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Err(BadInput::Missing { field: "milestone" });
    }
    raw.parse::<u32>()
        .ok()
        .filter(|m| MILESTONES.contains(m))
        .ok_or_else(|| BadInput::Code {
            field: "milestone",
            value: raw.to_string(),
        })
}

/// The exits a form offers.
pub(crate) fn exit_kinds() -> &'static [ExitKind] {
    ExitKind::ALL
}

/// The cases of a xóa tên a form offers.
pub(crate) fn strike_off_cases() -> &'static [StrikeOffCase] {
    StrikeOffCase::ALL
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;

    fn form(action: &str, day: &str) -> LifecycleForm {
        LifecycleForm {
            action: action.into(),
            day: day.into(),
            ..LifecycleForm::default()
        }
    }

    #[test]
    fn each_form_reads_into_its_change_or_a_message() {
        let mut exit = form("exit", "01/10/2025");
        exit.exit_kind = "TU_TRAN".into();
        assert!(matches!(
            exit.parse(Lang::Vi),
            Ok(LifecycleChange::Exit(NewExit {
                kind: ExitKind::TuTran,
                case: None,
                ..
            }))
        ));
        let mut badge = form("badge", "02/09/2025");
        badge.milestone = "45".into();
        assert!(matches!(
            badge.parse(Lang::Vi),
            Ok(LifecycleChange::Badge(NewBadgeAward {
                milestone: 45,
                early: None,
                ..
            }))
        ));
        badge.milestone = "35".into();
        assert!(badge.parse(Lang::En).unwrap_err().contains("35"));
        let mut review = form("review", "01/11/2025");
        review.outcome = "END".into();
        assert!(matches!(
            review.parse(Lang::Vi),
            Ok(LifecycleChange::Review(ExemptionReview {
                outcome: ReviewOutcome::End,
                ..
            }))
        ));
        let mut interrupt = form("interrupt", "01/03/2020");
        interrupt.until = "2020-06-01".into();
        assert!(matches!(
            interrupt.parse(Lang::Vi),
            Ok(LifecycleChange::Interrupt(Period { .. }))
        ));
        interrupt.until.clear();
        assert!(interrupt.parse(Lang::Vi).is_err());
        for bad in [
            form("exit", ""),
            form("nope", "01/10/2025"),
            form("exempt", "32/01/2025"),
        ] {
            assert!(bad.parse(Lang::Vi).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn only_the_sent_form_gets_its_values_back() {
        let sent = form("badge", "02/09/2025");
        assert_eq!(sent.value_for(FormKind::Badge, "day"), "02/09/2025");
        assert_eq!(sent.value_for(FormKind::Exit, "day"), "");
    }
}

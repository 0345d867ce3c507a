//! The transfer forms (and the API's bodies, same fields): the decision or temporary
//! attendance, and a step of an official transfer, read into the use cases' values or what
//! is wrong with them.

use crate::error::BadInput;
use crate::ui::date_field;
use dangvu_app::records::{NewTemporary, NewTransfer};
use dangvu_domain::Date;
use dangvu_domain::enums::Enumeration;
use dangvu_domain::lifecycle::{TransferKind, TransferStep};
use serde::Deserialize;

/// The longest cancellation reason kept.
const REASON_LIMIT: usize = 500;

/// What the decision form sends: an official transfer (`CHINH_THUC`, `day` = the decision)
/// or a temporary attendance (`TAM_THOI_CONG_TAC`, `TAM_THOI_HOC_TAP`: `day` = the first
/// day, `until` = the day after the last). Dates as `YYYY-MM-DD` or `DD/MM/YYYY`.
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
pub(crate) struct NewForm {
    /// The member's code.
    #[serde(default)]
    pub member: String,
    /// `CHINH_THUC`, `TAM_THOI_CONG_TAC` or `TAM_THOI_HOC_TAP`.
    #[serde(default)]
    pub transfer_kind: String,
    /// The receiving (or host) cell's code; it may lie outside the caller's scope.
    #[serde(default)]
    pub to_org: String,
    /// The decision's day (official), or the first day of attendance (temporary).
    #[serde(default)]
    pub day: String,
    /// Temporary only: the day after the last day of attendance.
    #[serde(default)]
    pub until: String,
}

/// What a new transfer form asks for.
#[derive(Debug, Clone)]
pub(crate) enum Creation {
    /// An official transfer decided.
    Official(NewTransfer),
    /// A temporary attendance.
    Temporary(NewTemporary),
}

impl NewForm {
    /// The transfer asked for, or what is wrong.
    pub(crate) fn creation(&self) -> Result<Creation, BadInput> {
        let member = required("member", &self.member)?;
        let kind = TransferKind::parse(self.transfer_kind.trim()).map_err(|_| BadInput::Code {
            field: "transfer_kind",
            value: self.transfer_kind.trim().to_string(),
        })?;
        let to_org = crate::ui::params::org_code("to_org", &required("to_org", &self.to_org)?)?;
        let day = date("day", &self.day)?;
        Ok(match kind {
            TransferKind::ChinhThuc => Creation::Official(NewTransfer {
                member,
                to_org: to_org.to_string(),
                decision_on: day,
            }),
            _ => Creation::Temporary(NewTemporary {
                member,
                to_org: to_org.to_string(),
                kind,
                from: day,
                to: date("until", &self.until)?,
            }),
        })
    }
}

/// What the step form sends: `step` is `introduce`, `receive` or `cancel`; `day` its day;
/// `reason` why a transfer is cancelled.
#[derive(Debug, Clone, Default, Deserialize, utoipa::ToSchema)]
pub(crate) struct StepForm {
    /// `introduce` (sending side), `receive` (receiving side) or `cancel` (sending side).
    #[serde(default)]
    pub step: String,
    /// The step's day.
    #[serde(default)]
    pub day: String,
    /// For `cancel`: why.
    #[serde(default)]
    pub reason: String,
}

impl StepForm {
    /// The step asked for, or what is wrong.
    pub(crate) fn step(&self) -> Result<TransferStep, BadInput> {
        let on = date("day", &self.day)?;
        match self.step.trim() {
            "introduce" => Ok(TransferStep::Introduce { on }),
            "receive" => Ok(TransferStep::Receive { on }),
            "cancel" => {
                let reason = required("cancel_reason", &self.reason)?;
                if reason.chars().count() > REASON_LIMIT || reason.chars().any(char::is_control) {
                    return Err(BadInput::ControlCharacter {
                        field: "cancel_reason".into(),
                    });
                }
                Ok(TransferStep::Cancel { on, reason })
            }
            other => Err(BadInput::Code {
                field: "step",
                value: other.to_string(),
            }),
        }
    }
}

fn required(field: &'static str, text: &str) -> Result<String, BadInput> {
    let text = text.trim();
    if text.is_empty() {
        return Err(BadInput::Missing { field });
    }
    Ok(text.to_string())
}

fn date(field: &'static str, text: &str) -> Result<Date, BadInput> {
    let text = required(field, text)?;
    date_field::parse(field, &text).map_err(|_| BadInput::Date { field, value: text })
}

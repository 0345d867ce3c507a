//! The steps of an official transfer (chuyển sinh hoạt chính thức) and the order they must
//! come in: the sending organization's decision, the introduction letter issued
//! ("giấy giới thiệu sinh hoạt đảng"), the member in transit, the receiving organization's
//! registration. A transfer not yet received may be cancelled (domain.md §2.6).

use super::transfers::TransferKind;
use crate::codes::{MemberCode, OrgCode};
use crate::dates::Date;
use serde::{Deserialize, Serialize};

/// A transfer with every day recorded so far, replayed through the workflow's own steps
/// (the demo's transfers): the decision (a temporary attendance's first day), then the
/// introduction, the registration at the receiving cell, or the cancellation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TransferRecord {
    /// The member; the sending cell is theirs on the decision day.
    pub member: MemberCode,
    /// The receiving (or host) cell.
    pub to_org: OrgCode,
    /// Official or temporary.
    pub kind: TransferKind,
    /// The decision (temporary: the first day of attendance).
    pub decision_on: Date,
    /// Official: the introduction letter issued.
    pub introduced_on: Option<Date>,
    /// Official: registered at the receiving cell.
    pub received_on: Option<Date>,
    /// Temporary: the day after the last day of attendance.
    pub end_on: Option<Date>,
    /// Official, not received: cancelled on a day, with the reason.
    pub cancelled: Option<(Date, String)>,
}

impl TransferRecord {
    /// The steps after the decision, in order.
    pub fn steps(&self) -> Vec<TransferStep> {
        let mut steps = Vec::new();
        if let Some(on) = self.introduced_on {
            steps.push(TransferStep::Introduce { on });
        }
        if let Some(on) = self
            .received_on
            .filter(|_| self.kind == TransferKind::ChinhThuc)
        {
            steps.push(TransferStep::Receive { on });
        }
        if let Some((on, reason)) = &self.cancelled {
            steps.push(TransferStep::Cancel {
                on: *on,
                reason: reason.clone(),
            });
        }
        steps
    }
}

/// The recorded days of an official transfer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TransferDays {
    /// The sending organization's decision.
    pub decision_on: Date,
    /// The introduction letter issued.
    pub introduced_on: Option<Date>,
    /// Registered at the receiving organization.
    pub received_on: Option<Date>,
    /// Cancelled before it was received.
    pub cancelled_on: Option<Date>,
}

/// A step recorded after the decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "buoc", rename_all = "snake_case")]
pub enum TransferStep {
    /// The sending side issued the introduction letter on `on`.
    Introduce {
        /// The day.
        on: Date,
    },
    /// The receiving organization registered the member from `on`.
    Receive {
        /// The day.
        on: Date,
    },
    /// The transfer was cancelled on `on` for `reason`.
    Cancel {
        /// The day.
        on: Date,
        /// Why, as the staff wrote it.
        reason: String,
    },
}

impl TransferStep {
    /// The step's day.
    pub fn on(&self) -> Date {
        match self {
            Self::Introduce { on } | Self::Receive { on } | Self::Cancel { on, .. } => *on,
        }
    }

    /// Whether the receiving side takes the step (the others belong to the sending side).
    pub fn by_receiver(&self) -> bool {
        matches!(self, Self::Receive { .. })
    }
}

/// Where a transfer stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TransferStage {
    /// Decided; the introduction letter is still to be issued.
    Decided,
    /// Introduced; the member is in transit until the receiving side registers them.
    InTransit,
    /// Registered at the receiving organization.
    Received,
    /// Cancelled before it was received.
    Cancelled,
}

impl TransferDays {
    /// The stage the recorded days put the transfer in.
    pub fn stage(&self) -> TransferStage {
        match (self.cancelled_on, self.received_on, self.introduced_on) {
            (Some(_), _, _) => TransferStage::Cancelled,
            (None, Some(_), _) => TransferStage::Received,
            (None, None, Some(_)) => TransferStage::InTransit,
            (None, None, None) => TransferStage::Decided,
        }
    }

    /// Whether `step` may be recorded now: `Err` with a Vietnamese / English message.
    pub fn check(&self, step: &TransferStep) -> Result<(), String> {
        let stage = self.stage();
        if matches!(stage, TransferStage::Cancelled | TransferStage::Received) {
            return Err(
                "việc chuyển sinh hoạt đã kết thúc (đã tiếp nhận hoặc đã hủy) / \
                 the transfer is closed (received or cancelled)"
                    .into(),
            );
        }
        let after = |day: Date, what_vi: &str, what_en: &str| {
            if step.on() < day {
                Err(format!(
                    "ngày phải từ ngày {what_vi} ({}) trở đi / the day must be on or after \
                     the {what_en} ({day})",
                    day.format("%d/%m/%Y")
                ))
            } else {
                Ok(())
            }
        };
        match step {
            TransferStep::Introduce { .. } if stage == TransferStage::InTransit => {
                Err("giấy giới thiệu đã được cấp / the introduction was already issued".into())
            }
            TransferStep::Introduce { .. } | TransferStep::Cancel { .. } => {
                after(self.decision_on, "quyết định", "decision")
            }
            TransferStep::Receive { .. } => match self.introduced_on {
                None => Err("chưa cấp giấy giới thiệu sinh hoạt đảng / \
                     the introduction letter has not been issued yet"
                    .into()),
                Some(introduced) => after(introduced, "giới thiệu", "introduction"),
            },
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> Date {
        Date::from_ymd_opt(2026, m, day).unwrap()
    }

    #[test]
    fn steps_come_in_order() {
        let decided = TransferDays {
            decision_on: d(3, 2),
            introduced_on: None,
            received_on: None,
            cancelled_on: None,
        };
        let introduced = TransferDays {
            introduced_on: Some(d(3, 5)),
            ..decided
        };
        let received = TransferDays {
            received_on: Some(d(3, 9)),
            ..introduced
        };
        let cancel = |on| TransferStep::Cancel {
            on,
            reason: "x".into(),
        };
        let cases = [
            (
                "introduce after decision",
                decided,
                TransferStep::Introduce { on: d(3, 2) },
                true,
            ),
            (
                "introduce before decision",
                decided,
                TransferStep::Introduce { on: d(3, 1) },
                false,
            ),
            (
                "receive before introduction",
                decided,
                TransferStep::Receive { on: d(3, 9) },
                false,
            ),
            (
                "receive after introduction",
                introduced,
                TransferStep::Receive { on: d(3, 9) },
                true,
            ),
            (
                "receive too early",
                introduced,
                TransferStep::Receive { on: d(3, 4) },
                false,
            ),
            (
                "introduce twice",
                introduced,
                TransferStep::Introduce { on: d(3, 9) },
                false,
            ),
            ("cancel in transit", introduced, cancel(d(3, 6)), true),
            ("cancel once received", received, cancel(d(3, 10)), false),
        ];
        for (name, days, step, ok) in cases {
            assert_eq!(days.check(&step).is_ok(), ok, "{name}");
        }
        assert_eq!(received.stage(), TransferStage::Received);
    }
}

//! What the transfers use cases take and give back.

use crate::OrgRef;
use dangvu_domain::Date;
use dangvu_domain::lifecycle::{TransferKind, TransferStage};
use serde::Serialize;

/// A transfer as one side sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TransferView {
    /// The transfer's number.
    pub id: i64,
    /// Official or temporary (work, study).
    pub kind: TransferKind,
    /// The member's code.
    pub member: String,
    /// The member's full name.
    pub person: String,
    /// The sending organization (the member's cell on the decision day).
    pub from: OrgRef,
    /// The receiving (or host) organization.
    pub to: OrgRef,
    /// The sending organization's decision (for a temporary attendance, its first day).
    pub decision_on: Date,
    /// The introduction letter issued.
    pub introduced_on: Option<Date>,
    /// Registered at the receiving organization (a temporary attendance: its first day).
    pub received_on: Option<Date>,
    /// The day after a temporary attendance's last day.
    pub end_on: Option<Date>,
    /// Cancelled before it was received.
    pub cancelled_on: Option<Date>,
    /// Why it was cancelled.
    pub cancel_reason: Option<String>,
    /// The last day an official transfer may be received on time.
    pub due_on: Option<Date>,
    /// Whether the caller reaches the sending organization (and may take its steps).
    pub sender_side: bool,
    /// Whether the caller reaches the receiving organization (and may register the member).
    pub receiver_side: bool,
}

impl TransferView {
    /// The stage of an official transfer (a temporary attendance is `Received` from its
    /// first day, or `Cancelled`).
    pub fn stage(&self) -> TransferStage {
        self.days().stage()
    }

    /// The recorded days, for the domain's step checks.
    pub fn days(&self) -> dangvu_domain::lifecycle::TransferDays {
        dangvu_domain::lifecycle::TransferDays {
            decision_on: self.decision_on,
            introduced_on: self.introduced_on,
            received_on: self.received_on,
            cancelled_on: self.cancelled_on,
        }
    }

    /// Whether an official transfer is still not received after its due day on `as_of`.
    pub fn is_overdue(&self, as_of: Date) -> bool {
        matches!(
            self.stage(),
            TransferStage::Decided | TransferStage::InTransit
        ) && self.due_on.is_some_and(|due| as_of > due)
    }

    /// Whether a temporary attendance is under way on `day`.
    pub fn attending_on(&self, day: Date) -> bool {
        self.kind != TransferKind::ChinhThuc
            && self.cancelled_on.is_none()
            && self.received_on.is_some_and(|from| from <= day)
            && self.end_on.is_some_and(|to| day < to)
    }
}

/// An official transfer decided by the sending organization.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NewTransfer {
    /// The member's code.
    pub member: String,
    /// The receiving organization (a cell; it may be outside the caller's scope).
    pub to_org: String,
    /// The decision's day.
    pub decision_on: Date,
}

/// A temporary attendance at a host organization; the registration does not move.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NewTemporary {
    /// The member's code.
    pub member: String,
    /// The host organization (a cell).
    pub to_org: String,
    /// Work/residence or study.
    pub kind: TransferKind,
    /// The first day of attendance.
    pub from: Date,
    /// The day after the last day.
    pub to: Date,
}

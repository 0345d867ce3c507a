//! The JSON bodies of `/api/v1/transfers`: explicit structs, so the contract does not move
//! when storage's views change.

use crate::api::schema::OrgRefJson;
use dangvu_app::TransferList;
use dangvu_app::records::TransferView;
use dangvu_domain::Date;
use dangvu_domain::enums::Enumeration;
use dangvu_domain::lifecycle::TransferStage;
use serde::Serialize;
use utoipa::ToSchema;

/// One transfer as the caller sees it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub(crate) struct TransferJson {
    /// The transfer's number.
    pub id: i64,
    /// `CHINH_THUC`, `TAM_THOI_CONG_TAC` or `TAM_THOI_HOC_TAP`.
    pub kind: String,
    /// `decided`, `in_transit`, `received` (a temporary attendance: recorded) or `cancelled`.
    pub stage: String,
    /// The member's code.
    pub member: String,
    /// The member's full name.
    pub person: String,
    /// The sending organization.
    pub from: OrgRefJson,
    /// The receiving (or host) organization.
    pub to: OrgRefJson,
    /// The decision (temporary: the first day of attendance).
    pub decision_on: Date,
    /// The introduction letter issued.
    pub introduced_on: Option<Date>,
    /// Registered at the receiving organization (temporary: the first day).
    pub received_on: Option<Date>,
    /// Temporary: the day after the last day of attendance.
    pub end_on: Option<Date>,
    /// Cancelled on.
    pub cancelled_on: Option<Date>,
    /// Why it was cancelled.
    pub cancel_reason: Option<String>,
    /// Official: the last day it may be received on time (60 working days).
    pub due_on: Option<Date>,
    /// Official, not received: late on the answer's day.
    pub overdue: bool,
    /// Whether the caller reaches the sending organization (may introduce, cancel).
    pub sender_side: bool,
    /// Whether the caller reaches the receiving organization (may register).
    pub receiver_side: bool,
}

impl TransferJson {
    pub(crate) fn new(v: &TransferView, today: Date) -> Self {
        let stage = match v.stage() {
            TransferStage::Decided => "decided",
            TransferStage::InTransit => "in_transit",
            TransferStage::Received => "received",
            TransferStage::Cancelled => "cancelled",
        };
        Self {
            id: v.id,
            kind: v.kind.code().to_string(),
            stage: stage.to_string(),
            member: v.member.clone(),
            person: v.person.clone(),
            from: v.from.clone().into(),
            to: v.to.clone().into(),
            decision_on: v.decision_on,
            introduced_on: v.introduced_on,
            received_on: v.received_on,
            end_on: v.end_on,
            cancelled_on: v.cancelled_on,
            cancel_reason: v.cancel_reason.clone(),
            due_on: v.due_on,
            overdue: v.is_overdue(today),
            sender_side: v.sender_side,
            receiver_side: v.receiver_side,
        }
    }
}

/// The transfers of the caller's scope, by where they stand.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub(crate) struct TransferListJson {
    /// The day of the answer.
    pub as_of: Date,
    /// Official transfers decided and not yet received.
    pub in_transit: Vec<TransferJson>,
    /// Official transfers received, the latest first.
    pub received: Vec<TransferJson>,
    /// Temporary attendances under way.
    pub attending: Vec<TransferJson>,
    /// Cancelled transfers, attendances over or still to come.
    pub other: Vec<TransferJson>,
}

impl TransferListJson {
    pub(crate) fn new(list: &TransferList) -> Self {
        let all = |rows: &[TransferView]| {
            rows.iter()
                .map(|v| TransferJson::new(v, list.as_of))
                .collect()
        };
        Self {
            as_of: list.as_of,
            in_transit: all(&list.in_transit),
            received: all(&list.received),
            attending: all(&list.attending),
            other: all(&list.other),
        }
    }
}

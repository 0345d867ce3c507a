//! What is due: the open steps of the workflows, each with the day it must be done by.
//!
//! Every workflow (admissions, transfers, exemptions, badges …) reports its open steps as
//! [`DueItem`]s, so one list can show a committee everything it owes, sorted by urgency,
//! without knowing how each workflow computes its deadlines.

use crate::codes::OrgCode;
use crate::dates::Date;
use crate::enums::{Enumeration, enumeration};
use serde::{Deserialize, Serialize};

enumeration!(
    /// The kind of an open step.
    DueKind, "loai_viec", {
        /// The competent committee's admission decision (60 working days after the cell's resolution).
        AdmissionDecision => "QUYET_DINH_KET_NAP", "Quyết định kết nạp";
        /// The admission ceremony (30 working days after the decision).
        AdmissionCeremony => "LE_KET_NAP", "Lễ kết nạp";
        /// The cell's review at the end of probation (30 working days after it ends).
        RecognitionReview => "XET_CONG_NHAN_CHINH_THUC", "Xét công nhận đảng viên chính thức";
        /// An official transfer not yet registered at the receiving organization (60 working days).
        TransferCompletion => "HOAN_TAT_CHUYEN_SINH_HOAT", "Hoàn tất chuyển sinh hoạt đảng";
        /// A Party badge due on an award day.
        Badge => "TANG_HUY_HIEU", "Tặng Huy hiệu Đảng";
        /// An exemption whose review date has come.
        ExemptionReview => "XEM_XET_MIEN_SINH_HOAT", "Xem xét miễn sinh hoạt";
    }
);

/// One open step of a workflow.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DueItem {
    /// What has to be done.
    pub kind: DueKind,
    /// The record it belongs to: a dossier code or a member code.
    pub subject: String,
    /// The person concerned (applicant or member), NFC.
    pub person: String,
    /// The organization that owes the step (the cell of the dossier or of the member).
    pub org: OrgCode,
    /// The day the step became open (the previous step's date).
    pub since: Date,
    /// The last day it may be done on time.
    pub due_on: Date,
}

impl DueItem {
    /// Whether the step is late on `as_of`: the due day has passed.
    pub fn is_overdue(&self, as_of: Date) -> bool {
        as_of > self.due_on
    }
}

/// Sorts a due list the way a committee reads it: the most overdue first, then by due day,
/// kind and subject, so the order is stable across requests.
pub fn sort_by_urgency(items: &mut [DueItem]) {
    items.sort_by(|a, b| (a.due_on, a.kind, &a.subject).cmp(&(b.due_on, b.kind, &b.subject)));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(kind: DueKind, subject: &str, due: (i32, u32, u32)) -> DueItem {
        let day = |(y, m, d)| Date::from_ymd_opt(y, m, d).expect("valid test date");
        DueItem {
            kind,
            subject: subject.to_owned(),
            person: "Nguyễn Văn A".to_owned(),
            org: OrgCode::parse("VX.01.01").expect("valid code"),
            since: day((2020, 1, 2)),
            due_on: day(due),
        }
    }

    #[test]
    fn a_step_is_overdue_only_after_its_due_day() {
        let it = item(DueKind::AdmissionCeremony, "HS1", (2020, 3, 31));
        let day = |d| Date::from_ymd_opt(2020, 3, d).expect("valid date");
        assert!(!it.is_overdue(day(30)));
        assert!(!it.is_overdue(day(31)));
        assert!(it.is_overdue(Date::from_ymd_opt(2020, 4, 1).expect("valid date")));
    }

    #[test]
    fn the_list_starts_with_the_oldest_due_day() {
        let mut items = vec![
            item(DueKind::Badge, "DV2", (2021, 2, 3)),
            item(DueKind::AdmissionDecision, "HS9", (2020, 5, 4)),
            item(DueKind::AdmissionCeremony, "HS1", (2020, 5, 4)),
        ];
        sort_by_urgency(&mut items);
        let order: Vec<_> = items.iter().map(|i| i.subject.as_str()).collect();
        assert_eq!(order, ["HS9", "HS1", "DV2"]);
    }
}

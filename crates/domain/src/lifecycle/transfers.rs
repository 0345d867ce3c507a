//! Transfers of Party activity (chuyển sinh hoạt đảng): the official transfer's deadline and
//! the allowed lengths of a temporary attendance.
//!
//! Sources (domain.md §2.6): QĐ 29 6.3 / QĐ 24 6.3.1 — an official transfer must be done
//! within 60 working days of the decision; temporary transfer for residence or work from
//! 3 months to under 1 year, for concentrated study from 3 months up to 2 years; temporarily
//! attending members are not counted in the host's membership.

use crate::calendar::WorkingCalendar;
use crate::dates::Date;
use crate::enums::{Enumeration, enumeration};
use chrono::Months;
use serde::{Deserialize, Serialize};

/// Working days allowed to complete an official transfer after its decision.
pub const OFFICIAL_TRANSFER_WORKING_DAYS: u32 = 60;

enumeration!(
    /// The kind of a transfer.
    TransferKind, "loai_chuyen", {
        /// Official: the registration moves to the receiving organization.
        ChinhThuc => "CHINH_THUC", "Chuyển sinh hoạt chính thức";
        /// Temporary for work or residence (3 months to under 1 year).
        TamThoiCongTac => "TAM_THOI_CONG_TAC", "Sinh hoạt tạm thời (công tác, cư trú)";
        /// Temporary for concentrated study (3 months up to 2 years).
        TamThoiHocTap => "TAM_THOI_HOC_TAP", "Sinh hoạt tạm thời (học tập)";
    }
);

impl TransferKind {
    /// Whether the member's registration moves (only official transfers).
    pub fn moves_registration(self) -> bool {
        matches!(self, Self::ChinhThuc)
    }
}

/// The last day an official transfer decided on `decision` may be completed.
pub fn transfer_deadline(calendar: &WorkingCalendar, decision: Date) -> Date {
    calendar.nth_working_day_after(decision, OFFICIAL_TRANSFER_WORKING_DAYS)
}

/// Whether a temporary attendance `[from, to)` has an allowed length for its kind.
pub fn temporary_length_ok(kind: TransferKind, from: Date, to: Date) -> bool {
    let plus = |m| from.checked_add_months(Months::new(m));
    let (Some(min), Some(max)) = (
        plus(3),
        plus(if kind == TransferKind::TamThoiHocTap {
            24
        } else {
            12
        }),
    ) else {
        return false;
    };
    match kind {
        TransferKind::ChinhThuc => false,
        TransferKind::TamThoiCongTac => min <= to && to < max,
        TransferKind::TamThoiHocTap => min <= to && to <= max,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn temporary_lengths_table() {
        use TransferKind::*;
        let from = d(2026, 1, 1);
        let cases = [
            ("work, 3 months", TamThoiCongTac, d(2026, 4, 1), true),
            ("work, 2 months", TamThoiCongTac, d(2026, 3, 1), false),
            ("work, a full year", TamThoiCongTac, d(2027, 1, 1), false),
            ("work, under a year", TamThoiCongTac, d(2026, 12, 31), true),
            ("study, 2 years", TamThoiHocTap, d(2028, 1, 1), true),
            ("study, over 2 years", TamThoiHocTap, d(2028, 1, 2), false),
            ("official is not temporary", ChinhThuc, d(2026, 6, 1), false),
        ];
        for (name, kind, to, ok) in cases {
            assert_eq!(temporary_length_ok(kind, from, to), ok, "{name}");
        }
    }

    #[test]
    fn official_transfer_deadline_is_sixty_working_days() {
        // 2026-03-02 is a Monday; 60 working days with no holidays is 12 weeks later.
        let cal = WorkingCalendar::plain();
        assert_eq!(transfer_deadline(&cal, d(2026, 3, 2)), d(2026, 5, 25));
        assert!(TransferKind::ChinhThuc.moves_registration());
    }
}

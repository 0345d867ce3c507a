//! Leaving the rolls: striking the name (xóa tên), resignation and death. Expulsion
//! (khai trừ) is a discipline outcome and is recorded by that workflow.
//!
//! Sources: Charter Art. 8 and QĐ 24 (domain.md §2.8) for the cases of xóa tên; the QĐ 24
//! list was read from a garbled secondary source and should be checked against the text.

use crate::enums::{Enumeration, MemberStatus, enumeration};
use serde::{Deserialize, Serialize};

enumeration!(
    /// How a member leaves, recorded through the lifecycle workflow.
    ExitKind, "hinh_thuc_ra", {
        /// Name struck from the rolls.
        XoaTen => "XOA_TEN", "Xóa tên";
        /// Left the Party at their own request.
        RaKhoiDang => "RA_KHOI_DANG", "Ra khỏi Đảng";
        /// Deceased.
        TuTran => "TU_TRAN", "Từ trần";
    }
);

impl ExitKind {
    /// The member status from the exit's date on.
    pub fn status(self) -> MemberStatus {
        match self {
            Self::XoaTen => MemberStatus::XoaTen,
            Self::RaKhoiDang => MemberStatus::RaKhoiDang,
            Self::TuTran => MemberStatus::TuTran,
        }
    }

    /// Whether the exit must name a [`StrikeOffCase`].
    pub fn needs_case(self) -> bool {
        matches!(self, Self::XoaTen)
    }
}

enumeration!(
    /// The Charter's cases for striking a name (QĐ 24, Charter Art. 8).
    StrikeOffCase, "truong_hop_xoa_ten", {
        /// Quit cell activities or did not pay dues three months in a year without good reason.
        BoSinhHoat => "BO_SINH_HOAT", "Bỏ sinh hoạt hoặc không đóng đảng phí 3 tháng trong năm";
        /// Handed in or destroyed the party card of their own will.
        NopTheDang => "NOP_THE_DANG", "Tự ý nộp lại hoặc hủy thẻ đảng";
        /// Weakened will, educated by the cell for 12 months without progress.
        GiamSutYChi => "GIAM_SUT_Y_CHI", "Giảm sút ý chí, đã giáo dục 12 tháng không tiến bộ";
        /// Did not meet membership standards two years running.
        KhongDuTieuChuan => "KHONG_DU_TIEU_CHUAN", "Hai năm liền không đủ tư cách đảng viên";
        /// Does not meet the political standards set by the Politburo.
        TieuChuanChinhTri => "TIEU_CHUAN_CHINH_TRI", "Không đủ tiêu chuẩn chính trị";
        /// A probationary member not recognized at the end of probation.
        DuBiKhongDat => "DU_BI_KHONG_DAT", "Đảng viên dự bị không đủ điều kiện công nhận chính thức";
    }
);

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn every_exit_ends_membership_and_only_xoa_ten_needs_a_case() {
        for kind in ExitKind::ALL {
            assert!(!kind.status().counts_as_member(), "{kind}");
            assert_eq!(kind.needs_case(), *kind == ExitKind::XoaTen);
        }
        assert_eq!(ExitKind::parse("Từ trần").unwrap(), ExitKind::TuTran);
    }
}

//! The labels of the "trong sạch, vững mạnh" scheme (until 2017), kept verbatim on the
//! ratings of those years and mapped to the four levels for statistics.
//!
//! Sources: HD 20-HD/BTCTW (2008), HD 27-HD/BTCTW (2014), domain.md §3.5. The full lists are
//! [I] (recalled, to verify against the texts before migrating real history); the mapping is
//! the one domain.md suggests: "Trong sạch, vững mạnh" (and its "tiêu biểu") counts as
//! HTXSNV, "Yếu kém" as KHTNV, the others as their namesakes.

use crate::enums::{Enumeration, Rating, enumeration};
use serde::{Deserialize, Serialize};

enumeration!(
    /// A grassroots organization's rating before 2018.
    LegacyOrgLabel, "xep_loai_to_chuc_cu", {
        /// Clean and strong, exemplary.
        TsvmTieuBieu => "TSVM_TIEU_BIEU", "Trong sạch, vững mạnh tiêu biểu";
        /// Clean and strong.
        Tsvm => "TSVM", "Trong sạch, vững mạnh";
        /// Completed duties well.
        HoanThanhTot => "HOAN_THANH_TOT", "Hoàn thành tốt nhiệm vụ";
        /// Completed duties.
        HoanThanh => "HOAN_THANH", "Hoàn thành nhiệm vụ";
        /// Weak.
        YeuKem => "YEU_KEM", "Yếu kém";
    }
);

enumeration!(
    /// A member's rating before 2018.
    LegacyMemberLabel, "xep_loai_dang_vien_cu", {
        /// Fit, completed duties excellently.
        XuatSac => "DU_TU_CACH_XUAT_SAC", "Đủ tư cách, hoàn thành xuất sắc nhiệm vụ";
        /// Fit, completed duties well.
        Tot => "DU_TU_CACH_TOT", "Đủ tư cách, hoàn thành tốt nhiệm vụ";
        /// Fit, completed duties with shortcomings.
        HanChe => "DU_TU_CACH_HAN_CHE", "Đủ tư cách, hoàn thành nhiệm vụ nhưng còn hạn chế";
        /// In breach, or did not complete duties.
        ViPham => "VI_PHAM_TU_CACH", "Vi phạm tư cách hoặc không hoàn thành nhiệm vụ";
    }
);

impl LegacyOrgLabel {
    /// The level this label counts as in statistics.
    pub fn level(self) -> Rating {
        match self {
            Self::TsvmTieuBieu | Self::Tsvm => Rating::Htxsnv,
            Self::HoanThanhTot => Rating::Httnv,
            Self::HoanThanh => Rating::Htnv,
            Self::YeuKem => Rating::Khtnv,
        }
    }

    /// The label of a level, as a round of the old scheme records it.
    pub fn of_level(level: Rating) -> Self {
        match level {
            Rating::Htxsnv => Self::Tsvm,
            Rating::Httnv => Self::HoanThanhTot,
            Rating::Htnv => Self::HoanThanh,
            Rating::Khtnv => Self::YeuKem,
        }
    }
}

impl LegacyMemberLabel {
    /// The level this label counts as in statistics.
    pub fn level(self) -> Rating {
        match self {
            Self::XuatSac => Rating::Htxsnv,
            Self::Tot => Rating::Httnv,
            Self::HanChe => Rating::Htnv,
            Self::ViPham => Rating::Khtnv,
        }
    }

    /// The label of a level, as a round of the old scheme records it.
    pub fn of_level(level: Rating) -> Self {
        match level {
            Rating::Htxsnv => Self::XuatSac,
            Rating::Httnv => Self::Tot,
            Rating::Htnv => Self::HanChe,
            Rating::Khtnv => Self::ViPham,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn old_labels_map_to_the_four_levels_and_back() {
        assert_eq!(LegacyOrgLabel::TsvmTieuBieu.level(), Rating::Htxsnv);
        assert_eq!(LegacyOrgLabel::YeuKem.level(), Rating::Khtnv);
        for level in Rating::ALL {
            assert_eq!(LegacyOrgLabel::of_level(*level).level(), *level);
            assert_eq!(LegacyMemberLabel::of_level(*level).level(), *level);
        }
        assert_eq!(
            LegacyMemberLabel::HanChe.label_vi(),
            "Đủ tư cách, hoàn thành nhiệm vụ nhưng còn hạn chế"
        );
    }
}

//! The enumerations of interchange format v1, with their codes and Vietnamese labels.
//!
//! A value is accepted as its code or as its Vietnamese label, matched the way headers are
//! (see [`crate::text::header_key`]), so `Hoàn thành tốt nhiệm vụ`, `HTTNV` and `httnv` agree.

use crate::error::DomainError;
use crate::text::header_key;
use serde::{Deserialize, Serialize};

/// Behaviour shared by every enumeration of the interchange format.
pub trait Enumeration: Sized + Copy + 'static {
    /// Every value, in display order.
    const ALL: &'static [Self];
    /// The column key used in error messages.
    const FIELD: &'static str;
    /// The stable code (`DANG_BO_CO_SO`).
    fn code(self) -> &'static str;
    /// The Vietnamese label (`Đảng bộ cơ sở`).
    fn label_vi(self) -> &'static str;

    /// Parses a code or a Vietnamese label.
    fn parse(raw: &str) -> Result<Self, DomainError> {
        let key = header_key(raw);
        if key.is_empty() {
            return Err(DomainError::Required { field: Self::FIELD });
        }
        Self::ALL
            .iter()
            .copied()
            .find(|v| header_key(v.code()) == key || header_key(v.label_vi()) == key)
            .ok_or_else(|| DomainError::invalid(Self::FIELD, raw.trim(), "unknown value"))
    }

    /// Parses a stored code (exact match), as read back from the database.
    fn from_code(code: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.code() == code)
    }
}

macro_rules! enumeration {
    ($(#[$doc:meta])* $name:ident, $field:literal, { $($(#[$vdoc:meta])* $variant:ident => $code:literal, $label:literal;)+ }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum $name {
            $($(#[$vdoc])* #[serde(rename = $code)] $variant,)+
        }

        impl Enumeration for $name {
            const ALL: &'static [Self] = &[$(Self::$variant,)+];
            const FIELD: &'static str = $field;
            fn code(self) -> &'static str {
                match self { $(Self::$variant => $code,)+ }
            }
            fn label_vi(self) -> &'static str {
                match self { $(Self::$variant => $label,)+ }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.code())
            }
        }
    };
}

/// Lets the capability folders declare their enumerations the same way
/// (`use crate::enums::enumeration;`).
pub(crate) use enumeration;

enumeration!(
    /// The type of a Party organization (`to_chuc.loai`).
    OrgType, "loai", {
        /// Provincial Party organization.
        Tinh => "TINH", "Đảng bộ tỉnh";
        /// District Party organization (historical: abolished on 2025-07-01).
        Huyen => "HUYEN", "Đảng bộ huyện";
        /// Commune-level Party committee, superior of grassroots organizations (since 2025).
        Xa => "XA", "Đảng bộ xã";
        /// Grassroots Party committee (≥ 30 members, with cells).
        DangBoCoSo => "DANG_BO_CO_SO", "Đảng bộ cơ sở";
        /// Grassroots cell directly under the superior level.
        ChiBoCoSo => "CHI_BO_CO_SO", "Chi bộ cơ sở";
        /// Sub-committee inside a grassroots committee, grouping cells.
        DangBoBoPhan => "DANG_BO_BO_PHAN", "Đảng bộ bộ phận";
        /// Cell under a grassroots committee or a sub-committee.
        ChiBoTrucThuoc => "CHI_BO_TRUC_THUOC", "Chi bộ trực thuộc";
        /// Party group inside a large cell.
        ToDang => "TO_DANG", "Tổ đảng";
    }
);

impl OrgType {
    /// Grassroots organizations (tổ chức cơ sở đảng): the first figure of a term report.
    pub fn is_grassroots(self) -> bool {
        matches!(self, Self::DangBoCoSo | Self::ChiBoCoSo)
    }

    /// Cells, where members are officially registered.
    pub fn registers_members(self) -> bool {
        matches!(self, Self::ChiBoCoSo | Self::ChiBoTrucThuoc)
    }
}

enumeration!(
    /// A member's status (`dang_vien.trang_thai`).
    MemberStatus, "trang_thai", {
        /// Active (the default).
        DangSinhHoat => "DANG_SINH_HOAT", "Đang sinh hoạt";
        /// Exempted from Party work and activities; still a member.
        MienSinhHoat => "MIEN_SINH_HOAT", "Miễn sinh hoạt";
        /// Transferred out of this installation.
        ChuyenDi => "CHUYEN_DI", "Chuyển đi";
        /// Name struck from the rolls.
        XoaTen => "XOA_TEN", "Xóa tên";
        /// Expelled.
        KhaiTru => "KHAI_TRU", "Khai trừ";
        /// Left the Party at their own request.
        RaKhoiDang => "RA_KHOI_DANG", "Ra khỏi Đảng";
        /// Deceased.
        TuTran => "TU_TRAN", "Từ trần";
    }
);

impl MemberStatus {
    /// Whether a person with this status counts as a Party member (active or exempted).
    pub fn counts_as_member(self) -> bool {
        matches!(self, Self::DangSinhHoat | Self::MienSinhHoat)
    }
}

enumeration!(
    /// A yearly quality rating (`xep_loai`), the four levels.
    Rating, "xep_loai", {
        /// Completed duties excellently.
        Htxsnv => "HTXSNV", "Hoàn thành xuất sắc nhiệm vụ";
        /// Completed duties well.
        Httnv => "HTTNV", "Hoàn thành tốt nhiệm vụ";
        /// Completed duties.
        Htnv => "HTNV", "Hoàn thành nhiệm vụ";
        /// Did not complete duties.
        Khtnv => "KHTNV", "Không hoàn thành nhiệm vụ";
    }
);

impl Rating {
    /// "Good or better" of the summary report: `HTXSNV` or `HTTNV`.
    pub fn is_good_or_better(self) -> bool {
        matches!(self, Self::Htxsnv | Self::Httnv)
    }

    /// "Completed or better" of the summary report: anything but `KHTNV`.
    pub fn is_completed_or_better(self) -> bool {
        !matches!(self, Self::Khtnv)
    }
}

enumeration!(
    /// Sex as recorded on the member sheet (`gioi_tinh`).
    Gender, "gioi_tinh", {
        /// Male.
        Nam => "NAM", "Nam";
        /// Female.
        Nu => "NU", "Nữ";
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_vietnamese_labels_both_parse() {
        assert_eq!(
            Rating::parse("Hoàn thành tốt nhiệm vụ").unwrap(),
            Rating::Httnv
        );
        assert_eq!(Rating::parse("httnv").unwrap(), Rating::Httnv);
        assert_eq!(
            OrgType::parse("Chi bộ trực thuộc").unwrap(),
            OrgType::ChiBoTrucThuoc
        );
        assert_eq!(
            OrgType::parse("dang-bo-co-so").unwrap(),
            OrgType::DangBoCoSo
        );
        assert_eq!(Gender::parse("Nữ").unwrap(), Gender::Nu);
        assert_eq!(
            MemberStatus::parse("Từ trần").unwrap(),
            MemberStatus::TuTran
        );
    }

    #[test]
    fn decomposed_labels_parse_like_composed_ones() {
        let nfd = "Hoa\u{300}n tha\u{300}nh nhie\u{323}\u{302}m vu\u{323}";
        assert_eq!(Rating::parse(nfd).unwrap(), Rating::Htnv);
    }

    #[test]
    fn unknown_values_name_the_field() {
        let err = Rating::parse("Giỏi").unwrap_err();
        assert!(err.to_string().contains("xep_loai"));
        assert!(matches!(
            OrgType::parse(" "),
            Err(DomainError::Required { field: "loai" })
        ));
    }

    #[test]
    fn report_categories_follow_the_spec() {
        assert!(OrgType::ChiBoCoSo.is_grassroots() && !OrgType::ChiBoTrucThuoc.is_grassroots());
        assert!(MemberStatus::MienSinhHoat.counts_as_member());
        assert!(!MemberStatus::ChuyenDi.counts_as_member());
        assert!(Rating::Httnv.is_good_or_better() && !Rating::Htnv.is_good_or_better());
        assert!(Rating::Htnv.is_completed_or_better() && !Rating::Khtnv.is_completed_or_better());
    }
}

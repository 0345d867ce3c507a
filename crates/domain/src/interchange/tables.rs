//! The five tables of interchange v1 and their columns, as `docs/interchange-format.md`
//! lists them, and the two optional history tables this project adds (documented in
//! `docs/interchange-format.md`): v1 keeps only the present superior and status, so an export
//! without them would lose the history the reports count. The column order here is the
//! order of the format (and of exported files).

use crate::text::header_key;
use serde::{Serialize, Serializer};

/// A column of a table: its key and whether every row must give a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    /// The column key (`ho_ten`); headers match it after [`header_key`].
    pub key: &'static str,
    /// Whether a value is required in every row.
    pub required: bool,
}

const fn req(key: &'static str) -> Column {
    Column {
        key,
        required: true,
    }
}

const fn opt(key: &'static str) -> Column {
    Column {
        key,
        required: false,
    }
}

const TO_CHUC: &[Column] = &[
    req("ma"),
    req("ten"),
    req("loai"),
    opt("ma_cap_tren"),
    opt("ngay_thanh_lap"),
    opt("ngay_giai_the"),
    opt("ma_sap_nhap_vao"),
];

const DANG_VIEN: &[Column] = &[
    req("ma"),
    req("ho_ten"),
    req("gioi_tinh"),
    req("ngay_sinh"),
    opt("dan_toc"),
    opt("ton_giao"),
    opt("so_cccd"),
    opt("que_quan"),
    req("ngay_vao_dang"),
    opt("ngay_chinh_thuc"),
    req("ma_to_chuc"),
    opt("trang_thai"),
    opt("ngay_trang_thai"),
];

const CHUYEN_SINH_HOAT: &[Column] = &[
    req("ma_dang_vien"),
    req("ngay"),
    req("tu_to_chuc"),
    req("den_to_chuc"),
];

const DANH_GIA_DANG_VIEN: &[Column] = &[
    req("nam"),
    req("ma_dang_vien"),
    req("xep_loai"),
    opt("diem"),
];

const DANH_GIA_TO_CHUC: &[Column] = &[req("nam"), req("ma_to_chuc"), req("xep_loai"), opt("diem")];

const CAP_TREN_TO_CHUC: &[Column] = &[
    req("ma_to_chuc"),
    req("ngay"),
    opt("tu_cap_tren"),
    opt("den_cap_tren"),
];

const TRANG_THAI_DANG_VIEN: &[Column] = &[req("ma_dang_vien"), req("ngay"), req("trang_thai")];

const BAT_DAU_SINH_HOAT: &[Column] = &[req("ma_dang_vien"), req("ngay"), req("ma_to_chuc")];

const NGAY_NGHI: &[Column] = &[req("ngay"), req("loai"), opt("ten")];

const HO_SO_KET_NAP: &[Column] = &[
    req("ma"),
    req("ho_ten"),
    req("gioi_tinh"),
    req("ngay_sinh"),
    opt("dan_toc"),
    req("ma_chi_bo"),
    opt("ngay_vao_danh_sach"),
    opt("ma_nguoi_gioi_thieu_1"),
    opt("ma_nguoi_gioi_thieu_2"),
    opt("ngay_nghi_quyet_chi_bo"),
    opt("ngay_quyet_dinh"),
    opt("so_quyet_dinh"),
    opt("ngay_ket_nap"),
    opt("ma_dang_vien"),
    opt("ket_thuc"),
    opt("ngay_ket_thuc"),
];

const KET_QUA_THANG: &[Column] = &[
    req("ma_dang_vien"),
    req("thang"),
    req("muc"),
    opt("ghi_chu"),
];

const CAM_KET: &[Column] = &[
    req("ma"),
    req("nam"),
    req("ma_to_chuc"),
    req("ma_nguoi_ky"),
    req("chuc_vu"),
    opt("ma_nguoi_nhan"),
    req("noi_dung"),
    req("ngay_ky"),
    opt("ket_qua"),
    opt("ngay_danh_gia"),
];

/// A table of interchange v1 (a sheet of the workbook or a `<table>.csv` file).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Table {
    /// `to_chuc`: organizations.
    ToChuc,
    /// `dang_vien`: members.
    DangVien,
    /// `chuyen_sinh_hoat`: official transfers between organizations.
    ChuyenSinhHoat,
    /// `danh_gia_dang_vien`: yearly ratings of members.
    DanhGiaDangVien,
    /// `danh_gia_to_chuc`: yearly ratings of organizations.
    DanhGiaToChuc,
    /// `cap_tren_to_chuc` (extension): changes of an organization's superior.
    CapTrenToChuc,
    /// `trang_thai_dang_vien` (extension): every status change of a member.
    TrangThaiDangVien,
    /// `bat_dau_sinh_hoat` (extension): the day a member's first registration here began.
    BatDauSinhHoat,
    /// `ngay_nghi` (v2): days of the working-day calendar.
    NgayNghi,
    /// `ho_so_ket_nap` (v2): admission dossiers.
    HoSoKetNap,
    /// `ket_qua_thang` (v2): members' monthly results.
    KetQuaThang,
    /// `cam_ket` (v2): signed commitments of heads and deputies.
    CamKet,
}

impl Table {
    /// The five tables of v1, in import order (organizations before what refers to them):
    /// the sheets of the blank template.
    pub const ALL: [Table; 5] = [
        Table::ToChuc,
        Table::DangVien,
        Table::ChuyenSinhHoat,
        Table::DanhGiaDangVien,
        Table::DanhGiaToChuc,
    ];

    /// The optional history tables this project adds to v1 (`docs/interchange-format.md`).
    pub const EXTENSIONS: [Table; 3] = [
        Table::CapTrenToChuc,
        Table::TrangThaiDangVien,
        Table::BatDauSinhHoat,
    ];

    /// The tables of interchange v2 read and exported so far (`docs/interchange-format.md`).
    pub const V2: [Table; 4] = [
        Table::NgayNghi,
        Table::HoSoKetNap,
        Table::KetQuaThang,
        Table::CamKet,
    ];

    /// Every table read and exported: v1's five, the extensions, then v2's.
    pub fn every() -> impl Iterator<Item = Table> {
        Table::ALL
            .into_iter()
            .chain(Table::EXTENSIONS)
            .chain(Table::V2)
    }

    /// Whether the table is one of this project's extensions of v1.
    pub fn is_extension(self) -> bool {
        Table::EXTENSIONS.contains(&self)
    }

    /// The table name: the sheet name, and the file name without `.csv`.
    pub fn name(self) -> &'static str {
        match self {
            Table::ToChuc => "to_chuc",
            Table::DangVien => "dang_vien",
            Table::ChuyenSinhHoat => "chuyen_sinh_hoat",
            Table::DanhGiaDangVien => "danh_gia_dang_vien",
            Table::DanhGiaToChuc => "danh_gia_to_chuc",
            Table::CapTrenToChuc => "cap_tren_to_chuc",
            Table::TrangThaiDangVien => "trang_thai_dang_vien",
            Table::BatDauSinhHoat => "bat_dau_sinh_hoat",
            Table::NgayNghi => "ngay_nghi",
            Table::HoSoKetNap => "ho_so_ket_nap",
            Table::KetQuaThang => "ket_qua_thang",
            Table::CamKet => "cam_ket",
        }
    }

    /// The columns of the table, in the order of the format.
    pub fn columns(self) -> &'static [Column] {
        match self {
            Table::ToChuc => TO_CHUC,
            Table::DangVien => DANG_VIEN,
            Table::ChuyenSinhHoat => CHUYEN_SINH_HOAT,
            Table::DanhGiaDangVien => DANH_GIA_DANG_VIEN,
            Table::DanhGiaToChuc => DANH_GIA_TO_CHUC,
            Table::CapTrenToChuc => CAP_TREN_TO_CHUC,
            Table::TrangThaiDangVien => TRANG_THAI_DANG_VIEN,
            Table::BatDauSinhHoat => BAT_DAU_SINH_HOAT,
            Table::NgayNghi => NGAY_NGHI,
            Table::HoSoKetNap => HO_SO_KET_NAP,
            Table::KetQuaThang => KET_QUA_THANG,
            Table::CamKet => CAM_KET,
        }
    }

    /// The column whose key is `key` (exact, already a column key).
    pub fn column(self, key: &str) -> Option<Column> {
        self.columns().iter().copied().find(|c| c.key == key)
    }

    /// The table named by a sheet or file name, matched like headers; a `.csv` ending is
    /// ignored, so `Dang vien.csv`, `dang_vien` and `DANG-VIEN` all name `dang_vien`.
    pub fn from_name(raw: &str) -> Option<Table> {
        let trimmed = raw.trim();
        let stem = match trimmed.len().checked_sub(4) {
            Some(cut)
                if trimmed.is_char_boundary(cut) && trimmed[cut..].eq_ignore_ascii_case(".csv") =>
            {
                &trimmed[..cut]
            }
            _ => trimmed,
        };
        let key = header_key(stem);
        Table::every().find(|t| t.name() == key)
    }
}

impl std::fmt::Display for Table {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl Serialize for Table {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_and_file_names_match_like_headers() {
        assert_eq!(Table::from_name("dang_vien"), Some(Table::DangVien));
        assert_eq!(Table::from_name("Đảng viên.CSV"), Some(Table::DangVien));
        assert_eq!(Table::from_name(" TO-CHUC "), Some(Table::ToChuc));
        assert_eq!(
            Table::from_name("Chuyển sinh hoạt"),
            Some(Table::ChuyenSinhHoat)
        );
        assert_eq!(Table::from_name("danh_gia"), None);
        assert_eq!(
            Table::from_name("Cấp trên tổ chức"),
            Some(Table::CapTrenToChuc)
        );
        assert!(Table::TrangThaiDangVien.is_extension() && !Table::DangVien.is_extension());
        assert_eq!(Table::from_name(".csv"), None);
    }

    #[test]
    fn every_table_has_its_code_column_required() {
        for table in Table::every() {
            assert!(table.columns().iter().any(|c| c.required));
            assert_eq!(Table::from_name(table.name()), Some(table));
        }
        assert_eq!(
            Table::DangVien.column("so_cccd").map(|c| c.required),
            Some(false)
        );
        assert_eq!(
            Table::DangVien.column("ma_to_chuc").map(|c| c.required),
            Some(true)
        );
    }
}

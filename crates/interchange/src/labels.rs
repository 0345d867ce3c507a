//! Vietnamese labels of the columns, for the header row of the blank template.
//!
//! Headers match column keys after [`dangvu_domain::text::header_key`], so a template whose
//! header row reads `Họ tên`, `Ngày vào Đảng` imports exactly like one that reads `ho_ten`,
//! `ngay_vao_dang`, while people filling it in read their own language.

/// The Vietnamese label of a column key (the key itself for a key without one).
pub fn column_label(key: &str) -> &str {
    match key {
        "ma" => "Mã",
        "ten" => "Tên",
        "loai" => "Loại",
        "ma_cap_tren" => "Mã cấp trên",
        "ngay_thanh_lap" => "Ngày thành lập",
        "ngay_giai_the" => "Ngày giải thể",
        "ma_sap_nhap_vao" => "Mã sáp nhập vào",
        "ho_ten" => "Họ tên",
        "gioi_tinh" => "Giới tính",
        "ngay_sinh" => "Ngày sinh",
        "dan_toc" => "Dân tộc",
        "ton_giao" => "Tôn giáo",
        "so_cccd" => "Số CCCD",
        "que_quan" => "Quê quán",
        "ngay_vao_dang" => "Ngày vào Đảng",
        "ngay_chinh_thuc" => "Ngày chính thức",
        "ma_to_chuc" => "Mã tổ chức",
        "trang_thai" => "Trạng thái",
        "ngay_trang_thai" => "Ngày trạng thái",
        "ma_dang_vien" => "Mã đảng viên",
        "ngay" => "Ngày",
        "tu_to_chuc" => "Từ tổ chức",
        "den_to_chuc" => "Đến tổ chức",
        "nam" => "Năm",
        "xep_loai" => "Xếp loại",
        "diem" => "Điểm",
        "tu_cap_tren" => "Từ cấp trên",
        "den_cap_tren" => "Đến cấp trên",
        "ma_chi_bo" => "Mã chi bộ",
        "ngay_vao_danh_sach" => "Ngày vào danh sách",
        "ma_nguoi_gioi_thieu_1" => "Mã người giới thiệu 1",
        "ma_nguoi_gioi_thieu_2" => "Mã người giới thiệu 2",
        "ngay_nghi_quyet_chi_bo" => "Ngày nghị quyết chi bộ",
        "ngay_quyet_dinh" => "Ngày quyết định",
        "so_quyet_dinh" => "Số quyết định",
        "ngay_ket_nap" => "Ngày kết nạp",
        "ket_thuc" => "Kết thúc",
        "ngay_ket_thuc" => "Ngày kết thúc",
        "thang" => "Tháng",
        "muc" => "Mức",
        "ghi_chu" => "Ghi chú",
        "ma_nguoi_ky" => "Mã người ký",
        "chuc_vu" => "Chức vụ",
        "ma_nguoi_nhan" => "Mã người nhận",
        "noi_dung" => "Nội dung",
        "ngay_ky" => "Ngày ký",
        "ket_qua" => "Kết quả",
        "ngay_danh_gia" => "Ngày đánh giá",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dangvu_domain::interchange::Table;
    use dangvu_domain::text::header_key;

    #[test]
    fn every_label_folds_to_its_column_key() {
        for table in Table::every() {
            for column in table.columns() {
                let label = column_label(column.key);
                assert_ne!(label, column.key, "{} has no Vietnamese label", column.key);
                assert_eq!(header_key(label), column.key, "{label}");
            }
        }
    }
}

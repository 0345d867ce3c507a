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

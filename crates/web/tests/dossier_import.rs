//! The import page with a `ho_so_ket_nap` file, over the real router on every backend: the
//! preview counts the dossiers and lists the findings of the rows it keeps (a late
//! admission decision, no awareness course), in the page's language.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;
#[path = "transfer_support/mod.rs"]
mod transfer_support;

use support::backends;
use transfer_support::*;

const FILE: &str = "ma,ho_ten,gioi_tinh,ngay_sinh,dan_toc,ma_chi_bo,ngay_vao_danh_sach,\
ma_nguoi_gioi_thieu_1,ma_nguoi_gioi_thieu_2,ngay_nghi_quyet_chi_bo,ngay_quyet_dinh,\
so_quyet_dinh,ngay_ket_nap,ma_dang_vien,ket_thuc,ngay_ket_thuc
HS-W1,Lò Văn Páo,NAM,1990-01-01,Thái,VX.01.01,2019-01-02,,,2019-06-03,2020-01-06,,,,,
";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_dossier_file_previews_with_its_findings() {
    let _serial = one_at_a_time().await;
    for demo in backends() {
        let session = demo.session("quantri");
        let app = demo.anonymous();
        let (_, preview) = upload(&app, &session, &[("ho_so_ket_nap.csv", FILE.as_bytes())]).await;
        assert!(preview.has("Xem trước kết quả nhập"), "{}", preview.body);
        assert_eq!(
            counts_row(&preview, "ho_so_ket_nap"),
            "1|1|0|0",
            "{}",
            demo.label
        );
        assert!(preview.has("Hồ sơ kết nạp đảng viên"));
        assert!(
            preview.has("class=\"data import-findings\""),
            "{}",
            preview.body
        );
        assert!(preview.has("Quyết định kết nạp muộn hơn 60 ngày làm việc"));
        assert!(preview.has("lớp nhận thức về Đảng"));
    }
}

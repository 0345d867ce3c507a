//! Historical ratings imported through the import page on every backend: a file that
//! breaks the quota of a grassroots organization and the linkage of a cell's level to its
//! members' is imported (history as it happened) and its preview reports both, each with
//! the rule's message.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;
#[path = "transfer_support/mod.rs"]
mod transfer_support;

use support::backends;
use transfer_support::*;

// VX.28, a grassroots cell, had 2 HTXSNV and 10 HTTNV members in 2019 (at most 2 allowed)
// and one KHTNV member: a third HTXSNV breaks the quota, and the cell rated HTXSNV breaks
// the linkage.
const MEMBERS: &str = "nam,ma_dang_vien,xep_loai\n2019,VX-001101,HTXSNV\n";
const ORGS: &str = "nam,ma_to_chuc,xep_loai\n2019,VX.28,HTXSNV\n";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_quota_and_a_linkage_broken_are_imported_and_reported() {
    let _serial = one_at_a_time().await;
    for demo in backends() {
        let session = demo.session("quantri");
        let app = demo.anonymous();
        let files: &[(&str, &[u8])] = &[
            ("danh_gia_dang_vien.csv", MEMBERS.as_bytes()),
            ("danh_gia_to_chuc.csv", ORGS.as_bytes()),
        ];
        let (_, preview) = upload(&app, &session, files).await;
        assert!(preview.has("Xem trước kết quả nhập"), "{}", preview.body);
        assert!(
            preview.has("class=\"data import-findings\""),
            "{}: {}",
            demo.label,
            preview.body
        );
        assert!(
            preview.has("VX.28, năm 2019: Số đảng viên Hoàn thành xuất sắc nhiệm vụ (3) vượt 20%"),
            "{}",
            preview.body
        );
        assert!(preview.has("HD 21-HD/BTCTW"));
        assert!(
            preview
                .has("VX.28, năm 2019: Xếp loại Hoàn thành xuất sắc nhiệm vụ cần 100% đảng viên"),
            "{}",
            preview.body
        );
    }
}

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

// VX.28, a grassroots cell, rated HTXSNV for 2019 with every member of it HTXSNV but one
// KHTNV: the quota (HTXSNV above 20% of HTTNV) and the linkage (a KHTNV member under an
// organization rated above HTNV) are both broken.
const ORGS: &str = "nam,ma_to_chuc,xep_loai\n2019,VX.28,HTXSNV\n";

/// The members' file: the cell's members on 31 December 2019, the first KHTNV.
async fn members_file(demo: &support::Demo) -> String {
    let list = support::get(
        demo.app(),
        "/api/v1/members?org=VX.28&as_of=2019-12-31&limit=500",
    )
    .await
    .json();
    let mut csv = String::from("nam,ma_dang_vien,xep_loai\n");
    for (i, m) in list["members"].as_array().unwrap().iter().enumerate() {
        let level = if i == 0 { "KHTNV" } else { "HTXSNV" };
        csv.push_str(&format!("2019,{},{level}\n", m["code"].as_str().unwrap()));
    }
    csv
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_quota_and_a_linkage_broken_are_imported_and_reported() {
    let _serial = one_at_a_time().await;
    for demo in backends() {
        let session = demo.session("quantri");
        let app = demo.anonymous();
        let members = members_file(&demo).await;
        let files: &[(&str, &[u8])] = &[
            ("danh_gia_dang_vien.csv", members.as_bytes()),
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
            preview.has("VX.28, năm 2019: Số đảng viên Hoàn thành xuất sắc nhiệm vụ (")
                && preview.has("vượt 20%"),
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

//! `ket_qua_thang` and `cam_ket` as read from a file: keys, references, months, and the
//! outcome that comes with its day (the scope is judged by storage).

use super::support::*;
use crate::Rating;
use crate::interchange::{RawTable, Table};
use crate::ratings::{CommitmentOutcome, Month, Post};

const MONTHLY: &str = "Mã đảng viên,Tháng,Mức,Ghi chú";
const COMMITMENTS: &str = "Mã,Năm,Mã tổ chức,Mã người ký,Chức vụ,Mã người nhận,Nội dung,\
                           Ngày ký,Kết quả,Ngày đánh giá";

fn monthly(rows: &[&str]) -> [RawTable; 3] {
    [
        orgs_with(&[]),
        members(&[BASE_MEMBER]),
        raw(Table::KetQuaThang, MONTHLY, rows),
    ]
}

fn commitments(rows: &[&str]) -> [RawTable; 3] {
    [
        orgs_with(&[]),
        members(&[BASE_MEMBER]),
        raw(Table::CamKet, COMMITMENTS, rows),
    ]
}

#[test]
fn monthly_results_read_by_code_or_label_and_months_as_year_dash_month() {
    let ds = dataset(&monthly(&[
        "M1,2024-03,HTTNV,",
        "M1,2024-04-01,Hoàn thành nhiệm vụ,Vắng một buổi",
    ]));
    let [march, april] = &ds.monthly_results[..] else {
        panic!("two results")
    };
    assert_eq!(
        (march.month, march.level),
        (Month::new(2024, 3).unwrap(), Rating::Httnv)
    );
    assert_eq!(april.month, Month::new(2024, 4).unwrap());
    assert_eq!(april.level, Rating::Htnv);
    assert_eq!(april.note.as_deref(), Some("Vắng một buổi"));
}

#[test]
fn a_month_twice_an_unknown_member_or_a_bad_month_is_refused() {
    let found = problems(&monthly(&["M1,2024-03,HTTNV,", "M1,2024-03,HTNV,"]));
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].row, Some(3));
    only_problem(
        &monthly(&["M9,2024-03,HTTNV,"]),
        Table::KetQuaThang,
        2,
        "ma_dang_vien",
    );
    only_problem(
        &monthly(&["M1,2024-13,HTTNV,"]),
        Table::KetQuaThang,
        2,
        "thang",
    );
    only_problem(
        &monthly(&["M1,2024-03,GIOI,"]),
        Table::KetQuaThang,
        2,
        "muc",
    );
}

#[test]
fn a_commitment_reads_with_its_evaluation() {
    let ds = dataset(&commitments(&[
        "CK1,2020,VX,M1,Bí thư,,Lãnh đạo hoàn thành nghị quyết,15/01/2020,HOAN_THANH,20/12/2020",
        "CK2,2020,VX.01,M1,PHO_BI_THU,M1,Gương mẫu,2020-01-16,,",
    ]));
    let [first, second] = &ds.commitments[..] else {
        panic!("two commitments")
    };
    assert_eq!(first.post, Post::BiThu);
    let evaluation = first.evaluation.unwrap();
    assert_eq!(
        (evaluation.outcome, evaluation.on),
        (CommitmentOutcome::HoanThanh, d("2020-12-20"))
    );
    assert_eq!(second.evaluation, None);
    assert_eq!(second.recipient.as_ref().map(|m| m.as_str()), Some("M1"));
}

#[test]
fn an_outcome_without_its_day_an_early_evaluation_or_unknown_codes_are_refused() {
    let row = "CK1,2020,VX,M1,BI_THU,,Nội dung,15/01/2020,HOAN_THANH,20/12/2020";
    let no_day = row.replace(",20/12/2020", ",");
    only_problem(&commitments(&[&no_day]), Table::CamKet, 2, "ngay_danh_gia");
    let no_outcome = row.replace("HOAN_THANH,", ",");
    only_problem(&commitments(&[&no_outcome]), Table::CamKet, 2, "ket_qua");
    let early = row.replace("20/12/2020", "10/01/2020");
    only_problem(&commitments(&[&early]), Table::CamKet, 2, "ngay_danh_gia");
    let stranger = row.replace(",M1,", ",M9,");
    only_problem(&commitments(&[&stranger]), Table::CamKet, 2, "ma_nguoi_ky");
    let nowhere = row.replace(",VX,", ",HG,");
    only_problem(&commitments(&[&nowhere]), Table::CamKet, 2, "ma_to_chuc");
    let found = problems(&commitments(&[row, row]));
    assert_eq!(found.len(), 1, "{found:#?}");
}

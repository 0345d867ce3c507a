//! `ho_so_ket_nap`: admission dossiers as read from a file (the rules that need stored
//! records are judged by storage; see `crates/app/tests/admissions/dossier_import.rs`).

use super::support::*;
use crate::admissions::Stage;
use crate::interchange::{RawTable, Table};

const HEADER: &str = "Mã,Họ tên,Giới tính,Ngày sinh,Dân tộc,Mã chi bộ,Ngày vào danh sách,\
                      Mã người giới thiệu 1,Mã người giới thiệu 2,Ngày nghị quyết chi bộ,\
                      Ngày quyết định,Số quyết định,Ngày kết nạp,Mã đảng viên,Kết thúc,\
                      Ngày kết thúc";

/// A dossier of VX.01.C1 naming M1 as its introducer and its member (whether their dates
/// agree is judged by storage, with the stored records).
const ROW: &str = "HS1,Lò Thị Mai,Nữ,1996-04-02,Thái,VX.01.C1,10/01/2018,M1,,2018-06-04,\
                   2018-07-02,12-QĐ/ĐU,2018-07-20,M1,,";

fn dossiers(rows: &[&str]) -> RawTable {
    raw(Table::HoSoKetNap, HEADER, rows)
}

fn tables(rows: &[&str]) -> [RawTable; 3] {
    [orgs_with(&[]), members(&[BASE_MEMBER]), dossiers(rows)]
}

#[test]
fn a_row_with_vietnamese_headers_and_labels_becomes_a_dossier() {
    let closed = "HS2,Vàng A Dế,NAM,1990-01-01,,VX.C8,,,,,,,,,Không kết nạp,15/03/2020";
    let ds = dataset(&tables(&[ROW, closed]));
    let [admitted, closed] = &ds.dossiers[..] else {
        panic!("two dossiers")
    };
    assert_eq!(admitted.stage(), Stage::Probationary);
    let decision = admitted.decision.as_ref().unwrap();
    assert_eq!(decision.number.as_deref(), Some("12-QĐ/ĐU"));
    assert_eq!(admitted.member.as_ref().unwrap().as_str(), "M1");
    assert_eq!(admitted.introducers.second, None);
    assert_eq!(closed.stage(), Stage::Closed);
    assert_eq!(closed.closing.as_ref().unwrap().on, d("2020-03-15"));
}

#[test]
fn a_dossier_belongs_to_a_known_cell_and_names_known_members() {
    let committee = ROW.replace("VX.01.C1", "VX.01");
    only_problem(&tables(&[&committee]), Table::HoSoKetNap, 2, "ma_chi_bo");
    let stranger = ROW.replace(",M1,,2018", ",M9,,2018");
    only_problem(
        &tables(&[&stranger]),
        Table::HoSoKetNap,
        2,
        "ma_nguoi_gioi_thieu_1",
    );
}

#[test]
fn a_code_twice_and_halves_of_a_pair_are_refused() {
    let found = problems(&tables(&[ROW, ROW]));
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        (found[0].row, found[0].column.as_deref()),
        (Some(3), Some("ma"))
    );
    let number_alone = ROW
        .replace("2018-07-02,12-QĐ", ",12-QĐ")
        .replace("2018-07-20,M1", ",");
    only_problem(
        &tables(&[&number_alone]),
        Table::HoSoKetNap,
        2,
        "ngay_quyet_dinh",
    );
    let end_alone = "HS2,Vàng A Dế,NAM,1990-01-01,,VX.C8,,,,,,,,,KHONG_KET_NAP,";
    only_problem(&tables(&[end_alone]), Table::HoSoKetNap, 2, "ngay_ket_thuc");
    let day_alone = "HS2,Vàng A Dế,NAM,1990-01-01,,VX.C8,,,,,,,,,,2020-03-15";
    only_problem(&tables(&[day_alone]), Table::HoSoKetNap, 2, "ket_thuc");
}

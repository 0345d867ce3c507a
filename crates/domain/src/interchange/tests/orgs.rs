//! `to_chuc`: organizations.

use super::support::*;
use crate::OrgType;
use crate::dataset::ParentLink;
use crate::interchange::{KnownCodes, KnownOrg, Table, build_dataset_with};
use crate::{OrgCode, Period};

fn code(s: &str) -> OrgCode {
    OrgCode::parse(s).unwrap()
}

#[test]
fn a_row_becomes_an_organization_with_one_superior_from_its_beginning() {
    let ds = dataset(&[orgs_with(&[])]);
    let merged = ds.orgs.iter().find(|o| o.code.as_str() == "VX.C9").unwrap();
    assert_eq!(merged.name, "Chi bộ Trường học");
    assert_eq!(merged.org_type, OrgType::ChiBoCoSo);
    assert_eq!(merged.dissolved_on, Some(d("2020-01-01")));
    assert_eq!(merged.merged_into, Some(code("VX.C8")));
    assert_eq!(
        merged.parents,
        vec![ParentLink {
            since: None,
            parent: Some(code("VX")),
        }]
    );
    assert_eq!(ds.orgs[0].parents[0].parent, None, "VX is a root");
}

#[test]
fn types_may_be_given_as_vietnamese_labels_and_dates_as_dd_mm_yyyy() {
    let ds = dataset(&[orgs_with(&[
        "VX.01.C3,Chi bộ thôn 3,Chi bộ trực thuộc,VX.01,01/03/2021,,",
    ])]);
    let cell = ds.orgs.last().unwrap();
    assert_eq!(cell.org_type, OrgType::ChiBoTrucThuoc);
    assert_eq!(cell.founded_on, Some(d("2021-03-01")));
}

#[test]
fn an_unknown_type_is_a_problem() {
    let tables = [orgs_with(&["VX.02,Đảng bộ xã 2,ĐẢNG ỦY,VX,,,"])];
    let problem = only_problem(&tables, Table::ToChuc, 8, "loai");
    assert_eq!(problem.value, "ĐẢNG ỦY");
    assert!(
        problem.reason_vi.contains("Chi bộ trực thuộc"),
        "lists the labels"
    );
}

#[test]
fn a_missing_name_is_a_problem() {
    only_problem(
        &[orgs_with(&["VX.02, ,DANG_BO_CO_SO,VX,,,"])],
        Table::ToChuc,
        8,
        "ten",
    );
}

#[test]
fn a_code_with_a_space_is_a_problem() {
    only_problem(
        &[orgs_with(&["VX 02,Đảng bộ xã 2,DANG_BO_CO_SO,VX,,,"])],
        Table::ToChuc,
        8,
        "ma",
    );
}

#[test]
fn a_code_longer_than_64_characters_is_a_problem() {
    let long = "VX.".repeat(22);
    let problem = only_problem(
        &[orgs_with(&[&format!("{long},Chi bộ,CHI_BO_CO_SO,VX,,,")])],
        Table::ToChuc,
        8,
        "ma",
    );
    assert!(problem.reason_en.contains("64"), "{}", problem.reason_en);
}

#[test]
fn a_code_used_twice_is_reported_on_the_second_row() {
    let tables = [orgs_with(&["VX.01,Đảng bộ xã khác,DANG_BO_CO_SO,VX,,,"])];
    let problem = only_problem(&tables, Table::ToChuc, 8, "ma");
    assert!(problem.reason_en.contains("row 3"), "{}", problem.reason_en);
}

#[test]
fn an_unknown_superior_is_a_problem() {
    let tables = [orgs_with(&["VX.02,Đảng bộ xã 2,DANG_BO_CO_SO,HG,,,"])];
    assert_eq!(
        only_problem(&tables, Table::ToChuc, 8, "ma_cap_tren").value,
        "HG"
    );
}

#[test]
fn a_superior_may_be_an_existing_organization() {
    let mut known = KnownCodes::none();
    let life = Period::ALWAYS;
    known.orgs.insert(
        code("HG"),
        KnownOrg {
            org_type: OrgType::Tinh,
            life,
        },
    );
    let tables = [orgs_with(&["VX.02,Đảng bộ xã 2,DANG_BO_CO_SO,HG,,,"])];
    let ds = build_dataset_with(&tables, &known).unwrap();
    assert_eq!(ds.orgs.last().unwrap().parents[0].parent, Some(code("HG")));
}

#[test]
fn superiors_that_form_a_cycle_are_a_problem() {
    let tables = [orgs_with(&[
        "A,Chi bộ A,CHI_BO_CO_SO,B,,,",
        "B,Chi bộ B,CHI_BO_CO_SO,A,,,",
    ])];
    let found = problems(&tables);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].column.as_deref(), Some("ma_cap_tren"));
    assert!(matches!(found[0].row, Some(8 | 9)));
}

#[test]
fn an_organization_that_is_its_own_superior_is_a_cycle() {
    only_problem(
        &[orgs_with(&["A,Chi bộ A,CHI_BO_CO_SO,A,,,"])],
        Table::ToChuc,
        8,
        "ma_cap_tren",
    );
}

#[test]
fn every_cycle_is_reported() {
    let tables = [orgs_with(&[
        "A,Chi bộ A,CHI_BO_CO_SO,A,,,",
        "B,Chi bộ B,CHI_BO_CO_SO,B,,,",
    ])];
    assert_eq!(problems(&tables).len(), 2);
}

#[test]
fn a_merger_needs_the_end_date() {
    let tables = [orgs_with(&["VX.C7,Chi bộ 7,CHI_BO_CO_SO,VX,,,VX.C8"])];
    only_problem(&tables, Table::ToChuc, 8, "ma_sap_nhap_vao");
}

#[test]
fn a_merger_into_an_unknown_organization_is_a_problem() {
    let tables = [orgs_with(&[
        "VX.C7,Chi bộ 7,CHI_BO_CO_SO,VX,,2020-01-01,VX.C6",
    ])];
    only_problem(&tables, Table::ToChuc, 8, "ma_sap_nhap_vao");
}

#[test]
fn a_merger_into_an_organization_that_no_longer_exists_is_a_problem() {
    let tables = [orgs_with(&[
        "VX.C7,Chi bộ 7,CHI_BO_CO_SO,VX,,2021-01-01,VX.C9",
    ])];
    only_problem(&tables, Table::ToChuc, 8, "ma_sap_nhap_vao");
}

#[test]
fn an_end_before_the_founding_is_a_problem() {
    let tables = [orgs_with(&[
        "VX.C7,Chi bộ 7,CHI_BO_CO_SO,VX,2020-01-01,31/12/2019,",
    ])];
    only_problem(&tables, Table::ToChuc, 8, "ngay_giai_the");
}

#[test]
fn an_impossible_date_is_a_problem() {
    let tables = [orgs_with(&["VX.C7,Chi bộ 7,CHI_BO_CO_SO,VX,31/02/2020,,"])];
    assert_eq!(
        only_problem(&tables, Table::ToChuc, 8, "ngay_thanh_lap").value,
        "31/02/2020"
    );
}

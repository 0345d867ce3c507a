use super::*;
use crate::admissions::figures::AdmissionFigures;
use crate::codes::OrgCode;

fn params() -> SummaryParams {
    let d = |s| crate::dates::parse_date("d", s).unwrap();
    SummaryParams::new(
        OrgCode::parse("VX").unwrap(),
        d("2015-08-01"),
        d("2020-07-31"),
        None,
    )
    .unwrap()
}

fn summary(years: &[i32]) -> SummaryReport {
    let ratings = years
        .iter()
        .filter_map(|&y| {
            crate::summary::RatingCounts {
                orgs_rated: 1,
                orgs_good: 1,
                members_rated: 2,
                members_completed: 2,
            }
            .into_year(y)
        })
        .collect();
    SummaryReport::new(&params(), crate::summary::Figures::default(), 0, ratings)
}

#[test]
fn the_document_has_every_section_with_zero_counts_and_null_percentages_when_nothing_is_kept() {
    let report = TermReport::assemble(
        summary(&[]),
        TermFigures::default(),
        AdmissionFigures::default(),
    );
    let json = serde_json::to_value(&report).unwrap();
    for key in [
        "org",
        "from",
        "to",
        "as_of",
        "grassroots_orgs",
        "cells_under_grassroots",
        "members",
        "members_probationary",
        "members_exempted",
        "admitted",
        "ratings",
        "rating_levels",
        "admission",
        "commitments",
        "cell_life",
        "education",
        "mass_mobilization",
        "organization",
        "inspection",
    ] {
        assert!(json.get(key).is_some(), "{key} missing");
    }
    assert_eq!(json["cell_life"]["attendance_pct"], serde_json::Value::Null);
    assert_eq!(
        json["cell_life"]["cells_followed_pct"],
        serde_json::Value::Null
    );
    assert_eq!(json["education"]["by_kind"], serde_json::json!([]));
    assert_eq!(
        json["organization"]["cadre_decisions_by_kind"],
        serde_json::json!({"DIEU_DONG": 0, "LUAN_CHUYEN": 0, "BO_NHIEM": 0, "BO_NHIEM_LAI": 0, "MIEN_NHIEM": 0})
    );
    assert_eq!(
        json["inspection"]["member_disciplines_by_form"],
        serde_json::json!({"KHIEN_TRACH": 0, "CANH_CAO": 0, "CACH_CHUC": 0, "KHAI_TRU": 0})
    );
    let text = serde_json::to_string(&report).unwrap();
    let at = |k: &str| text.find(&format!("\"{k}\"")).unwrap();
    assert!(at("ratings") < at("rating_levels") && at("rating_levels") < at("admission"));
    assert!(
        at("org") < at("grassroots_orgs"),
        "the summary's keys come first"
    );
}

#[test]
fn rating_levels_name_the_years_ratings_name_with_every_level_present() {
    let mut levels = LevelCounts::default();
    levels.add(Rating::Httnv, 2);
    let figures = TermFigures {
        rating_levels: vec![
            RatingLevelsYear {
                year: 2016,
                orgs: levels,
                members: levels,
            },
            RatingLevelsYear {
                year: 2017,
                orgs: levels,
                members: levels,
            },
        ],
        ..TermFigures::default()
    };
    let report = TermReport::assemble(summary(&[2016]), figures, AdmissionFigures::default());
    assert_eq!(report.rating_levels.len(), 1);
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(
        json["rating_levels"][0]["orgs"],
        serde_json::json!({"HTXSNV": 0, "HTTNV": 2, "HTNV": 0, "KHTNV": 0})
    );
}

#[test]
fn dossier_figures_and_recognitions_fill_the_admission_section() {
    let dossiers = AdmissionFigures {
        dossiers_decided: 12,
        decided_on_time: 10,
        ceremonies: 11,
        ceremonies_on_time: 9,
    };
    let figures = TermFigures {
        recognized_official: 8,
        merged_orgs: 3,
        ..TermFigures::default()
    };
    let report = TermReport::assemble(summary(&[]), figures, dossiers);
    assert_eq!(report.admission.ceremonies, 11);
    assert_eq!(report.admission.recognized_official, 8);
    assert_eq!(report.organization.merged_orgs, 3);
}

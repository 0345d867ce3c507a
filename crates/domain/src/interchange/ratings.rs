//! The yearly ratings: `danh_gia_dang_vien` and `danh_gia_to_chuc`, one row per year and
//! code.

use super::fields::RowReader;
use super::known::OrgIndex;
use super::problems::{Problem, Reason, report_duplicates};
use super::rows::{Layout, RawTable};
use super::tables::Table;
use crate::codes::MemberCode;
use crate::dataset::{MemberRating, OrgRating};

/// Reads `danh_gia_dang_vien`; `is_member` tells whether a code names a member of the file
/// or an existing one.
pub(crate) fn read_member_ratings(
    raw: &RawTable,
    is_member: impl Fn(&MemberCode) -> bool,
    problems: &mut Vec<Problem>,
) -> Vec<MemberRating> {
    let layout = Layout::match_headers(raw, problems);
    let mut ratings = Vec::new();
    let mut keys = Vec::new();
    for cells in layout.rows(raw) {
        let mut row = RowReader::new(cells, problems);
        let year = row.year("nam");
        let member = row.member_code("ma_dang_vien");
        let rating = row.enumeration("xep_loai");
        let score = row.score("diem");
        if member.as_ref().is_some_and(|m| !is_member(m)) {
            row.report("ma_dang_vien", Reason::unknown_member());
        }
        if let (Some(year), Some(member)) = (year, &member) {
            keys.push(((year, member.clone()), row.number(), member.to_string()));
        }
        if let (Some(year), Some(member), Some(rating)) = (year, member, rating) {
            ratings.push(MemberRating {
                year,
                member,
                rating,
                score,
            });
        }
    }
    report_duplicates(raw.table, "ma_dang_vien", keys, problems);
    ratings
}

/// Reads `danh_gia_to_chuc`; `orgs` resolves `ma_to_chuc`. Any organization may be rated
/// (the summary counts only grassroots ones).
pub(crate) fn read_org_ratings(
    raw: &RawTable,
    orgs: &OrgIndex<'_>,
    problems: &mut Vec<Problem>,
) -> Vec<OrgRating> {
    let layout = Layout::match_headers(raw, problems);
    let mut ratings = Vec::new();
    let mut keys = Vec::new();
    for cells in layout.rows(raw) {
        let mut row = RowReader::new(cells, problems);
        let year = row.year("nam");
        let org = row.org_code("ma_to_chuc");
        let rating = row.enumeration("xep_loai");
        let score = row.score("diem");
        if org.as_ref().is_some_and(|o| !orgs.contains(o)) {
            row.report("ma_to_chuc", Reason::unknown_org());
        }
        if let (Some(year), Some(org)) = (year, &org) {
            keys.push(((year, org.clone()), row.number(), org.to_string()));
        }
        if let (Some(year), Some(org), Some(rating)) = (year, org, rating) {
            ratings.push(OrgRating {
                year,
                org,
                rating,
                score,
            });
        }
    }
    report_duplicates(Table::DanhGiaToChuc, "ma_to_chuc", keys, problems);
    ratings
}

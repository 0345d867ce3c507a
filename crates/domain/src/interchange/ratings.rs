//! The yearly ratings: `danh_gia_dang_vien` and `danh_gia_to_chuc`, one row per year and
//! code.

use super::fields::RowReader;
use super::known::OrgIndex;
use super::problems::{Problem, Reason, report_duplicates};
use super::rows::Cells;
use super::tables::Table;
use crate::codes::{MemberCode, OrgCode};
use crate::dataset::{MemberRating, OrgRating};

/// The rows of `danh_gia_dang_vien` read so far, and their keys (year, member) for the
/// duplicate check at the end.
#[derive(Debug, Default)]
pub(crate) struct MemberRatingRows {
    ratings: Vec<MemberRating>,
    keys: Vec<((i32, MemberCode), usize, String)>,
}

impl MemberRatingRows {
    /// Reads one non-empty row; `is_member` tells whether a code names a member of the
    /// file or an existing one.
    pub fn row(
        &mut self,
        cells: Cells<'_>,
        is_member: impl Fn(&MemberCode) -> bool,
        problems: &mut Vec<Problem>,
    ) {
        let mut row = RowReader::new(cells, problems);
        let year = row.year("nam");
        let member = row.member_code("ma_dang_vien");
        let rating = row.enumeration("xep_loai");
        let score = row.score("diem");
        if member.as_ref().is_some_and(|m| !is_member(m)) {
            row.report("ma_dang_vien", Reason::unknown_member());
        }
        if let (Some(year), Some(member)) = (year, &member) {
            let key = ((year, member.clone()), row.number(), member.to_string());
            self.keys.push(key);
        }
        if let (Some(year), Some(member), Some(rating)) = (year, member, rating) {
            self.ratings.push(MemberRating {
                year,
                member,
                rating,
                score,
            });
        }
    }

    /// Reports repeated (year, member) keys; returns the ratings and their rows (one
    /// each when no row had a problem).
    pub fn finish(self, problems: &mut Vec<Problem>) -> (Vec<MemberRating>, Vec<usize>) {
        let rows = self.keys.iter().map(|(_, row, _)| *row).collect();
        report_duplicates(Table::DanhGiaDangVien, "ma_dang_vien", self.keys, problems);
        (self.ratings, rows)
    }
}

/// The rows of `danh_gia_to_chuc` read so far. Any organization may be rated (the summary
/// counts only grassroots ones).
#[derive(Debug, Default)]
pub(crate) struct OrgRatingRows {
    ratings: Vec<OrgRating>,
    keys: Vec<((i32, OrgCode), usize, String)>,
}

impl OrgRatingRows {
    /// Reads one non-empty row; `orgs` resolves `ma_to_chuc`.
    pub fn row(&mut self, cells: Cells<'_>, orgs: &OrgIndex<'_>, problems: &mut Vec<Problem>) {
        let mut row = RowReader::new(cells, problems);
        let year = row.year("nam");
        let org = row.org_code("ma_to_chuc");
        let rating = row.enumeration("xep_loai");
        let score = row.score("diem");
        if org.as_ref().is_some_and(|o| !orgs.contains(o)) {
            row.report("ma_to_chuc", Reason::unknown_org());
        }
        if let (Some(year), Some(org)) = (year, &org) {
            self.keys
                .push(((year, org.clone()), row.number(), org.to_string()));
        }
        if let (Some(year), Some(org), Some(rating)) = (year, org, rating) {
            self.ratings.push(OrgRating {
                year,
                org,
                rating,
                score,
            });
        }
    }

    /// Reports repeated (year, organization) keys; returns the ratings and their rows.
    pub fn finish(self, problems: &mut Vec<Problem>) -> (Vec<OrgRating>, Vec<usize>) {
        let rows = self.keys.iter().map(|(_, row, _)| *row).collect();
        report_duplicates(Table::DanhGiaToChuc, "ma_to_chuc", self.keys, problems);
        (self.ratings, rows)
    }
}

//! Where each record of a dataset was read: its sheet row, so that a refusal found only
//! against the stored records (outside the caller's scope) names the row to fix like any
//! other problem; and which members' status histories came from rows of their own table,
//! so that the counts of `trang_thai_dang_vien` are counts of its rows.

use crate::codes::MemberCode;
use std::collections::HashSet;

/// The sheet rows of a dataset's records, each list in the order of the dataset's own
/// (row 1 is the header).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SheetRows {
    /// The `to_chuc` row of each organization.
    pub orgs: Vec<usize>,
    /// The `dang_vien` row of each member.
    pub members: Vec<usize>,
    /// The `danh_gia_dang_vien` row of each member rating.
    pub member_ratings: Vec<usize>,
    /// The `danh_gia_to_chuc` row of each organization rating.
    pub org_ratings: Vec<usize>,
    /// The `ho_so_ket_nap` row of each dossier.
    pub dossiers: Vec<usize>,
    /// The `ket_qua_thang` row of each monthly result.
    pub monthly_results: Vec<usize>,
    /// The `cam_ket` row of each commitment.
    pub commitments: Vec<usize>,
    /// Members whose status history the file gave in `trang_thai_dang_vien` (the others'
    /// comes from their `dang_vien` row alone).
    pub status_rows: HashSet<MemberCode>,
}

impl SheetRows {
    /// The row of record `index` of `list`, when known.
    pub fn at(list: &[usize], index: usize) -> Option<usize> {
        list.get(index).copied()
    }
}

//! Superiors must form a tree: following `ma_cap_tren` upwards never comes back.
//!
//! The check uses [`TreeHistory::build`], the same code that later derives the tree, on
//! the file's organizations with their lives left open (so a cycle between organizations
//! that never coexist is still reported: the file says each is the other's superior).
//! Superiors outside the file stand as roots here; their own superiors are stored ones.

use super::orgs::OrgDraft;
use super::problems::{Problem, Reason};
use super::tables::Table;
use crate::codes::OrgCode;
use crate::dataset::OrgRecord;
use crate::enums::OrgType;
use crate::tree::{TreeError, TreeHistory};
use std::collections::HashMap;

/// Reports one organization of every cycle of superiors in the file.
pub(crate) fn check_cycles(drafts: &[OrgDraft], problems: &mut Vec<Problem>) {
    let mut first_rows: HashMap<OrgCode, usize> = HashMap::new();
    for draft in drafts {
        if let Some(code) = &draft.code {
            first_rows.entry(code.clone()).or_insert(draft.row);
        }
    }
    let mut links: Vec<(usize, OrgRecord)> = drafts
        .iter()
        .filter_map(|d| {
            let code = d.code.as_ref()?;
            (first_rows.get(code) == Some(&d.row)).then(|| {
                let parent = d.parent.clone().filter(|p| first_rows.contains_key(p));
                (d.row, link_only(code, parent))
            })
        })
        .collect();
    // Each round finds one cycle and cuts it, so the loop ends within `links.len()` rounds.
    for _ in 0..links.len() {
        let orgs: Vec<OrgRecord> = links.iter().map(|(_, o)| o.clone()).collect();
        let culprit = match TreeHistory::build(&orgs) {
            Ok(_) => return,
            Err(TreeError::Cycle { org } | TreeError::UnknownParent { org, .. }) => org,
        };
        let Some((row, link)) = links.iter_mut().find(|(_, o)| o.code == culprit) else {
            return;
        };
        let parent = link.parents.iter_mut().find_map(|p| p.parent.take());
        let value = parent.map_or_else(String::new, |p| p.to_string());
        problems.push(Problem::cell(
            Table::ToChuc,
            *row,
            "ma_cap_tren",
            &value,
            Reason::new(
                "vòng lặp cấp trên: đi lên theo cấp trên lại quay về tổ chức này",
                "superiors form a cycle: going up from this organization comes back to it",
            ),
        ));
    }
}

/// An organization reduced to what the tree reads: its code and its superior.
fn link_only(code: &OrgCode, parent: Option<OrgCode>) -> OrgRecord {
    // The tree never reads the type; any value serves.
    OrgRecord::standing(code.clone(), String::new(), OrgType::ChiBoCoSo, parent)
}

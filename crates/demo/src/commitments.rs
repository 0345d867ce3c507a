//! Commitments (`cam_ket`) of the heads and deputies of the district and of every
//! commune-level and grassroots committee, yearly 2015–2025, each evaluated in December
//! (about one in twenty-five not met).
//!
//! The demo keeps no record of who holds which post, so the signers are drawn from the
//! organization's members on the signing day: the two longest-serving full members, the
//! first as secretary (`BI_THU`), the second as deputy (`PHO_BI_THU`); the district's pair
//! is left out of the committees' choice that year. A committee's commitments go to the
//! district's secretary (to the commune's from 2025 on for the communes' own committees);
//! the district's name no recipient (the province's leaders are not in the data).

use crate::calendar::ymd;
use dangvu_domain::dataset::{MemberRecord, OrgRecord};
use dangvu_domain::ratings::{Commitment, CommitmentOutcome, Evaluation, Post};
use dangvu_domain::tree::TreeHistory;
use dangvu_domain::{Date, MemberCode, MemberStatus, OrgCode, OrgType};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::collections::HashMap;

/// The first year with commitments.
const FIRST_YEAR: i32 = 2015;
/// The last year with commitments.
const LAST_YEAR: i32 = 2025;

/// Whether the heads of an organization of `kind` sign commitments in the demo.
fn signs(kind: OrgType) -> bool {
    matches!(kind, OrgType::Huyen | OrgType::Xa | OrgType::DangBoCoSo)
}

/// The day an organization's commitments of `year` are signed: mid-January, or two weeks
/// after its founding in that year.
fn signing_day(org: &OrgRecord, year: i32) -> Option<Date> {
    let january = ymd(year, 1, 15);
    let day = match org.founded_on {
        Some(founded) if founded > january => founded.checked_add_days(chrono::Days::new(14))?,
        _ => january,
    };
    (chrono::Datelike::year(&day) == year && org.is_active_on(day)).then_some(day)
}

/// Every commitment of the demo, deterministic from `seed`.
pub(crate) fn commitments(
    orgs: &[OrgRecord],
    members: &[MemberRecord],
    seed: u64,
) -> Vec<Commitment> {
    let Ok(tree) = TreeHistory::build(orgs) else {
        return Vec::new();
    };
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x636f_6d6d_6974);
    let mut out = Vec::new();
    for year in FIRST_YEAR..=LAST_YEAR {
        // Higher levels first, so that the district's pair is chosen before the rest.
        let mut signing: Vec<&OrgRecord> = orgs.iter().filter(|o| signs(o.org_type)).collect();
        signing.sort_by_key(|o| (o.org_type, o.code.clone()));
        let mut taken: Vec<MemberCode> = Vec::new();
        let mut heads: HashMap<OrgCode, MemberCode> = HashMap::new();
        let mut by_day: HashMap<Date, HashMap<OrgCode, Vec<&MemberRecord>>> = HashMap::new();
        for org in signing {
            let Some(day) = signing_day(org, year) else {
                continue;
            };
            let by_org = by_day
                .entry(day)
                .or_insert_with(|| under_each(members, &tree, day));
            let pair = longest_serving(by_org, &org.code, &taken);
            let superior = superior_head(&tree, &org.code, day, &heads);
            for (i, signer) in pair.into_iter().enumerate() {
                let post = if i == 0 { Post::BiThu } else { Post::PhoBiThu };
                if i == 0 {
                    heads.insert(org.code.clone(), signer.clone());
                }
                taken.push(signer.clone());
                out.push(commitment(
                    org,
                    year,
                    day,
                    (signer, post),
                    superior.clone(),
                    &mut rng,
                ));
            }
        }
    }
    out
}

/// The head who receives `org`'s commitments: the secretary of the nearest superior
/// that signed that year.
fn superior_head(
    tree: &TreeHistory,
    org: &OrgCode,
    day: Date,
    heads: &HashMap<OrgCode, MemberCode>,
) -> Option<MemberCode> {
    let chain = tree.chain_on(org, day)?;
    chain
        .iter()
        .rev()
        .filter(|c| *c != org)
        .find_map(|c| heads.get(c).cloned())
}

/// The full members active on `day`, by each organization they are under (their cell
/// and its superiors), admitted first at the front.
fn under_each<'a>(
    members: &'a [MemberRecord],
    tree: &TreeHistory,
    day: Date,
) -> HashMap<OrgCode, Vec<&'a MemberRecord>> {
    let mut by_org: HashMap<OrgCode, Vec<&MemberRecord>> = HashMap::new();
    for m in members {
        if m.official_on.is_none_or(|o| o > day) || m.status_on(day) != MemberStatus::DangSinhHoat {
            continue;
        }
        let chain = m
            .registration_on(day)
            .and_then(|cell| tree.chain_on(cell, day));
        for org in chain.unwrap_or_default() {
            by_org.entry(org.clone()).or_default().push(m);
        }
    }
    for list in by_org.values_mut() {
        list.sort_by_key(|m| (m.admitted_on, m.code.clone()));
    }
    by_org
}

/// The two members of `org`'s subtree admitted first (not in `taken`).
fn longest_serving(
    by_org: &HashMap<OrgCode, Vec<&MemberRecord>>,
    org: &OrgCode,
    taken: &[MemberCode],
) -> Vec<MemberCode> {
    by_org
        .get(org)
        .map(|list| {
            list.iter()
                .filter(|m| !taken.contains(&m.code))
                .take(2)
                .map(|m| m.code.clone())
                .collect()
        })
        .unwrap_or_default()
}

fn commitment(
    org: &OrgRecord,
    year: i32,
    day: Date,
    (signer, post): (MemberCode, Post),
    recipient: Option<MemberCode>,
    rng: &mut impl Rng,
) -> Commitment {
    let content = match post {
        Post::BiThu => format!(
            "Lãnh đạo {} hoàn thành các chỉ tiêu nghị quyết năm {year}; giữ vững đoàn kết \
             nội bộ, không để xảy ra sai phạm; phấn đấu xếp loại hoàn thành tốt nhiệm vụ trở lên",
            org.name
        ),
        _ => format!(
            "Thực hiện tốt nhiệm vụ được phân công năm {year} tại {}; gương mẫu, nêu cao trách \
             nhiệm người đứng đầu lĩnh vực phụ trách",
            org.name
        ),
    };
    let outcome = if rng.random_bool(0.04) {
        CommitmentOutcome::KhongHoanThanh
    } else {
        CommitmentOutcome::HoanThanh
    };
    let suffix = if post == Post::BiThu { "BT" } else { "PBT" };
    Commitment {
        code: format!("CK{year}-{}-{suffix}", org.code),
        year,
        org: org.code.clone(),
        signer,
        post,
        recipient,
        content,
        signed_on: day,
        evaluation: Some(Evaluation {
            outcome,
            on: ymd(year, 12, 20),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heads_and_deputies_sign_every_year_and_a_few_fail() {
        let ds = crate::generate(crate::DEFAULT_SEED);
        let list = &ds.commitments;
        let district: Vec<_> = list.iter().filter(|c| c.org.as_str() == "VX").collect();
        assert_eq!(district.len(), 2 * 11, "two a year, 2015–2025");
        let codes: std::collections::BTreeSet<_> = list.iter().map(|c| &c.code).collect();
        assert_eq!(codes.len(), list.len(), "codes are unique");
        let not_met = list
            .iter()
            .filter(|c| {
                c.evaluation
                    .is_some_and(|e| e.outcome == CommitmentOutcome::KhongHoanThanh)
            })
            .count();
        assert!(not_met > 0 && not_met * 10 < list.len(), "{not_met}");
        for c in list {
            assert_eq!(c.check(), Ok(()), "{}", c.code);
            assert_ne!(Some(&c.signer), c.recipient.as_ref(), "{}", c.code);
        }
        assert!(list.iter().any(|c| c.recipient.is_some()));
    }
}

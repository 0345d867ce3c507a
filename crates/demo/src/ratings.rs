//! Yearly quality ratings, 2015–2025, of grassroots organizations, cells and members.
//!
//! Organizations are rated by rank so the share rated "good or better" is exactly what was
//! drawn for the year (always above the article's 85%). Members are rated from a lasting
//! personal level plus a yearly variation, on the 100-point thresholds of QĐ 366-QĐ/TW
//! (90 / 70 / 50); exempted members are not rated (domain.md §2.7), members who are later
//! struck off or expelled fail in their last years, and at most one member in six of those
//! rated good or better in a grassroots organization is rated excellent (the 20%-of-HTTNV
//! quota of HD 21-HD/BTCTW). Points are only written from 2025, the first year scored.

use crate::district::District;
use crate::draft::Draft;
use crate::pick::normal;
use dangvu_domain::dataset::{MemberRating, OrgRating};
use dangvu_domain::dates::year_end;
use dangvu_domain::ratings::{EligibilityFacts, eligibility, for_year};
use dangvu_domain::{MemberStatus, OrgType, Rating};
use rand::Rng;
use std::collections::BTreeMap;

/// The first year rated.
pub(crate) const FIRST_YEAR: i32 = 2015;
/// The last year rated (2026 is not over at the data end).
pub(crate) const LAST_YEAR: i32 = 2025;
/// The first year rated on the 100-point scale.
const SCORED_FROM: i32 = 2025;

/// Every rating of the demo.
pub(crate) fn rate(
    district: &District,
    drafts: &[Draft],
    rng: &mut impl Rng,
) -> (Vec<MemberRating>, Vec<OrgRating>) {
    let org_level: Vec<f64> = district.orgs.iter().map(|_| normal(rng)).collect();
    let member_level: Vec<f64> = drafts.iter().map(|_| normal(rng)).collect();
    let mut members = Vec::new();
    let mut orgs = Vec::new();
    for year in FIRST_YEAR..=LAST_YEAR {
        let mut year_orgs = rate_orgs(district, &org_level, year, rng);
        let (year_members, by_cell) = rate_members(district, drafts, &member_level, year, rng);
        tie_cells_to_members(district, &mut year_orgs, &by_cell);
        orgs.extend(year_orgs);
        members.extend(year_members);
    }
    (members, orgs)
}

/// How the levels of a class of organizations are drawn each year.
struct Quotas {
    /// The range the share rated good or better is drawn from.
    good: (f64, f64),
    /// At most this many rated "not completed".
    failing_max: usize,
    /// Whether more than 85% must be good or better whatever the draw.
    at_least_good_above_85: bool,
}

fn rate_orgs(district: &District, level: &[f64], year: i32, rng: &mut impl Rng) -> Vec<OrgRating> {
    let Some(day) = year_end(year) else {
        return Vec::new();
    };
    let grassroots = Quotas {
        good: (0.87, 0.95),
        failing_max: 1,
        at_least_good_above_85: true,
    };
    let cells = Quotas {
        good: (0.80, 0.92),
        failing_max: 2,
        at_least_good_above_85: false,
    };
    let mut rated = Vec::new();
    for (quotas, in_class) in [
        (
            grassroots,
            (|t: OrgType| t.is_grassroots()) as fn(OrgType) -> bool,
        ),
        (cells, |t: OrgType| t == OrgType::ChiBoTrucThuoc),
    ] {
        let mut ranked: Vec<(usize, f64)> = district
            .orgs
            .iter()
            .enumerate()
            .filter(|(_, o)| in_class(o.org_type) && o.is_active_on(day))
            .map(|(i, _)| (i, level.get(i).copied().unwrap_or(0.0) + 0.7 * normal(rng)))
            .collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let levels = rank_levels(ranked.len(), &quotas, rng);
        rated.extend(
            ranked
                .iter()
                .zip(levels)
                .map(|((org, _), rating)| (*org, rating)),
        );
    }
    rated.sort_by_key(|(org, _)| *org);
    rated
        .into_iter()
        .filter_map(|(org, rating)| {
            Some(OrgRating {
                year,
                org: district.orgs.get(org)?.code.clone(),
                rating,
                score: (year >= SCORED_FROM).then(|| points(rating, rng)),
            })
        })
        .collect()
}

/// The levels of `n` organizations in rank order, best first.
fn rank_levels(n: usize, quotas: &Quotas, rng: &mut impl Rng) -> Vec<Rating> {
    let drawn = (n as f64 * rng.random_range(quotas.good.0..=quotas.good.1)).round() as usize;
    let above_85 = if quotas.at_least_good_above_85 {
        n * 85 / 100 + 1
    } else {
        0
    };
    let good = drawn.max(above_85).min(n);
    let excellent = (good as f64 * rng.random_range(0.15..=0.25)).round() as usize;
    let failing = rng.random_range(0..=quotas.failing_max).min(n - good);
    (0..n)
        .map(|rank| match rank {
            r if r < excellent => Rating::Htxsnv,
            r if r < good => Rating::Httnv,
            r if r + failing >= n => Rating::Khtnv,
            _ => Rating::Htnv,
        })
        .collect()
}

/// Points consistent with a level on the 100-point scale.
fn points(rating: Rating, rng: &mut impl Rng) -> u8 {
    match rating {
        Rating::Htxsnv => rng.random_range(90..=98),
        Rating::Httnv => rng.random_range(70..=89),
        Rating::Htnv => rng.random_range(50..=69),
        Rating::Khtnv => rng.random_range(30..=49),
    }
}

struct Entry {
    member: usize,
    cell: usize,
    grassroots: usize,
    rating: Rating,
    score: u8,
}

fn rate_members(
    district: &District,
    drafts: &[Draft],
    level: &[f64],
    year: i32,
    rng: &mut impl Rng,
) -> (Vec<MemberRating>, BTreeMap<usize, Vec<Rating>>) {
    let Some(day) = year_end(year) else {
        return (Vec::new(), BTreeMap::new());
    };
    let rules = for_year(year);
    let mut entries = Vec::new();
    for (member, draft) in drafts.iter().enumerate() {
        // Rated as the year's rules rate: active on 31 December and admitted long enough.
        let facts = EligibilityFacts {
            admitted_on: draft.record.admitted_on,
            status: (draft.status_on(day), draft.record.admitted_on),
            suspended_since: None,
        };
        let active = draft.record.admitted_on <= day
            && draft.status_on(day) == MemberStatus::DangSinhHoat
            && eligibility(rules, day, &facts).is_ok();
        let Some(cell) = draft.cell_on(day).filter(|_| active) else {
            continue;
        };
        let Some(grassroots) = district.cells.get(cell).map(|c| c.grassroots) else {
            continue;
        };
        let failing = draft.troubled_from.is_some_and(|y| y <= year) || rng.random_bool(0.012);
        let quality = 0.8 * level.get(member).copied().unwrap_or(0.0) + 0.6 * normal(rng);
        let (rating, score) = if failing {
            (Rating::Khtnv, points(Rating::Khtnv, rng))
        } else {
            let score = (78.0 + 10.0 * quality).round().clamp(50.0, 100.0) as u8;
            (level_of(score), score)
        };
        entries.push(Entry {
            member,
            cell,
            grassroots,
            rating,
            score,
        });
    }
    apply_excellence_quota(&mut entries, OVER_QUOTA_YEARS.contains(&year));
    let mut by_cell: BTreeMap<usize, Vec<Rating>> = BTreeMap::new();
    for e in &entries {
        by_cell.entry(e.cell).or_default().push(e.rating);
    }
    let rated = entries
        .into_iter()
        .filter_map(|e| {
            Some(MemberRating {
                year,
                member: drafts.get(e.member)?.record.code.clone(),
                rating: e.rating,
                score: (year >= SCORED_FROM).then_some(e.score),
            })
        })
        .collect();
    (rated, by_cell)
}

/// Years whose records keep one grassroots organization above the quota on HTXSNV, as it
/// happened (the rounds report it).
const OVER_QUOTA_YEARS: [i32; 2] = [2019, 2022];

/// A cell under a grassroots committee rated good or better while one of its members did
/// not complete their duties, or fewer than half did well, is rated "completed" (the
/// linkage rule of HD 21-HD/BTCTW); grassroots organizations keep their drawn level, so the
/// history holds the few violations a district's records really show.
fn tie_cells_to_members(
    district: &District,
    orgs: &mut [OrgRating],
    by_cell: &BTreeMap<usize, Vec<Rating>>,
) {
    let codes: BTreeMap<&str, &Vec<Rating>> = by_cell
        .iter()
        .filter_map(|(cell, levels)| {
            let c = district.cells.get(*cell)?;
            let own_grassroots = district
                .orgs
                .get(c.grassroots)
                .is_some_and(|g| g.code == c.code);
            (!own_grassroots).then_some((c.code.as_str(), levels))
        })
        .collect();
    for org in orgs.iter_mut().filter(|o| o.rating.is_good_or_better()) {
        let Some(levels) = codes.get(org.org.as_str()) else {
            continue;
        };
        let failing = levels.contains(&Rating::Khtnv);
        let good = levels.iter().filter(|r| r.is_good_or_better()).count();
        if failing || good * 2 < levels.len() {
            org.rating = Rating::Htnv;
        }
    }
}

fn level_of(score: u8) -> Rating {
    match score {
        90.. => Rating::Htxsnv,
        70..=89 => Rating::Httnv,
        50..=69 => Rating::Htnv,
        _ => Rating::Khtnv,
    }
}

/// Within each grassroots organization, excellent ≤ 20% of well-completed: demotes the
/// lowest-scoring excellent members to "completed well".
fn apply_excellence_quota(entries: &mut [Entry], keep_one_over: bool) {
    let mut good_by_org: BTreeMap<usize, usize> = BTreeMap::new();
    for e in entries.iter().filter(|e| e.rating.is_good_or_better()) {
        *good_by_org.entry(e.grassroots).or_default() += 1;
    }
    let mut excellent: Vec<usize> = (0..entries.len())
        .filter(|&i| entries.get(i).is_some_and(|e| e.rating == Rating::Htxsnv))
        .collect();
    // Best first within each organization; the first `allowed` keep their level.
    excellent.sort_by_key(|&i| {
        entries
            .get(i)
            .map(|e| (e.grassroots, std::cmp::Reverse(e.score), e.member))
    });
    let mut kept: BTreeMap<usize, usize> = BTreeMap::new();
    // In the years history kept a violation, the first organization to demote keeps one
    // excellent member more than the quota.
    let mut spare = keep_one_over;
    for i in excellent {
        let Some(entry) = entries.get_mut(i) else {
            continue;
        };
        let allowed = good_by_org.get(&entry.grassroots).copied().unwrap_or(0) / 6;
        let count = kept.entry(entry.grassroots).or_default();
        if *count < allowed {
            *count += 1;
        } else if spare && allowed >= 2 {
            spare = false;
            *count += 1;
        } else {
            entry.rating = Rating::Httnv;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand_chacha::ChaCha8Rng;

    #[test]
    fn grassroots_levels_always_put_more_than_85_percent_good_or_better() {
        let mut rng = ChaCha8Rng::seed_from_u64(9);
        let quotas = Quotas {
            good: (0.5, 0.6),
            failing_max: 1,
            at_least_good_above_85: true,
        };
        for n in [1, 7, 20, 77, 85] {
            let levels = rank_levels(n, &quotas, &mut rng);
            let good = levels.iter().filter(|r| r.is_good_or_better()).count();
            assert!(good * 100 > n * 85, "{good} of {n}");
        }
    }

    #[test]
    fn the_excellence_quota_demotes_the_lowest_scores() {
        let mut entries: Vec<Entry> = (0..12)
            .map(|member| Entry {
                member,
                cell: 0,
                grassroots: 0,
                rating: if member < 4 {
                    Rating::Htxsnv
                } else {
                    Rating::Httnv
                },
                score: 95 - member as u8,
            })
            .collect();
        apply_excellence_quota(&mut entries, false);
        let kept: Vec<usize> = entries
            .iter()
            .filter(|e| e.rating == Rating::Htxsnv)
            .map(|e| e.member)
            .collect();
        assert_eq!(kept, vec![0, 1]);
    }
}

//! Installations of a province's and of the nation's size, generated to measure how the
//! application behaves as it grows (issue #10), not to be read like the demo district.
//!
//! The shape follows the organization after the 2025 reform: provinces (`TINH`) of
//! communes (`XA`), each commune with its grassroots organizations — one in three a
//! grassroots cell with its members registered directly (`CHI_BO_CO_SO`), the others a
//! grassroots committee (`DANG_BO_CO_SO`) of three to eight cells (`CHI_BO_TRUC_THUOC`).
//! A grassroots organization holds about a hundred members, so [`Scale::Nation`] (34
//! provinces, 3,298 communes, 56,066 grassroots organizations, 224,260 cells) holds about
//! 6.2 million member records (5.96 million members on 2025-06-30) and [`Scale::Province`]
//! (126 communes of 80 grassroots organizations) about 1.1 million.
//!
//! Members carry the histories the figures depend on: admission between 1965 and 2025,
//! full membership a year later (the last year's still probationary), one in eight moved
//! from another cell of their grassroots organization, deaths, exemptions of the elderly,
//! transfers out, and a 2024 rating for the active. Names and ethnic groups come from the
//! demo's lists. The tree has no history of its own: every organization stands from the
//! beginning under the same superior (the district's demo carries the tree's histories).
//!
//! The members come in [`Chunk`]s of about 100,000 (the organizations all in the first),
//! each generated from the seed and its own position alone, so a loader holds one chunk at
//! a time and the same seed gives the same installation.

use crate::calendar::ymd;
use crate::names::{Setting, draw_ethnicity, full_name};
use dangvu_domain::dataset::{
    Dataset, MemberProfile, MemberRating, MemberRecord, OrgRecord, Registration, StatusChange,
};
use dangvu_domain::{
    Date, DomainError, Gender, MemberCode, MemberStatus, OrgCode, OrgType, Rating,
};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// How large an installation to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scale {
    /// Twelve communes of one province, about 100,000 members: a large former district
    /// (the size a rating round is measured at).
    Region,
    /// One province of about a million members.
    Province,
    /// The nation: 34 provinces, about 6 million members.
    Nation,
}

impl Scale {
    /// (provinces, communes per province, grassroots organizations per commune).
    fn shape(self) -> (usize, usize, usize) {
        match self {
            Scale::Region => (1, 12, 80),
            Scale::Province => (1, 126, 80),
            Scale::Nation => (34, 97, 17),
        }
    }

    /// Grassroots organizations in the whole installation.
    pub fn grassroots(self) -> usize {
        let (p, c, g) = self.shape();
        p * c * g
    }
}

/// Grassroots organizations whose members make one chunk (about 100,000 members).
const GRASSROOTS_PER_CHUNK: usize = 1_000;

/// A part of a generated installation, to be loaded in its own transaction.
#[derive(Debug, Clone)]
pub struct Chunk {
    /// Position of the chunk, from 0.
    pub index: usize,
    /// How many chunks the installation has.
    pub of: usize,
    /// Its records: every organization in the first chunk, members and ratings in each.
    pub dataset: Dataset,
}

/// The chunks of the installation of `scale` for `seed`, generated as they are taken.
pub fn chunks(scale: Scale, seed: u64) -> impl Iterator<Item = Result<Chunk, DomainError>> {
    let total = scale.grassroots();
    let of = total.div_ceil(GRASSROOTS_PER_CHUNK);
    (0..of).map(move |index| {
        let first = index * GRASSROOTS_PER_CHUNK;
        let span = first..(first + GRASSROOTS_PER_CHUNK).min(total);
        let mut dataset = Dataset::default();
        if index == 0 {
            dataset.orgs = organizations(scale)?;
        }
        for g in span {
            let place = Grassroots::at(scale, g);
            members_of(&place, seed, &mut dataset)?;
        }
        Ok(Chunk { index, of, dataset })
    })
}

/// One grassroots organization: where it stands and how it is made.
struct Grassroots {
    /// Its position in the whole installation.
    index: usize,
    code: String,
    /// Its cells (none: a grassroots cell, whose members are registered in it).
    cells: usize,
}

impl Grassroots {
    fn at(scale: Scale, index: usize) -> Self {
        let (_, communes, per_commune) = scale.shape();
        let commune = index / per_commune;
        let province = commune / communes;
        let code = format!(
            "T{:02}.X{:03}.G{:02}",
            province + 1,
            commune % communes + 1,
            index % per_commune + 1
        );
        let cells = if index.is_multiple_of(3) {
            0
        } else {
            3 + index * 7 % 6
        };
        Grassroots { index, code, cells }
    }

    /// The organizations members are registered in.
    fn registration_orgs(&self) -> Vec<String> {
        if self.cells == 0 {
            return vec![self.code.clone()];
        }
        (1..=self.cells)
            .map(|c| format!("{}.C{c}", self.code))
            .collect()
    }
}

fn org(
    code: &str,
    name: String,
    org_type: OrgType,
    parent: Option<&str>,
) -> Result<OrgRecord, DomainError> {
    let parent = parent.map(OrgCode::parse).transpose()?;
    Ok(OrgRecord::standing(
        OrgCode::parse(code)?,
        name,
        org_type,
        parent,
    ))
}

/// Every organization of the installation, superiors first.
fn organizations(scale: Scale) -> Result<Vec<OrgRecord>, DomainError> {
    let (provinces, communes, per_commune) = scale.shape();
    let mut orgs = Vec::new();
    for p in 1..=provinces {
        let province = format!("T{p:02}");
        orgs.push(org(
            &province,
            format!("Đảng bộ tỉnh {p}"),
            OrgType::Tinh,
            None,
        )?);
        for c in 1..=communes {
            let commune = format!("{province}.X{c:03}");
            let name = format!("Đảng bộ xã {c} tỉnh {p}");
            orgs.push(org(&commune, name, OrgType::Xa, Some(&province))?);
        }
    }
    for index in 0..provinces * communes * per_commune {
        let g = Grassroots::at(scale, index);
        let commune = g.code.rsplit_once('.').map_or("", |(c, _)| c);
        let number = index % per_commune + 1;
        if g.cells == 0 {
            let name = format!("Chi bộ cơ quan {number}");
            orgs.push(org(&g.code, name, OrgType::ChiBoCoSo, Some(commune))?);
            continue;
        }
        let name = format!("Đảng bộ cơ sở {number}");
        orgs.push(org(&g.code, name, OrgType::DangBoCoSo, Some(commune))?);
        for (c, cell) in g.registration_orgs().iter().enumerate() {
            let name = format!("Chi bộ thôn {}", c + 1);
            orgs.push(org(cell, name, OrgType::ChiBoTrucThuoc, Some(&g.code))?);
        }
    }
    Ok(orgs)
}

/// The last day the generated histories cover.
const DATA_END: Date = ymd(2025, 6, 30);

/// A random day in `[from, to)`.
fn day_between(rng: &mut ChaCha8Rng, from: Date, to: Date) -> Date {
    let span = (to - from).num_days().max(1);
    from + chrono::Days::new(rng.random_range(0..span).unsigned_abs())
}

/// Adds the members of `place` (and their ratings) to `ds`.
fn members_of(place: &Grassroots, seed: u64, ds: &mut Dataset) -> Result<(), DomainError> {
    let position = u64::try_from(place.index).unwrap_or(u64::MAX);
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ position.wrapping_mul(0x9E37_79B9_7F4A_7C15));
    let orgs = place.registration_orgs();
    for (cell_no, cell) in orgs.iter().enumerate() {
        let size = if place.cells == 0 {
            rng.random_range(20..=40)
        } else {
            rng.random_range(17..=33)
        };
        for i in 0..size {
            let code = format!("{}-{cell_no}-{i:02}", place.code);
            let member = member(&mut rng, &code, cell, &orgs)?;
            if let Some(rating) = rating_2024(&mut rng, &member) {
                ds.member_ratings.push(rating);
            }
            ds.members.push(member);
        }
    }
    Ok(())
}

fn member(
    rng: &mut ChaCha8Rng,
    code: &str,
    cell: &str,
    cells: &[String],
) -> Result<MemberRecord, DomainError> {
    let gender = if rng.random_bool(0.35) {
        Gender::Nu
    } else {
        Gender::Nam
    };
    let ethnicity = draw_ethnicity(rng, Setting::Lowland);
    let born = day_between(rng, ymd(1935, 1, 1), ymd(2004, 1, 1));
    let of_age = born + chrono::Months::new(12 * 20);
    let admitted_on = day_between(rng, of_age.max(ymd(1965, 1, 1)), DATA_END);
    let official = admitted_on + chrono::Months::new(12);
    let mut registrations = vec![Registration {
        org: OrgCode::parse(cell)?,
        since: None,
    }];
    let before = &cells[rng.random_range(0..cells.len())];
    if rng.random_bool(0.125) && admitted_on < ymd(2024, 1, 1) && before != cell {
        registrations.insert(
            0,
            Registration {
                org: OrgCode::parse(before)?,
                since: None,
            },
        );
        registrations[1].since = Some(day_between(rng, official, DATA_END.max(official)));
    }
    let roll: f64 = rng.random();
    let age_now = (DATA_END - born).num_days() / 365;
    let status = if roll < 0.03 {
        Some(MemberStatus::TuTran)
    } else if roll < 0.04 {
        Some(MemberStatus::ChuyenDi)
    } else if age_now >= 75 && roll < 0.45 {
        Some(MemberStatus::MienSinhHoat)
    } else {
        None
    };
    let statuses = status
        .filter(|_| official < DATA_END)
        .map(|status| StatusChange {
            status,
            on: day_between(rng, official, DATA_END),
        })
        .into_iter()
        .collect();
    Ok(MemberRecord {
        code: MemberCode::parse(code)?,
        profile: MemberProfile {
            full_name: full_name(rng, ethnicity, gender),
            gender: Some(gender),
            birth_date: Some(born),
            ethnicity: Some(ethnicity.label().to_string()),
            ..MemberProfile::default()
        },
        admitted_on,
        official_on: (official <= DATA_END).then_some(official),
        registrations,
        statuses,
    })
}

/// The 2024 rating of a member who was active all that year.
fn rating_2024(rng: &mut ChaCha8Rng, member: &MemberRecord) -> Option<MemberRating> {
    let active = member.statuses.iter().all(|s| s.on > ymd(2024, 12, 31));
    if member.admitted_on >= ymd(2024, 1, 1) || !active {
        return None;
    }
    let roll: f64 = rng.random();
    let rating = match roll {
        r if r < 0.15 => Rating::Htxsnv,
        r if r < 0.85 => Rating::Httnv,
        r if r < 0.98 => Rating::Htnv,
        _ => Rating::Khtnv,
    };
    Some(MemberRating {
        year: 2024,
        member: member.code.clone(),
        rating,
        score: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use dangvu_domain::summary::figures_on;
    use dangvu_domain::tree::TreeHistory;

    #[test]
    fn the_province_has_the_announced_shape_and_the_same_seed_gives_the_same_chunks() {
        let first: Vec<Chunk> = chunks(Scale::Province, 7)
            .take(2)
            .map(Result::unwrap)
            .collect();
        assert_eq!(first[0].of, 11);
        let orgs = &first[0].dataset.orgs;
        let count = |t: OrgType| orgs.iter().filter(|o| o.org_type == t).count();
        assert_eq!(count(OrgType::Tinh), 1);
        assert_eq!(count(OrgType::Xa), 126);
        assert_eq!(
            count(OrgType::ChiBoCoSo) + count(OrgType::DangBoCoSo),
            10_080
        );
        assert!(first[1].dataset.orgs.is_empty(), "organizations come once");
        let members = first[0].dataset.members.len();
        assert!(
            (90_000..115_000).contains(&members),
            "{members} members in a chunk"
        );
        let again = chunks(Scale::Province, 7).nth(1).unwrap().unwrap();
        assert_eq!(again.dataset.members, first[1].dataset.members);
        let other = chunks(Scale::Province, 8).nth(1).unwrap().unwrap();
        assert_ne!(other.dataset.members, first[1].dataset.members);
    }

    #[test]
    fn the_nation_has_34_provinces_and_about_five_million_members_at_mid_2025() {
        assert_eq!(Scale::Nation.grassroots(), 56_066);
        let first = chunks(Scale::Nation, 7).next().unwrap().unwrap();
        assert_eq!(first.of, 57);
        let ds = &first.dataset;
        let provinces = ds
            .orgs
            .iter()
            .filter(|o| o.org_type == OrgType::Tinh)
            .count();
        assert_eq!(provinces, 34);
        // A chunk's members on the last day, counted by the domain's definitions: active
        // members are most of them, some probationary and some exempted.
        let tree = TreeHistory::build(&ds.orgs).unwrap();
        let f = figures_on(ds, &tree, &OrgCode::parse("T01").unwrap(), ymd(2025, 6, 1));
        let per_grassroots = f.members as f64 / 1_000.0;
        assert!((85.0..110.0).contains(&per_grassroots), "{f:?}");
        assert!(
            f.members_probationary > 0 && f.members_exempted > 0,
            "{f:?}"
        );
        assert!(!ds.member_ratings.is_empty());
    }
}

//! Member sheets: who a new member is, given the cell that admits or receives them.
//!
//! Sex, ethnic group, schooling, qualifications and occupation follow the kind of cell
//! (a highland village, a school, the police …). Identity numbers are unique: citizen IDs
//! start with 002 (Hà Giang) and encode sex and century as the real ones do.

use crate::DATA_END;
use crate::calendar::full_years;
use crate::careers::{general_education, occupation, political_theory, qualification};
use crate::communes::{COMMUNES, Commune};
use crate::district::{Cell, CellKind};
use crate::names::{Ethnicity, Setting, draw_ethnicity, full_name};
use chrono::Datelike;
use dangvu_domain::dataset::MemberProfile;
use dangvu_domain::{Date, Gender};
use rand::Rng;
use rand::seq::IndexedRandom;
use std::collections::HashSet;

/// A person about to enter the records, with what the simulation needs besides the sheet.
pub(crate) struct Person {
    /// The member sheet (the party card number is added once the member is official).
    pub profile: MemberProfile,
    /// Sex.
    pub gender: Gender,
    /// Birth date.
    pub birth: Date,
    /// The commune (index in `COMMUNES`) the person calls home.
    pub home_commune: usize,
}

/// Where a person's Party records were opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Origin {
    /// Admitted in Vị Xuyên.
    Local,
    /// Admitted elsewhere and transferred in.
    Elsewhere,
}

/// Issues identity numbers that are unique across the demo.
#[derive(Default)]
pub(crate) struct IdBook {
    used: HashSet<String>,
}

impl IdBook {
    fn fresh<R: Rng>(&mut self, rng: &mut R, make: impl Fn(&mut R) -> String) -> String {
        loop {
            let candidate = make(rng);
            if self.used.insert(candidate.clone()) {
                return candidate;
            }
        }
    }

    /// A 12-digit citizen ID: province 002, sex-and-century digit, year, six digits.
    pub fn citizen_id(&mut self, rng: &mut impl Rng, gender: Gender, birth: Date) -> String {
        let female = u32::from(gender == Gender::Nu);
        let century = if birth.year() >= 2000 { 2 } else { 0 };
        let prefix = format!("002{}{:02}", century + female, birth.year() % 100);
        self.fresh(rng, |rng| {
            format!("{prefix}{:06}", rng.random_range(0..1_000_000))
        })
    }

    /// A CV number (số lý lịch): six digits and the code of the issuing province.
    pub fn cv_no(&mut self, rng: &mut impl Rng, province: &str) -> String {
        self.fresh(rng, |rng| {
            format!("{:06}{province}", rng.random_range(1..1_000_000))
        })
    }

    /// A party card number (opaque, eight digits).
    pub fn card_no(&mut self, rng: &mut impl Rng) -> String {
        self.fresh(rng, |rng| {
            format!("{:08}", rng.random_range(1_000_000..100_000_000))
        })
    }
}

/// The share of women (per thousand) among members of a kind of cell.
pub(crate) fn draw_gender(rng: &mut impl Rng, kind: CellKind) -> Gender {
    let women = match kind {
        CellKind::Village => 320,
        CellKind::Residential => 450,
        CellKind::CommuneOffice | CellKind::Enterprise => 350,
        CellKind::Militia => 80,
        CellKind::School => 700,
        CellKind::Agency => 400,
        CellKind::Police => 150,
        CellKind::Army => 60,
        CellKind::Health => 600,
    };
    if rng.random_range(0..1000) < women {
        Gender::Nu
    } else {
        Gender::Nam
    }
}

fn setting(cell: &Cell, commune: &Commune) -> Setting {
    match cell.kind {
        CellKind::Agency | CellKind::Police | CellKind::Army | CellKind::Health => Setting::Town,
        CellKind::Enterprise => Setting::Town,
        _ if commune.town => Setting::Town,
        _ if commune.highland => Setting::Highland,
        _ => Setting::Lowland,
    }
}

const DELTA_HOMETOWNS: [&str; 8] = [
    "Hải Hậu, Nam Định",
    "Vũ Thư, Thái Bình",
    "Kim Động, Hưng Yên",
    "Lâm Thao, Phú Thọ",
    "Sơn Dương, Tuyên Quang",
    "Duy Tiên, Hà Nam",
    "Hoằng Hóa, Thanh Hóa",
    "Yên Lạc, Vĩnh Phúc",
];

const OTHER_PROVINCES: [&str; 8] = ["TQ", "YB", "LC", "PT", "TN", "HN", "ND", "TB"];

/// Draws a person registered in `cell`.
pub(crate) fn draw_person(
    rng: &mut impl Rng,
    ids: &mut IdBook,
    cell: &Cell,
    (gender, birth): (Gender, Date),
    origin: Origin,
) -> Person {
    let commune = COMMUNES.get(cell.commune).unwrap_or(&COMMUNES[0]);
    let ethnicity = draw_ethnicity(rng, setting(cell, commune));
    let home_commune = if cell.kind.is_residence() || rng.random_bool(0.5) {
        cell.commune
    } else {
        rng.random_range(0..COMMUNES.len())
    };
    let home = COMMUNES.get(home_commune).unwrap_or(commune).address();
    let migrant = ethnicity == Ethnicity::Kinh && rng.random_bool(0.35);
    let hometown = match DELTA_HOMETOWNS.choose(rng) {
        Some(place) if migrant => place.to_string(),
        _ => home.clone(),
    };
    let birthplace = if migrant && rng.random_bool(0.5) {
        hometown.clone()
    } else {
        home
    };
    let province = match OTHER_PROVINCES.choose(rng) {
        Some(code) if origin == Origin::Elsewhere => code,
        _ => "HG",
    };
    let age_now = full_years(birth, DATA_END);
    let profile = MemberProfile {
        full_name: full_name(rng, ethnicity, gender),
        gender: Some(gender),
        birth_date: Some(birth),
        ethnicity: Some(ethnicity.label().to_string()),
        religion: religion(rng, ethnicity),
        citizen_id: Some(ids.citizen_id(rng, gender, birth)),
        hometown: Some(hometown),
        birthplace: Some(birthplace),
        occupation: Some(occupation(rng, cell.kind, age_now).to_string()),
        general_education: Some(general_education(rng, cell.kind, birth).to_string()),
        professional_qualification: Some(qualification(rng, cell.kind).to_string()),
        political_theory: Some(political_theory(rng, cell.kind).to_string()),
        party_card_no: None,
        cv_no: Some(ids.cv_no(rng, province)),
    };
    Person {
        profile,
        gender,
        birth,
        home_commune,
    }
}

fn religion(rng: &mut impl Rng, ethnicity: Ethnicity) -> Option<String> {
    let roll = rng.random_range(0..1000);
    let faith = match ethnicity {
        Ethnicity::Kinh if roll < 20 => "Phật giáo",
        Ethnicity::Kinh if roll < 25 => "Công giáo",
        Ethnicity::Mong if roll < 10 => "Tin lành",
        _ => return None,
    };
    Some(faith.to_string())
}

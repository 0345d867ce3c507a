//! The 24 communes and towns of Vị Xuyên before 2025 and the commune-level Party committees
//! of Tuyên Quang that replaced the district on 2025-07-01.
//!
//! The names of the 24 units are real (domain.md §8.3); their villages, schools and the
//! grouping into the 2025 committees are synthetic (the real arrangement was not found), and
//! village names are built from common Tày and Dao place-name syllables.

use rand::Rng;
use rand::seq::IndexedRandom;

/// A commune or town of the old district and what its Party committee is made of.
pub(crate) struct Commune {
    /// The unit's name without its type, e.g. `Phong Quang`.
    pub name: &'static str,
    /// A town (thị trấn) rather than a commune (xã).
    pub town: bool,
    /// A highland, mostly Dao and Mông commune.
    pub highland: bool,
    /// Residential groups (tổ dân phố), each with a cell.
    pub residential_groups: usize,
    /// Villages (thôn), each with a cell.
    pub villages: usize,
    /// Schools with their own cell under the commune's committee.
    pub schools: usize,
    /// Index in [`COMMITTEES_2025`] of the committee the commune belongs to since 2025.
    pub committee_2025: usize,
}

impl Commune {
    /// `xã Phong Quang` or `thị trấn Vị Xuyên`.
    pub fn unit_name(&self) -> String {
        let unit = if self.town { "thị trấn" } else { "xã" };
        format!("{unit} {}", self.name)
    }

    /// How the unit is written in an address: `Xã Phong Quang, Vị Xuyên, Hà Giang`.
    pub fn address(&self) -> String {
        let unit = if self.town { "Thị trấn" } else { "Xã" };
        format!("{unit} {}, Vị Xuyên, Hà Giang", self.name)
    }

    /// How a school of the unit is named, e.g. `Trường Mầm non Phong Quang`.
    pub fn school_name(&self, index: usize) -> String {
        let place = if self.town {
            format!("Thị trấn {}", self.name)
        } else {
            self.name.to_string()
        };
        let kind = match (self.schools, index) {
            (1, _) => "Trường Phổ thông Dân tộc bán trú Tiểu học và THCS",
            (2, 0) | (3, 0) => "Trường Mầm non",
            (2, _) => "Trường Tiểu học và THCS",
            (3, 1) => "Trường Tiểu học",
            _ => "Trường THCS",
        };
        format!("{kind} {place}")
    }
}

const fn unit(
    name: &'static str,
    town: bool,
    highland: bool,
    (residential_groups, villages, schools): (usize, usize, usize),
    committee_2025: usize,
) -> Commune {
    Commune {
        name,
        town,
        highland,
        residential_groups,
        villages,
        schools,
        committee_2025,
    }
}

/// The 2 towns and 22 communes, in the order of their codes `VX.01` … `VX.24`.
pub(crate) const COMMUNES: [Commune; 24] = [
    unit("Vị Xuyên", true, false, (18, 0, 3), 0),
    unit("Nông trường Việt Lâm", true, false, (12, 2, 2), 1),
    unit("Bạch Ngọc", false, false, (0, 11, 2), 2),
    unit("Cao Bồ", false, true, (0, 10, 2), 4),
    unit("Đạo Đức", false, false, (0, 14, 3), 0),
    unit("Kim Linh", false, false, (0, 8, 2), 8),
    unit("Kim Thạch", false, false, (0, 8, 2), 8),
    unit("Lao Chải", false, true, (0, 9, 1), 10),
    unit("Linh Hồ", false, false, (0, 14, 2), 9),
    unit("Minh Tân", false, true, (0, 16, 2), 5),
    unit("Ngọc Linh", false, false, (0, 12, 2), 9),
    unit("Ngọc Minh", false, false, (0, 10, 2), 2),
    unit("Phong Quang", false, false, (0, 10, 2), 10),
    unit("Phú Linh", false, false, (0, 15, 2), 8),
    unit("Phương Tiến", false, true, (0, 10, 2), 10),
    unit("Quảng Ngần", false, false, (0, 12, 2), 1),
    unit("Thanh Đức", false, true, (0, 7, 1), 6),
    unit("Thanh Thủy", false, false, (0, 10, 2), 6),
    unit("Thuận Hòa", false, true, (0, 15, 2), 5),
    unit("Thượng Sơn", false, true, (0, 12, 2), 3),
    unit("Trung Thành", false, false, (0, 13, 2), 0),
    unit("Tùng Bá", false, false, (0, 15, 2), 7),
    unit("Việt Lâm", false, false, (0, 15, 2), 1),
    unit("Xín Chải", false, true, (0, 5, 1), 6),
];

/// The index of the district seat (thị trấn Vị Xuyên), where district agencies sit.
pub(crate) const SEAT: usize = 0;

/// The commune-level Party committees of Tuyên Quang founded on 2025-07-01 over the old
/// district (`TQ.X01` …), by the name of the new commune.
pub(crate) const COMMITTEES_2025: [&str; 11] = [
    "Vị Xuyên",
    "Việt Lâm",
    "Bạch Ngọc",
    "Thượng Sơn",
    "Cao Bồ",
    "Minh Tân",
    "Thanh Thủy",
    "Tùng Bá",
    "Phú Linh",
    "Linh Hồ",
    "Phong Quang",
];

const TAY_DAO_FIRST: [&str; 18] = [
    "Nà", "Bản", "Khuổi", "Nặm", "Lũng", "Pắc", "Cốc", "Khau", "Pác", "Tát", "Làng", "Phìn",
    "Lùng", "Thôm", "Vằng", "Bó", "Ngòi", "Nậm",
];
const TAY_DAO_SECOND: [&str; 30] = [
    "Pồng", "Mòn", "Lầu", "Thác", "Sảo", "Giàng", "Ngòa", "Đăm", "Khiềm", "Cướm", "Miều", "Vài",
    "Thang", "Sài", "Mèo", "Luông", "Chang", "Lạn", "Hin", "Vèn", "Vầy", "Sỏ", "Chì", "Pục", "Cáy",
    "Phai", "Tậu", "Khà", "Mạ", "Nưa",
];
const HIGHLAND_FIRST: [&str; 8] = ["Séo", "Tả", "Mào", "Lao", "Xín", "Phìn", "Khâu", "Há"];
const HIGHLAND_SECOND: [&str; 10] = [
    "Chải", "Lủng", "Phìn", "Chù", "Sán", "Chìa", "Sảng", "Cháng", "Pả", "Vải",
];
const KINH_FIRST: [&str; 6] = ["Tân", "Minh", "Bình", "Lâm", "Thanh", "Đồng"];
const KINH_SECOND: [&str; 10] = [
    "Sơn", "Tiến", "Thành", "Lập", "Hòa", "Phong", "An", "Quang", "Hà", "Tâm",
];

/// `count` distinct village names for one commune.
pub(crate) fn village_names(rng: &mut impl Rng, commune: &Commune, count: usize) -> Vec<String> {
    let mut names: Vec<String> = Vec::with_capacity(count);
    while names.len() < count {
        let roll: f64 = rng.random();
        let (first, second): (&[&str], &[&str]) = if roll < 0.15 {
            (&KINH_FIRST, &KINH_SECOND)
        } else if commune.highland && roll < 0.5 {
            (&HIGHLAND_FIRST, &HIGHLAND_SECOND)
        } else {
            (&TAY_DAO_FIRST, &TAY_DAO_SECOND)
        };
        let (Some(a), Some(b)) = (first.choose(rng), second.choose(rng)) else {
            break;
        };
        let name = format!("{a} {b}");
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand_chacha::ChaCha8Rng;

    #[test]
    fn the_district_has_two_towns_and_twenty_two_communes() {
        assert_eq!(COMMUNES.iter().filter(|c| c.town).count(), 2);
        assert_eq!(COMMUNES.iter().filter(|c| !c.town).count(), 22);
        assert_eq!(COMMUNES[SEAT].unit_name(), "thị trấn Vị Xuyên");
    }

    #[test]
    fn every_2025_committee_covers_at_least_one_old_commune() {
        for index in 0..COMMITTEES_2025.len() {
            assert!(COMMUNES.iter().any(|c| c.committee_2025 == index));
        }
        assert!(
            COMMUNES
                .iter()
                .all(|c| c.committee_2025 < COMMITTEES_2025.len())
        );
    }

    #[test]
    fn village_names_are_distinct_within_a_commune() {
        let mut rng = ChaCha8Rng::seed_from_u64(3);
        let names = village_names(&mut rng, &COMMUNES[9], 16);
        assert_eq!(names.len(), 16);
        let mut sorted = names.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), 16);
    }

    #[test]
    fn school_names_follow_the_number_of_schools() {
        assert_eq!(COMMUNES[12].school_name(0), "Trường Mầm non Phong Quang");
        assert_eq!(COMMUNES[0].school_name(2), "Trường THCS Thị trấn Vị Xuyên");
        assert!(
            COMMUNES[23]
                .school_name(0)
                .starts_with("Trường Phổ thông Dân tộc bán trú")
        );
    }
}

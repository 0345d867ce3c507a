//! Ethnic groups of Vị Xuyên and the names people of each group commonly carry.
//!
//! The district's Party members are mainly Tày, Dao, Kinh, Nùng and Mông (domain.md §8.3),
//! with Giáy, La Chí and Pà Thẻn minorities. Names are family + middle + given name, drawn
//! from short lists per group and sex; all text is NFC.

use dangvu_domain::Gender;
use rand::Rng;
use rand::seq::IndexedRandom;

/// An ethnic group (dân tộc).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ethnicity {
    Tay,
    Dao,
    Kinh,
    Nung,
    Mong,
    Giay,
    LaChi,
    PaThen,
}

impl Ethnicity {
    /// The label written on the member sheet.
    pub fn label(self) -> &'static str {
        match self {
            Self::Tay => "Tày",
            Self::Dao => "Dao",
            Self::Kinh => "Kinh",
            Self::Nung => "Nùng",
            Self::Mong => "Mông",
            Self::Giay => "Giáy",
            Self::LaChi => "La Chí",
            Self::PaThen => "Pà Thẻn",
        }
    }

    fn lists(self) -> &'static NameLists {
        match self {
            Self::Tay => &TAY,
            Self::Dao => &DAO,
            Self::Kinh => &KINH,
            Self::Nung => &NUNG,
            Self::Mong => &MONG,
            Self::Giay => &GIAY,
            Self::LaChi => &LA_CHI,
            Self::PaThen => &PA_THEN,
        }
    }
}

/// Where a person lives, which shapes the ethnic mix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Setting {
    /// A lowland commune: mostly Tày.
    Lowland,
    /// A highland commune: mostly Dao and Mông.
    Highland,
    /// A town or a district agency: Kinh and Tày.
    Town,
}

/// Draws an ethnic group for a person of `setting`.
pub(crate) fn draw_ethnicity(rng: &mut impl Rng, setting: Setting) -> Ethnicity {
    use Ethnicity::*;
    // Weights per thousand, in the order of `GROUPS`.
    const GROUPS: [Ethnicity; 8] = [Tay, Dao, Kinh, Nung, Mong, Giay, LaChi, PaThen];
    let weights: [u32; 8] = match setting {
        Setting::Lowland => [470, 150, 180, 110, 40, 30, 10, 10],
        Setting::Highland => [180, 370, 50, 90, 250, 30, 20, 10],
        Setting::Town => [350, 100, 400, 80, 30, 20, 10, 10],
    };
    let mut roll = rng.random_range(0..weights.iter().sum::<u32>());
    for (group, weight) in GROUPS.iter().zip(weights) {
        if roll < weight {
            return *group;
        }
        roll -= weight;
    }
    Tay
}

struct NameLists {
    family: &'static [&'static str],
    male_middle: &'static [&'static str],
    female_middle: &'static [&'static str],
    male_given: &'static [&'static str],
    female_given: &'static [&'static str],
}

/// A full name: family, middle and given name.
pub(crate) fn full_name(rng: &mut impl Rng, ethnicity: Ethnicity, gender: Gender) -> String {
    let lists = ethnicity.lists();
    let (middle, given) = match gender {
        Gender::Nam => (lists.male_middle, lists.male_given),
        Gender::Nu => (lists.female_middle, lists.female_given),
    };
    let pick = |rng: &mut _, list: &[&'static str]| list.choose(rng).copied().unwrap_or("");
    let family = pick(rng, lists.family);
    let middle = pick(rng, middle);
    let given = pick(rng, given);
    format!("{family} {middle} {given}")
}

const TAY: NameLists = NameLists {
    family: &[
        "Hoàng", "Nông", "Ma", "Lương", "Hà", "Triệu", "Lục", "Mạc", "Lý", "Vi", "Đàm", "Hứa",
        "Nguyễn", "Bế", "Lộc", "Hoàng",
    ],
    male_middle: &[
        "Văn", "Văn", "Văn", "Đức", "Quang", "Minh", "Xuân", "Thế", "Hữu",
    ],
    female_middle: &["Thị", "Thị", "Thị", "Thị", "Thu", "Hồng"],
    male_given: &[
        "Tuấn", "Hùng", "Thắng", "Dũng", "Sơn", "Toàn", "Hưng", "Cường", "Thành", "Quyết", "Chiến",
        "Khánh", "Bình", "Hải", "Lâm", "Luận", "Tiến", "Thanh",
    ],
    female_given: &[
        "Lan",
        "Hoa",
        "Huệ",
        "Thơm",
        "Mai",
        "Hường",
        "Liên",
        "Nga",
        "Thủy",
        "Hạnh",
        "Duyên",
        "Phượng",
        "Thúy",
        "Loan",
        "Hiền",
        "Xuân",
    ],
};

const DAO: NameLists = NameLists {
    family: &[
        "Triệu", "Bàn", "Đặng", "Lý", "Chảo", "Phùng", "Tẩn", "Dương", "Lò", "Triệu", "Bàn",
    ],
    male_middle: &["Văn", "Văn", "Văn", "Tiến", "Quý", "Kim", "Sinh"],
    female_middle: &["Thị", "Thị", "Thị", "Mùi"],
    male_given: &[
        "Phin", "Chản", "Quẩy", "Vần", "Sành", "Tòn", "Lở", "Kiềm", "Nhất", "Sinh", "Tài", "Lìu",
        "Hin", "Xuân", "Phúc", "Chòi",
    ],
    female_given: &[
        "Mẩy",
        "Xiêm",
        "Kiều",
        "Mùi",
        "Nhàn",
        "Dinh",
        "Liếu",
        "Nái",
        "Sao",
        "Phượng",
        "Tâm",
        "Hoa",
    ],
};

const KINH: NameLists = NameLists {
    family: &[
        "Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đỗ", "Bùi", "Đặng",
        "Ngô", "Dương", "Đào", "Phan", "Trịnh", "Lương",
    ],
    male_middle: &[
        "Văn", "Văn", "Đức", "Minh", "Quang", "Mạnh", "Xuân", "Thanh", "Hữu", "Tiến", "Ngọc",
    ],
    female_middle: &[
        "Thị", "Thị", "Thị", "Thu", "Thanh", "Ngọc", "Hồng", "Thúy", "Phương",
    ],
    male_given: &[
        "Anh", "Hùng", "Dũng", "Tuấn", "Long", "Hải", "Nam", "Thắng", "Trung", "Phong", "Hiếu",
        "Quân", "Đạt", "Tú", "Công", "Khải", "Việt", "Hoàng",
    ],
    female_given: &[
        "Hương", "Lan", "Hà", "Hằng", "Trang", "Nga", "Thảo", "Huyền", "Linh", "Yến", "Ngân",
        "Hạnh", "Oanh", "Nhung", "Loan",
    ],
};

const NUNG: NameLists = NameLists {
    family: &[
        "Nông", "Hoàng", "Lý", "Vi", "Lục", "Lăng", "Sầm", "Chu", "Lâm", "Mã", "Hà",
    ],
    male_middle: &["Văn", "Văn", "Văn", "Đình", "Thế"],
    female_middle: &["Thị"],
    male_given: &[
        "Sáng", "Tình", "Thái", "Chung", "Lừu", "Sình", "Phúc", "Kim", "Lợi", "Hòa", "Páo",
    ],
    female_given: &[
        "Sim", "Dầu", "Thoa", "Mến", "Dung", "Nhung", "Hoa", "Phấn", "Slao",
    ],
};

const MONG: NameLists = NameLists {
    family: &[
        "Giàng", "Vàng", "Sùng", "Thào", "Lù", "Hầu", "Ly", "Mùa", "Vừ", "Lầu", "Cứ", "Hạng",
    ],
    male_middle: &["Mí", "Seo", "A", "Chứ", "Văn", "Sính"],
    female_middle: &["Thị", "Thị", "Thị", "Mỷ"],
    male_given: &[
        "Pó", "Chứ", "Dính", "Sính", "Lử", "Páo", "Chá", "Dế", "Vư", "Tủa", "Súng", "Chơ", "Lềnh",
    ],
    female_given: &[
        "Mỷ", "Dợ", "Sú", "Say", "Mai", "Dua", "Cở", "Pà", "Chía", "Lan",
    ],
};

const GIAY: NameLists = NameLists {
    family: &["Lù", "Hoàng", "Lồ", "Sần", "Vàng", "Lò", "Lục"],
    male_middle: &["Văn", "Văn", "Chẩn"],
    female_middle: &["Thị"],
    male_given: &["Chẩn", "Sàng", "Lìn", "Pháng", "Tiến", "Hải", "Dình"],
    female_given: &["Mai", "Hoa", "Lan", "Xuân", "Vây"],
};

const LA_CHI: NameLists = NameLists {
    family: &["Vương", "Lù", "Cháng", "Thèn", "Lý", "Hoàng"],
    male_middle: &["Văn", "Văn", "Quang"],
    female_middle: &["Thị"],
    male_given: &["Chung", "Sáng", "Quán", "Dìn", "Tài", "Dương"],
    female_given: &["Hảo", "Lìn", "Mè", "Vân", "Hoa"],
};

const PA_THEN: NameLists = NameLists {
    family: &["Tẩn", "Phùng", "Xin", "Sìn", "Lý"],
    male_middle: &["Văn", "Văn", "Quý"],
    female_middle: &["Thị"],
    male_given: &["Quẩy", "Lìu", "Sú", "Chăn", "Sinh", "Thắng"],
    female_given: &["Mây", "Lai", "Nhài", "Phương"],
};

#[cfg(test)]
mod tests {
    use super::*;
    use dangvu_domain::text::nfc_trim;
    use rand::SeedableRng;
    use rand_chacha::ChaCha8Rng;

    const ALL: [Ethnicity; 8] = [
        Ethnicity::Tay,
        Ethnicity::Dao,
        Ethnicity::Kinh,
        Ethnicity::Nung,
        Ethnicity::Mong,
        Ethnicity::Giay,
        Ethnicity::LaChi,
        Ethnicity::PaThen,
    ];

    #[test]
    fn every_name_part_is_nfc_and_nonempty() {
        for group in ALL {
            let lists = group.lists();
            for list in [
                lists.family,
                lists.male_middle,
                lists.female_middle,
                lists.male_given,
                lists.female_given,
            ] {
                assert!(!list.is_empty(), "{group:?}");
                for part in list {
                    assert_eq!(nfc_trim(part), *part, "{group:?}: {part}");
                }
            }
        }
    }

    #[test]
    fn full_names_have_three_parts() {
        let mut rng = ChaCha8Rng::seed_from_u64(5);
        for group in ALL {
            for gender in [Gender::Nam, Gender::Nu] {
                let name = full_name(&mut rng, group, gender);
                assert_eq!(name.split(' ').count(), 3, "{name}");
            }
        }
    }

    #[test]
    fn highland_communes_are_mostly_dao_and_mong() {
        let mut rng = ChaCha8Rng::seed_from_u64(6);
        let highland = (0..2000)
            .filter(|_| {
                matches!(
                    draw_ethnicity(&mut rng, Setting::Highland),
                    Ethnicity::Dao | Ethnicity::Mong
                )
            })
            .count();
        assert!(highland > 1000, "{highland}");
    }
}

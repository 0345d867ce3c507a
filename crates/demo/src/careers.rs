//! Occupations, schooling, qualifications and political theory by kind of cell.
//!
//! General education is written the Vietnamese way, grades completed / grades in the
//! system: northern schools had ten grades until the 1980s reform, twelve since.

use crate::district::CellKind;
use crate::pick::weighted;
use chrono::Datelike;
use dangvu_domain::Date;
use rand::Rng;

pub(crate) fn occupation(rng: &mut impl Rng, kind: CellKind, age_now: i32) -> &'static str {
    use CellKind::*;
    let retired = "Hưu trí";
    let options: &[(&str, u32)] = match kind {
        Village if age_now >= 62 => &[(retired, 1), ("Nông dân", 1)],
        Residential if age_now >= 60 => &[(retired, 4), ("Kinh doanh", 1)],
        _ if age_now >= 61 && !kind.is_residence() => &[(retired, 1)],
        Village => &[
            ("Nông dân", 70),
            ("Kinh doanh", 8),
            ("Lao động tự do", 8),
            ("Giáo viên", 4),
            ("Cán bộ thôn", 10),
        ],
        Residential => &[
            ("Kinh doanh", 30),
            ("Công chức", 20),
            ("Viên chức", 20),
            ("Lao động tự do", 20),
            ("Công nhân", 10),
        ],
        CommuneOffice => &[("Cán bộ, công chức cấp xã", 1)],
        Militia => &[("Chỉ huy quân sự xã", 3), ("Dân quân thường trực", 7)],
        School => &[
            ("Giáo viên", 8),
            ("Cán bộ quản lý giáo dục", 1),
            ("Nhân viên", 1),
        ],
        Agency => &[
            ("Công chức", 55),
            ("Viên chức", 35),
            ("Nhân viên hợp đồng", 10),
        ],
        Police => &[
            ("Sĩ quan Công an nhân dân", 85),
            ("Hạ sĩ quan Công an nhân dân", 15),
        ],
        Army => &[
            ("Sĩ quan Quân đội nhân dân", 6),
            ("Quân nhân chuyên nghiệp", 4),
        ],
        Health => &[
            ("Bác sĩ", 3),
            ("Y sĩ", 2),
            ("Điều dưỡng", 3),
            ("Dược sĩ", 1),
            ("Kỹ thuật viên y", 1),
        ],
        Enterprise => &[("Nhân viên", 4), ("Kỹ sư", 2), ("Công nhân", 4)],
    };
    weighted(rng, options, retired)
}

pub(crate) fn general_education(rng: &mut impl Rng, kind: CellKind, birth: Date) -> &'static str {
    let old_system = birth.year() < 1972;
    let options: &[(&str, u32)] = match (kind.is_residence(), old_system) {
        (true, true) => &[("10/10", 7), ("7/10", 3)],
        (true, false) => &[("12/12", 6), ("9/12", 4)],
        (false, true) => &[("10/10", 1)],
        (false, false) => &[("12/12", 1)],
    };
    weighted(rng, options, "12/12")
}

pub(crate) fn qualification(rng: &mut impl Rng, kind: CellKind) -> &'static str {
    use CellKind::*;
    let options: &[(&str, u32)] = match kind {
        Village | Residential => &[
            ("Chưa qua đào tạo", 55),
            ("Sơ cấp", 15),
            ("Trung cấp", 20),
            ("Cao đẳng", 5),
            ("Đại học", 5),
        ],
        CommuneOffice => &[("Đại học", 6), ("Cao đẳng", 1), ("Trung cấp", 3)],
        Militia => &[("Trung cấp", 5), ("Sơ cấp", 3), ("Cao đẳng", 2)],
        School => &[
            ("Đại học", 65),
            ("Cao đẳng", 25),
            ("Thạc sĩ", 5),
            ("Trung cấp", 5),
        ],
        Agency => &[
            ("Đại học", 70),
            ("Thạc sĩ", 15),
            ("Cao đẳng", 8),
            ("Trung cấp", 7),
        ],
        Police => &[("Đại học", 12), ("Trung cấp", 7), ("Thạc sĩ", 1)],
        Army => &[("Đại học", 9), ("Cao đẳng", 3), ("Trung cấp", 8)],
        Health => &[
            ("Đại học", 4),
            ("Cao đẳng", 2),
            ("Trung cấp", 3),
            ("Chuyên khoa I", 1),
        ],
        Enterprise => &[
            ("Đại học", 7),
            ("Cao đẳng", 3),
            ("Trung cấp", 6),
            ("Sơ cấp", 4),
        ],
    };
    weighted(rng, options, "Trung cấp")
}

pub(crate) fn political_theory(rng: &mut impl Rng, kind: CellKind) -> &'static str {
    use CellKind::*;
    let options: &[(&str, u32)] = match kind {
        Village | Residential => &[("Sơ cấp", 92), ("Trung cấp", 8)],
        CommuneOffice => &[("Trung cấp", 70), ("Sơ cấp", 20), ("Cao cấp", 10)],
        Agency => &[
            ("Trung cấp", 45),
            ("Sơ cấp", 35),
            ("Cao cấp", 15),
            ("Cử nhân", 5),
        ],
        _ => &[("Sơ cấp", 60), ("Trung cấp", 35), ("Cao cấp", 5)],
    };
    weighted(rng, options, "Sơ cấp")
}

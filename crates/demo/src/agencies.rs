//! The district's grassroots organizations outside the communes: agencies, schools, health,
//! enterprises, police and army, and the eight mergers of the 2015–2020 term.
//!
//! The names follow how district-level Party organizations are usually called; the
//! mergers mirror the kind the article reports ("sáp nhập 8 cơ quan, đơn vị có chức năng,
//! nhiệm vụ tương đồng"), with dates chosen inside the term.

use crate::calendar::ymd;
use crate::communes::SEAT;
use crate::district::CellKind;
use dangvu_domain::Date;

/// A grassroots cell (chi bộ cơ sở) directly under the district committee.
pub(crate) struct CellAgency {
    /// Its name.
    pub name: &'static str,
    /// What kind of members it registers.
    pub kind: CellKind,
    /// The commune (index in `COMMUNES`) where it sits.
    pub commune: usize,
    /// The range its expected size is drawn from.
    pub size: (u32, u32),
    /// The grassroots organization it merged into, and when.
    pub merge: Option<(&'static str, Date)>,
}

/// A grassroots committee (đảng bộ cơ sở) with its cells, some grouped in a sub-committee.
pub(crate) struct Committee {
    /// Its name.
    pub name: &'static str,
    /// What kind of members its cells register.
    pub kind: CellKind,
    /// Cells directly under the committee.
    pub cells: &'static [&'static str],
    /// A sub-committee (đảng bộ bộ phận) and its cells, if any.
    pub sub_committee: Option<(&'static str, &'static [&'static str])>,
    /// The cell that receives the members of an organization merged into this one.
    pub merge_destination: Option<&'static str>,
}

/// The grassroots committees outside the communes (`VX.25` … `VX.27`).
pub(crate) const COMMITTEES: [Committee; 3] = [
    Committee {
        name: "Đảng bộ Công an huyện",
        kind: CellKind::Police,
        cells: &[
            "Chi bộ Đội An ninh",
            "Chi bộ Đội Tổng hợp",
            "Chi bộ Đội Cảnh sát thi hành án hình sự và hỗ trợ tư pháp",
            "Chi bộ Đội Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ",
            "Chi bộ Nhà tạm giữ",
        ],
        sub_committee: Some((
            "Đảng bộ bộ phận Cảnh sát",
            &[
                "Chi bộ Đội Cảnh sát điều tra tội phạm về trật tự xã hội",
                "Chi bộ Đội Cảnh sát điều tra tội phạm về kinh tế và ma túy",
                "Chi bộ Đội Cảnh sát giao thông – Trật tự",
                "Chi bộ Đội Cảnh sát quản lý hành chính về trật tự xã hội",
            ],
        )),
        merge_destination: None,
    },
    Committee {
        name: "Đảng bộ Quân sự huyện",
        kind: CellKind::Army,
        cells: &[
            "Chi bộ Chỉ huy",
            "Chi bộ Tham mưu",
            "Chi bộ Chính trị",
            "Chi bộ Hậu cần – Kỹ thuật",
            "Chi bộ Trung đội Dân quân thường trực",
        ],
        sub_committee: None,
        merge_destination: None,
    },
    Committee {
        name: "Đảng bộ Trung tâm Y tế huyện",
        kind: CellKind::Health,
        cells: &[
            "Chi bộ Phòng Tổ chức – Hành chính",
            "Chi bộ Khoa Y tế công cộng",
            "Chi bộ Phòng khám Đa khoa khu vực Việt Lâm",
            "Chi bộ Phòng khám Đa khoa khu vực Thanh Thủy",
        ],
        sub_committee: Some((
            "Đảng bộ bộ phận Khối điều trị",
            &[
                "Chi bộ Khoa Nội – Nhi – Truyền nhiễm",
                "Chi bộ Khoa Ngoại – Sản",
                "Chi bộ Khoa Khám bệnh – Hồi sức cấp cứu",
                "Chi bộ Khoa Cận lâm sàng – Dược",
            ],
        )),
        merge_destination: Some("Chi bộ Khoa Y tế công cộng"),
    },
];

const fn cell(name: &'static str, kind: CellKind, size: (u32, u32)) -> CellAgency {
    located(name, kind, SEAT, size)
}

const fn located(
    name: &'static str,
    kind: CellKind,
    commune: usize,
    size: (u32, u32),
) -> CellAgency {
    CellAgency {
        name,
        kind,
        commune,
        size,
        merge: None,
    }
}

const fn merged(name: &'static str, kind: CellKind, into: &'static str, on: Date) -> CellAgency {
    CellAgency {
        name,
        kind,
        commune: SEAT,
        size: (5, 9),
        merge: Some((into, on)),
    }
}

use CellKind::{Agency, Enterprise, Health, School};

/// The grassroots cells outside the communes (`VX.28` …): 50 that lasted the term and the
/// 8 that were merged during it.
pub(crate) const CELL_AGENCIES: [CellAgency; 58] = [
    cell("Chi bộ Văn phòng Huyện ủy", Agency, (10, 18)),
    cell("Chi bộ Cơ quan Ủy ban Kiểm tra Huyện ủy", Agency, (6, 10)),
    cell("Chi bộ các Ban xây dựng Đảng Huyện ủy", Agency, (12, 20)),
    cell("Chi bộ Trung tâm Bồi dưỡng chính trị huyện", Agency, (5, 9)),
    cell(
        "Chi bộ Cơ quan Mặt trận Tổ quốc và các đoàn thể huyện",
        Agency,
        (12, 20),
    ),
    cell("Chi bộ Văn phòng HĐND và UBND huyện", Agency, (12, 18)),
    cell("Chi bộ Phòng Nội vụ huyện", Agency, (6, 10)),
    cell("Chi bộ Phòng Tài chính – Kế hoạch huyện", Agency, (8, 12)),
    cell(
        "Chi bộ Phòng Tài nguyên và Môi trường huyện",
        Agency,
        (6, 10),
    ),
    cell(
        "Chi bộ Phòng Nông nghiệp và Phát triển nông thôn huyện",
        Agency,
        (7, 11),
    ),
    cell("Chi bộ Phòng Kinh tế và Hạ tầng huyện", Agency, (6, 10)),
    cell(
        "Chi bộ Phòng Lao động – Thương binh và Xã hội huyện",
        Agency,
        (7, 11),
    ),
    cell("Chi bộ Phòng Giáo dục và Đào tạo huyện", Agency, (10, 16)),
    cell("Chi bộ Phòng Văn hóa và Thông tin huyện", Agency, (5, 8)),
    cell("Chi bộ Thanh tra huyện", Agency, (5, 8)),
    cell("Chi bộ Phòng Tư pháp huyện", Agency, (5, 8)),
    cell("Chi bộ Phòng Dân tộc huyện", Agency, (5, 8)),
    cell(
        "Chi bộ Ban Quản lý dự án đầu tư xây dựng huyện",
        Agency,
        (7, 11),
    ),
    cell(
        "Chi bộ Trung tâm Văn hóa – Thể thao và Truyền thông huyện",
        Agency,
        (8, 12),
    ),
    cell(
        "Chi bộ Trung tâm Giáo dục nghề nghiệp – Giáo dục thường xuyên huyện",
        School,
        (8, 14),
    ),
    cell(
        "Chi bộ Trung tâm Dịch vụ Nông nghiệp huyện",
        Agency,
        (8, 12),
    ),
    cell("Chi bộ Hạt Kiểm lâm huyện", Agency, (10, 16)),
    cell("Chi bộ Ban Quản lý rừng phòng hộ huyện", Agency, (6, 10)),
    cell("Chi bộ Chi cục Thuế huyện", Agency, (12, 20)),
    cell("Chi bộ Kho bạc Nhà nước huyện", Agency, (6, 10)),
    cell("Chi bộ Ngân hàng Nông nghiệp huyện", Agency, (12, 20)),
    cell("Chi bộ Ngân hàng Chính sách xã hội huyện", Agency, (8, 12)),
    cell("Chi bộ Bảo hiểm xã hội huyện", Agency, (8, 12)),
    cell("Chi bộ Viện Kiểm sát nhân dân huyện", Agency, (8, 12)),
    cell("Chi bộ Tòa án nhân dân huyện", Agency, (8, 12)),
    cell("Chi bộ Chi cục Thi hành án dân sự huyện", Agency, (6, 10)),
    cell("Chi bộ Chi cục Thống kê huyện", Agency, (5, 8)),
    cell(
        "Chi bộ Văn phòng Đăng ký đất đai chi nhánh Vị Xuyên",
        Agency,
        (5, 9),
    ),
    located("Chi bộ Hải quan cửa khẩu Thanh Thủy", Agency, 17, (8, 14)),
    cell("Chi bộ Đội Quản lý thị trường số 2", Agency, (5, 8)),
    cell("Chi bộ Trường THPT Vị Xuyên", School, (14, 22)),
    located("Chi bộ Trường THPT Việt Lâm", School, 1, (12, 20)),
    located("Chi bộ Trường THPT Minh Tân", School, 9, (10, 16)),
    located("Chi bộ Trường THPT Thượng Sơn", School, 19, (8, 14)),
    cell(
        "Chi bộ Trường Phổ thông Dân tộc nội trú huyện",
        School,
        (10, 16),
    ),
    cell("Chi bộ Điện lực Vị Xuyên", Enterprise, (10, 16)),
    cell("Chi bộ Bưu điện huyện", Enterprise, (5, 8)),
    cell("Chi bộ Trung tâm Viễn thông Vị Xuyên", Enterprise, (5, 9)),
    located(
        "Chi bộ Công ty Cổ phần Chè Việt Lâm",
        Enterprise,
        22,
        (8, 14),
    ),
    cell("Chi bộ Công ty Lâm nghiệp Vị Xuyên", Enterprise, (6, 10)),
    cell(
        "Chi bộ Công ty Cổ phần Xây dựng Giao thông Vị Xuyên",
        Enterprise,
        (5, 9),
    ),
    cell("Chi bộ Xí nghiệp Cấp nước Vị Xuyên", Enterprise, (5, 8)),
    cell("Chi bộ Hạt Quản lý đường bộ Vị Xuyên", Enterprise, (5, 8)),
    located(
        "Chi bộ Quỹ Tín dụng nhân dân Việt Lâm",
        Enterprise,
        1,
        (4, 7),
    ),
    located("Chi bộ Nhà máy Thủy điện Việt Lâm", Enterprise, 22, (5, 9)),
    merged(
        "Chi bộ Phòng Y tế huyện",
        Agency,
        "Chi bộ Văn phòng HĐND và UBND huyện",
        ymd(2016, 10, 1),
    ),
    merged(
        "Chi bộ Trung tâm Dạy nghề huyện",
        School,
        "Chi bộ Trung tâm Giáo dục nghề nghiệp – Giáo dục thường xuyên huyện",
        ymd(2017, 3, 1),
    ),
    merged(
        "Chi bộ Ban Quản lý các dự án Chương trình 135 huyện",
        Agency,
        "Chi bộ Ban Quản lý dự án đầu tư xây dựng huyện",
        ymd(2017, 7, 1),
    ),
    merged(
        "Chi bộ Trạm Thú y huyện",
        Agency,
        "Chi bộ Trung tâm Dịch vụ Nông nghiệp huyện",
        ymd(2018, 9, 1),
    ),
    merged(
        "Chi bộ Trạm Trồng trọt và Bảo vệ thực vật huyện",
        Agency,
        "Chi bộ Trung tâm Dịch vụ Nông nghiệp huyện",
        ymd(2018, 9, 1),
    ),
    merged(
        "Chi bộ Đài Truyền thanh – Truyền hình huyện",
        Agency,
        "Chi bộ Trung tâm Văn hóa – Thể thao và Truyền thông huyện",
        ymd(2019, 1, 1),
    ),
    merged(
        "Chi bộ Trung tâm Dân số – Kế hoạch hóa gia đình huyện",
        Health,
        "Đảng bộ Trung tâm Y tế huyện",
        ymd(2019, 10, 1),
    ),
    merged(
        "Chi bộ Trung tâm Phát triển quỹ đất huyện",
        Agency,
        "Chi bộ Phòng Tài nguyên và Môi trường huyện",
        ymd(2020, 1, 1),
    ),
];

/// A grassroots cell founded after the term (`VX.86`), so that today's structure differs.
pub(crate) const FOUNDED_AFTER_TERM: (CellAgency, Date) = (
    cell(
        "Chi bộ Công ty Cổ phần Nông sản Vị Xuyên",
        Enterprise,
        (6, 10),
    ),
    ymd(2022, 9, 15),
);

/// A cell founded after the term under a commune's committee: (commune, name, date).
pub(crate) const COMMUNE_CELL_AFTER_TERM: (usize, &str, Date) = (
    3,
    "Chi bộ Hợp tác xã Chè Shan tuyết Cao Bồ",
    ymd(2022, 6, 1),
);

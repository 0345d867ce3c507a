//! The sentences of the checks' messages, Vietnamese and English side by side.

use super::checks::Check;

/// The Vietnamese sentence of a failed `check`.
pub(super) fn vi(check: Check) -> &'static str {
    match check {
        Check::AgeUnder18 => "Người vào Đảng chưa đủ 18 tuổi (tính theo tháng) khi chi bộ xét",
        Check::AgeOver60 => {
            "Người vào Đảng trên 60 tuổi: cần quyết định của cấp ủy trực thuộc Trung ương"
        }
        Check::Education => {
            "Trình độ học vấn chưa tốt nghiệp THCS: cần ghi trường hợp được áp dụng ngoại lệ"
        }
        Check::Course => {
            "Chưa có giấy chứng nhận lớp nhận thức về Đảng còn giá trị (5 năm) khi chi bộ xét"
        }
        Check::IntroducersIncomplete => {
            "Chưa đủ người giới thiệu: hai đảng viên chính thức, hoặc một đảng viên và nghị quyết của Đoàn"
        }
        Check::IntroducerNotOfficial => {
            "Người giới thiệu không phải đảng viên chính thức vào ngày chi bộ ra nghị quyết"
        }
        Check::DatesOutOfOrder => "Các ngày của hồ sơ không đúng thứ tự",
        Check::MissingStep => "Chưa ghi bước trước của quy trình kết nạp",
        Check::NotPassed => {
            "Nghị quyết của chi bộ chưa được ít nhất hai phần ba đảng viên chính thức tán thành"
        }
        Check::VotesExhausted => {
            "Chi bộ đã biểu quyết ba lần không đủ hai phần ba: phải báo cáo cấp trên quyết định"
        }
        Check::DecisionLate => {
            "Quyết định kết nạp muộn hơn 60 ngày làm việc sau nghị quyết của chi bộ"
        }
        Check::CeremonyLate => {
            "Lễ kết nạp muộn hơn 30 ngày làm việc sau quyết định: cần ý kiến đồng ý của cấp trên"
        }
        Check::ProbationNotOver => "Chưa hết 12 tháng dự bị",
        Check::Finished => "Hồ sơ đã kết thúc, không ghi thêm bước",
    }
}

/// The English sentence of a failed `check`, for logs.
pub(super) fn en(check: Check) -> &'static str {
    match check {
        Check::AgeUnder18 => {
            "The applicant is under 18 full years (counted in months) at the cell's resolution"
        }
        Check::AgeOver60 => {
            "The applicant is over 60: a decision of a committee directly under the Centre is needed"
        }
        Check::Education => {
            "Education below lower secondary: the exception that applies must be recorded"
        }
        Check::Course => "No awareness-course certificate valid (5 years) at the cell's resolution",
        Check::IntroducersIncomplete => {
            "Introducers incomplete: two official members, or one plus the youth union's resolution"
        }
        Check::IntroducerNotOfficial => {
            "An introducer was not an official member on the cell's resolution day"
        }
        Check::DatesOutOfOrder => "The dossier's dates are out of order",
        Check::MissingStep => "The previous step of the admission has not been recorded",
        Check::NotPassed => {
            "The cell's resolution lacks two thirds of the official members in favour"
        }
        Check::VotesExhausted => {
            "Three cell votes without two thirds either way: the superior decides"
        }
        Check::DecisionLate => {
            "The admission decision is later than 60 working days after the cell's resolution"
        }
        Check::CeremonyLate => {
            "The ceremony is later than 30 working days after the decision: the superior's consent is needed"
        }
        Check::ProbationNotOver => "The 12 months of probation have not ended",
        Check::Finished => "The dossier is finished; no step can be added",
    }
}

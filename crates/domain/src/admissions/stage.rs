//! The stage of a dossier, derived from its facts (never stored, so never out of step).

use super::dossier::{Dossier, ProbationEnd};
use crate::enums::{Enumeration, enumeration};
use serde::{Deserialize, Serialize};

enumeration!(
    /// How far a dossier has come: the last step recorded.
    Stage, "giai_doan", {
        /// On the cell's list of outstanding non-members.
        Listed => "DANH_SACH", "Trong danh sách cảm tình Đảng";
        /// Awareness course completed.
        CourseDone => "DA_HOC_NHAN_THUC", "Đã học lớp nhận thức về Đảng";
        /// Application and CV received.
        Applied => "DA_NOP_HO_SO", "Đã nộp đơn và lý lịch";
        /// Introducers assigned.
        Introduced => "DA_CO_NGUOI_GIOI_THIEU", "Đã có người giới thiệu";
        /// The cell's resolution proposes admission.
        Resolved => "CHI_BO_DE_NGHI", "Chi bộ đã đề nghị kết nạp";
        /// The grassroots committee proposed admission.
        Proposed => "DANG_UY_CO_SO_DE_NGHI", "Đảng ủy cơ sở đã đề nghị";
        /// The competent committee decided to admit.
        Decided => "DA_CO_QUYET_DINH", "Đã có quyết định kết nạp";
        /// Admitted at the ceremony: a probationary member.
        Probationary => "DU_BI", "Đảng viên dự bị";
        /// Recognized as an official member.
        Recognized => "CHINH_THUC", "Đã công nhận chính thức";
        /// Struck off at the end of probation.
        StruckOff => "XOA_TEN", "Xóa tên khi hết dự bị";
        /// Closed without admission.
        Closed => "KHONG_KET_NAP", "Đã kết thúc, không kết nạp";
    }
);

impl Stage {
    /// Whether the dossier needs nothing more.
    pub fn is_final(self) -> bool {
        matches!(self, Self::Recognized | Self::StruckOff | Self::Closed)
    }
}

impl Dossier {
    /// The stage the recorded facts put the dossier in.
    pub fn stage(&self) -> Stage {
        if self.closing.is_some() {
            return Stage::Closed;
        }
        match self.probation_end {
            Some(ProbationEnd::Recognized { .. }) => return Stage::Recognized,
            Some(ProbationEnd::StruckOff { .. }) => return Stage::StruckOff,
            None => {}
        }
        let steps = [
            (self.ceremony_on.is_some(), Stage::Probationary),
            (self.decision.is_some(), Stage::Decided),
            (self.proposal_on.is_some(), Stage::Proposed),
            (self.resolution_on.is_some(), Stage::Resolved),
            (self.introducers.is_complete(), Stage::Introduced),
            (self.application_on.is_some(), Stage::Applied),
            (self.course_on.is_some(), Stage::CourseDone),
        ];
        steps
            .into_iter()
            .find(|(done, _)| *done)
            .map_or(Stage::Listed, |(_, stage)| stage)
    }
}

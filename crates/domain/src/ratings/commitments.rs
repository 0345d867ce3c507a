//! Signed commitments of heads and deputies (`cam_ket`, cam kết trách nhiệm): each year the
//! head and the deputies of a Party organization sign what they commit to, to their
//! superior's head, and are evaluated at year end (met or not met). The rules here are the
//! row's own; the term report's `commitments` figures are counted by [`commitment_figures`].

use crate::codes::{MemberCode, OrgCode};
use crate::dates::Date;
use crate::enums::{Enumeration, enumeration};
use crate::summary::term::Commitments;
use serde::{Deserialize, Serialize};

enumeration!(
    /// A post held (`chuc_vu`): Party posts, and the State or Front posts of the same
    /// locality or agency (interchange v2, table `chuc_vu`). Cadre work will keep who holds
    /// which post over time; commitments name the signer's post with it.
    Post, "chuc_vu", {
        /// Secretary of the committee or cell.
        BiThu => "BI_THU", "Bí thư";
        /// Deputy secretary.
        PhoBiThu => "PHO_BI_THU", "Phó Bí thư";
        /// Member of the standing committee.
        UyVienBtv => "UY_VIEN_BTV", "Ủy viên Ban Thường vụ";
        /// Member of the committee.
        CapUyVien => "CAP_UY_VIEN", "Cấp ủy viên";
        /// Chair of the inspection committee.
        ChuNhiemUbkt => "CHU_NHIEM_UBKT", "Chủ nhiệm Ủy ban Kiểm tra";
        /// Chair of the People's Council.
        ChuTichHdnd => "CHU_TICH_HDND", "Chủ tịch HĐND";
        /// Vice-chair of the People's Council.
        PhoChuTichHdnd => "PHO_CHU_TICH_HDND", "Phó Chủ tịch HĐND";
        /// Chair of the People's Committee.
        ChuTichUbnd => "CHU_TICH_UBND", "Chủ tịch UBND";
        /// Vice-chair of the People's Committee.
        PhoChuTichUbnd => "PHO_CHU_TICH_UBND", "Phó Chủ tịch UBND";
        /// Chair of the Fatherland Front committee.
        ChuTichMttq => "CHU_TICH_MTTQ", "Chủ tịch Ủy ban MTTQ";
        /// Head of a mass organization.
        TruongDoanThe => "TRUONG_DOAN_THE", "Người đứng đầu đoàn thể";
        /// Head of an agency or unit.
        ThuTruongCoQuan => "THU_TRUONG_CO_QUAN", "Thủ trưởng cơ quan, đơn vị";
        /// Another post.
        Khac => "KHAC", "Chức vụ khác";
    }
);

enumeration!(
    /// How a commitment was evaluated at year end (`cam_ket.ket_qua`).
    CommitmentOutcome, "ket_qua", {
        /// Met.
        HoanThanh => "HOAN_THANH", "Hoàn thành";
        /// Not met.
        KhongHoanThanh => "KHONG_HOAN_THANH", "Không hoàn thành";
    }
);

/// The year-end evaluation of a commitment: the outcome and its day come together (a row
/// with one and not the other is refused by the interchange reader and the forms).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evaluation {
    /// Met or not met.
    pub outcome: CommitmentOutcome,
    /// The day it was evaluated (`ngay_danh_gia`).
    pub on: Date,
}

/// A signed commitment (a row of `cam_ket`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Commitment {
    /// Its code (`ma`).
    pub code: String,
    /// The year it is for.
    pub year: i32,
    /// The organization where the signer holds the post.
    pub org: OrgCode,
    /// The signer.
    pub signer: MemberCode,
    /// The signer's post.
    pub post: Post,
    /// The superior head who receives it, if recorded.
    pub recipient: Option<MemberCode>,
    /// What is committed.
    pub content: String,
    /// The signing day.
    pub signed_on: Date,
    /// The year-end evaluation, once made.
    pub evaluation: Option<Evaluation>,
}

/// Why a commitment or its evaluation is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CommitmentProblem {
    /// Evaluated before it was signed.
    EvaluatedBeforeSigning {
        /// Signing day.
        signed_on: Date,
        /// Evaluation day.
        evaluated_on: Date,
    },
    /// The content is empty.
    NoContent,
    /// Signed or evaluated after today.
    Future {
        /// The day.
        day: Date,
    },
}

impl CommitmentProblem {
    /// The message, Vietnamese then English, in one text.
    pub fn message(&self) -> String {
        let (vi, en) = self.messages();
        format!("{vi} / {en}")
    }

    /// The message in Vietnamese and in English.
    pub fn messages(&self) -> (String, String) {
        let vi = |d: &Date| d.format("%d/%m/%Y").to_string();
        match self {
            CommitmentProblem::EvaluatedBeforeSigning {
                signed_on,
                evaluated_on,
            } => (
                format!(
                    "ngày đánh giá {} trước ngày ký {}",
                    vi(evaluated_on),
                    vi(signed_on)
                ),
                format!("the evaluation ({evaluated_on}) comes before the signing ({signed_on})"),
            ),
            CommitmentProblem::NoContent => (
                "nội dung cam kết không được để trống".into(),
                "what is committed is required".into(),
            ),
            CommitmentProblem::Future { day } => (
                format!("ngày {} chưa đến", vi(day)),
                format!("{day} is after today"),
            ),
        }
    }

    /// The column of `cam_ket` the problem is about.
    pub fn column(&self) -> &'static str {
        match self {
            CommitmentProblem::EvaluatedBeforeSigning { .. } => "ngay_danh_gia",
            CommitmentProblem::NoContent => "noi_dung",
            CommitmentProblem::Future { .. } => "ngay_ky",
        }
    }
}

impl Commitment {
    /// The rules of the row: something is committed, and an evaluation is not before the
    /// signing. (That `ket_qua` and `ngay_danh_gia` come together is the type's.)
    pub fn check(&self) -> Result<(), CommitmentProblem> {
        if self.content.trim().is_empty() {
            return Err(CommitmentProblem::NoContent);
        }
        if let Some(evaluation) = &self.evaluation {
            check_evaluation(self.signed_on, evaluation.on)?;
        }
        Ok(())
    }
}

/// An evaluation on `evaluated_on` of a commitment signed on `signed_on`: not before it.
pub fn check_evaluation(signed_on: Date, evaluated_on: Date) -> Result<(), CommitmentProblem> {
    if evaluated_on < signed_on {
        return Err(CommitmentProblem::EvaluatedBeforeSigning {
            signed_on,
            evaluated_on,
        });
    }
    Ok(())
}

/// The term report's `commitments` (`report-term.md`): `signed` = commitments with
/// `ngay_ky` in `from..=to` whose organization was in the subtree on that day
/// (`in_subtree`); `met` / `not_met` = those of them evaluated so, whenever evaluated.
pub fn commitment_figures<'a>(
    commitments: impl IntoIterator<Item = &'a Commitment>,
    from: Date,
    to: Date,
    in_subtree: impl Fn(&OrgCode, Date) -> bool,
) -> Commitments {
    let mut figures = Commitments::default();
    for c in commitments {
        if c.signed_on < from || c.signed_on > to || !in_subtree(&c.org, c.signed_on) {
            continue;
        }
        figures.signed += 1;
        match c.evaluation.map(|e| e.outcome) {
            Some(CommitmentOutcome::HoanThanh) => figures.met += 1,
            Some(CommitmentOutcome::KhongHoanThanh) => figures.not_met += 1,
            None => {}
        }
    }
    figures
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> Date {
        Date::from_ymd_opt(y, m, d).unwrap()
    }

    fn commitment(org: &str, signed_on: Date, outcome: Option<CommitmentOutcome>) -> Commitment {
        Commitment {
            code: format!("CK-{org}-{signed_on}"),
            year: 2020,
            org: OrgCode::parse(org).unwrap(),
            signer: MemberCode::parse("DV1").unwrap(),
            post: Post::BiThu,
            recipient: None,
            content: "Lãnh đạo hoàn thành chỉ tiêu".into(),
            signed_on,
            evaluation: outcome.map(|outcome| Evaluation {
                outcome,
                on: day(2020, 12, 20),
            }),
        }
    }

    #[test]
    fn posts_and_outcomes_read_as_codes_or_labels() {
        assert_eq!(Post::parse("PHO_BI_THU").unwrap(), Post::PhoBiThu);
        assert_eq!(Post::parse("Bí thư").unwrap(), Post::BiThu);
        assert_eq!(Post::ALL.len(), 13);
        assert_eq!(
            CommitmentOutcome::parse("Không hoàn thành").unwrap(),
            CommitmentOutcome::KhongHoanThanh
        );
        assert!(CommitmentOutcome::parse("DAT").is_err());
    }

    #[test]
    fn an_evaluation_before_the_signing_or_an_empty_content_is_refused() {
        let mut c = commitment("VX", day(2020, 1, 15), Some(CommitmentOutcome::HoanThanh));
        assert_eq!(c.check(), Ok(()));
        c.evaluation = Some(Evaluation {
            outcome: CommitmentOutcome::HoanThanh,
            on: day(2020, 1, 14),
        });
        let refused = c.check().unwrap_err();
        assert_eq!(refused.column(), "ngay_danh_gia");
        assert!(refused.message().contains("14/01/2020"));
        // The same day is allowed.
        assert_eq!(check_evaluation(day(2020, 1, 15), day(2020, 1, 15)), Ok(()));
        c.evaluation = None;
        c.content = "  ".into();
        assert_eq!(c.check(), Err(CommitmentProblem::NoContent));
    }

    #[test]
    fn figures_count_signatures_in_the_period_and_in_the_subtree_then() {
        let all = [
            commitment("VX", day(2020, 1, 15), Some(CommitmentOutcome::HoanThanh)),
            commitment(
                "VX.01",
                day(2020, 1, 20),
                Some(CommitmentOutcome::KhongHoanThanh),
            ),
            commitment("VX.02", day(2020, 2, 1), None),
            // Outside the period.
            commitment("VX", day(2021, 1, 15), Some(CommitmentOutcome::HoanThanh)),
            // Outside the subtree.
            commitment("HG", day(2020, 1, 15), Some(CommitmentOutcome::HoanThanh)),
        ];
        let in_vx = |org: &OrgCode, _: Date| org.as_str().starts_with("VX");
        let figures = commitment_figures(&all, day(2020, 1, 1), day(2020, 12, 31), in_vx);
        assert_eq!(
            figures,
            Commitments {
                signed: 3,
                met: 1,
                not_met: 1
            }
        );
    }
}

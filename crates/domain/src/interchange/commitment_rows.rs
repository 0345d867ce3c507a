//! `cam_ket` (interchange v2): signed commitments of heads and deputies, one row per code.
//! The organization, the signer and the recipient must be in the file or stored; the
//! outcome and its day come together; an evaluation is not before the signing.

pub(crate) use super::dossiers::DossierContext as CommitmentContext;
use super::fields::RowReader;
use super::problems::{Problem, Reason, report_duplicates};
use super::rows::Cells;
use super::tables::Table;
use crate::ratings::commitments::{Commitment, CommitmentOutcome, Evaluation};

/// The rows of `cam_ket` read so far, their sheet rows, and their codes.
#[derive(Debug, Default)]
pub(crate) struct CommitmentRows {
    commitments: Vec<Commitment>,
    rows: Vec<usize>,
    keys: Vec<(String, usize, String)>,
}

impl CommitmentRows {
    /// Reads one non-empty row.
    pub fn row(
        &mut self,
        cells: Cells<'_>,
        context: &CommitmentContext<'_, '_>,
        problems: &mut Vec<Problem>,
    ) {
        let mut row = RowReader::new(cells, problems).not_after(context.known.today);
        let code = row.member_code("ma").map(|c| c.as_str().to_owned());
        let year = row.year("nam");
        let org = row.org_code("ma_to_chuc");
        if org.as_ref().is_some_and(|o| !context.orgs.contains(o)) {
            row.report("ma_to_chuc", Reason::unknown_org());
        }
        let member = |row: &mut RowReader<'_, '_>, key: &str| {
            let code = row.member_code(key)?;
            if context.is_member(&code) {
                Some(code)
            } else {
                row.report(key, Reason::unknown_member());
                None
            }
        };
        let signer = member(&mut row, "ma_nguoi_ky");
        let recipient = member(&mut row, "ma_nguoi_nhan");
        let post = row.enumeration("chuc_vu");
        let content = row.text("noi_dung");
        let signed_on = row.past_date("ngay_ky");
        let evaluation = read_evaluation(&mut row);
        if let Some(code) = &code {
            self.keys.push((code.clone(), row.number(), code.clone()));
        }
        let number = row.number();
        let (Some(code), Some(year), Some(org), Some(signer), Some(post), Some(content)) =
            (code, year, org, signer, post, content)
        else {
            return;
        };
        let Some(signed_on) = signed_on else { return };
        let commitment = Commitment {
            code,
            year,
            org,
            signer,
            post,
            recipient,
            content,
            signed_on,
            evaluation,
        };
        if let Err(problem) = commitment.check() {
            let (vi, en) = problem.messages();
            row.report(problem.column(), Reason::new(vi, en));
            return;
        }
        self.commitments.push(commitment);
        self.rows.push(number);
    }

    /// Reports a code given twice; returns the commitments and their sheet rows.
    pub fn finish(self, problems: &mut Vec<Problem>) -> (Vec<Commitment>, Vec<usize>) {
        report_duplicates(Table::CamKet, "ma", self.keys, problems);
        (self.commitments, self.rows)
    }
}

/// `ket_qua` and `ngay_danh_gia`, which come together.
fn read_evaluation(row: &mut RowReader<'_, '_>) -> Option<Evaluation> {
    let outcome = row.enumeration::<CommitmentOutcome>("ket_qua");
    let on = row.past_date("ngay_danh_gia");
    let together = |other: &str| {
        Reason::new(
            format!("cần có giá trị khi đã ghi {other}"),
            format!("required when {other} is given"),
        )
    };
    if !row.is_blank("ket_qua") && row.is_blank("ngay_danh_gia") {
        row.report("ngay_danh_gia", together("ket_qua"));
    }
    if !row.is_blank("ngay_danh_gia") && row.is_blank("ket_qua") {
        row.report("ket_qua", together("ngay_danh_gia"));
    }
    Some(Evaluation {
        outcome: outcome?,
        on: on?,
    })
}

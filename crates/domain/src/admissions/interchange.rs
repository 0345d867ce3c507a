//! The rules of the interchange table `ho_so_ket_nap` (interchange-v2.md) over a dossier
//! read from a file: which failures refuse the whole file (the row named) and which are
//! findings of the import report (the row kept: history is imported as it happened).
//!
//! `lop_hoc` / `hoc_vien` are not implemented yet, so the awareness-course rule looks at the
//! course day the dossier itself records; without one it is a finding, as the spec says for
//! an applicant with no completed course.

use super::checks::{Check, Problem, check_age, check_course, check_introducers, check_order};
use super::deadlines::{WorkingDays, ceremony_due, decision_due};
use super::dossier::{Applicant, Closing, Decision, Dossier, IntroducerFacts, Introducers};
use crate::dates::Date;

/// What a `ho_so_ket_nap` row breaks.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RowFindings {
    /// Failures that refuse the file.
    pub refuse: Vec<Problem>,
    /// Findings listed in the import report.
    pub report: Vec<Problem>,
}

/// Judges a dossier read from a file. `introducers` are the stored (or same-file) facts of
/// its introducers; `member_admitted_on` the `ngay_vao_dang` of its `ma_dang_vien`.
pub fn judge_row(
    dossier: &Dossier,
    introducers: &[IntroducerFacts],
    member_admitted_on: Option<Date>,
    calendar: &impl WorkingDays,
) -> RowFindings {
    let mut found = RowFindings::default();
    found.refuse.extend(check_order(dossier));
    if dossier.ceremony_on.is_some() && dossier.decision.is_none() {
        found
            .refuse
            .push(Problem::new(Check::MissingStep, "ngay_quyet_dinh"));
    }
    if let (Some(ceremony), Some(admitted)) = (dossier.ceremony_on, member_admitted_on)
        && ceremony != admitted
    {
        let detail = format!("ngay_ket_nap {ceremony} ≠ ngay_vao_dang {admitted}");
        found
            .refuse
            .push(Problem::new(Check::DatesOutOfOrder, detail));
    }
    let Some(resolution) = dossier.resolution_on else {
        return found;
    };
    if dossier.introducers.first.is_some() {
        found.refuse.extend(
            check_introducers(dossier, introducers, resolution)
                .into_iter()
                .filter(|p| p.check == Check::IntroducerNotOfficial),
        );
    }
    found
        .report
        .extend(check_age(&dossier.applicant, resolution));
    found
        .report
        .extend(check_course(dossier.course_on, resolution));
    if let Some(decision) = &dossier.decision {
        let due = decision_due(resolution, calendar);
        if decision.on > due {
            found
                .report
                .push(Problem::new(Check::DecisionLate, format!("> {due}")));
        }
        if let Some(ceremony) = dossier.ceremony_on {
            let due = ceremony_due(decision.on, calendar);
            if ceremony > due {
                found
                    .report
                    .push(Problem::new(Check::CeremonyLate, format!("> {due}")));
            }
        }
    }
    found
}

/// The dossier as the table carries it: the applicant, the cell, the list, introducers,
/// resolution, decision, ceremony, member and closing day. What only the workflow records
/// (course, application, votes, proposal, probation's end, overrides, the closing's
/// reason) is left out, so that an export imports back as it was written.
pub fn file_form(dossier: &Dossier) -> Dossier {
    let mut form = Dossier::new(
        dossier.code.clone(),
        Applicant {
            education: None,
            ..dossier.applicant.clone()
        },
        dossier.cell.clone(),
    );
    form.listed_on = dossier.listed_on;
    form.introducers = Introducers {
        youth_union_on: None,
        ..dossier.introducers.clone()
    };
    form.resolution_on = dossier.resolution_on;
    form.decision.clone_from(&dossier.decision);
    form.ceremony_on = dossier.ceremony_on;
    form.member.clone_from(&dossier.member);
    form.closing = dossier.closing.as_ref().map(|c| Closing {
        on: c.on,
        reason: String::new(),
    });
    form
}

/// A row of a file over the stored dossier of its code (if any): the row's values
/// replace the stored ones, a column the file lacks (`has` says which it gives) leaves
/// the stored value, and what the table does not carry stays as the workflow recorded it.
pub fn merge_row(stored: Option<&Dossier>, row: &Dossier, has: impl Fn(&str) -> bool) -> Dossier {
    let Some(stored) = stored else {
        return row.clone();
    };
    let mut merged = stored.clone();
    merged
        .applicant
        .full_name
        .clone_from(&row.applicant.full_name);
    merged.applicant.gender = row.applicant.gender;
    merged.applicant.birth_date = row.applicant.birth_date;
    merged.cell.clone_from(&row.cell);
    let a = (&mut merged.applicant, &row.applicant);
    take(has("dan_toc"), &mut a.0.ethnicity, &a.1.ethnicity);
    take(
        has("ngay_vao_danh_sach"),
        &mut merged.listed_on,
        &row.listed_on,
    );
    let i = (&mut merged.introducers, &row.introducers);
    take(has("ma_nguoi_gioi_thieu_1"), &mut i.0.first, &i.1.first);
    take(has("ma_nguoi_gioi_thieu_2"), &mut i.0.second, &i.1.second);
    take(
        has("ngay_nghi_quyet_chi_bo"),
        &mut merged.resolution_on,
        &row.resolution_on,
    );
    if has("ngay_quyet_dinh") {
        let number = |d: &Decision| match (has("so_quyet_dinh"), &stored.decision) {
            (false, Some(before)) => before.number.clone(),
            _ => d.number.clone(),
        };
        merged.decision = row.decision.as_ref().map(|d| Decision {
            number: number(d),
            on: d.on,
        });
    }
    take(
        has("ngay_ket_nap"),
        &mut merged.ceremony_on,
        &row.ceremony_on,
    );
    take(has("ma_dang_vien"), &mut merged.member, &row.member);
    if has("ket_thuc") {
        let reason = stored.closing.as_ref().map(|c| c.reason.clone());
        merged.closing = row.closing.as_ref().map(|c| Closing {
            on: c.on,
            reason: reason.clone().unwrap_or_default(),
        });
    }
    merged
}

/// `to` becomes `from` when the file gives the column.
fn take<T: Clone>(given: bool, to: &mut T, from: &T) {
    if given {
        to.clone_from(from);
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::admissions::{Applicant, Decision, Introducers};
    use crate::calendar::WorkingCalendar;
    use crate::enums::{Enumeration, Gender};
    use crate::{MemberCode, OrgCode};

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date::from_ymd_opt(y, m, day).unwrap()
    }

    fn row() -> Dossier {
        let applicant = Applicant {
            full_name: "Lò Văn Páo".into(),
            gender: Gender::parse("NAM").unwrap(),
            birth_date: d(1990, 1, 1),
            ethnicity: None,
            education: None,
        };
        let mut x = Dossier::new("HS9".into(), applicant, OrgCode::parse("VX.01.01").unwrap());
        x.listed_on = Some(d(2019, 1, 2));
        x.introducers = Introducers {
            first: Some(MemberCode::parse("DV1").unwrap()),
            second: None,
            youth_union_on: Some(d(2019, 5, 1)),
        };
        x.resolution_on = Some(d(2019, 6, 3));
        x.decision = Some(Decision {
            number: None,
            on: d(2019, 10, 1),
        });
        x.ceremony_on = Some(d(2019, 10, 15));
        x
    }

    /// A row, its introducers' facts, the member's admission day, what refuses, what reports.
    type Case = (
        Dossier,
        Vec<IntroducerFacts>,
        Option<Date>,
        Vec<Check>,
        Vec<Check>,
    );

    fn checks(v: &[Problem]) -> Vec<Check> {
        v.iter().map(|p| p.check).collect()
    }

    #[test]
    fn refuse_and_report_as_the_spec_says() {
        let calendar = WorkingCalendar::official();
        let official = IntroducerFacts {
            code: MemberCode::parse("DV1").unwrap(),
            official_on: Some(d(2010, 1, 1)),
            counts_as_member: true,
        };
        let cases: Vec<Case> = vec![
            // A late decision without a course: findings only.
            (
                row(),
                vec![official.clone()],
                Some(d(2019, 10, 15)),
                vec![],
                vec![Check::Course, Check::DecisionLate],
            ),
            // The member's admission day differs: refused.
            (
                row(),
                vec![official.clone()],
                Some(d(2019, 10, 16)),
                vec![Check::DatesOutOfOrder],
                vec![Check::Course, Check::DecisionLate],
            ),
            // An introducer not official on the resolution day: refused.
            (
                row(),
                vec![],
                None,
                vec![Check::IntroducerNotOfficial],
                vec![Check::Course, Check::DecisionLate],
            ),
        ];
        for (dossier, facts, admitted, refuse, report) in cases {
            let found = judge_row(&dossier, &facts, admitted, &calendar);
            assert_eq!(
                (checks(&found.refuse), checks(&found.report)),
                (refuse, report)
            );
        }
        let mut no_decision = row();
        no_decision.decision = None;
        let found = judge_row(&no_decision, &[official], None, &calendar);
        assert_eq!(checks(&found.refuse), [Check::MissingStep]);
    }
}

//! Who is rated in a round: members active on the round's reference day, except the
//! exempted (they count as members but are not rated, HD 27/2009 and the Charter), the
//! suspended, and those admitted too recently under the period's rule set. The list is
//! computed and every member left out carries the reason, so it can be explained.

use super::rule_sets::RuleSet;
use crate::dates::{Date, add_months};
use crate::enums::{Enumeration, MemberStatus};

/// What the round needs to know about a member on its reference day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EligibilityFacts {
    /// The admission day.
    pub admitted_on: Date,
    /// The status on the reference day, and the day it began.
    pub status: (MemberStatus, Date),
    /// The day a suspension of activity began, when one is in force (discipline).
    pub suspended_since: Option<Date>,
}

/// Why a member is not rated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotRated {
    /// Exempted from activities since the day given.
    Exempted(Date),
    /// Suspended since the day given.
    Suspended(Date),
    /// Admitted on the day given, fewer than the rule set's months before the reference.
    AdmittedRecently(Date, u32),
    /// No longer (or not yet) a member on the reference day: the status and its day.
    NotActive(MemberStatus, Date),
}

impl NotRated {
    /// "not rated because …", in Vietnamese.
    pub fn explain_vi(&self) -> String {
        match self {
            Self::Exempted(d) => format!("Không xếp loại: miễn sinh hoạt từ {}", vn(*d)),
            Self::Suspended(d) => format!("Không xếp loại: đình chỉ sinh hoạt từ {}", vn(*d)),
            Self::AdmittedRecently(d, m) => format!(
                "Không xếp loại: vào Đảng ngày {}, chưa đủ {m} tháng đến ngày xếp loại",
                vn(*d)
            ),
            Self::NotActive(s, d) => format!("Không xếp loại: {} từ {}", s.label_vi(), vn(*d)),
        }
    }

    /// The same in English.
    pub fn explain_en(&self) -> String {
        match self {
            Self::Exempted(d) => format!("not rated: exempted from activities since {d}"),
            Self::Suspended(d) => format!("not rated: suspended since {d}"),
            Self::AdmittedRecently(d, m) => {
                format!("not rated: admitted on {d}, less than {m} months before the reference day")
            }
            Self::NotActive(s, d) => format!("not rated: {} since {d}", s.code()),
        }
    }
}

/// Whether the member is rated in a round of `rules` with reference day `reference`.
pub fn eligibility(
    rules: &RuleSet,
    reference: Date,
    facts: &EligibilityFacts,
) -> Result<(), NotRated> {
    let (status, since) = facts.status;
    match status {
        MemberStatus::MienSinhHoat => return Err(NotRated::Exempted(since)),
        MemberStatus::DangSinhHoat => {}
        other => return Err(NotRated::NotActive(other, since)),
    }
    if let Some(day) = facts.suspended_since {
        return Err(NotRated::Suspended(day));
    }
    if add_months(facts.admitted_on, rules.min_months_admitted) > reference {
        return Err(NotRated::AdmittedRecently(
            facts.admitted_on,
            rules.min_months_admitted,
        ));
    }
    Ok(())
}

fn vn(day: Date) -> String {
    day.format("%d/%m/%Y").to_string()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)]
mod tests {
    use super::super::rule_sets::for_year;
    use super::*;
    use crate::dates::parse_date;

    fn d(s: &str) -> Date {
        parse_date("d", s).unwrap()
    }

    fn facts(admitted: &str, status: MemberStatus, since: &str) -> EligibilityFacts {
        EligibilityFacts {
            admitted_on: d(admitted),
            status: (status, d(since)),
            suspended_since: None,
        }
    }

    #[test]
    fn who_is_rated_and_why_not() {
        let rules = for_year(2024);
        let day = d("2024-12-31");
        use MemberStatus::*;
        assert_eq!(
            eligibility(rules, day, &facts("2010-01-01", DangSinhHoat, "2010-01-01")),
            Ok(())
        );
        assert_eq!(
            eligibility(rules, day, &facts("2024-06-30", DangSinhHoat, "2024-06-30")),
            Ok(())
        );
        let recent = eligibility(rules, day, &facts("2024-07-01", DangSinhHoat, "2024-07-01"));
        assert_eq!(recent, Err(NotRated::AdmittedRecently(d("2024-07-01"), 6)));
        let exempted =
            eligibility(rules, day, &facts("1980-01-01", MienSinhHoat, "2020-03-02")).unwrap_err();
        assert_eq!(
            exempted.explain_vi(),
            "Không xếp loại: miễn sinh hoạt từ 02/03/2020"
        );
        assert!(exempted.explain_en().contains("2020-03-02"));
        let dead = eligibility(rules, day, &facts("1970-01-01", TuTran, "2024-05-01")).unwrap_err();
        assert!(
            dead.explain_vi().contains("Từ trần"),
            "{}",
            dead.explain_vi()
        );
        let mut suspended = facts("2000-01-01", DangSinhHoat, "2000-01-01");
        suspended.suspended_since = Some(d("2024-10-01"));
        assert_eq!(
            eligibility(rules, day, &suspended),
            Err(NotRated::Suspended(d("2024-10-01")))
        );
    }
}

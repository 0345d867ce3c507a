//! Quality rating (issue 13): who is rated in a subtree for a year, under that year's rule
//! set, and why each member left out is not rated.
//!
//! The list is the member list of the subtree on the round's reference day (31 December
//! of the year), read through the caller's scope like every list; the domain's
//! `ratings::eligibility` decides and explains. Rounds, decisions and their checks build on
//! it.

mod commitments;
mod monthly;
mod rounds;

pub use monthly::{MonthlyYear, MonthlyYearRow};
pub mod statistics;

use crate::records::{MemberListItem, MemberQuery, OrgDetail};
use crate::{App, Caller, Error};
use dangvu_domain::enums::MemberStatus;
use dangvu_domain::ratings::{EligibilityFacts, NotRated, RuleSet, eligibility, for_year};
use dangvu_domain::roles::Capability;
use dangvu_domain::{Date, OrgCode};

/// Rows read per page of the member list.
const PAGE: u32 = 500;

/// Who is rated in a subtree for a year.
#[derive(Debug, Clone)]
pub struct RatedList {
    /// The subtree's root on the reference day.
    pub org: OrgDetail,
    /// The year rated.
    pub year: i32,
    /// The rules of that year.
    pub rules: &'static RuleSet,
    /// The round's reference day (31 December of the year).
    pub reference: Date,
    /// The members rated, in Vietnamese name order.
    pub rated: Vec<MemberListItem>,
    /// The members left out, each with the reason.
    pub not_rated: Vec<(MemberListItem, NotRated)>,
}

impl App {
    /// Who is rated in the subtree of `org` for `year`, and why the others are not.
    pub fn rated_members(
        &self,
        caller: &Caller,
        org: &OrgCode,
        year: i32,
    ) -> Result<RatedList, Error> {
        caller.permit(Capability::ReadRecords)?;
        let reference = Date::from_ymd_opt(year, 12, 31).ok_or_else(|| {
            Error::Store(dangvu_storage::StoreError::Invalid(format!(
                "năm {year} không dùng được / year {year} cannot be used"
            )))
        })?;
        let rules = for_year(year);
        let mut query = MemberQuery {
            org: org.clone(),
            as_of: reference,
            search: None,
            after: None,
            limit: PAGE,
        };
        let org_detail = self.store.org(caller.scope(), org, reference)?;
        let (mut rated, mut not_rated) = (Vec::new(), Vec::new());
        loop {
            let page = self.store.members(caller.scope(), &query)?;
            for row in page.rows {
                let since = self.status_since(caller, &row, reference)?;
                let facts = EligibilityFacts {
                    admitted_on: row.admitted_on,
                    status: (row.status, since),
                    suspended_since: None,
                };
                match eligibility(rules, reference, &facts) {
                    Ok(()) => rated.push(row),
                    Err(why) => not_rated.push((row, why)),
                }
            }
            match page.next {
                Some(next) => query.after = Some(next),
                None => break,
            }
        }
        Ok(RatedList {
            org: org_detail,
            year,
            rules,
            reference,
            rated,
            not_rated,
        })
    }

    /// The day the member's status on `day` began; for the active, their admission (only
    /// the others' day is said).
    fn status_since(
        &self,
        caller: &Caller,
        row: &MemberListItem,
        day: Date,
    ) -> Result<Date, Error> {
        if row.status == MemberStatus::DangSinhHoat {
            return Ok(row.admitted_on);
        }
        let statuses = self.store.member_statuses(caller.scope(), &row.code)?;
        Ok(statuses
            .iter()
            .find(|s| s.period.from <= day && day < s.period.to)
            .map_or(row.admitted_on, |s| s.period.from))
    }
}

/// A refusal of bad input, in both languages (nothing is written).
fn invalid(message: String) -> Error {
    Error::Store(dangvu_storage::StoreError::Invalid(message))
}

use crate::lifecycle::not_after_today;

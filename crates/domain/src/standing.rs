//! Where a member stands on a day, and when a member left the Party for good.
//!
//! A member's record keeps its history after the member dies, is expelled, struck off,
//! resigns or transfers out of the installation: the profile must then say so (not
//! "official"), the registration history must end on the day they left (not "now"), and
//! an account linked to the member must stop working from that day. All three read the
//! status history the same way, here.

use crate::dates::{Date, Period, find_on};
use crate::enums::MemberStatus;
use crate::membership::is_probationary_on;

/// What a profile heads a member with on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// An active member still on probation (dự bị).
    Probationary,
    /// An active full member (chính thức).
    Official,
    /// Any other status on that day: exempted (still a member), or one of the ways out of
    /// the Party (deceased, expelled, struck off, resigned, transferred out).
    Status(MemberStatus),
}

impl Standing {
    /// Whether the member has left the Party (or the installation) on that day.
    pub fn has_left(self) -> bool {
        matches!(self, Self::Status(status) if !status.counts_as_member())
    }
}

/// The member's standing on `day`, from the full-membership date and the status periods
/// (a day no period covers is "active", as in [`crate::dataset::MemberRecord::status_on`]).
pub fn standing_on(
    official_on: Option<Date>,
    statuses: &[(Period, MemberStatus)],
    day: Date,
) -> Standing {
    match find_on(statuses.iter().copied(), day).unwrap_or(MemberStatus::DangSinhHoat) {
        MemberStatus::DangSinhHoat if is_probationary_on(official_on, day) => {
            Standing::Probationary
        }
        MemberStatus::DangSinhHoat => Standing::Official,
        other => Standing::Status(other),
    }
}

/// The day the member left the Party for good, with the status they left with: the start
/// of the run of exit statuses that ends the history (a member transferred out and later
/// back in has not left; one transferred out and then deceased left on the transfer).
/// `None` while the last status keeps them a member.
pub fn left_party(statuses: &[(Period, MemberStatus)]) -> Option<(Date, MemberStatus)> {
    let mut ordered: Vec<(Period, MemberStatus)> = statuses.to_vec();
    ordered.sort_by_key(|(period, _)| period.from);
    let mut left = None;
    for (period, status) in ordered.iter().rev() {
        if status.counts_as_member() {
            break;
        }
        left = Some((period.from, *status));
    }
    left
}

/// The day from which an account linked to a member stops working, if it has come by
/// `day`: the day the member left the Party (deceased, expelled, struck off, resigned or
/// transferred out). `None`: the account may still be used on `day`.
pub fn account_closed_on(statuses: &[(Period, MemberStatus)], day: Date) -> Option<Date> {
    left_party(statuses)
        .map(|(left_on, _)| left_on)
        .filter(|left_on| *left_on <= day)
}

/// A registration period as the member's history shows it: one still open when the member
/// left ends on the day they left, not "now".
pub fn registration_until_exit(period: Period, left_on: Option<Date>) -> Period {
    match left_on {
        Some(left_on) if period.from < left_on && left_on < period.to => Period {
            from: period.from,
            to: left_on,
        },
        _ => period,
    }
}

#[cfg(test)]
mod tests;

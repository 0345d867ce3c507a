//! A member's lifecycle after admission: party age and badges, exemptions from activities,
//! exits and interruptions.
//!
//! Reading needs [`Capability::ReadRecords`] (or a member's own record), recording [`Capability::WriteRecords`]; a
//! member outside the caller's scope is "not found". The rules are the domain's
//! (`dangvu_domain::lifecycle`): party age from the admission decision minus interruptions,
//! the next badge on its usual award day, the exemption guidance of the period (shown,
//! never enforced: the cell decides). Each write is one transaction with its audit row.

use crate::{App, Caller, Error};
use dangvu_domain::dates::Period;
use dangvu_domain::lifecycle::{
    BadgeDue, ExemptionGuidance, ExemptionReason, exemption_guidance, next_badge, party_age_years,
};
use dangvu_domain::roles::Capability;
use dangvu_domain::{Date, Gender, MemberCode};
use dangvu_storage::{
    ExemptionReview, LifecycleView, MemberDetail, NewBadgeAward, NewExemption, NewExit, StoreError,
};

/// A change of a member's lifecycle, as a page's form or the API's body asks for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LifecycleChange {
    /// The member leaves the rolls.
    Exit(NewExit),
    /// A Party badge is awarded.
    Badge(NewBadgeAward),
    /// The cell exempts the member from activities.
    Exempt(NewExemption),
    /// The cell reviews the open exemption.
    Review(ExemptionReview),
    /// A period `[from, to)` without Party activity, which party age does not count.
    Interrupt(Period),
}

/// What the member page shows of the lifecycle on a day.
#[derive(Debug, Clone, PartialEq)]
pub struct MemberLifecycle {
    /// Badges, exemptions and the status timeline as stored.
    pub view: LifecycleView,
    /// The day party age is counted from (the decision, else the admission).
    pub counted_from: Option<Date>,
    /// Whole years of party age on the day; `None` while probationary.
    pub party_age_years: Option<u32>,
    /// Days that did not count (interruptions), over the member's whole history.
    pub interrupted: bool,
    /// The next badge not yet awarded, with the award day it falls on.
    pub next_badge: Option<BadgeDue>,
    /// What the exemption guidance says about an exemption for age on the day.
    pub age_guidance: ExemptionGuidance,
}

impl App {
    /// Member `code`'s party age, badges, exemptions and status timeline on `as_of`.
    pub fn member_lifecycle(
        &self,
        caller: &Caller,
        code: &MemberCode,
        birth: Option<Date>,
        gender: Option<Gender>,
        as_of: Date,
    ) -> Result<MemberLifecycle, Error> {
        if caller.permit(Capability::ReadRecords).is_err() {
            caller.permit(Capability::ReadOwnRecord)?;
        }
        let view = self.store.member_lifecycle(caller.scope(), code.as_str())?;
        let awarded: Vec<u32> = view.awards.iter().map(|a| a.milestone).collect();
        Ok(MemberLifecycle {
            counted_from: view.facts.start(),
            party_age_years: party_age_years(&view.facts, as_of),
            interrupted: !view.facts.interruptions.is_empty(),
            next_badge: next_badge(&view.facts, &awarded),
            age_guidance: exemption_guidance(ExemptionReason::Age, as_of, birth, gender, None),
            view,
        })
    }

    /// Member `code`'s record (its opening audited, as [`App::open_member`]) with the
    /// lifecycle on `as_of`, for the pages that show both.
    pub fn member_with_lifecycle(
        &self,
        caller: &Caller,
        code: &MemberCode,
        as_of: Date,
    ) -> Result<(MemberDetail, MemberLifecycle), Error> {
        let member = self.open_member(caller, code)?;
        let (birth, gender) = (member.profile.birth_date, member.profile.gender);
        let life = self.member_lifecycle(caller, code, birth, gender, as_of)?;
        Ok((member, life))
    }

    /// Records one change of member `code`'s lifecycle through its use case.
    pub fn record_lifecycle_change(
        &self,
        caller: &Caller,
        code: &MemberCode,
        change: &LifecycleChange,
    ) -> Result<(), Error> {
        match change {
            LifecycleChange::Exit(exit) => self.record_exit(caller, code, exit),
            LifecycleChange::Badge(award) => self.record_badge_award(caller, code, award),
            LifecycleChange::Exempt(new) => self.record_exemption(caller, code, new),
            LifecycleChange::Review(review) => self.review_exemption(caller, code, review),
            LifecycleChange::Interrupt(period) => self.record_interruption(caller, code, *period),
        }
    }

    /// Records that member `code` left the rolls (struck off, resigned, deceased); the
    /// registration closes and the member's account is refused from that day.
    pub fn record_exit(
        &self,
        caller: &Caller,
        code: &MemberCode,
        exit: &NewExit,
    ) -> Result<(), Error> {
        caller.permit(Capability::WriteRecords)?;
        not_after_today(caller, exit.on)?;
        Ok(self
            .store
            .record_exit(caller.scope(), caller.audit(), code.as_str(), exit)?)
    }

    /// Records a Party badge awarded to member `code`.
    pub fn record_badge_award(
        &self,
        caller: &Caller,
        code: &MemberCode,
        award: &NewBadgeAward,
    ) -> Result<(), Error> {
        caller.permit(Capability::WriteRecords)?;
        not_after_today(caller, award.awarded_on)?;
        Ok(self
            .store
            .record_badge_award(caller.scope(), caller.audit(), code.as_str(), award)?)
    }

    /// Records the cell's decision exempting member `code` from Party work and activities.
    pub fn record_exemption(
        &self,
        caller: &Caller,
        code: &MemberCode,
        new: &NewExemption,
    ) -> Result<(), Error> {
        caller.permit(Capability::WriteRecords)?;
        not_after_today(caller, new.decided_on)?;
        Ok(self
            .store
            .record_exemption(caller.scope(), caller.audit(), code.as_str(), new)?)
    }

    /// Records a period `[from, to)` of member `code` without Party activity (party age
    /// does not count it); the period must have ended by today.
    pub fn record_interruption(
        &self,
        caller: &Caller,
        code: &MemberCode,
        period: Period,
    ) -> Result<(), Error> {
        caller.permit(Capability::WriteRecords)?;
        not_after_today(caller, period.to)?;
        Ok(self
            .store
            .record_interruption(caller.scope(), caller.audit(), code.as_str(), period)?)
    }

    /// Records the cell's review of member `code`'s exemption: kept (next review) or ended.
    pub fn review_exemption(
        &self,
        caller: &Caller,
        code: &MemberCode,
        review: &ExemptionReview,
    ) -> Result<(), Error> {
        caller.permit(Capability::WriteRecords)?;
        not_after_today(caller, review.reviewed_on)?;
        Ok(self
            .store
            .review_exemption(caller.scope(), caller.audit(), code.as_str(), review)?)
    }
}

/// A step is recorded once it has happened: a day after today is refused.
pub(crate) fn not_after_today(caller: &Caller, day: Date) -> Result<(), Error> {
    let today = caller.scope().today();
    if day > today {
        return Err(Error::Store(StoreError::Invalid(format!(
            "ngày {} chưa đến (hôm nay là {}) / {day} is after today ({today})",
            day.format("%d/%m/%Y"),
            today.format("%d/%m/%Y")
        ))));
    }
    Ok(())
}

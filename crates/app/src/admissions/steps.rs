//! Recording the steps of a dossier: one function per step, each checked before it is
//! written (see the module above).

use super::permit;
use crate::{App, Caller, Error};
use dangvu_domain::admissions::steps::Step;
use dangvu_domain::admissions::{CellVote, Check, Closing, Decision, Introducers, Override};
use dangvu_domain::roles::Capability;
use dangvu_domain::{Date, MemberCode};
use dangvu_storage::StepOutcome;

impl App {
    /// Records `step` on dossier `code`: the general form of the functions below.
    pub fn record_step(
        &self,
        caller: &Caller,
        code: &str,
        step: Step,
    ) -> Result<StepOutcome, Error> {
        permit(caller, Capability::WriteRecords)?;
        let calendar = self.working_days()?;
        let today = caller.scope().today();
        Ok(self.store.record_admission_step(
            caller.scope(),
            caller.audit(),
            code,
            step,
            today,
            &calendar,
        )?)
    }

    /// The day the applicant was put on the cell's list.
    pub fn record_listed(
        &self,
        caller: &Caller,
        code: &str,
        on: Date,
    ) -> Result<StepOutcome, Error> {
        self.record_step(caller, code, Step::Listed(on))
    }

    /// The day the awareness course was completed (its certificate is valid five years).
    pub fn record_course(
        &self,
        caller: &Caller,
        code: &str,
        on: Date,
    ) -> Result<StepOutcome, Error> {
        self.record_step(caller, code, Step::Course(on))
    }

    /// The day the application and CV were received.
    pub fn record_application(
        &self,
        caller: &Caller,
        code: &str,
        on: Date,
    ) -> Result<StepOutcome, Error> {
        self.record_step(caller, code, Step::Application(on))
    }

    /// The introducers: two official members, or one plus the youth union's resolution
    /// (checked on the resolution day, when the cell votes).
    pub fn assign_introducers(
        &self,
        caller: &Caller,
        code: &str,
        introducers: Introducers,
    ) -> Result<StepOutcome, Error> {
        self.record_step(caller, code, Step::Introducers(introducers))
    }

    /// A vote of the cell; one with two thirds of the official members for is the cell's
    /// resolution, checked for age, education, course and introducers on its day.
    pub fn record_vote(
        &self,
        caller: &Caller,
        code: &str,
        vote: CellVote,
    ) -> Result<StepOutcome, Error> {
        self.record_step(caller, code, Step::Vote(vote))
    }

    /// The superior's decision after three votes without two thirds either way.
    pub fn record_referral(
        &self,
        caller: &Caller,
        code: &str,
        on: Date,
        approved: bool,
    ) -> Result<StepOutcome, Error> {
        self.record_step(caller, code, Step::Referred { on, approved })
    }

    /// The grassroots committee's proposal.
    pub fn record_proposal(
        &self,
        caller: &Caller,
        code: &str,
        on: Date,
    ) -> Result<StepOutcome, Error> {
        self.record_step(caller, code, Step::Proposal(on))
    }

    /// The competent committee's decision (number, day); late if after 60 working days.
    pub fn record_decision(
        &self,
        caller: &Caller,
        code: &str,
        decision: Decision,
    ) -> Result<StepOutcome, Error> {
        self.record_step(caller, code, Step::Decision(decision))
    }

    /// The ceremony: creates the member `member`, probationary, admitted (`ngay_vao_dang`)
    /// on `on` and registered in the cell; late if after 30 working days from the decision.
    pub fn admit(
        &self,
        caller: &Caller,
        code: &str,
        on: Date,
        member: MemberCode,
    ) -> Result<StepOutcome, Error> {
        self.record_step(caller, code, Step::Ceremony { on, member })
    }

    /// Recognition as an official member decided on `decided_on` (on or after the end of
    /// probation); it takes effect on the day twelve months after the ceremony.
    pub fn recognize(
        &self,
        caller: &Caller,
        code: &str,
        decided_on: Date,
    ) -> Result<StepOutcome, Error> {
        self.record_step(caller, code, Step::Recognized(decided_on))
    }

    /// Strikes the probationary member off at the end of probation: status `XOA_TEN` and
    /// the registration closed on `on`.
    pub fn strike_off(&self, caller: &Caller, code: &str, on: Date) -> Result<StepOutcome, Error> {
        self.record_step(caller, code, Step::StruckOff(on))
    }

    /// Closes the dossier without admission, with the reason.
    pub fn close_dossier(
        &self,
        caller: &Caller,
        code: &str,
        on: Date,
        reason: &str,
    ) -> Result<StepOutcome, Error> {
        let closing = Closing {
            on,
            reason: reason.trim().to_owned(),
        };
        self.record_step(caller, code, Step::Close(closing))
    }

    /// Lets a failed check through with a reason (audited with the dossier); a check that
    /// refuses (see `dangvu_domain::admissions::checks::allowance_table`) answers refused.
    pub fn override_check(
        &self,
        caller: &Caller,
        code: &str,
        check: Check,
        reason: &str,
    ) -> Result<StepOutcome, Error> {
        let o = Override {
            check,
            reason: reason.trim().to_owned(),
        };
        self.record_step(caller, code, Step::Override(o))
    }
}

//! The admission use cases of the store: each runs in one transaction, the change and its
//! audit row together; a refused step writes nothing.

use super::access::visible_dossier;
use super::read::{self, view};
use super::views::{DossierQuery, DossierView, NewDossier, StepOutcome};
use super::{members, write};
use crate::{AuditAction, AuditContext, Scope, Store, StoreError};
use dangvu_domain::Date;
use dangvu_domain::admissions::deadlines::WorkingDays;
use dangvu_domain::admissions::steps::{Step, apply};
use dangvu_domain::admissions::{Check, Dossier, Problem};
use dangvu_domain::due::DueItem;

impl Store {
    /// Loads `dossiers` in bulk (the demo's), with one audit row; administrators only.
    #[tracing::instrument(skip_all, fields(dossiers = dossiers.len()), err)]
    pub fn load_dossiers(
        &self,
        scope: &Scope,
        ctx: &AuditContext,
        dossiers: &[Dossier],
    ) -> Result<u64, StoreError> {
        crate::accounts::manage::require_admin(scope, crate::Entity::Dossier, "*")?;
        self.write(|c| super::load::load(c, dossiers, ctx))
    }

    /// Opens a dossier: the applicant on the cell's list.
    #[tracing::instrument(skip_all, fields(dossier = %new.code, actor = %ctx.actor), err)]
    pub fn open_dossier(
        &self,
        scope: &Scope,
        ctx: &AuditContext,
        new: &NewDossier,
        as_of: Date,
        calendar: &impl WorkingDays,
    ) -> Result<DossierView, StoreError> {
        let mut dossier = Dossier::new(new.code.clone(), new.applicant.clone(), new.cell.clone());
        dossier.listed_on = new.listed_on;
        self.write(|c| write::insert(c, scope, ctx, &dossier))?;
        Ok(view(dossier, as_of, calendar))
    }

    /// One dossier with its stage and open step on `as_of`.
    #[tracing::instrument(skip_all, fields(dossier = code), err)]
    pub fn dossier(
        &self,
        scope: &Scope,
        code: &str,
        as_of: Date,
        calendar: &impl WorkingDays,
    ) -> Result<DossierView, StoreError> {
        self.read(|c| {
            let (_, dossier) = visible_dossier(c, scope, code)?;
            Ok(view(dossier, as_of, calendar))
        })
    }

    /// The dossiers of a subtree on a day, by stage.
    #[tracing::instrument(skip_all, fields(org = %query.org, as_of = %query.as_of), err)]
    pub fn dossiers(
        &self,
        scope: &Scope,
        query: &DossierQuery,
        calendar: &impl WorkingDays,
    ) -> Result<Vec<DossierView>, StoreError> {
        self.read(|c| read::list(c, scope, query, calendar))
    }

    /// The `admission` figures of the term report for `org`'s subtree and `from..=to`.
    #[tracing::instrument(skip_all, fields(org = %org), err)]
    pub fn admission_figures(
        &self,
        scope: &Scope,
        org: &dangvu_domain::OrgCode,
        from: Date,
        to: Date,
        calendar: &impl WorkingDays,
    ) -> Result<dangvu_domain::admissions::figures::AdmissionFigures, StoreError> {
        self.read(|c| super::figures::figures(c, scope, org, (from, to), calendar))
    }

    /// The open admission steps the scope reaches on `as_of`, with their due days.
    #[tracing::instrument(skip_all, fields(as_of = %as_of), err)]
    pub fn admission_due_items(
        &self,
        scope: &Scope,
        as_of: Date,
        calendar: &impl WorkingDays,
    ) -> Result<Vec<DueItem>, StoreError> {
        self.read(|c| read::due_items(c, scope, as_of, calendar))
    }

    /// Records `step` on dossier `code` if its checks pass (or are overridden): the
    /// dossier, the member record the step changes (ceremony, recognition, striking off),
    /// the cell's tallies and the audit row, in one transaction. A refused step writes
    /// nothing and answers its problems.
    #[tracing::instrument(skip_all, fields(dossier = code, actor = %ctx.actor), err)]
    pub fn record_admission_step(
        &self,
        scope: &Scope,
        ctx: &AuditContext,
        code: &str,
        step: Step,
        as_of: Date,
        calendar: &impl WorkingDays,
    ) -> Result<StepOutcome, StoreError> {
        self.write(|c| {
            let (id, before) = visible_dossier(c, scope, code)?;
            let facts = match &step {
                Step::Vote(vote) => write::introducer_facts(c, scope, &before, vote.on)?,
                Step::Referred { on, .. } => write::introducer_facts(c, scope, &before, *on)?,
                _ => Vec::new(),
            };
            let after = match apply(&before, step.clone(), &facts, calendar) {
                Ok(after) => after,
                Err(problems) => return Ok(StepOutcome::Refused(problems)),
            };
            match step {
                Step::Ceremony { on, ref member } => members::admit(c, &after, member, on)?,
                Step::Recognized(_) => {
                    let (member, end) = admitted(&after)?;
                    members::recognize(c, &member, end)?;
                }
                Step::StruckOff(on) => members::strike_off(c, &admitted(&after)?.0, on)?,
                _ => {}
            }
            write::save(c, scope, id, &after)?;
            write::record(c, ctx, AuditAction::AdmissionStep, Some(&before), &after)?;
            Ok(StepOutcome::Recorded(Box::new(view(
                after, as_of, calendar,
            ))))
        })
    }
}

/// The member of an admitted dossier and the day probation ends.
fn admitted(dossier: &Dossier) -> Result<(dangvu_domain::MemberCode, Date), StoreError> {
    match (&dossier.member, dossier.probation_ends_on()) {
        (Some(member), Some(end)) => Ok((member.clone(), end)),
        _ => Err(StoreError::Invalid(
            Problem::new(Check::MissingStep, "ngay_ket_nap").message_en(),
        )),
    }
}

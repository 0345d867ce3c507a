//! Signed commitments of heads and deputies (`cam_ket`): signed and evaluated through the
//! workflow, listed for a subtree's year, counted for the term report, imported, exported
//! and loaded.
//!
//! A commitment is in scope when its organization is (the scope's rule for an
//! organization); a subtree's commitments are those whose organization was in the subtree
//! on the signing day, the rule of the term report's `commitments`.

pub(crate) mod rows;
mod signed;
pub mod views;
pub(crate) mod write;

use crate::audit::{self, Change};
use crate::db::conn::DbConnection;
use crate::db::schema::commitments as k;
use crate::tree::access::{visible_member, visible_org};
use crate::{AuditAction, AuditContext, AuditEntity, ImportError, ImportRequest};
use crate::{Scope, Store, StoreError};
use dangvu_domain::interchange::merge::{ImportCounts, ImportSummary};
use dangvu_domain::interchange::{Problem, SheetRows, Table, capped};
use dangvu_domain::ratings::commitments::check_evaluation;
use dangvu_domain::ratings::{Commitment, Evaluation, commitment_figures};
use dangvu_domain::summary::term::Commitments;
use dangvu_domain::{Date, OrgCode};
use diesel::prelude::*;
use rows::CommitmentRow;
use views::CommitmentView;

fn refused(problem: &dangvu_domain::ratings::commitments::CommitmentProblem) -> StoreError {
    StoreError::Invalid(problem.message())
}

fn view(conn: &mut DbConnection, code: &str) -> Result<CommitmentView, StoreError> {
    let row = write::find(conn, code)?.ok_or_else(|| write::not_found(code))?;
    rows::assemble(conn, vec![row])?
        .pop()
        .ok_or_else(|| write::not_found(code))
}

fn audit_row(
    conn: &mut DbConnection,
    ctx: &AuditContext,
    action: AuditAction,
    before: Option<&Commitment>,
    after: &Commitment,
) -> Result<(), StoreError> {
    audit::record(
        conn,
        ctx,
        Change {
            action,
            entity: AuditEntity::Commitment,
            entity_code: Some(&after.code),
            before_json: before.map(serde_json::to_string).transpose()?,
            after_json: Some(serde_json::to_string(after)?),
        },
    )
}

impl Store {
    /// Records a signed commitment (its organization and signer in the scope), with its
    /// audit row. A code already used is a conflict.
    #[tracing::instrument(skip_all, fields(code = %new.code, actor = %ctx.actor), err)]
    pub fn sign_commitment(
        &self,
        scope: &Scope,
        ctx: &AuditContext,
        new: &Commitment,
    ) -> Result<CommitmentView, StoreError> {
        new.check().map_err(|p| refused(&p))?;
        self.write(|c| {
            visible_org(c, scope, new.org.as_str())?;
            visible_member(c, scope, new.signer.as_str())?;
            if write::find(c, &new.code)?.is_some() {
                return Err(StoreError::Invalid(format!(
                    "mã cam kết {code} đã được dùng / the commitment code {code} is already used",
                    code = new.code
                )));
            }
            write::save(c, new)?;
            audit_row(c, ctx, AuditAction::CommitmentSign, None, new)?;
            view(c, &new.code)
        })
    }

    /// Records the year-end evaluation of commitment `code` (in the scope), with its audit
    /// row; an evaluation already made is replaced (the audit row keeps the earlier one).
    #[tracing::instrument(skip_all, fields(code, actor = %ctx.actor), err)]
    pub fn evaluate_commitment(
        &self,
        scope: &Scope,
        ctx: &AuditContext,
        code: &str,
        evaluation: Evaluation,
    ) -> Result<CommitmentView, StoreError> {
        self.write(|c| {
            let before = view(c, code)?;
            match visible_org(c, scope, before.commitment.org.as_str()) {
                Err(StoreError::NotFound { .. }) => return Err(write::not_found(code)),
                other => other?,
            };
            check_evaluation(before.commitment.signed_on, evaluation.on)
                .map_err(|p| refused(&p))?;
            let mut after = before.commitment.clone();
            after.evaluation = Some(evaluation);
            write::save(c, &after)?;
            let action = AuditAction::CommitmentEvaluate;
            audit_row(c, ctx, action, Some(&before.commitment), &after)?;
            view(c, code)
        })
    }

    /// Commitment `code`, if the scope reaches its organization.
    #[tracing::instrument(skip_all, fields(code), err)]
    pub fn commitment(&self, scope: &Scope, code: &str) -> Result<CommitmentView, StoreError> {
        self.read(|c| {
            let found = view(c, code)?;
            match visible_org(c, scope, found.commitment.org.as_str()) {
                Err(StoreError::NotFound { .. }) => Err(write::not_found(code)),
                Err(other) => Err(other),
                Ok(_) => Ok(found),
            }
        })
    }

    /// The commitments for `year` whose organization was in `org`'s subtree on the
    /// signing day, by signing day.
    #[tracing::instrument(skip_all, fields(org = %org, year), err)]
    pub fn commitments(
        &self,
        scope: &Scope,
        org: &OrgCode,
        year: i32,
    ) -> Result<Vec<CommitmentView>, StoreError> {
        self.read(|c| {
            let root_id = visible_org(c, scope, org.as_str())?;
            let found: Vec<CommitmentRow> = k::table
                .filter(k::year.eq(year))
                .order((k::signed_on, k::code))
                .select(CommitmentRow::as_select())
                .load(c)?;
            let kept = rows::in_subtree(c, root_id, found)?;
            rows::assemble(c, kept)
        })
    }

    /// The term report's `commitments` of `org`'s subtree for `from..=to`.
    #[tracing::instrument(skip_all, fields(org = %org), err)]
    pub fn commitment_figures(
        &self,
        scope: &Scope,
        org: &OrgCode,
        (from, to): (Date, Date),
    ) -> Result<Commitments, StoreError> {
        self.read(|c| {
            let root_id = visible_org(c, scope, org.as_str())?;
            let found: Vec<CommitmentRow> = k::table
                .filter(k::signed_on.between(from, to))
                .select(CommitmentRow::as_select())
                .load(c)?;
            let kept = rows::in_subtree(c, root_id, found)?;
            let list: Vec<Commitment> = rows::assemble(c, kept)?
                .into_iter()
                .map(|v| v.commitment)
                .collect();
            // Every row kept is in the subtree on its day already.
            Ok(commitment_figures(&list, from, to, |_, _| true))
        })
    }
}

/// Writes the `cam_ket` rows of an import in its transaction and counts them: an
/// organization outside a subtree scope refuses the file with the row named.
pub(crate) fn import(
    conn: &mut DbConnection,
    scope: &Scope,
    request: &ImportRequest<'_>,
    summary: &mut ImportSummary,
) -> Result<(), ImportError> {
    let list = &request.dataset.commitments;
    if list.is_empty() {
        return Ok(());
    }
    let mut problems = Vec::new();
    for (i, c) in list.iter().enumerate() {
        let at = request.rows.and_then(|s| SheetRows::at(&s.commitments, i));
        let stored_org = match write::find(conn, &c.code)? {
            Some(row) => Some(org_code_of(conn, row.org_id)?),
            None => None,
        };
        for org in std::iter::once(c.org.to_string()).chain(stored_org) {
            match visible_org(conn, scope, &org) {
                Ok(_) => {}
                Err(StoreError::NotFound { .. }) => problems.push(outside(c, at, scope)),
                Err(other) => return Err(other.into()),
            }
        }
    }
    if !problems.is_empty() {
        return Err(ImportError::Refused(capped(problems)));
    }
    let mut counts = ImportCounts::default();
    for c in list {
        match write::save(conn, c)? {
            None => counts.created += 1,
            Some(true) => counts.updated += 1,
            Some(false) => counts.unchanged += 1,
        }
    }
    *summary.counts_mut(Table::CamKet) = counts;
    Ok(())
}

/// The code of organization `id`.
fn org_code_of(conn: &mut DbConnection, id: i64) -> Result<String, StoreError> {
    use crate::db::schema::organizations;
    Ok(organizations::table
        .find(id)
        .select(organizations::code)
        .first(conn)?)
}

fn outside(c: &Commitment, row: Option<usize>, scope: &Scope) -> Problem {
    let root = scope.root().map(ToString::to_string).unwrap_or_default();
    Problem {
        table: Table::CamKet,
        row,
        column: Some("ma_to_chuc".to_owned()),
        value: c.org.to_string(),
        reason_vi: format!("bản ghi {} nằm ngoài phạm vi của bạn ({root})", c.code),
        reason_en: format!("record {} lies outside your scope ({root})", c.code),
    }
}

/// Writes the commitments of a dataset being loaded.
pub(crate) fn load(conn: &mut DbConnection, list: &[Commitment]) -> Result<(), StoreError> {
    for c in list {
        write::save(conn, c)?;
    }
    Ok(())
}

/// The commitments of an export: those of the organizations `orgs` (`None` = all) signed
/// by an exported member. The recipient keeps its code even when the export does not hold
/// them (a commune's heads sign to the district's): the format lets a row name an existing
/// record, and dropping it would make the file clear the recipient when it comes back.
pub(crate) fn export(
    conn: &mut DbConnection,
    orgs: Option<&[i64]>,
    dataset: &mut dangvu_domain::dataset::Dataset,
) -> Result<(), StoreError> {
    let mut query = k::table
        .order((k::signed_on, k::code))
        .select(CommitmentRow::as_select())
        .into_boxed();
    if let Some(orgs) = orgs {
        query = query.filter(k::org_id.eq_any(orgs));
    }
    let found: Vec<CommitmentRow> = query.load(conn)?;
    let exported: std::collections::HashSet<&dangvu_domain::MemberCode> =
        dataset.members.iter().map(|m| &m.code).collect();
    let list: Vec<Commitment> = rows::assemble(conn, found)?
        .into_iter()
        .map(|v| v.commitment)
        .filter(|c| exported.contains(&c.signer))
        .collect();
    dataset.commitments = list;
    Ok(())
}

//! Writing commitments: a signature, an evaluation, and the `cam_ket` rows of an import or
//! a load (keyed by code, a row already so left alone).

use super::rows::CommitmentRow;
use crate::db::conn::DbConnection;
use crate::db::schema::{commitments as k, members};
use crate::tree::sql::org_id;
use crate::{Entity, StoreError};
use dangvu_domain::enums::Enumeration;
use dangvu_domain::ratings::Commitment;
use diesel::prelude::*;

/// The stored row of `code`, if any.
pub(crate) fn find(
    conn: &mut DbConnection,
    code: &str,
) -> Result<Option<CommitmentRow>, StoreError> {
    Ok(k::table
        .filter(k::code.eq(code))
        .select(CommitmentRow::as_select())
        .first(conn)
        .optional()?)
}

/// The id of member `code`; `column` names the field in the refusal.
pub(crate) fn member_id(
    conn: &mut DbConnection,
    code: &str,
    column: &str,
) -> Result<i64, StoreError> {
    members::table
        .filter(members::code.eq(code))
        .select(members::id)
        .first(conn)
        .optional()?
        .ok_or_else(|| {
            StoreError::Invalid(format!(
                "{column}: không có đảng viên mang mã {code} / no member has the code {code}"
            ))
        })
}

/// Inserts `c` as a new row, or writes it over the stored row of its code; returns whether
/// anything changed (`None` = created).
pub(crate) fn save(conn: &mut DbConnection, c: &Commitment) -> Result<Option<bool>, StoreError> {
    let org = org_id(conn, c.org.as_str())?;
    let signer = member_id(conn, c.signer.as_str(), "ma_nguoi_ky")?;
    let recipient = match &c.recipient {
        Some(code) => Some(member_id(conn, code.as_str(), "ma_nguoi_nhan")?),
        None => None,
    };
    let evaluation = c.evaluation.as_ref();
    let values = (
        k::year.eq(c.year),
        k::org_id.eq(org),
        k::signer_id.eq(signer),
        k::post.eq(c.post.code()),
        k::recipient_id.eq(recipient),
        k::content.eq(&c.content),
        k::signed_on.eq(c.signed_on),
        k::outcome.eq(evaluation.map(|e| e.outcome.code())),
        k::evaluated_on.eq(evaluation.map(|e| e.on)),
    );
    let Some(stored) = find(conn, &c.code)? else {
        diesel::insert_into(k::table)
            .values((k::code.eq(&c.code), values))
            .execute(conn)?;
        return Ok(None);
    };
    let same = stored.year == c.year
        && stored.org_id == org
        && stored.signer_id == signer
        && stored.post == c.post.code()
        && stored.recipient_id == recipient
        && stored.content == c.content
        && stored.signed_on == c.signed_on
        && stored.outcome.as_deref() == evaluation.map(|e| e.outcome.code())
        && stored.evaluated_on == evaluation.map(|e| e.on);
    if !same {
        diesel::update(k::table.find(stored.id))
            .set(values)
            .execute(conn)?;
    }
    Ok(Some(!same))
}

/// `NotFound` for commitment `code`.
pub(crate) fn not_found(code: &str) -> StoreError {
    StoreError::NotFound {
        entity: Entity::Commitment,
        code: code.to_string(),
    }
}

//! `/members/{code}`: a member's record.
//!
//! The member sheet, the admission and full-membership dates, and the three histories a
//! Party committee checks: where the member was registered and when, the status changes,
//! and the yearly ratings. Storage answers only within the reader's scope (a member outside
//! it is "not found"); every opening is written to the audit log as a read, and the citizen
//! ID is masked unless the reader's role needs it.

use crate::auth::Authenticated;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::layout::{Chrome, PageCtx, render};
use crate::params;
use crate::state::AppState;
use askama::Template;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::response::Html;
use dangvu_domain::Date;
use dangvu_domain::privacy::mask_citizen_id;
use dangvu_storage::MemberDetail;
use std::borrow::Cow;

/// The member profile page.
#[derive(Template)]
#[template(path = "members_show.html")]
pub(crate) struct MemberPage {
    pub lang: Lang,
    pub here: String,
    pub chrome: Chrome,
    pub today: Date,
    pub member: MemberDetail,
}

impl MemberPage {
    /// "Official" or "probationary" today.
    fn standing(&self) -> Cow<'static, str> {
        crate::members::standing(self.lang, self.member.official_on, self.today)
    }

    /// The religion, or "none" (the member sheet records the absence of one).
    fn religion(&self) -> Cow<'static, str> {
        match &self.member.profile.religion {
            Some(religion) => Cow::Owned(religion.clone()),
            None => self.lang.t("profile.no_religion"),
        }
    }
}

/// `GET /members/{code}`.
#[tracing::instrument(skip_all, fields(member))]
pub(crate) async fn show_member(
    ctx: PageCtx,
    State(state): State<AppState>,
    auth: Authenticated,
    path: Result<Path<String>, PathRejection>,
) -> Result<Html<String>, AppError> {
    let code = params::member_code(&params::path(path)?)?;
    tracing::Span::current().record("member", code.as_str());
    let today = state.today();
    let audit = auth.audit();
    let mut member = state
        .read(&auth.scope, move |store, scope| {
            store.open_member(scope, &code, &audit)
        })
        .await?;
    if !auth.role().sees_citizen_id() {
        let id = &mut member.profile.citizen_id;
        *id = id.as_deref().map(mask_citizen_id);
    }
    render(&MemberPage {
        lang: ctx.lang,
        here: ctx.here,
        chrome: ctx.chrome,
        today,
        member,
    })
}

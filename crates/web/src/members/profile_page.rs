//! `/members/{code}`: a member's record.
//!
//! The member sheet, the admission and full-membership dates, and the three histories a
//! Party committee checks: where the member was registered and when, the status changes,
//! and the yearly ratings, with the member's party age, next badge, badges and exemptions
//! (and, for staff and cell secretaries, the link to record an exit, a badge or an
//! exemption), the commitments they signed as a head or deputy with their evaluation,
//! under a badge saying where the member stands today (the status history decides: a
//! member who died is not headed "official"); organizations outside the
//! reader's scope are named without a link. Storage answers only within the reader's scope (a member outside
//! it is "not found"); every opening is written to the audit log as a read, and the citizen
//! ID is masked unless the reader's role needs it (both by the use case).

use super::life_card::LifeCard;
use crate::accounts::auth::Authenticated;
use crate::error::AppError;
use crate::state::AppState;
use crate::ui::i18n::Lang;
use crate::ui::layout::{Chrome, PageCtx, render};
use crate::ui::params;
use askama::Template;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::response::Html;
use dangvu_app::records::{CommitmentView, MemberDetail};
use dangvu_domain::Date;
use dangvu_domain::roles::Capability;
use dangvu_domain::standing::{Standing, standing_on};
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
    /// Party age, badges and exemptions.
    pub card: LifeCard,
    /// Whether the reader may record the member's lifecycle (staff, cell secretaries).
    pub can_write: bool,
    /// The commitments the member signed as a head or deputy, newest year first.
    pub commitments: Vec<CommitmentView>,
}

impl MemberPage {
    /// Where the member stands today, from the status history: probationary, official,
    /// exempted, or the way they left the Party.
    fn standing_now(&self) -> Standing {
        let statuses: Vec<_> = self
            .member
            .statuses
            .iter()
            .map(|s| (s.period, s.status))
            .collect();
        standing_on(self.member.official_on, &statuses, self.today)
    }

    /// The profile's status badge: its text.
    fn standing(&self) -> Cow<'static, str> {
        match self.standing_now() {
            Standing::Probationary => self.lang.t("members.probationary"),
            Standing::Official => self.lang.t("members.official"),
            Standing::Status(status) => self.lang.label(&status),
        }
    }

    /// The profile's status badge: its look (a member who left is set apart).
    fn standing_class(&self) -> &'static str {
        match self.standing_now() {
            Standing::Probationary | Standing::Official => "badge-active",
            standing if standing.has_left() => "badge-left",
            Standing::Status(_) => "badge-exempted",
        }
    }

    /// A commitment's outcome in words.
    fn outcome(&self, c: &CommitmentView) -> String {
        crate::ratings::commitments::outcome_text(self.lang, c)
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
    let caller = auth.caller();
    let ((member, life), commitments) = state
        .run(move |app| {
            let record = app.member_with_lifecycle(&caller, &code, today)?;
            Ok::<_, dangvu_app::Error>((record, app.member_commitments(&caller, &code, None)?))
        })
        .await?;
    render(&MemberPage {
        card: LifeCard {
            lang: ctx.lang,
            today,
            life,
        },
        can_write: auth.role().can(Capability::WriteRecords),
        commitments,
        lang: ctx.lang,
        here: ctx.here,
        chrome: ctx.chrome,
        today,
        member,
    })
}

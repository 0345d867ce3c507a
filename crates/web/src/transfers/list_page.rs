//! `/transfers`: the transfers the reader's scope reaches through either side — official
//! transfers in transit with their due day (late ones said in words), those received, the
//! temporary attendances under way, and the rest (cancelled, over).

use crate::accounts::auth::Authenticated;
use crate::error::AppError;
use crate::state::AppState;
use crate::ui::i18n::Lang;
use crate::ui::layout::{Chrome, PageCtx, render};
use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use dangvu_app::TransferList;
use dangvu_app::records::TransferView;

/// The list page.
#[derive(Template)]
#[template(path = "transfers_list.html")]
pub(crate) struct ListPage {
    pub lang: Lang,
    pub here: String,
    pub chrome: Chrome,
    pub list: TransferList,
}

impl ListPage {
    /// The sections in the page's order: (heading key, rows).
    fn sections(&self) -> [(&'static str, &[TransferView]); 4] {
        [
            ("transfers.in_transit", &self.list.in_transit),
            ("transfers.attending", &self.list.attending),
            ("transfers.received", &self.list.received),
            ("transfers.other", &self.list.other),
        ]
    }

    /// What the row says about where the transfer stands.
    fn state(&self, view: &TransferView) -> String {
        super::show_page::state_line(self.lang, view, self.list.as_of)
    }

    /// Whether the row is late.
    fn late(&self, view: &TransferView) -> bool {
        view.is_overdue(self.list.as_of)
    }
}

/// `GET /transfers`.
#[tracing::instrument(skip_all)]
pub(crate) async fn show_list(
    ctx: PageCtx,
    State(state): State<AppState>,
    auth: Authenticated,
) -> Result<Response, AppError> {
    let caller = auth.caller();
    let today = state.today();
    let list = state
        .run(move |app| app.transfer_list(&caller, today))
        .await?;
    let page = ListPage {
        lang: ctx.lang,
        here: ctx.here,
        chrome: ctx.chrome,
        list,
    };
    Ok(render(&page)?.into_response())
}

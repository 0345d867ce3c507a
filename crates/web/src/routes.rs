//! The route table: every address of the application with what it requires, the one
//! source the router is built from and the authorization matrix test reads.
//!
//! A route exists only if it is listed here (or in [`crate::api::ROUTES`], which this
//! table includes), and the router wraps each one in the guard of its [`Access`], so a
//! new route can neither skip the capability check nor escape the matrix test.

use crate::accounts::auth::authz::{self, Access};
use crate::accounts::auth::{Authenticated, MaybeAuthenticated, UserBadge};
use crate::accounts::{login, password_page as account};
use crate::admissions;
use crate::api;
use crate::audit::page as audit_page;
use crate::calendar::page as calendar_page;
use crate::error::{AppError, Entity};
use crate::interchange::{export_page as export, import_page};
use crate::members::{lifecycle_page as lifecycle, list_page as members, profile_page as profile};
use crate::ratings::rounds;
use crate::reports::summary_page as reports;
use crate::state::AppState;
use crate::tree::{org_page as orgs, tree_page as tree};
use crate::ui::{assets, layout};
use axum::Router;
use axum::extract::{FromRequestParts, Request, State};
use axum::http::{Method, Uri};
use axum::middleware::{Next, from_fn_with_state};
use axum::response::Response;
use axum::routing::{MethodRouter, get, post};
use dangvu_domain::roles::Capability::{
    ExportRecords, ImportRecords, ManageCalendar, ReadOwnRecord, ReadRecords, ViewAudit,
    WriteRecords,
};
use std::sync::OnceLock;

/// The HTTP method of a route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verb {
    /// `GET` (and `HEAD`): never changes anything.
    Get,
    /// `POST`: changes something; needs the anti-forgery token from a browser.
    Post,
}

impl Verb {
    /// The method.
    pub fn method(self) -> Method {
        match self {
            Verb::Get => Method::GET,
            Verb::Post => Method::POST,
        }
    }
}

/// Who reads the answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Surface {
    /// A person: HTML pages; without an account, a redirect to the sign-in page.
    Page,
    /// A program: JSON; without valid credentials, a JSON 401.
    Api,
}

/// The record a route is about, and where its code goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resource {
    /// No record (or the caller's own account).
    None,
    /// An organization, by the `{code}` (pages) or `{ma}` (API) segment of the path.
    OrgInPath,
    /// An organization, by the `org` query parameter.
    OrgInQuery,
    /// A member, by the `{code}` or `{ma}` segment of the path.
    MemberInPath,
}

/// One route: method, path pattern (axum syntax), surface, access and resource.
#[derive(Debug, Clone, Copy)]
pub struct RouteSpec {
    /// The method.
    pub verb: Verb,
    /// The path pattern, e.g. `/orgs/{code}`.
    pub path: &'static str,
    /// Pages or API.
    pub surface: Surface,
    /// What the caller needs.
    pub access: Access,
    /// What record it is about.
    pub resource: Resource,
    /// The handler.
    pub(crate) handler: fn() -> MethodRouter<AppState>,
}

/// Reading records within the scope (pages and API).
pub(crate) const READ: Access = Access::AnyOf(&[ReadRecords]);
/// Reading records within the scope, or one's own record.
pub(crate) const READ_OR_OWN: Access = Access::AnyOf(&[ReadRecords, ReadOwnRecord]);
/// Recording changes within the scope (admission steps): staff and secretaries.
pub(crate) const WRITE: Access = Access::AnyOf(&[WriteRecords]);
pub(crate) const AUDIT: Access = Access::AnyOf(&[ViewAudit]);
/// Importing a file into the scope (page and API).
pub(crate) const IMPORT: Access = Access::AnyOf(&[ImportRecords]);
/// Exporting the scope's records (page and API).
pub(crate) const EXPORT: Access = Access::AnyOf(&[ExportRecords]);
/// Adding or correcting days of the working-day calendar (administrators).
pub(crate) const CALENDAR: Access = Access::AnyOf(&[ManageCalendar]);

const fn page(
    verb: Verb,
    path: &'static str,
    access: Access,
    resource: Resource,
    handler: fn() -> MethodRouter<AppState>,
) -> RouteSpec {
    RouteSpec {
        verb,
        path,
        surface: Surface::Page,
        access,
        resource,
        handler,
    }
}

/// The pages, the forms they post to, and the assets.
#[rustfmt::skip]
const PAGES: &[RouteSpec] = &[
    page(Verb::Get, "/", READ_OR_OWN, Resource::None, || get(tree::show_tree)),
    page(Verb::Get, "/orgs/{code}", READ, Resource::OrgInPath, || get(orgs::show_org)),
    page(Verb::Get, "/orgs/{code}/members", READ, Resource::OrgInPath, || get(members::list_members)),
    page(Verb::Get, "/members/{code}", READ_OR_OWN, Resource::MemberInPath, || get(profile::show_member)),
    page(Verb::Get, "/members/{code}/lifecycle", WRITE, Resource::MemberInPath, || get(lifecycle::show_lifecycle)),
    page(Verb::Post, "/members/{code}/lifecycle", WRITE, Resource::MemberInPath, || post(lifecycle::record_change)),
    page(Verb::Get, "/reports/summary", READ, Resource::OrgInQuery, || get(reports::show_summary)),
    page(Verb::Get, "/admissions", READ, Resource::OrgInQuery, || get(admissions::show_list)),
    page(Verb::Get, "/admissions/new", WRITE, Resource::None, || get(admissions::show_new)),
    page(Verb::Post, "/admissions/new", WRITE, Resource::None, || post(admissions::open_dossier)),
    page(Verb::Get, "/admissions/{code}", READ, Resource::None, || get(admissions::show_dossier)),
    page(Verb::Post, "/admissions/{code}/step", WRITE, Resource::None, || post(admissions::record_step)),
    page(Verb::Get, "/ratings/rated", READ, Resource::OrgInQuery, || get(crate::ratings::page::show_rated)),
    page(Verb::Get, "/ratings/rounds", READ_OR_OWN, Resource::None, || get(rounds::list_page::show_rounds)),
    page(Verb::Post, "/ratings/rounds", WRITE, Resource::None, || post(rounds::list_page::open_round)),
    page(Verb::Get, "/ratings/rounds/{id}", READ_OR_OWN, Resource::None, || get(rounds::round_page::show_round)),
    page(Verb::Post, "/ratings/rounds/{id}/close", WRITE, Resource::None, || post(rounds::round_page::close_round)),
    page(Verb::Get, "/ratings/rounds/{id}/members/{code}", READ_OR_OWN, Resource::None, || get(rounds::entry_page::show_member)),
    page(Verb::Post, "/ratings/rounds/{id}/members/{code}", READ_OR_OWN, Resource::None, || post(rounds::entry_page::record_member)),
    page(Verb::Get, "/ratings/rounds/{id}/orgs/{code}", READ, Resource::None, || get(rounds::entry_page::show_org)),
    page(Verb::Post, "/ratings/rounds/{id}/orgs/{code}", WRITE, Resource::None, || post(rounds::entry_page::record_org)),
    page(Verb::Get, "/ratings/monthly", READ, Resource::OrgInQuery, || get(crate::ratings::monthly::show_month)),
    page(Verb::Post, "/ratings/monthly", WRITE, Resource::OrgInQuery, || post(crate::ratings::monthly::save_month)),
    page(Verb::Get, "/ratings/monthly/year", READ, Resource::OrgInQuery, || get(crate::ratings::monthly::show_year)),
    page(Verb::Get, "/ratings/commitments", READ, Resource::OrgInQuery, || get(crate::ratings::commitments::show_commitments)),
    page(Verb::Post, "/ratings/commitments", WRITE, Resource::OrgInQuery, || post(crate::ratings::commitments::sign)),
    page(Verb::Post, "/ratings/commitments/evaluate", WRITE, Resource::OrgInQuery, || post(crate::ratings::commitments::evaluate)),
    page(Verb::Get, "/ratings/statistics", READ, Resource::OrgInQuery, || get(crate::ratings::statistics::page::show_statistics)),
    page(Verb::Get, "/ratings/statistics.xlsx", READ, Resource::OrgInQuery, || get(crate::ratings::statistics::download::download_results)),
    page(Verb::Get, "/transfers", READ, Resource::None, || get(crate::transfers::show_list)),
    page(Verb::Get, "/transfers/new", WRITE, Resource::None, || get(crate::transfers::show_new)),
    page(Verb::Post, "/transfers/new", WRITE, Resource::None, || post(crate::transfers::record_new)),
    page(Verb::Get, "/transfers/{id}", READ, Resource::None, || get(crate::transfers::show_transfer)),
    page(Verb::Post, "/transfers/{id}/step", WRITE, Resource::None, || post(crate::transfers::record_step)),
    page(Verb::Get, "/due", READ, Resource::OrgInQuery, || get(crate::due::page::show_due)),
    page(Verb::Get, "/audit", AUDIT, Resource::None, || get(audit_page::show_audit)),
    page(Verb::Get, "/calendar", Access::SignedIn, Resource::None, || get(calendar_page::show_calendar)),
    page(Verb::Post, "/calendar", CALENDAR, Resource::None, || post(calendar_page::save_day)),
    page(Verb::Get, "/orgs/{code}/export", EXPORT, Resource::OrgInPath, || get(export::download)),
    page(Verb::Get, "/import", IMPORT, Resource::None, || get(import_page::show_form)),
    page(Verb::Post, "/import", IMPORT, Resource::None, import_page::upload_route),
    page(Verb::Get, "/import/{id}", IMPORT, Resource::None, || get(import_page::show_upload)),
    page(Verb::Post, "/import/{id}/confirm", IMPORT, Resource::None, || post(import_page::confirm)),
    page(Verb::Get, "/import/{id}/report", IMPORT, Resource::None, || get(import_page::problem_report)),
    page(Verb::Get, "/login", Access::Public, Resource::None, || get(login::show_login)),
    page(Verb::Post, "/login", Access::Public, Resource::None, || post(login::submit_login)),
    page(Verb::Post, "/logout", Access::SignedIn, Resource::None, || post(login::logout)),
    page(Verb::Get, "/account/password", Access::SignedIn, Resource::None, || get(account::show_password_form)),
    page(Verb::Post, "/account/password", Access::SignedIn, Resource::None, || post(account::change_password)),
    page(Verb::Post, "/lang", Access::Public, Resource::None, || post(layout::switch_lang)),
    page(Verb::Get, "/static/app.css", Access::Public, Resource::None, || get(assets::app_css)),
    page(Verb::Get, "/healthz", Access::Public, Resource::None, || get(healthz)),
];

/// Every route of the application: the pages, then the API.
pub fn route_table() -> &'static [RouteSpec] {
    static TABLE: OnceLock<Vec<RouteSpec>> = OnceLock::new();
    TABLE.get_or_init(|| PAGES.iter().chain(api::ROUTES).copied().collect())
}

/// The router of the table, each route behind the guard of its access.
pub(crate) fn build(state: AppState) -> Router {
    let mut router = Router::new();
    for spec in route_table() {
        let mut handler = (spec.handler)();
        if spec.access.needs_account() {
            handler = handler.route_layer(from_fn_with_state((state.clone(), spec), guard));
        }
        router = router.route(spec.path, handler);
    }
    router.fallback(unknown_address).with_state(state)
}

/// Lets the request through to the handler only with an account its route admits.
async fn guard(
    State((state, spec)): State<(AppState, &'static RouteSpec)>,
    request: Request,
    next: Next,
) -> Response {
    let (mut parts, body) = request.into_parts();
    let auth = match Authenticated::from_request_parts(&mut parts, &state).await {
        Ok(auth) => auth,
        Err(rejection) => return rejection,
    };
    let attempted = format!("{} {}", parts.method, parts.uri.path());
    let badge = UserBadge::of(&auth);
    let mut response = match authz::require_access(&state, &auth, spec.access, &attempted).await {
        Ok(()) => next.run(Request::from_parts(parts, body)).await,
        Err(error) => crate::accounts::auth::reject(parts.uri.path(), error),
    };
    response.extensions_mut().insert(badge);
    response
}

/// `GET /healthz`: the process answers.
async fn healthz() -> &'static str {
    "ok"
}

/// Any other address: the translated 404 page (with the account bar of a signed-in
/// reader), or a JSON 404 under `/api`.
async fn unknown_address(MaybeAuthenticated(signed_in): MaybeAuthenticated, uri: Uri) -> Response {
    let error = AppError::NotFound {
        entity: Entity::Page,
        code: uri.path().to_string(),
    };
    let mut response = crate::accounts::auth::reject(uri.path(), error);
    if let Some(auth) = signed_in {
        response.extensions_mut().insert(UserBadge::of(&auth));
    }
    response
}

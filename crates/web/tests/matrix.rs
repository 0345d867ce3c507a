//! The authorization matrix: every role × every route of `route_table()` × a record in the
//! account's scope, outside it and missing, on every backend, with the status each must
//! get — computed from the route's access and resource, so a new route is covered the day
//! it is added (and fails here until it has an example request below).

#![allow(clippy::unwrap_used, clippy::panic)] // test helpers: failing loudly is the point

mod support;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use dangvu_domain::roles::Role;
use dangvu_storage::Scope;
use dangvu_web::{Resource, RouteSpec, Surface, Verb, route_table};
use reach::{Case, Reach, code_for, reach};
use support::{Demo, Page, TODAY, backends, day, send, with_session};

#[path = "matrix/reach.rs"]
mod reach;

/// How the matrix exercises one route: the rest of its query, its form body, the status
/// of a request that is let through (without and with an account), the status of a record
/// outside the scope or missing (the same), and whether it ends the session it is sent with.
struct Example {
    query: &'static str,
    body: &'static str,
    ok_anonymous: u16,
    ok_signed_in: u16,
    not_found: u16,
    ends_session: bool,
}

const fn ok(status: u16) -> Example {
    Example {
        query: "",
        body: "",
        ok_anonymous: status,
        ok_signed_in: status,
        not_found: 404,
        ends_session: false,
    }
}

const PERIOD: &str = "from=2025-07-01&to=2025-11-26";

fn example(spec: &RouteSpec) -> Example {
    match (spec.verb, spec.path) {
        // The report form takes a code or a name: one it cannot find, in the scope or not,
        // gives the form back with the message beside the field.
        (Verb::Get, "/reports/summary") => Example {
            query: PERIOD,
            not_found: 422,
            ..ok(200)
        },
        (Verb::Get, "/api/v1/reports/summary") => Example {
            query: PERIOD,
            ..ok(200)
        },
        (Verb::Get, "/api/v1/reports/term") => Example {
            query: PERIOD,
            ..ok(200)
        },
        (Verb::Get, "/due" | "/api/v1/due") => ok(200),
        (Verb::Get, "/ratings/rated" | "/api/v1/ratings/rated") => Example {
            query: "year=2020",
            ..ok(200)
        },
        // Monthly results: a month of the cell (a page saying "choose a cell" for any other
        // organization); the year view; a write without its month (400, nothing written).
        (Verb::Get, "/ratings/monthly" | "/api/v1/ratings/monthly") => Example {
            query: "month=2024-05",
            ..ok(200)
        },
        (Verb::Get, "/ratings/monthly/year") => Example {
            query: "year=2024",
            ..ok(200)
        },
        (Verb::Post, "/ratings/monthly" | "/api/v1/ratings/monthly") => ok(400),
        // Commitments: a year's list; a signature or evaluation without its fields (400,
        // nothing written), a form body that is not JSON; a commitment that does not exist.
        (Verb::Get, "/ratings/commitments" | "/api/v1/ratings/commitments") => Example {
            query: "year=2020",
            ..ok(200)
        },
        (
            Verb::Post,
            "/ratings/commitments"
            | "/ratings/commitments/evaluate"
            | "/api/v1/ratings/commitments",
        ) => ok(400),
        (Verb::Post, "/api/v1/ratings/commitments/{ma}/evaluation") => ok(404),
        (Verb::Get, "/ratings/statistics" | "/api/v1/ratings/statistics") => Example {
            query: "from=2019&to=2020",
            ..ok(200)
        },
        // A year out of range: the answer is a page, not a workbook, for every reader.
        (Verb::Get, "/ratings/statistics.xlsx") => Example {
            query: "year=1800",
            ..ok(422)
        },
        (Verb::Get, "/login") => Example {
            ok_signed_in: 303,
            ..ok(200)
        },
        (Verb::Post, "/login") => Example {
            body: "username=&password=",
            ..ok(422)
        },
        (Verb::Post, "/logout") => Example {
            ends_session: true,
            ..ok(303)
        },
        (Verb::Post, "/account/password") => Example {
            body: "current=x&new=aaaaaaaaaaaa&confirm=bbbbbbbbbbbb",
            ..ok(422)
        },
        (Verb::Post, "/lang") => Example {
            body: "lang=en&next=%2F",
            ..ok(303)
        },
        // Not an export: a format that does not exist, refused once the scope let it through.
        (Verb::Get, "/orgs/{code}/export" | "/api/v1/orgs/{ma}/export") => Example {
            query: "format=pdf",
            ..ok(400)
        },
        // Uploads that change nothing: a form without a file, a body of no accepted type,
        // and an upload id that does not exist.
        // A day without a date: refused with the form, nothing stored.
        (Verb::Post, "/calendar") => Example {
            body: "day=&kind=NGHI&name=",
            ..ok(422)
        },
        (Verb::Get, "/api/v1/calendar/working-day") => Example {
            query: "after=2025-11-26&n=1",
            ..ok(200)
        },
        (Verb::Post, "/import") => ok(400),
        (Verb::Post, "/api/v1/import") => ok(415),
        (Verb::Get, "/import/{id}" | "/import/{id}/report")
        | (Verb::Post, "/import/{id}/confirm") => ok(404),
        (Verb::Get, "/import") => ok(200),
        // Admissions: the list of a subtree; the new-dossier form, and its post without
        // fields (the form back, 422); a dossier that does not exist, read or posted to.
        (Verb::Get, "/admissions" | "/admissions/new") => ok(200),
        (Verb::Post, "/admissions/new") => ok(422),
        (Verb::Get, "/admissions/{code}" | "/api/v1/admissions/{ma}")
        | (Verb::Post, "/admissions/{code}/step") => ok(404),
        (Verb::Get, "/api/v1/admissions") => ok(200),
        // Transfers: the list and the decision form; the form posted without fields (the
        // form back, 422); a transfer that does not exist, read or posted to; a form body
        // is not JSON.
        (Verb::Get, "/transfers" | "/transfers/new" | "/api/v1/transfers") => ok(200),
        (Verb::Post, "/transfers/new") => ok(422),
        (Verb::Get, "/transfers/{id}" | "/api/v1/transfers/{ma}")
        | (Verb::Post, "/transfers/{id}/step" | "/api/v1/transfers/{ma}/steps") => ok(404),
        (Verb::Post, "/api/v1/transfers") => ok(400),
        // Rating rounds: the list (with the opening form) and its post without fields (the
        // form back, 422); a round that does not exist, read or posted to; a form body is
        // not JSON.
        (Verb::Get, "/ratings/rounds" | "/api/v1/ratings/rounds") => ok(200),
        (Verb::Post, "/ratings/rounds") => ok(422),
        (Verb::Post, "/api/v1/ratings/rounds") => ok(400),
        (
            Verb::Get,
            "/ratings/rounds/{id}"
            | "/ratings/rounds/{id}/members/{code}"
            | "/ratings/rounds/{id}/orgs/{code}"
            | "/api/v1/ratings/rounds/{ma}",
        )
        | (
            Verb::Post,
            "/ratings/rounds/{id}/close"
            | "/ratings/rounds/{id}/members/{code}"
            | "/ratings/rounds/{id}/orgs/{code}"
            | "/api/v1/ratings/rounds/{ma}/close"
            | "/api/v1/ratings/rounds/{ma}/members/{ma_dang_vien}"
            | "/api/v1/ratings/rounds/{ma}/orgs/{ma_to_chuc}",
        ) => ok(404),
        // A member's lifecycle: the forms; a form without its day (the form back, 422,
        // nothing written); the API's read, and a form body that is not JSON.
        (Verb::Get, "/members/{code}/lifecycle" | "/api/v1/members/{ma}/lifecycle") => ok(200),
        (Verb::Post, "/members/{code}/lifecycle") => Example {
            body: "action=exit&day=",
            ..ok(422)
        },
        (Verb::Post, "/api/v1/members/{ma}/lifecycle") => ok(400),
        // A form body is not JSON.
        (Verb::Post, "/api/v1/admissions" | "/api/v1/admissions/{ma}/steps") => ok(400),
        (
            Verb::Get,
            "/"
            | "/orgs/{code}"
            | "/orgs/{code}/members"
            | "/members/{code}"
            | "/audit"
            | "/calendar"
            | "/account/password"
            | "/static/app.css"
            | "/healthz",
        ) => ok(200),
        (
            Verb::Get,
            "/api/v1/orgs"
            | "/api/v1/orgs/{ma}"
            | "/api/v1/orgs/{ma}/children"
            | "/api/v1/members"
            | "/api/v1/members/{ma}"
            | "/api/v1/openapi.json"
            | "/api/v1/audit"
            | "/api/docs",
        ) => ok(200),
        (verb, path) => panic!("{verb:?} {path} has no example in the matrix: add one"),
    }
}

fn uri(spec: &RouteSpec, example: &Example, code: &str) -> String {
    let mut path = String::new();
    for segment in spec.path.split('/').skip(1) {
        path.push('/');
        if segment.starts_with('{') {
            // A route about no record may still name something in its path (an upload):
            // one that does not exist.
            let value = if code.is_empty() { "khong-co" } else { code };
            path.push_str(&support::urlencode(value));
        } else {
            path.push_str(segment);
        }
    }
    let mut query: Vec<String> = Vec::new();
    if spec.resource == Resource::OrgInQuery {
        query.push(format!("org={}", support::urlencode(code)));
    }
    if !example.query.is_empty() {
        query.push(example.query.to_string());
    }
    if query.is_empty() {
        path
    } else {
        format!("{path}?{}", query.join("&"))
    }
}

/// The status the route must answer.
fn expected(spec: &RouteSpec, example: &Example, case: Case, reach: Option<&Reach>) -> u16 {
    let Some(reach) = reach else {
        return match (spec.access.needs_account(), spec.surface, spec.verb) {
            (false, _, _) => example.ok_anonymous,
            (true, Surface::Api, _) | (true, Surface::Page, Verb::Post) => 401,
            (true, Surface::Page, Verb::Get) => 303,
        };
    };
    if !spec.access.allows(reach.role) {
        return 403;
    }
    match case {
        Case::NoRecord if spec.path == "/" && reach.role == Role::DangVien => 303,
        Case::NoRecord | Case::InScope => example.ok_signed_in,
        Case::OutOfScope | Case::Missing => example.not_found,
    }
}

fn cases(spec: &RouteSpec) -> &'static [Case] {
    match spec.resource {
        Resource::None => &[Case::NoRecord],
        _ => &[Case::InScope, Case::OutOfScope, Case::Missing],
    }
}

fn request(spec: &RouteSpec, uri: &str, body: &str) -> Request<Body> {
    let builder = Request::builder().method(spec.verb.method()).uri(uri);
    match spec.verb {
        Verb::Get => builder.body(Body::empty()).unwrap(),
        Verb::Post => builder
            .header("content-type", "application/x-www-form-urlencoded")
            .body(Body::from(body.to_string()))
            .unwrap(),
    }
}

/// How the request proves who it is.
enum Credential {
    Anonymous,
    Cookie,
    Bearer(String),
}

async fn run(
    demo: &Demo,
    spec: &RouteSpec,
    reach: Option<&Reach>,
    credential: &Credential,
    failures: &mut Vec<String>,
) -> usize {
    let example = example(spec);
    let mut checked = 0;
    for &case in cases(spec) {
        let Some(code) = code_for(spec.resource, case, reach) else {
            continue;
        };
        let uri = uri(spec, &example, &code);
        let mut request = request(spec, &uri, example.body);
        match (credential, reach) {
            (Credential::Cookie, Some(r)) => {
                let session = if example.ends_session {
                    support::sign_in(demo.anonymous(), &r.username, &demo_password(r))
                        .await
                        .unwrap()
                } else {
                    demo.session(&r.username)
                };
                request = with_session(request, &session);
            }
            (Credential::Bearer(token), _) => {
                let value = format!("Bearer {token}");
                request
                    .headers_mut()
                    .insert("authorization", value.parse().unwrap());
            }
            _ => {
                let token = "ab".repeat(32);
                let cookie = format!("dangvu_csrf={token}").parse().unwrap();
                request.headers_mut().insert("cookie", cookie);
                request
                    .headers_mut()
                    .insert("x-csrf-token", token.parse().unwrap());
            }
        }
        let page: Page = send(demo.anonymous(), request).await;
        let want = expected(spec, &example, case, reach);
        checked += 1;
        let who = reach.map_or("anonymous", |r| r.username.as_str());
        if page.status.as_u16() != want {
            failures.push(format!(
                "{} {who} {:?} {case:?} {uri}: {} (expected {want})",
                demo.label, spec.verb, page.status
            ));
        } else if want == 303 && spec.access.needs_account() && reach.is_none() {
            assert!(page.header("location").starts_with("/login?next="), "{uri}");
        }
    }
    checked
}

fn demo_password(reach: &Reach) -> String {
    dangvu_storage::demo_password(&reach.username)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_role_gets_exactly_its_due_on_every_route() {
    for demo in backends() {
        let everything = Scope::whole_installation(day(TODAY));
        let accounts = demo.store.list_accounts(&everything).unwrap();
        let reaches: Vec<Reach> = support::DEMO_USERS
            .iter()
            .map(|name| {
                let account = accounts.iter().find(|a| a.username.as_str() == *name);
                reach(&demo, account.unwrap())
            })
            .collect();
        let audit = support::audit_context();
        let mut failures = Vec::new();
        let mut checked = 0;
        for spec in route_table() {
            checked += run(&demo, spec, None, &Credential::Anonymous, &mut failures).await;
            for reach in &reaches {
                let credential = Credential::Cookie;
                checked += run(&demo, spec, Some(reach), &credential, &mut failures).await;
                if spec.surface == Surface::Api {
                    let name = dangvu_domain::actor::Username::parse(&reach.username).unwrap();
                    let (_, secret) = demo
                        .store
                        .create_token(&everything, &audit, &name, Some(1))
                        .unwrap();
                    let bearer = Credential::Bearer(secret.expose().to_string());
                    checked += run(&demo, spec, Some(reach), &bearer, &mut failures).await;
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
        assert!(checked > route_table().len() * 7, "only {checked} checks");
        let own = &reaches[5];
        assert_eq!(own.own_member.as_deref(), Some(own.in_member.as_str()));
        for scoped in &reaches[1..] {
            let name = &scoped.username;
            assert!(
                scoped.out_org.is_some(),
                "{name} has no organization outside"
            );
            let narrow = !matches!(scoped.role, Role::CanBoToChuc);
            assert!(
                !narrow || scoped.out_member.is_some(),
                "{name}: no member outside"
            );
        }
        assert_eq!(
            reaches[3].out_org.as_deref(),
            Some("VX.01.02"),
            "a sibling cell"
        );
    }
}

#[tokio::test]
async fn every_listed_route_exists_and_nothing_else_does() {
    let demo = backends().remove(0);
    let everything = Scope::whole_installation(day(TODAY));
    let accounts = demo.store.list_accounts(&everything).unwrap();
    let admin = reach(
        &demo,
        accounts.iter().find(|a| a.role == Role::QuanTri).unwrap(),
    );
    for spec in route_table() {
        let example = example(spec);
        let code = code_for(spec.resource, Case::InScope, Some(&admin)).unwrap();
        let uri = uri(spec, &example, &code);
        let session = if example.ends_session {
            support::sign_in(demo.anonymous(), "quantri", &demo_password(&admin))
                .await
                .unwrap()
        } else {
            demo.session("quantri")
        };
        let request = with_session(request(spec, &uri, example.body), &session);
        let page = send(demo.anonymous(), request).await;
        assert!(
            !page.has("Không có trang") && !page.has("There is no page"),
            "{uri} is listed but not routed"
        );
    }
    for unlisted in [
        "/admin", "/orgs", "/api/v1", "/members", "/audit/1", "/login/x",
    ] {
        let page = support::get(demo.app(), unlisted).await;
        assert_eq!(page.status, StatusCode::NOT_FOUND, "{unlisted}");
    }
}

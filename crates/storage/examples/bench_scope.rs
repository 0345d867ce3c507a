//! The cost of scoping: the member list under a subtree scope against the same list under
//! the whole installation's scope, on one database engine.
//!
//! ```text
//! cargo run --release -p dangvu-storage --features testing --example bench_scope -- \
//!     demo|million [postgres://…/postgres] [ITERATIONS]
//! ```
//!
//! - `demo`: the Vị Xuyên demo district (`dangvu_demo::generate(DEFAULT_SEED)`): the district
//!   root `VX` and one cell on 2020-07-31, the province root `TQ` and the same cell (now
//!   under it) on 2025-11-26.
//! - `million`: 1,000,000 generated members in a province → 10 districts → 50 grassroots
//!   committees each → 20 cells each (100 members a cell; 10% with one transfer, 5%
//!   exempted): the province root, one district and one cell on 2025-11-26.
//!
//! Each case times `Store::members` for the first page of 50 and for a deep page reached
//! through the cursor (the middle of the list, at most 2,000 rows down; the count, bounded
//! by `MEMBER_COUNT_LIMIT`, is part of every page), scoped (`Scope::subtree` of the organization itself, as an account rooted
//! there) and unscoped (`Scope::whole_installation`), alternating, and prints the median of
//! ITERATIONS runs (default 21; fewer, but at least 5, once a case has run for a minute) and
//! the ratio scoped/unscoped, with the exact size of the list (counted once, unbounded) and
//! the total the page reports (`>10000` above the bound), then the plans of the scoped
//! statements as the engine chooses them (`dangvu_storage::testing::member_list_plans`).
//! The database is kept in the temporary folder (SQLite) or as `dangvu_bench_scope_<set>`
//! (PostgreSQL) and reused by the next run.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

use dangvu_domain::dataset::{
    Dataset, MemberProfile, MemberRecord, OrgRecord, Registration, StatusChange,
};
use dangvu_domain::enums::{Gender, MemberStatus, OrgType};
use dangvu_domain::{Date, MemberCode, OrgCode};
use dangvu_storage::testing::member_list_plans;
use dangvu_storage::{AuditContext, DatabaseUrl, MemberCursor, MemberQuery, Scope, Store};
use diesel::connection::SimpleConnection;
use diesel::{Connection, PgConnection};
use std::time::{Duration, Instant};

const DISTRICTS: usize = 10;
const GRASSROOTS: usize = 50;
const CELLS: usize = 20;
const PER_CELL: usize = 100;
const PAGE: u32 = 50;
const MIN_PAIRS: usize = 5;
const BUDGET: Duration = Duration::from_secs(60);
const FAMILY: [&str; 8] = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Lò"];
const MIDDLE: [&str; 6] = ["Văn", "Thị", "Đức", "Minh", "Thu", "Quang"];
const GIVEN: [&str; 10] = [
    "An", "Bình", "Cường", "Dung", "Hà", "Hùng", "Lan", "Mai", "Sơn", "Tú",
];

fn day(y: i32, m: u32, d: u32) -> Date {
    Date::from_ymd_opt(y, m, d).unwrap()
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let set = args.first().map_or("demo", String::as_str);
    let server = args.iter().find(|a| a.starts_with("postgres"));
    let iterations: usize = args.iter().find_map(|a| a.parse().ok()).unwrap_or(21);
    let engine = if server.is_some() {
        "PostgreSQL"
    } else {
        "SQLite"
    };
    let store = Store::open(&database(set, server)).unwrap();
    if store.is_empty().unwrap() {
        let started = Instant::now();
        let ds = match set {
            "million" => million(),
            _ => dangvu_demo::generate(dangvu_demo::DEFAULT_SEED),
        };
        let ctx = AuditContext {
            actor: "bench".into(),
            source: "bench".into(),
            at: day(2025, 11, 26).and_hms_opt(9, 0, 0).unwrap(),
        };
        let stats = store.load_dataset(&ds, &ctx).unwrap();
        println!(
            "loaded {} members in {:.1} s",
            stats.members,
            started.elapsed().as_secs_f64()
        );
    }
    let cases: Vec<(&str, Date)> = match set {
        "million" => vec![
            ("P", day(2025, 11, 26)),
            ("P.D03", day(2025, 11, 26)),
            ("P.D03.G17.C05", day(2025, 11, 26)),
        ],
        _ => vec![
            ("VX", day(2020, 7, 31)),
            ("VX.01.01", day(2020, 7, 31)),
            ("TQ", day(2025, 11, 26)),
            ("VX.01.01", day(2025, 11, 26)),
        ],
    };
    println!(
        "| engine | dataset | org | as of | members | shown | page | scoped ms | unscoped ms | ratio | n |"
    );
    println!("|---|---|---|---|---:|---:|---|---:|---:|---:|---:|");
    let mut plans = Vec::new();
    for (org, as_of) in cases {
        let org = OrgCode::parse(org).unwrap();
        let first = MemberQuery {
            org: org.clone(),
            as_of,
            search: None,
            after: None,
            limit: PAGE,
        };
        let (total, shown, cursor) = deep_cursor(&store, &first);
        let deep = MemberQuery {
            after: cursor,
            ..first.clone()
        };
        for (label, query) in [("first", &first), ("deep", &deep)] {
            let (scoped, unscoped, n) = time_pair(&store, query, iterations);
            println!(
                "| {engine} | {set} | {org} | {as_of} | {total} | {shown} | {label} | {:.2} | {:.2} | {:.2} | {n} |",
                ms(scoped),
                ms(unscoped),
                scoped.as_secs_f64() / unscoped.as_secs_f64()
            );
            let scope = Scope::subtree(org.clone(), as_of);
            plans.push((
                format!("{org} {as_of} {label}"),
                member_list_plans(&store, &scope, query, false),
            ));
        }
    }
    for (case, case_plans) in plans {
        println!("\nplans of {engine} {set} {case} (scoped):");
        for plan in case_plans {
            print!("  {plan}");
            for scan in &plan.full_scans {
                println!("    FULL SCAN: {scan}");
            }
        }
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// The list's exact size (counted without a bound), the total its pages show, and the
/// cursor of a page in its middle (at most 2,000 rows down), reached by walking pages of 500.
fn deep_cursor(store: &Store, first: &MemberQuery) -> (u64, String, Option<MemberCursor>) {
    let scope = Scope::whole_installation(first.as_of);
    let mut query = MemberQuery {
        limit: 500,
        ..first.clone()
    };
    let total = store
        .members_counting_at_most(&scope, &query, u64::MAX)
        .unwrap()
        .total;
    let page = store.members(&scope, &query).unwrap();
    let shown = if page.total_exact {
        page.total.to_string()
    } else {
        format!(">{}", page.total)
    };
    let target = (total / 2).min(2_000);
    let mut seen = page.rows.len() as u64;
    let mut next = page.next;
    if target < PAGE.into() {
        return (total, shown, None);
    }
    while seen < target {
        query.after = next.clone();
        query.limit = u32::try_from((target - seen).min(500)).unwrap();
        let page = store.members(&scope, &query).unwrap();
        seen += page.rows.len() as u64;
        next = page.next;
    }
    (total, shown, next)
}

/// Medians of the scoped and of the unscoped page, timed alternately after a warm-up;
/// `iterations` pairs, or at least `MIN_PAIRS` and as many as fit in `BUDGET`.
fn time_pair(store: &Store, query: &MemberQuery, iterations: usize) -> (Duration, Duration, usize) {
    let scoped = Scope::subtree(query.org.clone(), query.as_of);
    let unscoped = Scope::whole_installation(query.as_of);
    let time = |scope: &Scope| {
        let started = Instant::now();
        let page = store.members(scope, query).unwrap();
        assert!(!page.rows.is_empty());
        started.elapsed()
    };
    time(&scoped);
    time(&unscoped);
    let (mut a, mut b) = (Vec::new(), Vec::new());
    let started = Instant::now();
    for i in 0..iterations {
        if i >= MIN_PAIRS && started.elapsed() > BUDGET {
            break;
        }
        a.push(time(&scoped));
        b.push(time(&unscoped));
    }
    let n = a.len();
    (median(a), median(b), n)
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn database(set: &str, server: Option<&String>) -> DatabaseUrl {
    let Some(server) = server else {
        let file = std::env::temp_dir().join(format!("dangvu-bench-scope-{set}.db"));
        return DatabaseUrl::parse(file.to_str().unwrap()).unwrap();
    };
    let name = format!("dangvu_bench_scope_{set}");
    let mut admin = PgConnection::establish(server).unwrap();
    let exists = admin
        .batch_execute(&format!("create database {name}"))
        .is_err();
    if exists {
        println!("reusing database {name}");
    }
    let (base, _) = server.split('?').next().unwrap().rsplit_once('/').unwrap();
    DatabaseUrl::parse(&format!("{base}/{name}")).unwrap()
}

fn org(code: &str, name: String, org_type: OrgType, parent: Option<&str>) -> OrgRecord {
    let parent = parent.map(|p| OrgCode::parse(p).unwrap());
    OrgRecord::standing(OrgCode::parse(code).unwrap(), name, org_type, parent)
}

/// The province of a million members.
fn million() -> Dataset {
    let mut orgs = vec![org("P", "Đảng bộ tỉnh".into(), OrgType::Tinh, None)];
    let mut cells = Vec::new();
    for d in 1..=DISTRICTS {
        let district = format!("P.D{d:02}");
        orgs.push(org(
            &district,
            format!("Đảng bộ huyện {d}"),
            OrgType::Huyen,
            Some("P"),
        ));
        for g in 1..=GRASSROOTS {
            let grassroots = format!("{district}.G{g:02}");
            let name = format!("Đảng bộ xã {g} huyện {d}");
            orgs.push(org(&grassroots, name, OrgType::DangBoCoSo, Some(&district)));
            for c in 1..=CELLS {
                let cell = format!("{grassroots}.C{c:02}");
                let name = format!("Chi bộ thôn {c} xã {g} huyện {d}");
                orgs.push(org(&cell, name, OrgType::ChiBoTrucThuoc, Some(&grassroots)));
                cells.push(OrgCode::parse(&cell).unwrap());
            }
        }
    }
    let total = cells.len() * PER_CELL;
    let members = (0..total).map(|i| member(i, &cells)).collect();
    Dataset {
        orgs,
        members,
        ..Dataset::default()
    }
}

fn member(i: usize, cells: &[OrgCode]) -> MemberRecord {
    let full_name = format!(
        "{} {} {}",
        FAMILY[i % FAMILY.len()],
        MIDDLE[i / 7 % MIDDLE.len()],
        GIVEN[i / 13 % GIVEN.len()]
    );
    let gender = if full_name.contains(" Thị ") {
        Gender::Nu
    } else {
        Gender::Nam
    };
    let born = 1940 + (i % 50) as i32;
    let year = born + 20 + (i % 15) as i32;
    let admitted = day(year, 5, 19);
    let now = cells[i * 7919 % cells.len()].clone();
    let mut registrations = Vec::new();
    if i % 10 == 3 {
        let before = cells[(i * 7919 + 1) % cells.len()].clone();
        registrations.push(Registration {
            org: before,
            since: None,
        });
        registrations.push(Registration {
            org: now,
            since: Some(day(year + 2, 9, 1)),
        });
    } else {
        registrations.push(Registration {
            org: now,
            since: None,
        });
    }
    let statuses = if i.is_multiple_of(20) {
        vec![StatusChange {
            status: MemberStatus::MienSinhHoat,
            on: day(year + 5, 3, 1),
        }]
    } else {
        Vec::new()
    };
    MemberRecord {
        code: MemberCode::parse(&format!("P-{i:07}")).unwrap(),
        profile: MemberProfile {
            full_name,
            gender: Some(gender),
            birth_date: Some(day(born, (i % 12 + 1) as u32, (i % 28 + 1) as u32)),
            ethnicity: Some("Tày".into()),
            citizen_id: Some(format!("{i:012}")),
            ..MemberProfile::default()
        },
        admitted_on: admitted,
        official_on: Some(day(year + 1, 5, 19)),
        registrations,
        statuses,
    }
}

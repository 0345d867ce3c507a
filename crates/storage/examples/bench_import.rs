//! Import throughput against the bare-insert baseline, on one database engine.
//!
//! ```text
//! cargo run --release -p dangvu-storage --features testing --example bench_import -- \
//!     MEMBERS [postgres://…/postgres] [import|raw|both]
//! ```
//!
//! Generates a CSV folder of interchange v1 — a district of 50 grassroots committees with
//! 20 cells each, and MEMBERS members (5% exempted, 10% with one transfer) — then, each on a
//! fresh database (a SQLite file, or a new PostgreSQL database when a server URL is given):
//!
//! - `import`: what `dangvu import` does — read and check the files, then `Store::import`
//!   (timed as a whole, and by step);
//! - `raw`: the same member, registration and status rows inserted the barest way
//!   (`dangvu_storage::import_bench::raw_insert`).
//!
//! Run one phase per process under `/usr/bin/time -v` for its peak memory; the import
//! phase also prints its peak while reading and checking, and while writing (the peak is
//! reset in between through `/proc/self/clear_refs`).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

use dangvu_domain::Date;
use dangvu_interchange::check_path;
use dangvu_storage::import_bench::raw_insert;
use dangvu_storage::{AuditContext, DatabaseUrl, GivenColumns, ImportRequest, Scope, Store};
use diesel::connection::SimpleConnection;
use diesel::{Connection, PgConnection};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

const GRASSROOTS: usize = 50;
const CELLS: usize = 20;
const FAMILY: [&str; 8] = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Lò"];
const MIDDLE: [&str; 6] = ["Văn", "Thị", "Đức", "Minh", "Thu", "Quang"];
const GIVEN: [&str; 10] = [
    "An", "Bình", "Cường", "Dung", "Hà", "Hùng", "Lan", "Mai", "Sơn", "Tú",
];

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let members: usize = args.first().and_then(|n| n.parse().ok()).unwrap_or(10_000);
    let server = args.get(1).filter(|a| a.starts_with("postgres"));
    let phase = args
        .iter()
        .find(|a| ["import", "raw", "both"].contains(&a.as_str()));
    let phase = phase.map_or("both", String::as_str);
    let work = std::env::temp_dir().join(format!("dangvu-bench-import-{members}"));
    let folder = work.join("csv");
    if !folder.join("dang_vien.csv").exists() {
        let started = Instant::now();
        generate(&folder, members);
        println!(
            "generated {members} members in {:.1} s",
            started.elapsed().as_secs_f64()
        );
    }
    let engine = if server.is_some() {
        "PostgreSQL"
    } else {
        "SQLite"
    };
    if phase != "raw" {
        let url = fresh_database(&work, server, "import");
        let (secs, rows) = import(&url, &folder);
        println!(
            "{engine} import {members}: {secs:.2} s, {:.0} members/s, {:.0} rows/s",
            members as f64 / secs,
            rows as f64 / secs
        );
    }
    if phase != "import" {
        let url = fresh_database(&work, server, "raw");
        let known = dangvu_domain::interchange::KnownCodes::none();
        let ds = check_path(&folder, &known).unwrap().dataset;
        let raw = raw_insert(&url, &ds).unwrap();
        let secs = raw.took.as_secs_f64();
        println!(
            "{engine} raw {members}: {secs:.2} s, {:.0} members/s, {:.0} rows/s",
            raw.members as f64 / secs,
            raw.rows as f64 / secs
        );
    }
}

/// Reads, checks and imports the folder; returns the seconds taken and the rows written
/// (members, registration and status periods).
fn import(url: &DatabaseUrl, folder: &Path) -> (f64, u64) {
    let store = Store::open(url).unwrap();
    let day = Date::from_ymd_opt(2025, 11, 26).unwrap();
    let scope = Scope::whole_installation(day);
    let started = Instant::now();
    let known = store.known_codes(&scope).unwrap();
    let checked = check_path(folder, &known).unwrap();
    let read = started.elapsed().as_secs_f64();
    let (checked_rss, check_peak) = (memory("VmRSS"), memory("VmHWM"));
    // From here on, the peak is that of the storage step alone.
    let _ = std::fs::write("/proc/self/clear_refs", "5");
    let columns = GivenColumns::from_headers(
        checked
            .tables
            .iter()
            .map(|t| (t.table, t.headers.as_slice())),
    );
    let request = ImportRequest {
        dataset: &checked.dataset,
        columns: &columns,
        effective_on: day,
        dry_run: false,
        progress: None,
        rows: None,
    };
    let audit = AuditContext {
        actor: "bench".into(),
        source: "bench".into(),
        at: day.and_hms_opt(0, 0, 0).unwrap(),
    };
    store.import(&scope, &request, &audit).unwrap();
    let total = started.elapsed().as_secs_f64();
    println!("  read and check {read:.2} s, write {:.2} s", total - read);
    println!(
        "  memory: peak {check_peak} MB while reading and checking, {checked_rss} MB held after \
         it, peak {} MB while writing",
        memory("VmHWM")
    );
    let ds = &checked.dataset;
    let rows: usize = ds
        .members
        .iter()
        .map(|m| 1 + m.registration_periods().len() + m.status_periods().len())
        .sum();
    (total, rows as u64)
}

/// A memory figure of this process from `/proc/self/status`, in MB (0 where unknown).
fn memory(field: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|line| line.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|rest| {
            rest.trim()
                .trim_end_matches("kB")
                .trim()
                .parse::<u64>()
                .ok()
        })
        .map_or(0, |kb| kb / 1024)
}

fn fresh_database(work: &Path, server: Option<&String>, name: &str) -> DatabaseUrl {
    let Some(server) = server else {
        let file = work.join(format!("{name}.db"));
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", file.display()));
        }
        return DatabaseUrl::parse(file.to_str().unwrap()).unwrap();
    };
    let database = format!("dangvu_bench_{name}");
    let mut admin = PgConnection::establish(server).unwrap();
    admin
        .batch_execute(&format!("drop database if exists {database} with (force)"))
        .unwrap();
    admin
        .batch_execute(&format!("create database {database}"))
        .unwrap();
    let (base, _) = server.rsplit_once('/').unwrap();
    DatabaseUrl::parse(&format!("{base}/{database}")).unwrap()
}

/// Writes `to_chuc.csv`, `dang_vien.csv` and `chuyen_sinh_hoat.csv` into `folder`.
fn generate(folder: &PathBuf, members: usize) {
    std::fs::create_dir_all(folder).unwrap();
    let file =
        |name: &str| std::io::BufWriter::new(std::fs::File::create(folder.join(name)).unwrap());
    let mut orgs = file("to_chuc.csv");
    writeln!(
        orgs,
        "ma,ten,loai,ma_cap_tren,ngay_thanh_lap,ngay_giai_the,ma_sap_nhap_vao"
    )
    .unwrap();
    writeln!(orgs, "BX,Đảng bộ huyện Bắc Xuyên,HUYEN,,,,").unwrap();
    let cell = |i: usize| format!("BX.{:02}.C{:02}", i / CELLS % GRASSROOTS + 1, i % CELLS + 1);
    for g in 1..=GRASSROOTS {
        writeln!(orgs, "BX.{g:02},Đảng bộ xã số {g},DANG_BO_CO_SO,BX,,,").unwrap();
        for c in 1..=CELLS {
            writeln!(
                orgs,
                "BX.{g:02}.C{c:02},Chi bộ thôn {c} xã {g},CHI_BO_TRUC_THUOC,BX.{g:02},,,"
            )
            .unwrap();
        }
    }
    let mut people = file("dang_vien.csv");
    let mut moves = file("chuyen_sinh_hoat.csv");
    writeln!(
        people,
        "ma,ho_ten,gioi_tinh,ngay_sinh,dan_toc,so_cccd,que_quan,ngay_vao_dang,ngay_chinh_thuc,ma_to_chuc,trang_thai,ngay_trang_thai"
    )
    .unwrap();
    writeln!(moves, "ma_dang_vien,ngay,tu_to_chuc,den_to_chuc").unwrap();
    for i in 0..members {
        let name = format!(
            "{} {} {}",
            FAMILY[i % FAMILY.len()],
            MIDDLE[i / 7 % MIDDLE.len()],
            GIVEN[i / 13 % GIVEN.len()]
        );
        let gender = if name.contains(" Thị ") {
            "NU"
        } else {
            "NAM"
        };
        let born = 1950 + i % 50;
        let admitted = born + 20 + i % 15;
        let now = cell(i * 7919);
        let status = if i % 20 == 0 {
            ("MIEN_SINH_HOAT", format!("{}-03-01", admitted + 5))
        } else {
            ("DANG_SINH_HOAT", String::new())
        };
        writeln!(
            people,
            "BX-{i:07},{name},{gender},{born}-{:02}-{:02},Tày,{:012},Xã {},{admitted}-05-19,{}-05-19,{now},{},{}",
            i % 12 + 1,
            i % 28 + 1,
            i,
            i % 50 + 1,
            admitted + 1,
            status.0,
            status.1
        )
        .unwrap();
        if i % 10 == 3 {
            writeln!(
                moves,
                "BX-{i:07},{}-09-01,{},{now}",
                admitted + 2,
                cell(i * 7919 + 1)
            )
            .unwrap();
        }
    }
}

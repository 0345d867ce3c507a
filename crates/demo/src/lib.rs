//! The Vị Xuyên demo district: a deterministic, realistic [`Dataset`] for demos and tests.
//!
//! [`generate`] builds, from a seed and with no I/O, the Party organization of Vị Xuyên
//! district (Hà Giang) over the 2015–2020 term described by the article the project comes
//! from, and its history up to [`DATA_END`]:
//!
//! - **The tree.** Root `VX` "Đảng bộ huyện Vị Xuyên" (dissolved on 2025-07-01) with 85
//!   grassroots organizations on 2015-08-01: the 24 real communes and towns as đảng bộ
//!   cơ sở (`VX.01` … `VX.24`, with cells for each village, residential group, commune
//!   office, militia and school), three đảng bộ for the police, the army and the health
//!   centre (`VX.25` … `VX.27`; the police and the health centre group some cells in a
//!   đảng bộ bộ phận, `VX.25.BP1`), and 58 chi bộ cơ sở of agencies, schools and
//!   enterprises (`VX.28` …). Eight of them merge into similar agencies during the term,
//!   so 77 grassroots organizations and 400 cells under them stand on 2020-07-31, as the
//!   article says. Cells are `VX.NN.MM`. The tree does not depend on the seed.
//! - **The 2025 restructure.** `TQ` "Đảng bộ tỉnh Tuyên Quang" is founded on 2025-07-01 —
//!   the day the new province's Party organization was formed by merging those of Tuyên
//!   Quang and Hà Giang — with eleven commune-level committees (`TQ.X01` "Đảng bộ xã Vị
//!   Xuyên" …, type `XA`), and every grassroots organization still active moves under one
//!   of them that day. The grouping of old communes into new ones is synthetic.
//! - **The people.** About 6,400 members on 2015-08-01, admitted decades back; exactly
//!   1,250 admissions during the term; transfers, arrivals from elsewhere, exemptions of
//!   the elderly, deaths, names struck, expulsions, resignations and transfers out; and
//!   150–250 admissions a year afterwards. The figures of 2020-07-31 are planned first and
//!   the starting population derived from them, so every seed gives 7,300–7,399 members
//!   and about 275 exempted on that day. Names, ethnic groups, schooling and occupations
//!   follow the kind of cell; identity numbers are unique.
//! - **Ratings.** Every grassroots organization and cell active on 31 December 2015–2025,
//!   and every active member registered then, is rated; more than 85% of grassroots
//!   organizations are rated good or better each year, and about 98% of members complete
//!   their duties. Exempted members are not rated, as the rules exempt them.
//! - **Simplifications.** Codes keep their `VX.` prefix after 2025 (a code is an identity,
//!   not a path). District agencies, police and army keep their committees and move under
//!   the new committee of their seat, although the real 2025 reform reorganized them.
//!   Village names, the agencies' exact names and the merger dates are invented.
//!
//! Same seed, same dataset ([`ChaCha8Rng`]; no hash-map order reaches the output).
//!
//! [`chunks`] generates, for measuring rather than showing, an installation of a province's
//! or the nation's size ([`Scale`]) in parts of about 100,000 members.

pub mod admissions;
mod agencies;
mod calendar;
mod careers;
mod changes;
mod commitments;
mod communes;
mod district;
mod draft;
mod entries;
mod events;
mod history;
mod lifecycle;
pub mod lifecycle_records;
mod monthly;
mod names;
mod people;
mod pick;
mod plan;
mod pool;
pub mod rating_rounds;
mod ratings;
mod scale;
pub mod transfers;

pub use scale::{Chunk, Scale, chunks};

use calendar::ymd;
use dangvu_domain::dataset::Dataset;
use dangvu_domain::{Date, DomainError};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

/// The seed of the demo loaded by default (the day the article appeared, 1 August 2020).
pub const DEFAULT_SEED: u64 = 20_200_801;

/// The code of the district's Party organization, the root until 2025-06-30.
pub const DISTRICT_CODE: &str = "VX";

/// The code of the province's Party organization, the root from 2025-07-01.
pub const PROVINCE_CODE: &str = "TQ";

/// First day of the 2015–2020 term.
pub const TERM_START: Date = ymd(2015, 8, 1);

/// Last day of the 2015–2020 term, the day of the article's figures.
pub const TERM_END: Date = ymd(2020, 7, 31);

/// The day the district level was abolished and the province merged (QĐ 294-QĐ/TW).
pub const RESTRUCTURE_DAY: Date = ymd(2025, 7, 1);

/// The last day the demo's history covers.
pub const DATA_END: Date = ymd(2026, 6, 30);

/// Generates the demo district for `seed`.
///
/// # Panics
/// If the generator wrote a code that does not parse: a bug in the generator, which the
/// tests would show; an empty district instead would look like a working demo.
#[allow(
    clippy::expect_used,
    reason = "an invariant of the generator, not an input"
)]
pub fn generate(seed: u64) -> Dataset {
    // Every code the generator writes is ASCII letters, digits, dots and dashes.
    try_generate(seed).expect("the demo generator writes only valid codes")
}

/// Generates the demo district for `seed`, reporting a code that does not parse.
pub fn try_generate(seed: u64) -> Result<Dataset, DomainError> {
    let district = district::build()?;
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let plan = plan::Plan::draw(&mut rng);
    let drafts = history::simulate(&district, &plan, &mut rng)?;
    let (member_ratings, org_ratings) = ratings::rate(&district, &drafts, &mut rng);
    let members: Vec<_> = drafts.into_iter().map(|d| d.record).collect();
    let monthly_results = monthly::results(&members, &member_ratings, seed);
    let commitments = commitments::commitments(&district.orgs, &members, seed);
    Ok(Dataset {
        orgs: district.orgs,
        members,
        member_ratings,
        org_ratings,
        calendar_days: Vec::new(),
        dossiers: Vec::new(),
        monthly_results,
        commitments,
    })
}

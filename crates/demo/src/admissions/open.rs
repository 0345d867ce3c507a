//! Dossiers of applicants the demo does not admit (yet): closed without admission at some
//! step, and open ones at every stage up to [`super::DOSSIERS_END`], whose decisions and
//! ceremonies fall due around the demo's today, some on time and some overdue.

use super::DOSSIERS_END;
use super::admitted::steps_before;
use super::days::{ahead, shift};
use super::people::Roster;
use crate::names::{Setting, draw_ethnicity, full_name};
use crate::{TERM_START, calendar::ymd};
use dangvu_domain::admissions::{Applicant, Closing, Decision, Dossier};
use dangvu_domain::calendar::WorkingCalendar;
use dangvu_domain::enums::Gender;
use dangvu_domain::{Date, OrgCode};
use rand::Rng;
use rand::seq::IndexedRandom;

/// Dossiers closed without admission.
const CLOSED: usize = 140;
/// Dossiers still open at the demo's end.
const OPEN: usize = 96;

const REASONS: &[&str] = &[
    "Chi bộ biểu quyết không đủ hai phần ba đảng viên chính thức tán thành",
    "Quần chúng chuyển đi nơi khác làm ăn, sinh sống",
    "Quần chúng tự nguyện rút đơn",
    "Lý lịch chưa rõ ràng, chưa thẩm tra được",
    "Vi phạm pháp luật trong thời gian xem xét",
];

/// Dossiers closed without admission, spread over the years from the term's start.
pub(crate) fn closed(
    roster: &Roster<'_>,
    calendar: &WorkingCalendar,
    rng: &mut impl Rng,
) -> Vec<Dossier> {
    let span = (ymd(2026, 3, 31) - TERM_START).num_days();
    (0..CLOSED)
        .filter_map(|i| {
            let resolution = shift(TERM_START, rng.random_range(200..span));
            let mut d = applicant(roster, format!("HS-D{i:04}"), resolution, rng)?;
            steps_before(&mut d, roster, resolution, calendar, rng);
            // Closed at the list, before the vote, or after a vote that failed.
            let stage = rng.random_range(0..3);
            let on = match stage {
                0 => {
                    forget_from_application(&mut d);
                    shift(
                        d.course_on.unwrap_or(resolution),
                        rng.random_range(30..=120),
                    )
                }
                1 => {
                    forget_votes(&mut d);
                    resolution
                }
                _ => {
                    for vote in &mut d.votes {
                        vote.votes_for = vote.official_members / 3;
                    }
                    d.resolution_on = None;
                    resolution
                }
            };
            let reason = if stage == 2 {
                REASONS[0]
            } else {
                *REASONS[1..].choose(rng).unwrap_or(&REASONS[1])
            };
            d.closing = Some(Closing {
                on,
                reason: reason.into(),
            });
            Some(d)
        })
        .collect()
}

/// Open dossiers at every stage before the ceremony, their last step in 2026.
pub(crate) fn in_progress(
    roster: &Roster<'_>,
    calendar: &WorkingCalendar,
    rng: &mut impl Rng,
) -> Vec<Dossier> {
    (0..OPEN)
        .filter_map(|i| {
            // The later stages need their resolution early enough for the steps after it.
            let stage = i % 8;
            let resolution = shift(ymd(2026, 1, 5), rng.random_range(0..=300));
            let mut d = applicant(roster, format!("HS-M{i:04}"), resolution, rng)?;
            steps_before(&mut d, roster, resolution, calendar, rng);
            match stage {
                0 => {
                    forget_from_application(&mut d);
                    d.course_on = None;
                }
                1 => forget_from_application(&mut d),
                2 => {
                    forget_votes(&mut d);
                    d.introducers = Default::default();
                }
                3 => forget_votes(&mut d),
                4 => {}
                5 => d.proposal_on = Some(ahead(calendar, resolution, rng.random_range(3..=10))),
                _ => {
                    let proposal = ahead(calendar, resolution, rng.random_range(3..=10));
                    d.proposal_on = Some(proposal);
                    let on = ahead(calendar, resolution, rng.random_range(15..=55))
                        .min(DOSSIERS_END)
                        .max(proposal);
                    d.decision = Some(Decision {
                        number: Some(format!("{}-QĐ/ĐU", rng.random_range(10..=480))),
                        on,
                    });
                }
            }
            Some(d)
        })
        .collect()
}

/// A new applicant of a cell that has official members on `day`.
fn applicant(roster: &Roster<'_>, code: String, day: Date, rng: &mut impl Rng) -> Option<Dossier> {
    let cells: Vec<OrgCode> = roster.cells_with_officials(day);
    let cell = cells.choose(rng)?.clone();
    let gender = if rng.random_bool(0.45) {
        Gender::Nu
    } else {
        Gender::Nam
    };
    let ethnicity = draw_ethnicity(rng, Setting::Lowland);
    let applicant = Applicant {
        full_name: full_name(rng, ethnicity, gender),
        gender,
        birth_date: shift(day, -rng.random_range(19 * 365..=45 * 365)),
        ethnicity: Some(ethnicity.label().into()),
        education: Some(
            if rng.random_bool(0.9) {
                "12/12"
            } else {
                "9/12"
            }
            .into(),
        ),
    };
    Some(Dossier::new(code, applicant, cell))
}

fn forget_votes(d: &mut Dossier) {
    d.votes.clear();
    d.resolution_on = None;
    d.overrides.clear();
}

fn forget_from_application(d: &mut Dossier) {
    forget_votes(d);
    d.application_on = None;
    d.introducers = Default::default();
}

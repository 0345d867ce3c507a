//! The effective-dated model of organizations, members and ratings, as one value.
//!
//! A [`Dataset`] is what enters the database in bulk: the demo district is generated as
//! one, and the interchange importer builds one from a workbook. Organizations carry a
//! parent history (an organization can move under another superior on a date) and members
//! a registration history and status changes; the periods derived here are the only
//! derivation of those histories, used by storage and by the reference report alike.

use crate::codes::{MemberCode, OrgCode};
use crate::dates::{Date, DateSentinels, Period};
use crate::enums::{Gender, MemberStatus, OrgType, Rating};
use serde::{Deserialize, Serialize};

/// Organizations, members and yearly ratings, with their histories.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Dataset {
    /// Organizations, parents before children not required.
    pub orgs: Vec<OrgRecord>,
    /// Members with their registration and status histories.
    pub members: Vec<MemberRecord>,
    /// Yearly ratings of members.
    pub member_ratings: Vec<MemberRating>,
    /// Yearly ratings of organizations.
    pub org_ratings: Vec<OrgRating>,
    /// Days of the working-day calendar (`ngay_nghi`, interchange v2): imported by the
    /// whole installation only, exported with the whole installation.
    #[serde(default)]
    pub calendar_days: Vec<crate::calendar::CalendarDay>,
    /// Admission dossiers (`ho_so_ket_nap`, interchange v2), holding only what the table
    /// carries (`crate::admissions::interchange::file_form`).
    #[serde(default)]
    pub dossiers: Vec<crate::admissions::Dossier>,
    /// Members' monthly results (`ket_qua_thang`, interchange v2).
    #[serde(default)]
    pub monthly_results: Vec<crate::ratings::MonthlyResult>,
    /// Signed commitments of heads and deputies (`cam_ket`, interchange v2).
    #[serde(default)]
    pub commitments: Vec<crate::ratings::Commitment>,
}

/// An organization and its parent history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrgRecord {
    /// Unique code.
    pub code: OrgCode,
    /// Name (NFC).
    pub name: String,
    /// Type.
    pub org_type: OrgType,
    /// Founding date; `None` = existed before any date in the data.
    pub founded_on: Option<Date>,
    /// First day it no longer exists (dissolved or merged).
    pub dissolved_on: Option<Date>,
    /// The organization it merged into, if it ended by a merger.
    pub merged_into: Option<OrgCode>,
    /// Superiors over time, in date order; each holds until the next one's `since`.
    pub parents: Vec<ParentLink>,
}

/// One superior of an organization, from a date on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParentLink {
    /// First day under this superior; `None` = from the organization's beginning.
    pub since: Option<Date>,
    /// The superior; `None` = a root from that day.
    pub parent: Option<OrgCode>,
}

impl OrgRecord {
    /// An organization that stands from before any date in the data, under `parent` (a
    /// root when `None`) throughout, never dissolved: generated trees and tests.
    pub fn standing(
        code: OrgCode,
        name: String,
        org_type: OrgType,
        parent: Option<OrgCode>,
    ) -> Self {
        OrgRecord {
            code,
            name,
            org_type,
            founded_on: None,
            dissolved_on: None,
            merged_into: None,
            parents: vec![ParentLink {
                since: None,
                parent,
            }],
        }
    }

    /// The days the organization exists: `[founded_on, dissolved_on)`.
    pub fn life(&self) -> Period {
        Period::new(self.founded_on, self.dissolved_on)
    }

    /// Whether the organization exists on `day`.
    pub fn is_active_on(&self, day: Date) -> bool {
        self.life().contains(day)
    }

    /// The superior in each period of the organization's life (empty periods dropped).
    pub fn parent_periods(&self) -> Vec<(Period, Option<&OrgCode>)> {
        chain_periods(&self.parents, |p| p.since, |p| p.parent.as_ref())
            .into_iter()
            .map(|(period, parent)| (period.intersect(&self.life()), parent))
            .filter(|(period, _)| !period.is_empty())
            .collect()
    }
}

/// The fields of the Party member sheet kept for each member.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MemberProfile {
    /// Full name (NFC).
    pub full_name: String,
    /// Sex; `None` only for records imported without it.
    pub gender: Option<Gender>,
    /// Birth date.
    pub birth_date: Option<Date>,
    /// Ethnic group (`dan_toc`), e.g. `Tày`.
    pub ethnicity: Option<String>,
    /// Religion; `None` = none.
    pub religion: Option<String>,
    /// 12-digit citizen ID (text: leading zeros matter).
    pub citizen_id: Option<String>,
    /// Home town (`que_quan`).
    pub hometown: Option<String>,
    /// Place of birth (`noi_sinh`).
    pub birthplace: Option<String>,
    /// Occupation (`nghe_nghiep`).
    pub occupation: Option<String>,
    /// General education, e.g. `12/12`.
    pub general_education: Option<String>,
    /// Professional qualification, e.g. `Đại học`.
    pub professional_qualification: Option<String>,
    /// Political theory level, e.g. `Sơ cấp`.
    pub political_theory: Option<String>,
    /// Party card number (opaque, unique).
    pub party_card_no: Option<String>,
    /// Party CV number (số lý lịch; opaque, unique).
    pub cv_no: Option<String>,
}

/// A member: profile, key dates, registration history and status changes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MemberRecord {
    /// Unique member code.
    pub code: MemberCode,
    /// The member sheet.
    pub profile: MemberProfile,
    /// Admission date (ngày vào Đảng).
    pub admitted_on: Date,
    /// Full-membership date; `None` = still probationary.
    pub official_on: Option<Date>,
    /// Official registrations in date order; each holds until the next one's `since`.
    pub registrations: Vec<Registration>,
    /// Status changes in date order; before the first one the member is active.
    pub statuses: Vec<StatusChange>,
}

/// An official registration in an organization, from a date on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Registration {
    /// The cell where the member is registered.
    pub org: OrgCode,
    /// First day registered there; `None` = from the beginning of the record.
    pub since: Option<Date>,
}

/// A status that begins on a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusChange {
    /// The new status.
    pub status: MemberStatus,
    /// The day it begins.
    pub on: Date,
}

impl MemberRecord {
    /// Registration periods, in order.
    pub fn registration_periods(&self) -> Vec<(Period, &OrgCode)> {
        chain_periods(&self.registrations, |r| r.since, |r| &r.org)
    }

    /// Status periods, in order, starting with "active" before the first change.
    pub fn status_periods(&self) -> Vec<(Period, MemberStatus)> {
        let mut periods = Vec::with_capacity(self.statuses.len() + 1);
        let mut start = Date::MIN_SENTINEL;
        let mut current = MemberStatus::DangSinhHoat;
        for change in &self.statuses {
            periods.push((
                Period {
                    from: start,
                    to: change.on,
                },
                current,
            ));
            start = change.on;
            current = change.status;
        }
        periods.push((
            Period {
                from: start,
                to: Date::MAX_SENTINEL,
            },
            current,
        ));
        periods.retain(|(p, _)| !p.is_empty());
        periods
    }

    /// Where the member is officially registered on `day`.
    pub fn registration_on(&self, day: Date) -> Option<&OrgCode> {
        crate::dates::find_on(self.registration_periods(), day)
    }

    /// The member's status on `day`.
    pub fn status_on(&self, day: Date) -> MemberStatus {
        crate::dates::find_on(self.status_periods(), day).unwrap_or(MemberStatus::DangSinhHoat)
    }

    /// Whether the member is still probationary on `day` (no full-membership date yet).
    pub fn is_probationary_on(&self, day: Date) -> bool {
        crate::membership::is_probationary_on(self.official_on, day)
    }
}

/// A member's rating for a year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberRating {
    /// The year rated.
    pub year: i32,
    /// The member.
    pub member: MemberCode,
    /// The level.
    pub rating: Rating,
    /// Points (0–100) where the year's rules score.
    pub score: Option<u8>,
}

/// An organization's rating for a year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrgRating {
    /// The year rated.
    pub year: i32,
    /// The organization.
    pub org: OrgCode,
    /// The level.
    pub rating: Rating,
    /// Points where the year's rules score.
    pub score: Option<u8>,
}

/// Turns a list of "from this date on" entries into consecutive half-open periods.
fn chain_periods<'a, T, V>(
    entries: &'a [T],
    since: impl Fn(&T) -> Option<Date>,
    value: impl Fn(&'a T) -> V,
) -> Vec<(Period, V)> {
    let mut out = Vec::with_capacity(entries.len());
    for (i, entry) in entries.iter().enumerate() {
        let from = since(entry).unwrap_or(Date::MIN_SENTINEL);
        let to = entries
            .get(i + 1)
            .and_then(&since)
            .unwrap_or(Date::MAX_SENTINEL);
        if from < to {
            out.push((Period { from, to }, value(entry)));
        }
    }
    out
}

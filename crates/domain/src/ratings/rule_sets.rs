//! The rating rules of each period, chosen by the year rated.
//!
//! The Party changed how it rates organizations and members three times in the years the
//! records cover (domain.md §3): the "trong sạch, vững mạnh" scheme until 2017 (HD 20/2008,
//! HD 27/2014), the four levels from 2018 (QĐ 132/2018, HD 16/2018, HD 21/2019, then
//! QĐ 124/2023 with HD 25/2023), and the 100-point scale from 2025 (QĐ 366/2025, HD 43/2025).
//! A rule set is one row here; a later regulation is a new row, never an edit of an old one.
//! Numbers the sources leave unverified ([I] in domain.md) are parameters with their default
//! and a note saying so.

/// How a period rates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scheme {
    /// Organizations "Trong sạch, vững mạnh" … "Yếu kém", members "Đủ tư cách …": labels
    /// kept verbatim and mapped to the four levels for statistics (`legacy`).
    TrongSachVungManh,
    /// The four levels, decided without points.
    FourLevels,
    /// The four levels following from a score out of 100 and conditions.
    Points100,
}

/// The quota on the top level: HTXSNV at most a share of those rated HTTNV in each
/// grassroots organization (HD 21-HD/BTCTW 2019).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quota {
    /// The share, in percent of the number rated HTTNV.
    pub percent_of_good: u32,
    /// Whether the rules allow an exception (recorded with its reason).
    pub exception_allowed: bool,
    /// What is known about the number.
    pub note: &'static str,
}

/// The score thresholds of the 100-point scale (QĐ 366-QĐ/TW Art. 11).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PointThresholds {
    /// HTXSNV from this many points.
    pub excellent: u32,
    /// HTTNV from this many points.
    pub good: u32,
    /// HTNV from this many points; below it KHTNV.
    pub done: u32,
}

/// How an organization's rating is tied to its members' and subordinates' (HD 21 §3.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Linkage {
    /// For HTTNV or better: at least this share (percent) of members (a cell) or
    /// subordinate organizations (a committee) rated HTTNV or better, all HTNV or better.
    pub good_share_percent: u32,
    /// An organization with more than this share (percent) of its members disciplined in
    /// the year is KHTNV (QĐ 124/2023; a law firm's reading for cells).
    pub disciplined_share_percent: u32,
}

/// A period of review.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoundPeriod {
    /// A calendar year.
    Year,
    /// A quarter (QĐ 366 from 2025).
    Quarter,
    /// A term (QĐ 366 from 2025).
    Term,
}

/// The rules of one period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleSet {
    /// Short name (the regulations).
    pub name: &'static str,
    /// The first year rated under these rules.
    pub first_year: i32,
    /// How it rates.
    pub scheme: Scheme,
    /// The quota on HTXSNV, when the period has one.
    pub quota: Option<Quota>,
    /// The score thresholds, under the 100-point scale.
    pub points: Option<PointThresholds>,
    /// The tie between an organization and its members and subordinates.
    pub linkage: Linkage,
    /// Members admitted fewer than this many months before the round's reference day are
    /// not rated yet [I: practice, not found in the sources; default 6].
    pub min_months_admitted: u32,
    /// The self-assessment forms of the period.
    pub forms: &'static str,
    /// The periods a round may cover.
    pub periods: &'static [RoundPeriod],
}

const YEAR_ONLY: &[RoundPeriod] = &[RoundPeriod::Year];
const HD21_QUOTA: Quota = Quota {
    percent_of_good: 20,
    exception_allowed: true,
    note: "HD 21-HD/BTCTW (2019): HTXSNV ≤ 20% số được xếp HTTNV trong từng tổ chức cơ sở đảng",
};
const HD21_LINKAGE: Linkage = Linkage {
    good_share_percent: 50,
    disciplined_share_percent: 20,
};

/// The rule sets in force over time, oldest first.
pub const RULE_SETS: [RuleSet; 4] = [
    RuleSet {
        name: "HD 20-HD/BTCTW (2008), HD 27-HD/BTCTW (2014)",
        first_year: 2008,
        scheme: Scheme::TrongSachVungManh,
        quota: None,
        points: None,
        linkage: HD21_LINKAGE,
        min_months_admitted: 6,
        forms: "",
        periods: YEAR_ONLY,
    },
    RuleSet {
        name: "QĐ 132-QĐ/TW (2018), HD 16-HD/BTCTW (2018), HD 21-HD/BTCTW (2019)",
        first_year: 2018,
        scheme: Scheme::FourLevels,
        quota: Some(HD21_QUOTA),
        points: None,
        linkage: HD21_LINKAGE,
        min_months_admitted: 6,
        forms: "",
        periods: YEAR_ONLY,
    },
    RuleSet {
        name: "QĐ 124-QĐ/TW (2023), HD 25-HD/BTCTW (2023)",
        first_year: 2023,
        scheme: Scheme::FourLevels,
        quota: Some(Quota {
            note: "[I] HD 25/2023 giữ tỷ lệ 20% của HD 21 — chưa đối chiếu văn bản",
            ..HD21_QUOTA
        }),
        points: None,
        linkage: HD21_LINKAGE,
        min_months_admitted: 6,
        forms: "",
        periods: YEAR_ONLY,
    },
    RuleSet {
        name: "QĐ 366-QĐ/TW (2025), HD 43-HD/BTCTW (2025)",
        first_year: 2025,
        scheme: Scheme::Points100,
        quota: Some(Quota {
            note: "[I] HD 43/2025 giữ tỷ lệ 20% của HD 21 — chưa đối chiếu văn bản",
            ..HD21_QUOTA
        }),
        points: Some(PointThresholds {
            excellent: 90,
            good: 70,
            done: 50,
        }),
        linkage: HD21_LINKAGE,
        min_months_admitted: 6,
        forms: "Mẫu 2A, 2B, 2C",
        periods: &[RoundPeriod::Year, RoundPeriod::Quarter, RoundPeriod::Term],
    },
];

/// The rules for rating `year` (the oldest set for years before them all).
pub fn for_year(year: i32) -> &'static RuleSet {
    RULE_SETS
        .iter()
        .rev()
        .find(|r| r.first_year <= year)
        .unwrap_or(&RULE_SETS[0])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_year_is_rated_by_the_rules_of_its_period() {
        let cases = [
            (2015, Scheme::TrongSachVungManh, None),
            (2017, Scheme::TrongSachVungManh, None),
            (2018, Scheme::FourLevels, Some(20)),
            (2020, Scheme::FourLevels, Some(20)),
            (2024, Scheme::FourLevels, Some(20)),
            (2025, Scheme::Points100, Some(20)),
            (2030, Scheme::Points100, Some(20)),
            (1990, Scheme::TrongSachVungManh, None),
        ];
        for (year, scheme, quota) in cases {
            let rules = for_year(year);
            assert_eq!(rules.scheme, scheme, "{year}");
            assert_eq!(rules.quota.map(|q| q.percent_of_good), quota, "{year}");
        }
        assert_eq!(for_year(2025).points.map(|p| p.excellent), Some(90));
        assert!(for_year(2025).periods.contains(&RoundPeriod::Quarter));
        assert!(!for_year(2024).periods.contains(&RoundPeriod::Quarter));
    }

    #[test]
    fn rule_sets_are_in_order_of_their_first_year() {
        assert!(
            RULE_SETS
                .windows(2)
                .all(|w| w[0].first_year < w[1].first_year)
        );
    }
}

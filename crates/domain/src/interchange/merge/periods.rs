//! Periods made disjoint before they are stored.
//!
//! The domain reads a history with "the first period that holds on D"
//! ([`crate::dates::find_on`]). Histories
//! entered out of date order can overlap; SQL joins would then count a row twice. Storing
//! each period minus the days already claimed by earlier ones makes "valid on D" match at
//! most one row and keeps SQL and the reference computation in agreement.

use crate::dates::Period;

/// Removes from each period the days covered by the periods before it (empty ones vanish):
/// afterwards each day lies in at most one period, the one [`crate::dates::find_on`] picks.
pub fn first_wins<T: Clone>(entries: Vec<(Period, T)>) -> Vec<(Period, T)> {
    let mut claimed: Vec<Period> = Vec::new();
    let mut out = Vec::with_capacity(entries.len());
    for (period, value) in entries {
        let mut pieces = vec![period];
        for taken in &claimed {
            pieces = pieces
                .into_iter()
                .flat_map(|p| subtract(p, taken))
                .collect();
        }
        out.extend(pieces.into_iter().map(|p| (p, value.clone())));
        claimed.push(period);
    }
    out
}

fn subtract(period: Period, taken: &Period) -> Vec<Period> {
    if period.intersect(taken).is_empty() {
        return vec![period];
    }
    let before = Period {
        from: period.from,
        to: taken.from,
    };
    let after = Period {
        from: taken.to,
        to: period.to,
    };
    [before, after]
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::Date;

    fn p(from: i32, to: i32) -> Period {
        let day = |y| Date::from_ymd_opt(y, 1, 1).unwrap();
        Period {
            from: day(from),
            to: day(to),
        }
    }

    #[test]
    fn chained_periods_are_kept_as_they_are() {
        let chained = vec![(p(2000, 2010), 'a'), (p(2010, 2020), 'b')];
        assert_eq!(first_wins(chained.clone()), chained);
    }

    #[test]
    fn overlaps_go_to_the_earlier_entry() {
        // Entered out of order: [2000, 2020) then [2010, 2030) then [2005, 2040).
        let out = first_wins(vec![
            (p(2000, 2020), 'a'),
            (p(2010, 2030), 'b'),
            (p(1990, 2040), 'c'),
        ]);
        assert_eq!(
            out,
            vec![
                (p(2000, 2020), 'a'),
                (p(2020, 2030), 'b'),
                (p(1990, 2000), 'c'),
                (p(2030, 2040), 'c'),
            ]
        );
    }
}

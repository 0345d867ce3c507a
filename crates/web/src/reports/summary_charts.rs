//! The charts of the summary report page: the ratings of each year (the share of grassroots
//! organizations rated good or better and of members who completed their duties or
//! better) and the admissions of each year, as [`chart`] draws them.

use super::chart::{self, Chart, Group};
use crate::ui::i18n::Lang;
use dangvu_domain::summary::RatingYear;

/// The two percentages of each rated year, on a scale of 100 %; `None` when no year of
/// the period has a rating.
pub(crate) fn ratings(lang: Lang, years: &[RatingYear]) -> Option<String> {
    if years.is_empty() {
        return None;
    }
    let shares = years
        .iter()
        .map(|y| {
            let values = [y.orgs_good_or_better_pct, y.members_completed_or_better_pct];
            (y.year, values)
        })
        .collect();
    let keys = [
        "summary.chart_ratings",
        "summary.chart_orgs_good",
        "summary.chart_members_completed",
    ];
    Some(yearly_shares(lang, "chart-ratings", keys, shares))
}

/// Two percentages a year on a scale of 100 %, as bars: the ratings chart of the summary
/// report and the trend of the rating statistics. `keys` are the translation keys of the
/// title and of the two series.
pub(crate) fn yearly_shares(
    lang: Lang,
    id: &'static str,
    keys: [&'static str; 3],
    years: Vec<(i32, [Option<f64>; 2])>,
) -> String {
    let groups = years
        .into_iter()
        .map(|(year, values)| Group {
            label: year.to_string(),
            values: values.to_vec(),
            texts: values.iter().map(|v| percent(lang, v)).collect(),
        })
        .collect();
    let [title, first, second] = keys;
    chart::svg(&Chart {
        id,
        title: lang.t(title).into_owned(),
        series: vec![lang.t(first).into_owned(), lang.t(second).into_owned()],
        groups,
        max: 100.0,
    })
}

/// The admissions of each year of the period, on a scale of the largest year; `None`
/// when the period lists no year.
pub(crate) fn admissions(lang: Lang, years: &[(i32, u64)]) -> Option<String> {
    if years.is_empty() {
        return None;
    }
    let groups: Vec<Group> = years
        .iter()
        .map(|(year, n)| Group {
            label: year.to_string(),
            values: vec![Some(*n as f64)],
            texts: vec![lang.count(n)],
        })
        .collect();
    let max = chart::largest(&groups);
    Some(chart::svg(&Chart {
        id: "chart-admissions",
        title: lang.t("summary.chart_admissions").into_owned(),
        series: vec![lang.t("summary.chart_admitted").into_owned()],
        groups,
        max,
    }))
}

/// "85,7%" (a dash when nothing was rated).
pub(crate) fn percent(lang: Lang, value: &Option<f64>) -> String {
    match value {
        Some(_) => format!("{}%", lang.percent(value)),
        None => lang.percent(value),
    }
}

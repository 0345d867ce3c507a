//! The yearly trend as a bar chart (`reports::chart`): the share of grassroots
//! organizations rated HTTNV or better and of members rated HTNV or better, each year.

use crate::reports::chart::{self, Chart, Group};
use crate::ui::i18n::Lang;
use dangvu_domain::ratings::statistics::YearStatistics;

/// The chart of `years`; `None` when no year has a rating.
pub(super) fn trend(lang: Lang, years: &[YearStatistics]) -> Option<String> {
    if years.iter().all(YearStatistics::is_empty) {
        return None;
    }
    let groups = years
        .iter()
        .map(|y| {
            let values = [y.grassroots_good_share(), y.members_completed_share()];
            Group {
                label: y.year.to_string(),
                values: values.to_vec(),
                texts: values.iter().map(|v| percent(lang, v)).collect(),
            }
        })
        .collect();
    Some(chart::svg(&Chart {
        id: "chart-rating-trend",
        title: lang.t("rating_statistics.chart").into_owned(),
        series: vec![
            lang.t("rating_statistics.grassroots_good").into_owned(),
            lang.t("rating_statistics.members_completed").into_owned(),
        ],
        groups,
        max: 100.0,
    }))
}

/// "85,7%" (a dash when nothing was rated).
pub(super) fn percent(lang: Lang, value: &Option<f64>) -> String {
    match value {
        Some(_) => format!("{}%", lang.percent(value)),
        None => lang.percent(value),
    }
}

//! The yearly trend as a bar chart (`reports::summary_charts::yearly_shares`, the summary
//! report's ratings chart): the share of grassroots organizations rated HTTNV or better and
//! of members rated HTNV or better, each year.

pub(super) use crate::reports::summary_charts::percent;
use crate::reports::summary_charts::yearly_shares;
use crate::ui::i18n::Lang;
use dangvu_domain::ratings::statistics::YearStatistics;

/// The chart of `years`; `None` when no year has a rating.
pub(super) fn trend(lang: Lang, years: &[YearStatistics]) -> Option<String> {
    if years.iter().all(YearStatistics::is_empty) {
        return None;
    }
    let shares = years
        .iter()
        .map(|y| {
            let values = [y.grassroots_good_share(), y.members_completed_share()];
            (y.year, values)
        })
        .collect();
    let keys = [
        "rating_statistics.chart",
        "rating_statistics.grassroots_good",
        "rating_statistics.members_completed",
    ];
    Some(yearly_shares(lang, "chart-rating-trend", keys, shares))
}

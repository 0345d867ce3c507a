//! `/ratings/statistics?org=&from=&to=`: for each year, the grassroots organizations, the
//! cells and the members of a subtree by level, the shares the Party's targets name, and
//! the yearly trend as a chart with its data table.

use super::StatisticsQuery;
use super::chart::{percent, trend};
use crate::accounts::auth::Authenticated;
use crate::error::AppError;
use crate::state::AppState;
use crate::ui::i18n::Lang;
use crate::ui::layout::{Chrome, PageCtx, render};
use crate::ui::params;
use askama::Template;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::response::Html;
use dangvu_app::RatingStatistics;
use dangvu_domain::Rating;
use dangvu_domain::enums::Enumeration;
use dangvu_domain::ratings::statistics::{
    GRASSROOTS_TARGET, MEMBERS_TARGET, Rated, Target, YearStatistics, count_of, level_label,
    percent as share,
};
use dangvu_domain::summary::term::LevelCounts;

/// The page.
#[derive(Template)]
#[template(path = "ratings_statistics.html")]
pub(crate) struct StatisticsPage {
    pub lang: Lang,
    pub here: String,
    pub chrome: Chrome,
    pub stats: RatingStatistics,
}

/// One line of a year's table: a level and each population's count and share.
pub(crate) struct LevelLine {
    /// The level's label (the old scheme's labels too, for its years).
    pub label: String,
    /// Count and share among grassroots organizations, cells and members.
    pub cells: [(String, String); 3],
}

impl StatisticsPage {
    /// The years with a rating, newest first.
    fn rated_years(&self) -> Vec<&YearStatistics> {
        self.stats
            .years
            .iter()
            .rev()
            .filter(|y| !y.is_empty())
            .collect()
    }

    /// The level lines of a year, then its totals.
    fn lines(&self, y: &YearStatistics) -> Vec<LevelLine> {
        let groups = [&y.grassroots, &y.cells, &y.members];
        let mut lines: Vec<LevelLine> = Rating::ALL
            .iter()
            .map(|level| LevelLine {
                label: self.level(y.year, *level),
                cells: groups.map(|c| self.cell(count_of(c, *level), c)),
            })
            .collect();
        lines.push(LevelLine {
            label: self.lang.t("rating_statistics.total").into_owned(),
            cells: groups.map(|c| self.cell(c.total(), c)),
        });
        lines
    }

    /// A level's name; for the old scheme's years its organizations' and members' labels.
    fn level(&self, year: i32, level: Rating) -> String {
        let own = match self.lang {
            Lang::Vi => level.label_vi().to_string(),
            Lang::En => level.code().to_string(),
        };
        let org = level_label(year, level, Rated::Org);
        if org == level.label_vi() {
            return own;
        }
        format!(
            "{org} / {} ({own})",
            level_label(year, level, Rated::Member)
        )
    }

    fn cell(&self, n: u64, of: &LevelCounts) -> (String, String) {
        (
            self.lang.count(&n),
            percent(self.lang, &share(n, of.total())),
        )
    }

    /// "85,7% — đạt" / "— chưa đạt" against a target.
    fn against(&self, value: Option<f64>, target: Target) -> String {
        let Some(v) = value else {
            return percent(self.lang, &value);
        };
        let key = if target.met_by(v) {
            "rating_statistics.met"
        } else {
            "rating_statistics.not_met"
        };
        format!("{} — {}", percent(self.lang, &value), self.lang.t(key))
    }

    fn grassroots_share(&self, y: &YearStatistics) -> String {
        self.against(y.grassroots_good_share(), GRASSROOTS_TARGET)
    }

    fn members_share(&self, y: &YearStatistics) -> String {
        self.against(y.members_completed_share(), MEMBERS_TARGET)
    }

    fn chart(&self) -> Option<String> {
        trend(self.lang, &self.stats.years)
    }

    fn from(&self) -> i32 {
        self.stats.years.first().map_or(0, |y| y.year)
    }

    fn to(&self) -> i32 {
        self.stats.years.last().map_or(0, |y| y.year)
    }

    /// The workbook of a year.
    fn xlsx_href(&self, y: &YearStatistics) -> String {
        format!(
            "/ratings/statistics.xlsx?org={}&year={}",
            crate::ui::href::encode(self.stats.org.org.code.as_str()),
            y.year
        )
    }
}

/// `GET /ratings/statistics`.
#[tracing::instrument(skip_all)]
pub(crate) async fn show_statistics(
    ctx: PageCtx,
    State(state): State<AppState>,
    auth: Authenticated,
    query: Result<Query<StatisticsQuery>, QueryRejection>,
) -> Result<Html<String>, AppError> {
    let query = params::query(query)?;
    let stats = super::statistics(&state, &auth, &query).await?;
    render(&StatisticsPage {
        lang: ctx.lang,
        here: ctx.here,
        chrome: ctx.chrome,
        stats,
    })
}

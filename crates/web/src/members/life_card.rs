//! The "party age and badges" card of a member, shown on the member's record and on the
//! page where the lifecycle is recorded: party age and what it is counted from, the next
//! badge with the award day it falls on, the badges awarded, and the exemptions.

use crate::ui::i18n::Lang;
use dangvu_app::MemberLifecycle;
use dangvu_app::records::{BadgeAward, ExemptionView};
use dangvu_domain::Date;
use dangvu_domain::lifecycle::ExemptionGuidance;

/// The card's data and wording.
pub(crate) struct LifeCard {
    pub lang: Lang,
    pub today: Date,
    pub life: MemberLifecycle,
}

impl LifeCard {
    /// "32 năm (tính từ 12/03/1993)", or why there is none yet.
    pub(crate) fn party_age(&self) -> String {
        let (Some(years), Some(from)) = (self.life.party_age_years, self.life.counted_from) else {
            return self.lang.t("lifecycle.no_party_age").into_owned();
        };
        let key = if self.life.interrupted {
            "lifecycle.party_age_interrupted"
        } else {
            "lifecycle.party_age"
        };
        self.lang.fill(
            key,
            &[
                ("years", &years.to_string()),
                ("from", &self.lang.date(&from)),
            ],
        )
    }

    /// The next badge and its award day; `None` when there is none to come.
    pub(crate) fn next_badge(&self) -> Option<String> {
        let due = self.life.next_badge?;
        let key = if due.award_day < self.today {
            "lifecycle.next_badge_past"
        } else {
            "lifecycle.next_badge"
        };
        Some(self.lang.fill(
            key,
            &[
                ("years", &due.milestone.to_string()),
                ("reached", &self.lang.date(&due.reached_on)),
                ("award", &self.lang.date(&due.award_day)),
            ],
        ))
    }

    /// The badges awarded, by milestone.
    pub(crate) fn awards(&self) -> &[BadgeAward] {
        &self.life.view.awards
    }

    /// One award as a line: milestone, day, and the early reason when there was one.
    pub(crate) fn award_line(&self, award: &BadgeAward) -> String {
        let mut line = self.lang.fill(
            "lifecycle.award_line",
            &[
                ("years", &award.milestone.to_string()),
                ("day", &self.lang.date(&award.awarded_on)),
            ],
        );
        if let Some(early) = award.early {
            line.push_str(" · ");
            line.push_str(&self.lang.label(&early));
        }
        line
    }

    /// The exemptions, the latest first.
    pub(crate) fn exemptions(&self) -> &[ExemptionView] {
        &self.life.view.exemptions
    }

    /// The open exemption, if any.
    pub(crate) fn open_exemption(&self) -> Option<&ExemptionView> {
        self.life
            .view
            .exemptions
            .iter()
            .find(|e| e.ended_on.is_none())
    }

    /// One exemption as a line: reason, decision, then the review or the end.
    pub(crate) fn exemption_line(&self, e: &ExemptionView) -> String {
        let mut line = self.lang.fill(
            "lifecycle.exemption_line",
            &[
                ("reason", &self.lang.label(&e.reason)),
                ("day", &self.lang.date(&e.decided_on)),
            ],
        );
        let tail = match (e.ended_on, e.review_on) {
            (Some(end), _) => Some(("lifecycle.exemption_ended", end)),
            (None, Some(review)) => Some(("lifecycle.exemption_review", review)),
            (None, None) => None,
        };
        if let Some((key, day)) = tail {
            line.push_str(" · ");
            line.push_str(&self.lang.fill(key, &[("day", &self.lang.date(&day))]));
        }
        line
    }

    /// What the exemption guidance says about advanced age today (shown, never enforced).
    pub(crate) fn age_guidance(&self) -> String {
        match self.life.age_guidance {
            ExemptionGuidance::Fits => self.lang.t("lifecycle.guidance_fits").into_owned(),
            ExemptionGuidance::BelowAge(years) => self.lang.fill(
                "lifecycle.guidance_below_age",
                &[("years", &years.to_string())],
            ),
            ExemptionGuidance::IllnessTooShort(_) | ExemptionGuidance::NothingToCheck => {
                self.lang.t("lifecycle.guidance_unknown").into_owned()
            }
        }
    }
}

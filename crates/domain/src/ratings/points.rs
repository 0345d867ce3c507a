//! The 100-point scale of QĐ 366-QĐ/TW (2025), Art. 11: the level follows from the score and
//! the conditions beside it. A level other than the one that follows needs a recorded reason
//! (the round's use case enforces that; here is only what follows).

use super::rule_sets::PointThresholds;
use crate::enums::Rating;

/// Share of tasks exceeding requirements needed for HTXSNV (QĐ 366 Art. 11), percent.
pub const EXCEEDED_FOR_EXCELLENT: u32 = 30;
/// Most tasks late allowed for HTNV (QĐ 366 Art. 11), percent.
pub const LATE_FOR_DONE: u32 = 20;

/// The conditions QĐ 366 sets beside the score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PointConditions {
    /// All tasks completed on time and with quality.
    pub all_tasks_on_time: bool,
    /// Share of tasks exceeding requirements, percent.
    pub exceeded_percent: u32,
    /// Share of tasks late, percent.
    pub late_percent: u32,
    /// Disciplined in the period (the member, or for a collective: a subordinate or a member
    /// of the leadership).
    pub disciplined: bool,
    /// Every shortcoming pointed out before has been remedied.
    pub shortcomings_remedied: bool,
}

impl Default for PointConditions {
    /// Everything done well: the score alone decides.
    fn default() -> Self {
        Self {
            all_tasks_on_time: true,
            exceeded_percent: 100,
            late_percent: 0,
            disciplined: false,
            shortcomings_remedied: true,
        }
    }
}

/// The level that follows from `points` and `conditions`.
pub fn level_from_points(t: &PointThresholds, points: u32, c: &PointConditions) -> Rating {
    let excellent = points >= t.excellent
        && c.all_tasks_on_time
        && c.exceeded_percent >= EXCEEDED_FOR_EXCELLENT
        && !c.disciplined
        && c.shortcomings_remedied;
    if excellent {
        return Rating::Htxsnv;
    }
    if points >= t.good && c.all_tasks_on_time && !c.disciplined {
        return Rating::Httnv;
    }
    if points >= t.done && c.late_percent <= LATE_FOR_DONE {
        return Rating::Htnv;
    }
    Rating::Khtnv
}

#[cfg(test)]
mod tests {
    use super::*;

    const QD366: PointThresholds = PointThresholds {
        excellent: 90,
        good: 70,
        done: 50,
    };

    #[test]
    fn the_score_and_its_conditions_give_the_level() {
        let ok = PointConditions::default();
        let cases = [
            ("90 and everything", 90, ok, Rating::Htxsnv),
            ("89", 89, ok, Rating::Httnv),
            ("70", 70, ok, Rating::Httnv),
            ("69", 69, ok, Rating::Htnv),
            ("50", 50, ok, Rating::Htnv),
            ("49", 49, ok, Rating::Khtnv),
            (
                "95 but few tasks exceeded",
                95,
                PointConditions {
                    exceeded_percent: 29,
                    ..ok
                },
                Rating::Httnv,
            ),
            (
                "95 but a task late",
                95,
                PointConditions {
                    all_tasks_on_time: false,
                    late_percent: 5,
                    ..ok
                },
                Rating::Htnv,
            ),
            (
                "95 but disciplined",
                95,
                PointConditions {
                    disciplined: true,
                    ..ok
                },
                Rating::Htnv,
            ),
            (
                "60 with a quarter of tasks late",
                60,
                PointConditions {
                    all_tasks_on_time: false,
                    late_percent: 25,
                    ..ok
                },
                Rating::Khtnv,
            ),
            (
                "92 with shortcomings left",
                92,
                PointConditions {
                    shortcomings_remedied: false,
                    ..ok
                },
                Rating::Httnv,
            ),
        ];
        for (name, points, conditions, level) in cases {
            assert_eq!(
                level_from_points(&QD366, points, &conditions),
                level,
                "{name}"
            );
        }
    }
}

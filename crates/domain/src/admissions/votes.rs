//! The cell's votes on proposing admission, and what three undecided votes lead to.

use super::rules::RuleSet;
use crate::dates::Date;
use serde::{Deserialize, Serialize};

/// One vote of the cell (form 6-KNĐ's count).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CellVote {
    /// The meeting's day.
    pub on: Date,
    /// Official members voting for.
    pub votes_for: u32,
    /// Official members voting against.
    pub votes_against: u32,
    /// Official members of the cell on that day (the base of the majority).
    pub official_members: u32,
}

/// What a vote decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum VoteOutcome {
    /// At least the majority of official members for: the cell proposes admission.
    Passed,
    /// At least the majority against: the cell does not propose admission.
    Rejected,
    /// Neither side reached the majority.
    Undecided,
}

impl CellVote {
    /// The outcome under `rules` (two thirds of the official members, not of those present).
    pub fn outcome(&self, rules: &RuleSet) -> VoteOutcome {
        let (num, den) = rules.majority;
        let reaches = |n: u32| {
            u64::from(n) * u64::from(den) >= u64::from(self.official_members) * u64::from(num)
        };
        if self.official_members == 0 {
            VoteOutcome::Undecided
        } else if reaches(self.votes_for) {
            VoteOutcome::Passed
        } else if reaches(self.votes_against) {
            VoteOutcome::Rejected
        } else {
            VoteOutcome::Undecided
        }
    }
}

/// How many of `votes` were undecided, each judged by the rules of its day.
pub fn undecided(votes: &[CellVote]) -> usize {
    votes
        .iter()
        .filter(|v| v.outcome(super::rules_on(v.on)) == VoteOutcome::Undecided)
        .count()
}

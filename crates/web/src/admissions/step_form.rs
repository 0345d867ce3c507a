//! A step's form as sent (page or API), read field by field into a domain [`Step`]: each
//! value that cannot be used gets its message, and the values are kept as typed so that
//! the form can be shown again. Nothing is recorded unless every field reads.

use super::next_step::StepKind;
pub(crate) use super::reader::{ByField, Reader};
use crate::ui::i18n::Lang;
use dangvu_domain::admissions::steps::Step;
use dangvu_domain::admissions::{CellVote, Check, Closing, Decision, Introducers, Override};
use serde::Deserialize;

/// The fields of a step's form, as text (an empty field counts as absent).
#[derive(Debug, Clone, Default, Deserialize)]
pub(crate) struct StepInput {
    /// Which step: a [`StepKind`] code.
    pub kind: Option<String>,
    /// The step's day.
    pub on: Option<String>,
    /// The decision's number.
    pub number: Option<String>,
    /// The first introducer's member code.
    pub first: Option<String>,
    /// The second introducer's member code.
    pub second: Option<String>,
    /// The day of the youth union's resolution.
    pub youth_union_on: Option<String>,
    /// Votes for.
    pub votes_for: Option<String>,
    /// Votes against.
    pub votes_against: Option<String>,
    /// Official members of the cell.
    pub official_members: Option<String>,
    /// The superior's answer: `yes` or `no`.
    pub approved: Option<String>,
    /// The new member's code (ceremony).
    pub member: Option<String>,
    /// Why (closing, override).
    pub reason: Option<String>,
    /// The check let through (override): its code.
    pub check: Option<String>,
}

impl StepInput {
    /// The text of field `name`, trimmed; `None` when absent or blank.
    pub(crate) fn get(&self, name: &str) -> Option<&str> {
        let raw = match name {
            "kind" => &self.kind,
            "on" => &self.on,
            "number" => &self.number,
            "first" => &self.first,
            "second" => &self.second,
            "youth_union_on" => &self.youth_union_on,
            "votes_for" => &self.votes_for,
            "votes_against" => &self.votes_against,
            "official_members" => &self.official_members,
            "approved" => &self.approved,
            "member" => &self.member,
            "reason" => &self.reason,
            "check" => &self.check,
            _ => &None,
        };
        raw.as_deref().map(str::trim).filter(|s| !s.is_empty())
    }
}

/// The step `kind` of `input`, or the messages of the fields that cannot be used; with
/// the values to show again either way.
pub(crate) fn read(
    kind: StepKind,
    input: &StepInput,
    lang: Lang,
) -> (ByField, Result<Step, ByField>) {
    let get = |name: &str| input.get(name).map(str::to_string);
    let mut r = Reader::new(&get, lang);
    let step = read_step(kind, &mut r);
    match (step, r.errors.is_empty()) {
        (Some(step), true) => (r.values, Ok(step)),
        _ => {
            if r.errors.is_empty() {
                r.fail("kind", "admissions.bad_choice", kind.code());
            }
            (r.values, Err(r.errors))
        }
    }
}

fn read_step(kind: StepKind, r: &mut Reader<'_>) -> Option<Step> {
    use StepKind as K;
    Some(match kind {
        K::Listed => Step::Listed(r.date("on", true)?),
        K::Course => Step::Course(r.date("on", true)?),
        K::Application => Step::Application(r.date("on", true)?),
        K::Introducers => introducers(r)?,
        K::Vote => vote(r)?,
        K::Referral => {
            let on = r.date("on", true);
            let approved = r.yes_no("approved");
            Step::Referred {
                on: on?,
                approved: approved?,
            }
        }
        K::Proposal => Step::Proposal(r.date("on", true)?),
        K::Decision => {
            let on = r.date("on", true);
            let number = r.text("number", false);
            Step::Decision(Decision { number, on: on? })
        }
        K::Ceremony => {
            let on = r.date("on", true);
            let member = r.member("member", true);
            Step::Ceremony {
                on: on?,
                member: member?,
            }
        }
        K::Recognize => Step::Recognized(r.date("on", true)?),
        K::StrikeOff => Step::StruckOff(r.date("on", true)?),
        K::Close => {
            let on = r.date("on", true);
            let reason = r.text("reason", true);
            Step::Close(Closing {
                on: on?,
                reason: reason?,
            })
        }
        K::Override => {
            let check = r.choice::<Check>("check");
            let reason = r.text("reason", true);
            Step::Override(Override {
                check: check?,
                reason: reason?,
            })
        }
    })
}

fn introducers(r: &mut Reader<'_>) -> Option<Step> {
    let first = r.member("first", true);
    let second = r.member("second", false);
    let youth = r.date("youth_union_on", false);
    if second.is_none() && youth.is_none() && !r.errors.contains_key("second") {
        r.fail("second", "admissions.need_second", "");
    }
    Some(Step::Introducers(Introducers {
        first: Some(first?),
        second,
        youth_union_on: youth,
    }))
}

fn vote(r: &mut Reader<'_>) -> Option<Step> {
    let on = r.date("on", true);
    let votes_for = r.number("votes_for");
    let votes_against = r.number("votes_against");
    let official_members = r.number("official_members");
    let (votes_for, votes_against, official_members) =
        (votes_for?, votes_against?, official_members?);
    if votes_for.saturating_add(votes_against) > official_members {
        r.fail("official_members", "admissions.too_many_votes", "");
        return None;
    }
    Some(Step::Vote(CellVote {
        on: on?,
        votes_for,
        votes_against,
        official_members,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(kind: &str, pairs: &[(&str, &str)]) -> StepInput {
        let mut map = serde_json::Map::new();
        map.insert("kind".into(), kind.into());
        for (k, v) in pairs {
            map.insert((*k).into(), (*v).into());
        }
        serde_json::from_value(serde_json::Value::Object(map)).unwrap()
    }

    #[test]
    fn a_vote_reads_with_its_counts() {
        let form = input(
            "vote",
            &[
                ("on", "07/05/2018"),
                ("votes_for", "7"),
                ("votes_against", "2"),
                ("official_members", "9"),
            ],
        );
        let (_, step) = read(StepKind::Vote, &form, Lang::Vi);
        assert!(matches!(step, Ok(Step::Vote(v)) if v.votes_for == 7 && v.official_members == 9));
    }

    #[test]
    fn a_bad_date_is_kept_as_typed_with_its_message() {
        let form = input("course", &[("on", "31/02/2018")]);
        let (values, step) = read(StepKind::Course, &form, Lang::Vi);
        assert_eq!(values["on"], "31/02/2018");
        let errors = step.unwrap_err();
        assert!(errors["on"].contains("31/02/2018"), "{errors:?}");
    }

    #[test]
    fn one_introducer_needs_the_youth_union() {
        let form = input("introducers", &[("first", "VX-00001")]);
        let (_, step) = read(StepKind::Introducers, &form, Lang::Vi);
        assert!(step.unwrap_err().contains_key("second"));
        let form = input(
            "introducers",
            &[("first", "VX-00001"), ("youth_union_on", "2018-04-01")],
        );
        assert!(read(StepKind::Introducers, &form, Lang::Vi).1.is_ok());
    }

    #[test]
    fn more_votes_than_members_are_refused() {
        let form = input(
            "vote",
            &[
                ("on", "07/05/2018"),
                ("votes_for", "8"),
                ("votes_against", "2"),
                ("official_members", "9"),
            ],
        );
        assert!(read(StepKind::Vote, &form, Lang::Vi).1.is_err());
    }
}

//! Which step a dossier waits for, and the fields of each step's form.
//!
//! The stage says what was recorded last; the next step follows from it (a dossier whose
//! cell has voted three times without two thirds either way waits for the superior). The
//! fields of a step's form are listed here once, for the page and the API's documentation.

use super::fields::{Field, Input};
use crate::ui::i18n::Lang;
use dangvu_domain::admissions::{Check, Dossier, Stage, VoteOutcome, rules_on};
use dangvu_domain::enums::Enumeration;

/// A kind of step a form records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum StepKind {
    /// Put on the cell's list.
    Listed,
    /// Awareness course completed.
    Course,
    /// Application and CV received.
    Application,
    /// Introducers assigned.
    Introducers,
    /// A vote of the cell.
    Vote,
    /// The superior's decision after three undecided votes.
    Referral,
    /// The grassroots committee's proposal.
    Proposal,
    /// The competent committee's decision.
    Decision,
    /// The ceremony.
    Ceremony,
    /// Recognition as an official member.
    Recognize,
    /// Struck off at the end of probation.
    StrikeOff,
    /// Closed without admission.
    Close,
    /// A failed check let through with a reason.
    Override,
}

impl StepKind {
    /// Every kind, in the workflow's order.
    pub(crate) const ALL: [Self; 13] = [
        Self::Listed,
        Self::Course,
        Self::Application,
        Self::Introducers,
        Self::Vote,
        Self::Referral,
        Self::Proposal,
        Self::Decision,
        Self::Ceremony,
        Self::Recognize,
        Self::StrikeOff,
        Self::Close,
        Self::Override,
    ];

    /// The code a form or a JSON body names it by.
    pub(crate) fn code(self) -> &'static str {
        match self {
            Self::Listed => "listed",
            Self::Course => "course",
            Self::Application => "application",
            Self::Introducers => "introducers",
            Self::Vote => "vote",
            Self::Referral => "referral",
            Self::Proposal => "proposal",
            Self::Decision => "decision",
            Self::Ceremony => "ceremony",
            Self::Recognize => "recognize",
            Self::StrikeOff => "strike_off",
            Self::Close => "close",
            Self::Override => "override",
        }
    }

    /// The kind of `code`.
    pub(crate) fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    /// The translation key of its name.
    pub(crate) fn title_key(self) -> &'static str {
        match self {
            Self::Listed => "admissions.step_listed",
            Self::Course => "admissions.step_course",
            Self::Application => "admissions.step_application",
            Self::Introducers => "admissions.step_introducers",
            Self::Vote => "admissions.step_vote",
            Self::Referral => "admissions.step_referral",
            Self::Proposal => "admissions.step_proposal",
            Self::Decision => "admissions.step_decision",
            Self::Ceremony => "admissions.step_ceremony",
            Self::Recognize => "admissions.step_recognize",
            Self::StrikeOff => "admissions.step_strike_off",
            Self::Close => "admissions.step_close",
            Self::Override => "admissions.step_override",
        }
    }

    /// The fields of its form, empty.
    pub(crate) fn fields(self, lang: Lang) -> Vec<Field> {
        let on = |label| Field::new(lang, "on", label, Input::Date).required();
        match self {
            Self::Introducers => vec![
                Field::new(lang, "first", "admissions.first", Input::Text).required(),
                Field::new(lang, "second", "admissions.second", Input::Text),
                Field::new(
                    lang,
                    "youth_union_on",
                    "admissions.youth_union_on",
                    Input::Date,
                ),
            ],
            Self::Vote => vec![
                on("admissions.vote_on"),
                Field::new(lang, "votes_for", "admissions.votes_for", Input::Number).required(),
                Field::new(
                    lang,
                    "votes_against",
                    "admissions.votes_against",
                    Input::Number,
                )
                .required(),
                Field::new(
                    lang,
                    "official_members",
                    "admissions.official_members",
                    Input::Number,
                )
                .required(),
            ],
            Self::Referral => vec![
                on("admissions.referral_on"),
                Field::new(lang, "approved", "admissions.approved", yes_no(lang)).required(),
            ],
            Self::Decision => vec![
                on("admissions.decision_on"),
                Field::new(lang, "number", "admissions.decision_number", Input::Text),
            ],
            Self::Ceremony => vec![
                on("admissions.ceremony_on"),
                Field::new(lang, "member", "admissions.member_code", Input::Text).required(),
            ],
            Self::Close => vec![
                on("admissions.closed_on"),
                Field::new(lang, "reason", "admissions.reason", Input::Text).required(),
            ],
            Self::Override => vec![
                Field::new(lang, "check", "admissions.check", overridable(lang)).required(),
                Field::new(lang, "reason", "admissions.reason", Input::Text).required(),
            ],
            _ => vec![on("admissions.step_on")],
        }
    }
}

/// The choice of the superior's answer.
fn yes_no(lang: Lang) -> Input {
    Input::Choice(vec![
        ("yes".into(), lang.t("admissions.approved_yes").into_owned()),
        ("no".into(), lang.t("admissions.approved_no").into_owned()),
    ])
}

/// The checks a committee may let through, to choose from.
pub(crate) fn overridable(lang: Lang) -> Input {
    let checks = Check::ALL
        .iter()
        .filter(|c| c.allowance() == dangvu_domain::admissions::Allowance::Override);
    Input::Choice(
        checks
            .map(|c| (c.code().to_string(), lang.label(c).into_owned()))
            .collect(),
    )
}

/// The step `dossier` waits for; `None` once it is finished.
pub(crate) fn next_step(dossier: &Dossier) -> Option<StepKind> {
    let undecided = dossier
        .votes
        .iter()
        .filter(|v| v.outcome(rules_on(v.on)) == VoteOutcome::Undecided)
        .count();
    Some(match dossier.stage() {
        Stage::Listed => StepKind::Course,
        Stage::CourseDone => StepKind::Application,
        Stage::Applied => StepKind::Introducers,
        Stage::Introduced if dossier.referred_on.is_some() => return None,
        Stage::Introduced
            if dossier
                .votes
                .last()
                .is_some_and(|v| undecided >= rules_on(v.on).votes_before_superior) =>
        {
            StepKind::Referral
        }
        Stage::Introduced => StepKind::Vote,
        Stage::Resolved => StepKind::Proposal,
        Stage::Proposed => StepKind::Decision,
        Stage::Decided => StepKind::Ceremony,
        Stage::Probationary => StepKind::Recognize,
        Stage::Recognized | Stage::StruckOff | Stage::Closed => return None,
    })
}

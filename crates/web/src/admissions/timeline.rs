//! A dossier's recorded facts as a timeline, in the workflow's order: each step done with
//! its day and what it recorded (introducers, the cell's votes, the decision's number),
//! then the overrides with their reasons.

use crate::ui::i18n::Lang;
use dangvu_domain::Date;
use dangvu_domain::admissions::{Dossier, Introducers, ProbationEnd, VoteOutcome, rules_on};

/// One line of the timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Entry {
    /// The day, when the step has one.
    pub on: Option<Date>,
    /// What happened.
    pub title: String,
    /// Who or what it recorded.
    pub detail: String,
    /// A member the step names, with a link to their page.
    pub member: Option<String>,
}

fn entry(lang: Lang, on: Option<Date>, key: &'static str, detail: String) -> Entry {
    Entry {
        on,
        title: lang.t(key).into_owned(),
        detail,
        member: None,
    }
}

/// The timeline of `dossier`.
pub(crate) fn timeline(dossier: &Dossier, lang: Lang) -> Vec<Entry> {
    let mut out = Vec::new();
    let mut day = |on: Option<Date>, key: &'static str| {
        if on.is_some() {
            out.push(entry(lang, on, key, String::new()));
        }
    };
    day(dossier.listed_on, "admissions.step_listed");
    day(dossier.course_on, "admissions.step_course");
    day(dossier.application_on, "admissions.step_application");
    if dossier.introducers.first.is_some() {
        let detail = introducers(&dossier.introducers, lang);
        out.push(entry(lang, None, "admissions.step_introducers", detail));
    }
    for vote in &dossier.votes {
        let outcome = match vote.outcome(rules_on(vote.on)) {
            VoteOutcome::Passed => lang.t("admissions.vote_passed"),
            VoteOutcome::Rejected => lang.t("admissions.vote_rejected"),
            VoteOutcome::Undecided => lang.t("admissions.vote_undecided"),
        };
        let counts = lang.fill(
            "admissions.vote_counts",
            &[
                ("for", &vote.votes_for.to_string()),
                ("against", &vote.votes_against.to_string()),
                ("official", &vote.official_members.to_string()),
            ],
        );
        let detail = format!("{counts} — {outcome}");
        out.push(entry(lang, Some(vote.on), "admissions.step_vote", detail));
    }
    if let Some(on) = dossier.referred_on {
        out.push(entry(
            lang,
            Some(on),
            "admissions.step_referral",
            String::new(),
        ));
    }
    if let Some(on) = dossier.resolution_on {
        out.push(entry(
            lang,
            Some(on),
            "admissions.resolution",
            String::new(),
        ));
    }
    if let Some(on) = dossier.proposal_on {
        out.push(entry(
            lang,
            Some(on),
            "admissions.step_proposal",
            String::new(),
        ));
    }
    if let Some(decision) = &dossier.decision {
        let detail = decision
            .number
            .as_ref()
            .map(|n| lang.fill("admissions.number_is", &[("number", n)]))
            .unwrap_or_default();
        out.push(entry(
            lang,
            Some(decision.on),
            "admissions.step_decision",
            detail,
        ));
    }
    if let Some(on) = dossier.ceremony_on {
        let mut line = entry(lang, Some(on), "admissions.step_ceremony", String::new());
        line.member = dossier.member.as_ref().map(ToString::to_string);
        out.push(line);
    }
    match dossier.probation_end {
        Some(ProbationEnd::Recognized { decided_on }) => {
            let effective = dossier.probation_ends_on().map(|d| lang.date(&d));
            let detail = effective
                .map(|d| lang.fill("admissions.effective_on", &[("day", &d)]))
                .unwrap_or_default();
            out.push(entry(
                lang,
                Some(decided_on),
                "admissions.step_recognize",
                detail,
            ));
        }
        Some(ProbationEnd::StruckOff { on }) => {
            out.push(entry(
                lang,
                Some(on),
                "admissions.step_strike_off",
                String::new(),
            ));
        }
        None => {}
    }
    if let Some(closing) = &dossier.closing {
        let line = entry(
            lang,
            Some(closing.on),
            "admissions.step_close",
            closing.reason.clone(),
        );
        out.push(line);
    }
    for o in &dossier.overrides {
        let detail = format!("{}: {}", lang.label(&o.check), o.reason);
        out.push(entry(lang, None, "admissions.step_override", detail));
    }
    out
}

/// "MV-00002 and MV-00004" or "MV-00002 and the youth union's resolution of …".
fn introducers(who: &Introducers, lang: Lang) -> String {
    let mut names: Vec<String> = who.members().map(ToString::to_string).collect();
    if let Some(on) = who.youth_union_on {
        names.push(lang.fill("admissions.youth_union_of", &[("day", &lang.date(&on))]));
    }
    names.join(", ")
}

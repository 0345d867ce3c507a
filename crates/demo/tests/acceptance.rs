//! The article's figures, computed by the reference report over the generated demo.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{code, day, demo, demo_tree, term_summary};
use dangvu_demo::{DEFAULT_SEED, DISTRICT_CODE, TERM_END, TERM_START, generate};
use dangvu_domain::dataset::Dataset;
use dangvu_domain::dates::add_months;
use dangvu_domain::summary::figures_on;
use dangvu_domain::tree::TreeHistory;
use std::time::Instant;

fn assert_article_figures(dataset: &Dataset, tree: &TreeHistory, seed: u64) {
    let report = term_summary(dataset, tree);
    let vx = code(DISTRICT_CODE);
    assert_eq!(report.grassroots_orgs, 77, "seed {seed}");
    assert_eq!(report.cells_under_grassroots, 400, "seed {seed}");
    assert!(
        (7300..=7399).contains(&report.members),
        "seed {seed}: {}",
        report.members
    );
    assert_eq!(report.admitted, 1250, "seed {seed}");
    assert!(
        (250..=300).contains(&report.members_exempted),
        "seed {seed}: {} exempted",
        report.members_exempted
    );
    assert!(report.members_probationary > 150, "seed {seed}");
    let years: Vec<i32> = report.ratings.iter().map(|r| r.year).collect();
    assert_eq!(years, (2015..=2020).collect::<Vec<_>>(), "seed {seed}");
    for year in &report.ratings {
        let dec31 = day(year.year, 12, 31);
        let on_dec31 = figures_on(dataset, tree, &vx, dec31);
        assert_eq!(year.orgs_rated, on_dec31.grassroots_orgs, "{}", year.year);
        assert!(
            year.orgs_good_or_better * 100 > year.orgs_rated * 85,
            "{year:?}"
        );
        assert!(
            year.orgs_good_or_better < year.orgs_rated,
            "some spread: {year:?}"
        );
        // Every active member is rated but those admitted within the six months before the
        // reference day (the rule set's minimum), who are not rated yet.
        let active = on_dec31.members - on_dec31.members_exempted;
        let recent = dataset
            .members
            .iter()
            .filter(|m| m.admitted_on <= dec31 && add_months(m.admitted_on, 6) > dec31)
            .count() as u64;
        assert!(
            year.members_rated <= active && active - year.members_rated <= recent,
            "every active member admitted long enough is rated: {year:?}, {active} active, {recent} recent"
        );
        assert!(year.members_completed_or_better * 100 >= year.members_rated * 80);
        assert!(
            year.members_completed_or_better < year.members_rated,
            "a few KHTNV"
        );
    }
}

#[test]
fn the_term_summary_gives_the_figures_of_the_article() {
    assert_article_figures(demo(), demo_tree(), DEFAULT_SEED);
}

#[test]
fn other_seeds_give_other_people_and_the_same_figures() {
    for seed in [7, 2025] {
        let dataset = generate(seed);
        let tree = TreeHistory::build(&dataset.orgs).unwrap();
        assert_article_figures(&dataset, &tree, seed);
        assert_eq!(
            dataset.orgs,
            demo().orgs,
            "the tree does not depend on the seed"
        );
        let same_names = dataset
            .members
            .iter()
            .zip(&demo().members)
            .filter(|(a, b)| a.profile.full_name == b.profile.full_name)
            .count();
        assert!(
            same_names < dataset.members.len() / 10,
            "seed {seed}: {same_names}"
        );
    }
}

#[test]
fn the_district_had_85_grassroots_organizations_when_the_term_began() {
    let figures = figures_on(demo(), demo_tree(), &code(DISTRICT_CODE), TERM_START);
    assert_eq!(figures.grassroots_orgs, 85);
    assert_eq!(figures.cells_under_grassroots, 400);
    let end = term_summary(demo(), demo_tree());
    println!("members on {TERM_START}: {}", figures.members);
    assert!(
        (6000..end.members - 500).contains(&figures.members),
        "{figures:?}"
    );
}

#[test]
fn print_the_term_summary_and_the_generation_time() {
    let started = Instant::now();
    let dataset = generate(DEFAULT_SEED);
    let elapsed = started.elapsed();
    let report = term_summary(&dataset, demo_tree());
    println!("{}", serde_json::to_string_pretty(&report).unwrap());
    println!(
        "generate({DEFAULT_SEED}): {elapsed:?} for {} organizations, {} members, {} member \
         ratings, {} organization ratings (TERM_END {TERM_END})",
        dataset.orgs.len(),
        dataset.members.len(),
        dataset.member_ratings.len(),
        dataset.org_ratings.len()
    );
    if !cfg!(debug_assertions) {
        assert!(elapsed.as_secs_f64() < 2.0, "{elapsed:?}");
    }
}

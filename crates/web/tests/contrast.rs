//! The stylesheet's colours meet WCAG 2.1 AA: 4.5:1 for text, 3:1 for focus rings, field
//! borders and other marks a user must see (success criteria 1.4.3 and 1.4.11).
//!
//! The colours are the custom properties of `static/app.css`'s `:root`; each pair below is
//! one the pages actually draw (text on its background, a ring on what surrounds it).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::HashMap;

/// The `--name: #rrggbb` properties of the stylesheet.
fn colours() -> HashMap<String, [u8; 3]> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/static/app.css");
    let css = std::fs::read_to_string(path).unwrap();
    let root = css
        .split(":root {")
        .nth(1)
        .unwrap()
        .split('}')
        .next()
        .unwrap();
    // One declaration a line; comments and other lines are skipped.
    root.lines()
        .filter_map(|line| {
            let (name, value) = line.trim().strip_prefix("--")?.split_once(':')?;
            let hex = value.trim().strip_suffix(';')?.strip_prefix('#')?;
            let byte = |i: usize| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok();
            (hex.len() == 6).then_some(())?;
            Some((format!("--{}", name.trim()), [byte(0)?, byte(2)?, byte(4)?]))
        })
        .collect()
}

/// Relative luminance (WCAG 2.1).
fn luminance([r, g, b]: [u8; 3]) -> f64 {
    let channel = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.040_45 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
}

/// The contrast ratio of two colours.
fn ratio(a: [u8; 3], b: [u8; 3]) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

fn check(pairs: &[(&str, &str)], minimum: f64) {
    let colours = colours();
    let get = |name: &str| {
        *colours
            .get(name)
            .unwrap_or_else(|| panic!("{name} is not a #rrggbb property of :root"))
    };
    for (fore, back) in pairs {
        let found = ratio(get(fore), get(back));
        assert!(
            found >= minimum,
            "{fore} on {back}: {found:.2}:1, below {minimum}:1"
        );
    }
}

#[test]
fn the_formula_matches_known_ratios() {
    assert!((ratio([0, 0, 0], [255, 255, 255]) - 21.0).abs() < 1e-9);
    // The measurements of the old colours: the gold ring on white, the red footer
    // link on the dark brown footer.
    assert!((ratio([0xff, 0xd5, 0x4f], [255, 255, 255]) - 1.41).abs() < 0.01);
    assert!((ratio([0xb7, 0x1c, 0x1c], [0x2b, 0x23, 0x20]) - 2.34).abs() < 0.01);
}

#[test]
fn text_has_four_and_a_half_to_one() {
    check(
        &[
            ("--ink", "--paper"),
            ("--ink", "--page"),
            ("--ink", "--amber-tint"),
            ("--ink", "--red-tint"),
            ("--ink", "--green-tint"),
            ("--ink", "--info-tint"),
            ("--ink", "--focus-on-dark"),
            ("--muted", "--paper"),
            ("--muted", "--page"),
            ("--muted", "--zebra"),
            ("--muted", "--info-tint"),
            ("--red-dark", "--paper"),
            ("--red-dark", "--page"),
            ("--red-dark", "--zebra"),
            ("--red-dark", "--red-tint"),
            ("--red-dark", "--info-tint"),
            ("--paper", "--red"),
            ("--paper", "--red-dark"),
            ("--footer-ink", "--footer-bg"),
            ("--footer-link", "--footer-bg"),
            ("--crumb-sep", "--page"),
            ("--green", "--green-tint"),
        ],
        4.5,
    );
}

#[test]
fn focus_rings_and_field_borders_have_three_to_one() {
    check(
        &[
            ("--focus", "--paper"),
            ("--focus", "--page"),
            ("--focus", "--zebra"),
            ("--focus-on-dark", "--red"),
            ("--focus-on-dark", "--footer-bg"),
            ("--field-line", "--paper"),
        ],
        3.0,
    );
}

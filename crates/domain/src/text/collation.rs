//! Vietnamese collation keys: letters in the order of the Vietnamese alphabet, tones apart.
//!
//! No maintained crate collates Vietnamese without pulling in ICU's data (megabytes) for one
//! alphabet, so the 33 letters (the 29 of the alphabet plus f, j, w, z found in names of
//! other ethnic groups) are ranked here. Letters map to single characters in rank order, so
//! a plain byte comparison of keys — in Rust, in SQLite and in PostgreSQL `COLLATE "C"` —
//! follows the alphabet.

use unicode_normalization::UnicodeNormalization;

const BREVE: char = '\u{306}';
const CIRCUMFLEX: char = '\u{302}';
const HORN: char = '\u{31b}';

/// Tone marks in the traditional order: ngang (none), huyền, hỏi, ngã, sắc, nặng.
const TONES: [char; 5] = ['\u{300}', '\u{309}', '\u{303}', '\u{301}', '\u{323}'];

/// The alphabet, one entry per letter: base letter and its modifier.
const ALPHABET: [(char, Option<char>); 33] = [
    ('a', None),
    ('a', Some(BREVE)),
    ('a', Some(CIRCUMFLEX)),
    ('b', None),
    ('c', None),
    ('d', None),
    ('đ', None),
    ('e', None),
    ('e', Some(CIRCUMFLEX)),
    ('f', None),
    ('g', None),
    ('h', None),
    ('i', None),
    ('j', None),
    ('k', None),
    ('l', None),
    ('m', None),
    ('n', None),
    ('o', None),
    ('o', Some(CIRCUMFLEX)),
    ('o', Some(HORN)),
    ('p', None),
    ('q', None),
    ('r', None),
    ('s', None),
    ('t', None),
    ('u', None),
    ('u', Some(HORN)),
    ('v', None),
    ('w', None),
    ('x', None),
    ('y', None),
    ('z', None),
];

/// First character used for ranked letters; digits and other characters stay below it.
const FIRST_LETTER: u32 = 0x41;

/// Splits text into letters: a base character with its combining marks.
fn clusters(text: &str) -> Vec<(char, Vec<char>)> {
    let mut out: Vec<(char, Vec<char>)> = Vec::new();
    for c in text.nfd().flat_map(char::to_lowercase) {
        match out.last_mut() {
            Some((_, marks)) if unicode_normalization::char::is_combining_mark(c) => marks.push(c),
            _ => out.push((c, Vec::new())),
        }
    }
    out
}

/// The primary key: each letter by its rank in the alphabet, tones ignored.
pub fn letters(text: &str) -> String {
    clusters(text)
        .into_iter()
        .map(|(base, marks)| {
            let modifier = marks
                .iter()
                .copied()
                .find(|m| [BREVE, CIRCUMFLEX, HORN].contains(m));
            ALPHABET
                .iter()
                .position(|(b, m)| *b == base && *m == modifier)
                .or_else(|| ALPHABET.iter().position(|(b, m)| *b == base && m.is_none()))
                .and_then(|rank| char::from_u32(FIRST_LETTER + rank as u32))
                .unwrap_or(if base.is_whitespace() { ' ' } else { base })
        })
        .collect()
}

/// The secondary key: each letter's tone as a digit (0 = no tone).
pub fn tones(text: &str) -> String {
    clusters(text)
        .into_iter()
        .map(|(_, marks)| {
            let tone = marks
                .iter()
                .find_map(|m| TONES.iter().position(|t| t == m))
                .map_or(0, |i| i + 1);
            char::from_digit(tone as u32, 10).unwrap_or('0')
        })
        .collect()
}

//! Vietnamese text: normalization, diacritic-insensitive search keys and name ordering.
//!
//! Text is stored NFC. Searching folds both sides with [`fold`] (NFD, drop combining marks,
//! `đ`→`d`, lower case, single spaces), because SQLite's `lower()`/`LIKE` are ASCII-only
//! and FTS5's `remove_diacritics` leaves `đ` alone. Person lists sort by [`name_sort_key`]:
//! given name, then middle names, then family name, as Vietnamese registers do.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

mod collation;

/// NFC-normalizes and trims text, and collapses runs of white space to one space.
pub fn nfc_trim(raw: &str) -> String {
    let nfc: String = raw.nfc().collect();
    nfc.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `text` holds a control character other than the white space that
/// [`nfc_trim`] turns into single spaces (tab, line feed, carriage return): NUL and the
/// other C0 and C1 controls are never part of a name, a code or a password. PostgreSQL
/// refuses NUL in text outright and SQLite would store it, so every text input is checked
/// at the edge and refused with a message rather than reaching either.
pub fn has_control(text: &str) -> bool {
    text.chars()
        .any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
}

/// The search key of a text: no diacritics, `đ` → `d`, lower case, single spaces.
pub fn fold(raw: &str) -> String {
    let folded: String = raw
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .map(|c| match c {
            'đ' | 'Đ' => 'd',
            other => other,
        })
        .flat_map(char::to_lowercase)
        .collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The key a header cell or an enumeration label is matched by: folded, with spaces and
/// hyphens turned into `_` (so `Họ tên`, `ho_ten` and `HO TEN` all give `ho_ten`).
pub fn header_key(raw: &str) -> String {
    fold(raw)
        .chars()
        .map(|c| if c == ' ' || c == '-' { '_' } else { c })
        .collect()
}

/// The smallest string greater than every string that starts with `prefix`, for an
/// indexable range condition `key >= prefix AND key < upper`. `None` when no bound exists
/// (empty prefix): then only the lower bound applies.
pub fn prefix_upper(prefix: &str) -> Option<String> {
    let mut chars: Vec<char> = prefix.chars().collect();
    while let Some(last) = chars.pop() {
        if let Some(next) = char::from_u32(u32::from(last) + 1) {
            chars.push(next);
            return Some(chars.into_iter().collect());
        }
    }
    None
}

/// A Vietnamese full name split into family name, middle names and given name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameParts<'a> {
    /// Family name (họ), the first word.
    pub family: &'a str,
    /// Middle names (tên đệm), possibly empty.
    pub middle: Vec<&'a str>,
    /// Given name (tên), the last word.
    pub given: &'a str,
}

/// Splits a full name: the first word is the family name, the last the given name.
pub fn name_parts(full_name: &str) -> NameParts<'_> {
    let words: Vec<&str> = full_name.split_whitespace().collect();
    match words.as_slice() {
        [] => NameParts {
            family: "",
            middle: vec![],
            given: "",
        },
        [only] => NameParts {
            family: "",
            middle: vec![],
            given: only,
        },
        [family, middle @ .., given] => NameParts {
            family,
            middle: middle.to_vec(),
            given,
        },
    }
}

/// The sort key of a person's name: given name, middle names, family name, each by the
/// Vietnamese alphabet (a ă â b c d đ e ê … o ô ơ … u ư …, so "Dũng" precedes "Đạt"), tones
/// deciding only between otherwise equal names (ngang, huyền, hỏi, ngã, sắc, nặng), then the
/// name itself so that the order is total. Separators sort below letters: "An" before "Anh".
pub fn name_sort_key(full_name: &str) -> String {
    let parts = name_parts(full_name);
    let middle = parts.middle.join(" ");
    let ordered = [parts.given, middle.as_str(), parts.family];
    let mut key = String::new();
    for (i, part) in ordered.iter().enumerate() {
        if i > 0 {
            key.push('\u{1}');
        }
        key.push_str(&collation::letters(part));
    }
    key.push('\u{2}');
    for part in ordered {
        key.push_str(&collation::tones(part));
        key.push('\u{1}');
    }
    key.push('\u{2}');
    key.push_str(&nfc_trim(full_name));
    key
}

/// The key a name is searched by when the user types the given name first ("hung nguyen"):
/// folded given name, then the rest of the name in order.
pub fn given_first_key(full_name: &str) -> String {
    let parts = name_parts(full_name);
    let mut words = vec![parts.given];
    words.push(parts.family);
    words.extend(parts.middle.iter().copied());
    fold(&words.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nul_and_other_controls_are_found_but_line_breaks_are_white_space() {
        assert!(has_control("Nguyễn\0Văn"));
        assert!(has_control("a\u{1b}[31m"));
        assert!(has_control("x\u{85}y"), "a C1 control");
        assert!(!has_control("Nguyễn Văn\tHùng\r\n"));
        assert!(!has_control("Đảng bộ xã Phong Quang"));
    }

    #[test]
    fn folding_removes_tones_and_bar_d() {
        assert_eq!(fold("Nguyễn Văn Hùng"), "nguyen van hung");
        assert_eq!(fold("ĐẶNG  Thị Đào"), "dang thi dao");
        assert_eq!(fold("Đảng bộ xã Phong Quang"), "dang bo xa phong quang");
    }

    #[test]
    fn decomposed_input_folds_like_composed() {
        let nfd: String = "Nguyễn Văn Hùng".nfd().collect();
        assert_eq!(fold(&nfd), fold("Nguyễn Văn Hùng"));
        assert_eq!(nfc_trim(&nfd), "Nguyễn Văn Hùng");
    }

    #[test]
    fn headers_match_in_every_spelling() {
        for h in ["Họ tên", "ho_ten", "HO TEN", " Họ-tên "] {
            assert_eq!(header_key(h), "ho_ten", "{h}");
        }
    }

    #[test]
    fn prefix_upper_bounds_every_extension() {
        let upper = prefix_upper("nguyen van h").unwrap();
        assert!("nguyen van hung" < upper.as_str());
        assert!("nguyen van i" >= upper.as_str());
        assert_eq!(prefix_upper(""), None);
        assert_eq!(prefix_upper("/12/").unwrap(), "/120");
    }

    #[test]
    fn people_sort_by_given_then_middle_then_family_name() {
        let mut names = vec![
            "Trần Văn Bình",
            "Nguyễn Thị An",
            "Lê An",
            "Đỗ Văn Anh",
            "Nguyễn Văn Bình",
        ];
        names.sort_by_key(|n| name_sort_key(n));
        assert_eq!(
            names,
            vec![
                "Lê An",
                "Nguyễn Thị An",
                "Đỗ Văn Anh",
                "Nguyễn Văn Bình",
                "Trần Văn Bình"
            ]
        );
    }

    #[test]
    fn the_vietnamese_alphabet_orders_d_before_bar_d_and_tones_break_ties() {
        let sorted = |names: &[&'static str]| {
            let mut v = names.to_vec();
            v.sort_by_key(|n| name_sort_key(n));
            v
        };
        assert_eq!(
            sorted(&[
                "Lê Văn Đạt",
                "Lê Văn Dũng",
                "Lê Ân",
                "Lê Ăn",
                "Lê An",
                "Lê Văn Ơn",
                "Lê Văn Ôn",
                "Lê Văn On"
            ]),
            [
                "Lê An",
                "Lê Ăn",
                "Lê Ân",
                "Lê Văn Dũng",
                "Lê Văn Đạt",
                "Lê Văn On",
                "Lê Văn Ôn",
                "Lê Văn Ơn"
            ]
        );
        assert_eq!(
            sorted(&["Lê Má", "Lê Mạ", "Lê Mã", "Lê Ma", "Lê Mả", "Lê Mà"]),
            ["Lê Ma", "Lê Mà", "Lê Mả", "Lê Mã", "Lê Má", "Lê Mạ"]
        );
        assert!(name_sort_key("LÊ VĂN AN") < name_sort_key("Lê Văn Anh"));
        assert!(name_sort_key("Nguyễn Văn Dũng") < name_sort_key("Nguyễn Văn Đạt"));
    }

    #[test]
    fn given_first_key_finds_people_by_their_given_name() {
        assert!(given_first_key("Nguyễn Văn Hùng").starts_with("hung nguyen"));
    }
}

//! Personal data shown in part to people who do not need it whole.
//!
//! The Personal Data Protection Law asks that a citizen ID be shown only to those whose
//! work needs it; everyone else sees enough of it to tell two records apart
//! (`0021•••••402`), never enough to use it.

/// The character that stands for a hidden digit.
pub const HIDDEN: char = '•';

/// A citizen ID with its middle hidden: the first third and the last quarter of its
/// characters stay (`002123456402` → `0021•••••402`); an ID shorter than six characters is
/// hidden whole.
pub fn mask_citizen_id(id: &str) -> String {
    let chars: Vec<char> = id.trim().chars().collect();
    let len = chars.len();
    if len < 6 {
        return HIDDEN.to_string().repeat(len);
    }
    let (head, tail) = (len / 3, len / 4);
    chars
        .iter()
        .enumerate()
        .map(|(i, c)| {
            if i < head || i >= len - tail {
                *c
            } else {
                HIDDEN
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_twelve_digit_id_keeps_four_and_three_digits() {
        assert_eq!(mask_citizen_id("002123456402"), "0021•••••402");
    }

    #[test]
    fn an_old_nine_digit_id_hides_four() {
        assert_eq!(mask_citizen_id("073456789"), "073••••89");
    }

    #[test]
    fn short_ids_are_hidden_whole_and_nothing_leaks_from_the_middle() {
        assert_eq!(mask_citizen_id("12345"), "•••••");
        assert_eq!(mask_citizen_id(""), "");
        let masked = mask_citizen_id("001099887766");
        assert!(!masked.contains("9988"), "{masked}");
        assert_eq!(masked.chars().count(), 12);
    }
}

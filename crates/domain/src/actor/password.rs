//! What makes a chosen password too weak, after NIST SP 800-63B (rev. 4): length matters,
//! composition rules do not. A password is refused when it is short (10 characters, 12 for
//! an administrator, whose account reaches everything), when it is one of the passwords
//! people pick most (a small list, and those words followed by digits or signs), when it
//! is trivial (one character repeated, two characters alternating, a run of the keyboard
//! or the alphabet, only spaces), or when it leans on the account's own name (without the
//! username, fewer than 10 characters are left). No rule asks
//! for digits, capitals or signs: a long phrase in Vietnamese is the best password.

use crate::roles::Role;

/// Fewest characters of an administrator's password.
pub const MIN_ADMIN_PASSWORD_CHARS: usize = 12;

/// Why a chosen password cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PasswordProblem {
    /// Fewer characters than the minimum (given) for the account.
    #[error("must have at least {0} characters")]
    TooShort(usize),
    /// More characters than hashing should take.
    #[error("must have at most {0} characters")]
    TooLong(usize),
    /// One of the passwords people pick most, or such a word with digits after it.
    #[error("is one of the most common passwords")]
    Common,
    /// One character repeated, two alternating, or a run of the keyboard or alphabet.
    #[error("is a trivial pattern (a repeated character or a run such as 1234567890)")]
    Trivial,
    /// Leans on the account's username: without it, too few characters are left.
    #[error("leans on the username (without it, fewer than 10 characters are left)")]
    HasUsername,
}

impl PasswordProblem {
    /// The reason in Vietnamese, for the command line (the pages translate the variant).
    pub fn reason_vi(self) -> String {
        match self {
            Self::TooShort(min) => format!("mật khẩu phải có ít nhất {min} ký tự"),
            Self::TooLong(max) => format!("mật khẩu dài quá {max} ký tự"),
            Self::Common => "mật khẩu này nằm trong số mật khẩu phổ biến nhất".into(),
            Self::Trivial => {
                "mật khẩu quá đơn giản (một ký tự lặp lại hoặc một dãy như 1234567890)".into()
            }
            Self::HasUsername => {
                "mật khẩu dựa vào tên đăng nhập (bỏ tên đi thì còn chưa đến 10 ký tự)".into()
            }
        }
    }
}

/// Whole passwords refused (compared in lower case).
const COMMON: &[&str] = &[
    "1234567890",
    "0987654321",
    "12345678910",
    "123456789a",
    "a123456789",
    "1q2w3e4r5t",
    "1q2w3e4r5t6y",
    "q1w2e3r4t5",
    "1qaz2wsx3edc",
    "zaq12wsxcv",
    "qwertyuiop",
    "asdfghjkl1",
    "123123123123",
    "1234qwerty",
    "qwerty1234",
    "qwerty123456",
    "abcd123456",
    "abc1234567",
    "passw0rd12",
    "p@ssw0rd12",
    "p@ssword123",
    "princess12",
    "sunshine12",
    "football12",
    "baseball12",
    "superman12",
    "trustno1234",
    "administrator",
    "123456789@",
    "1234567890a",
];

/// Words that, followed only by digits or signs, make a common password
/// (`password123`, `matkhau2024!`, `admin@12345`).
const COMMON_STEMS: &[&str] = &[
    "password", "passwd", "matkhau", "qwerty", "admin", "iloveyou", "anhyeuem", "welcome",
    "letmein", "changeme", "dangvu", "dangvien", "dangbo", "chibo", "vietnam", "abc",
];

/// Runs that a trivial password is a piece of (forwards or backwards, repeated).
const RUNS: &[&str] = &[
    "01234567890123456789",
    "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz",
    "qwertyuiopasdfghjklzxcvbnmqwertyuiopasdfghjklzxcvbnm",
];

/// The first problem of `raw` as a password for account `username` with `role`, if any.
pub fn password_problem(raw: &str, username: &str, role: Role) -> Option<PasswordProblem> {
    if let Some(problem) = text_problem(raw) {
        return Some(problem);
    }
    if role == Role::QuanTri && raw.chars().count() < MIN_ADMIN_PASSWORD_CHARS {
        return Some(PasswordProblem::TooShort(MIN_ADMIN_PASSWORD_CHARS));
    }
    let name = username.trim().to_lowercase();
    let lower = raw.to_lowercase();
    let rest = if name.is_empty() {
        lower.clone()
    } else {
        lower.replace(&name, "")
    };
    (rest.chars().count() < super::MIN_PASSWORD_CHARS).then_some(PasswordProblem::HasUsername)
}

/// The problem of `raw` as any account's password, if any: length, common, trivial.
pub(crate) fn text_problem(raw: &str) -> Option<PasswordProblem> {
    let chars = raw.chars().count();
    if chars < super::MIN_PASSWORD_CHARS {
        return Some(PasswordProblem::TooShort(super::MIN_PASSWORD_CHARS));
    }
    if chars > super::MAX_PASSWORD_CHARS {
        return Some(PasswordProblem::TooLong(super::MAX_PASSWORD_CHARS));
    }
    let lower = raw.to_lowercase();
    if is_common(&lower) {
        return Some(PasswordProblem::Common);
    }
    is_trivial(&lower).then_some(PasswordProblem::Trivial)
}

fn is_common(lower: &str) -> bool {
    let stem = lower.trim_end_matches(|c: char| !c.is_alphabetic());
    COMMON.contains(&lower) || COMMON_STEMS.contains(&stem)
}

fn is_trivial(lower: &str) -> bool {
    let mut distinct: Vec<char> = lower.chars().filter(|c| !c.is_whitespace()).collect();
    distinct.sort_unstable();
    distinct.dedup();
    if distinct.len() <= 2 {
        return true;
    }
    let reversed: String = lower.chars().rev().collect();
    RUNS.iter()
        .any(|run| run.contains(lower) || run.contains(reversed.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(raw: &str) -> Option<PasswordProblem> {
        password_problem(raw, "bithu", Role::BiThu)
    }

    #[test]
    fn the_passwords_the_review_found_are_refused() {
        assert_eq!(problem("aaaaaaaaaa"), Some(PasswordProblem::Trivial));
        assert_eq!(problem("1234567890"), Some(PasswordProblem::Common));
        assert_eq!(problem("          "), Some(PasswordProblem::Trivial));
        assert_eq!(problem("password12"), Some(PasswordProblem::Common));
    }

    #[test]
    fn common_words_with_digits_runs_and_alternations_are_refused() {
        for weak in [
            "Password2024!",
            "matkhau123456",
            "ADMIN@12345",
            "abababababab",
        ] {
            assert!(problem(weak).is_some(), "{weak}");
        }
        for run in ["abcdefghijkl", "9876543210", "QWERTYUIOPAS", "3456789012"] {
            assert_eq!(problem(run), Some(PasswordProblem::Trivial), "{run}");
        }
    }

    #[test]
    fn length_counts_characters_and_administrators_need_twelve() {
        assert_eq!(problem("ngắn quá"), Some(PasswordProblem::TooShort(10)));
        let eleven = "chim sẻ bay";
        assert_eq!(problem(eleven), None);
        assert_eq!(
            password_problem(eleven, "quantri", Role::QuanTri),
            Some(PasswordProblem::TooShort(12))
        );
        assert_eq!(
            problem(&"x".repeat(257)),
            Some(PasswordProblem::TooLong(256))
        );
    }

    #[test]
    fn the_username_inside_is_refused_and_good_phrases_pass() {
        assert_eq!(problem("bithu-chi-bo"), Some(PasswordProblem::HasUsername));
        assert_eq!(
            problem("bithu-mat-khau-dai"),
            None,
            "ten characters besides the name"
        );
        for good in [
            "mùa thu lá vàng rơi",
            "con mèo ngủ trên mái nhà",
            "Tr4ng-x4nh-gi0",
        ] {
            assert_eq!(problem(good), None, "{good}");
        }
    }
}

//! Codes that address organizations and members (`ma`): opaque text, parsed at the edge.

use crate::error::DomainError;
use crate::text::nfc_trim;
use serde::{Deserialize, Serialize};

/// Longest code accepted; codes are identifiers typed by people, not free text.
pub const MAX_CODE_LEN: usize = 64;

fn parse_code(field: &'static str, raw: &str) -> Result<String, DomainError> {
    let value = nfc_trim(raw);
    if value.is_empty() {
        return Err(DomainError::Required { field });
    }
    if value.chars().count() > MAX_CODE_LEN {
        return Err(DomainError::invalid(
            field,
            value,
            "longer than 64 characters",
        ));
    }
    if value
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || c == '/')
    {
        return Err(DomainError::invalid(
            field,
            value,
            "contains a space, a slash or a control character",
        ));
    }
    Ok(value)
}

macro_rules! code_type {
    ($(#[$doc:meta])* $name:ident, $field:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            /// Parses a code typed by a person or read from a file (trimmed, NFC).
            pub fn parse(raw: &str) -> Result<Self, DomainError> {
                parse_code($field, raw).map(Self)
            }
            /// The code as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl TryFrom<String> for $name {
            type Error = DomainError;
            fn try_from(raw: String) -> Result<Self, DomainError> {
                Self::parse(&raw)
            }
        }

        impl From<$name> for String {
            fn from(code: $name) -> String {
                code.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

code_type!(
    /// The code of an organization (`to_chuc.ma`), e.g. `VX.05.03`.
    OrgCode,
    "ma"
);
code_type!(
    /// The code of a member (`dang_vien.ma`), e.g. the member's CV number.
    MemberCode,
    "ma"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_trimmed_and_normalized() {
        assert_eq!(OrgCode::parse("  VX.05 ").unwrap().as_str(), "VX.05");
    }

    #[test]
    fn empty_or_spaced_codes_are_rejected() {
        assert!(OrgCode::parse("  ").is_err());
        assert!(MemberCode::parse("A B").is_err());
        assert!(OrgCode::parse("A/B").is_err());
        assert!(OrgCode::parse(&"x".repeat(65)).is_err());
    }
}

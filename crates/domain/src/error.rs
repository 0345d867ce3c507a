//! The one error type of the domain layer: a value that does not satisfy a rule.

/// A value rejected at the edge, with what was wrong. Messages are English here; the
/// translation layer renders them for people (Vietnamese first).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DomainError {
    /// A required value is empty.
    #[error("{field} is required")]
    Required {
        /// Which field (a column key of the interchange format).
        field: &'static str,
    },
    /// A value is not of the expected form.
    #[error("{field}: invalid value {value:?} ({reason})")]
    Invalid {
        /// Which field.
        field: &'static str,
        /// The value as given.
        value: String,
        /// What was wrong, in English.
        reason: &'static str,
    },
}

impl DomainError {
    /// Builds an [`DomainError::Invalid`] for `field` holding `value`.
    pub fn invalid(field: &'static str, value: impl Into<String>, reason: &'static str) -> Self {
        Self::Invalid {
            field,
            value: value.into(),
            reason,
        }
    }
}

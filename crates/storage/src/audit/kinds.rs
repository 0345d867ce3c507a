//! What an audit row says was done and to what kind of record: closed lists, so that a
//! writer cannot misspell an action and the administrators' filters can rely on them.
//!
//! [`AuditAction::as_str`] and [`AuditEntity::as_str`] are the strings stored in
//! `audit_log.action` and `audit_log.entity` (and hashed into the chain): they never change.
//! Rows written by earlier versions may hold other strings, so rows are read back as text
//! and parsed only where a caller wants the kind ([`AuditAction::parse`]).

macro_rules! stored_names {
    ($(#[$meta:meta])* $name:ident { $($(#[$doc:meta])* $variant:ident => $text:literal,)* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name {
            $($(#[$doc])* $variant,)*
        }

        impl $name {
            /// Every value.
            pub const ALL: &'static [Self] = &[$(Self::$variant,)*];

            /// The string stored in the audit log.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => $text,)*
                }
            }

            /// The value a stored string names, if any.
            pub fn parse(text: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|v| v.as_str() == text)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

stored_names! {
    /// What an audit row records.
    AuditAction {
        /// A full record was opened (a member's profile with the citizen ID).
        Read => "read",
        /// A route or an action was refused.
        Denied => "denied",
        /// A successful sign-in.
        Login => "login",
        /// A failed sign-in (wrong credentials, disabled, throttled).
        LoginFailed => "login.failed",
        /// A session ended by its owner.
        Logout => "logout",
        /// An account was created.
        AccountCreate => "account.create",
        /// An account was disabled.
        AccountDisable => "account.disable",
        /// An account's password was set.
        AccountPassword => "account.password",
        /// An API token was created.
        TokenCreate => "token.create",
        /// An API token was revoked.
        TokenRevoke => "token.revoke",
        /// A subtree was exported.
        Export => "export",
        /// A file was imported.
        Import => "import",
        /// An import was refused because a value of it (a citizen ID) is already stored:
        /// counted to limit probing for who is stored.
        ImportConflict => "import.conflict",
        /// A whole dataset was loaded.
        DatasetLoad => "dataset.load",
        /// An admission dossier was opened.
        AdmissionOpen => "admission.open",
        /// A step of an admission dossier was recorded (overrides with their reasons
        /// included).
        AdmissionStep => "admission.step",
        /// A member left the rolls (struck off, resigned, deceased) through the workflow.
        LifecycleExit => "lifecycle.exit",
        /// A Party badge award was recorded.
        LifecycleBadge => "lifecycle.badge",
        /// A period not counting towards party age was recorded.
        LifecycleInterruption => "lifecycle.interruption",
        /// An exemption from Party activities was decided, reviewed or ended.
        LifecycleExemption => "lifecycle.exemption",
        /// A transfer of Party activity was decided, or a temporary attendance recorded.
        TransferCreate => "transfer.create",
        /// A step of a transfer was recorded: introduction, registration at the
        /// receiving organization, or cancellation with its reason.
        TransferStep => "transfer.step",
        /// A day of the installation's working-day calendar was added or corrected.
        CalendarSet => "calendar.set",
        /// A rating round opened.
        RatingRoundOpen => "rating.round.open",
        /// A step of a rating round (self-assessment, proposal, decision, reopening).
        RatingStep => "rating.step",
        /// A rating round closed, its ratings written.
        RatingRoundClose => "rating.round.close",
        /// A cell's monthly results of its members were recorded for a month.
        MonthlyResults => "ratings.monthly",
        /// A head's or deputy's commitment was signed.
        CommitmentSign => "commitment.sign",
        /// A commitment was evaluated at year end.
        CommitmentEvaluate => "commitment.evaluate",
        /// The rows written before chaining existed were chained, once, by the upgrade
        /// that introduced it.
        Seal => "audit.seal",
    }
}

stored_names! {
    /// The kind of record an audit row is about.
    AuditEntity {
        /// A sign-in account.
        Account => "account",
        /// An API token.
        ApiToken => "api_token",
        /// A Party organization.
        Organization => "organization",
        /// A Party member.
        Member => "member",
        /// A whole dataset (load, import).
        Dataset => "dataset",
        /// A route of the web application (denials).
        Route => "route",
        /// A day of the working-day calendar.
        CalendarDay => "calendar_day",
        /// The audit log itself (its sealing at the upgrade that introduced chaining).
        AuditLog => "audit_log",
        /// An admission dossier.
        AdmissionDossier => "admission_dossier",
        /// A rating round.
        RatingRound => "rating_round",
        /// A signed commitment.
        Commitment => "commitment",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_strings_read_back_and_are_distinct() {
        for action in AuditAction::ALL {
            assert_eq!(AuditAction::parse(action.as_str()), Some(*action));
        }
        for entity in AuditEntity::ALL {
            assert_eq!(AuditEntity::parse(entity.as_str()), Some(*entity));
        }
        assert_eq!(AuditAction::parse("member.update"), None);
    }
}

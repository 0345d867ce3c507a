//! `dangvu audit verify`: recompute the audit log's hash chain, and check it against the
//! head recorded earlier (`--expect-head`). Reads only.
//!
//! Standard output ends with `rows=N head=HEX`, the line an operator keeps outside the
//! database, also when the chain is broken. Exit status 0 when intact (and holding the
//! expected head); 4 when a row breaks the chain or the expected head is gone.

use crate::args::{AuditCommand, VerifyArgs};
use crate::config::Settings;
use crate::error::CliError;
use crate::output::out;
use dangvu_app::records::{AuditVerification, ChainHash, ExpectedHead};

/// Runs a `dangvu audit …` command.
pub fn run(command: &AuditCommand, settings: &Settings) -> Result<(), CliError> {
    match command {
        AuditCommand::Verify(args) => verify(args, settings),
    }
}

fn verify(args: &VerifyArgs, settings: &Settings) -> Result<(), CliError> {
    let expected = args
        .expect_head
        .as_deref()
        .map(|hex| ChainHash::parse("expect-head", hex))
        .transpose()?;
    let app = super::open(settings)?;
    let report = app.verify_audit(expected.as_ref())?;
    let outcome = match report.verification {
        AuditVerification::Intact { rows_checked } => {
            out!(
                "Nhật ký kiểm tra nguyên vẹn: {rows_checked} dòng / The audit log is intact: {rows_checked} rows"
            );
            Ok(())
        }
        AuditVerification::Broken {
            first_bad_id,
            reason,
            ..
        } => Err(CliError::AuditBroken {
            id: first_bad_id,
            reason,
        }),
    };
    let outcome = outcome.and_then(|()| match (report.expected_head, expected) {
        (Some(ExpectedHead::Missing), Some(hash)) => {
            Err(CliError::AuditHeadMissing(hash.as_str().to_string()))
        }
        (Some(ExpectedHead::Found { rows_since }), _) => {
            out!(
                "Dòng cuối đã ghi lại vẫn còn; {rows_since} dòng được ghi sau nó / The recorded head is present; {rows_since} rows were written after it"
            );
            Ok(())
        }
        _ => Ok(()),
    });
    out!("{}", report.head);
    outcome
}

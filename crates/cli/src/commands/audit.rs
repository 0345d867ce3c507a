//! `dangvu audit verify`: recompute the audit log's hash chain. Exit status 0 when intact;
//! otherwise the error names the first broken row (exit status 4).

use crate::args::AuditCommand;
use crate::config::Settings;
use crate::error::CliError;
use dangvu_app::records::AuditVerification;

/// Runs a `dangvu audit …` command.
pub fn run(command: &AuditCommand, settings: &Settings) -> Result<(), CliError> {
    match command {
        AuditCommand::Verify => verify(settings),
    }
}

fn verify(settings: &Settings) -> Result<(), CliError> {
    let app = super::open(settings)?;
    match app.verify_audit()? {
        AuditVerification::Intact { rows_checked } => {
            println!(
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
    }
}

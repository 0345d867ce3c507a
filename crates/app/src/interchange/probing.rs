//! A limit on using the import as an oracle of who is stored.
//!
//! An import whose file holds a citizen ID already stored for another member is refused,
//! whoever that member is and wherever they are registered: the number is unique across
//! the installation. The refusal therefore answers one question — "is one of these numbers
//! stored?" — even to an account whose scope is a single cell. It never says which number
//! nor whose record, every such refusal is written to the audit log (`import.conflict`),
//! and an account with a subtree scope gets [`CONFLICT_LIMIT`] of them per
//! [`CONFLICT_WINDOW`]; after that its imports are refused before they are read, until the
//! oldest refusal is older than the window. Accounts that reach the whole installation see
//! every member anyway and are not limited.

use crate::{App, Caller, Error, ReadProblem};
use chrono::TimeDelta;

/// Imports refused for a stored citizen ID that a subtree account may have per window.
pub const CONFLICT_LIMIT: u64 = 10;
/// The window of [`CONFLICT_LIMIT`].
pub const CONFLICT_WINDOW: TimeDelta = TimeDelta::hours(24);

impl App {
    /// The refusal of an import by `caller` who has reached [`CONFLICT_LIMIT`], if so.
    pub(crate) fn probing_refusal(&self, caller: &Caller) -> Result<Option<ReadProblem>, Error> {
        if caller.scope().is_whole_installation() {
            return Ok(None);
        }
        let audit = caller.audit();
        let since = audit.at - CONFLICT_WINDOW;
        let refused = self.store.import_conflicts_since(&audit.actor, since)?;
        if refused < CONFLICT_LIMIT {
            return Ok(None);
        }
        Ok(Some(ReadProblem::whole(
            "",
            format!(
                "tài khoản này đã có {refused} lần nhập bị từ chối vì số định danh cá nhân đã thuộc về một \
                 đảng viên đang lưu trong 24 giờ qua; việc nhập tạm dừng để tránh dò tìm \
                 thông tin cá nhân. Hãy kiểm tra lại số định danh cá nhân, hoặc nhờ quản trị viên nhập tệp"
            ),
            format!(
                "this account had {refused} imports refused in the last 24 hours for a citizen \
                 ID that already belongs to a stored member; its imports are paused to prevent \
                 probing for personal data. Check the citizen IDs, or ask an administrator to \
                 import the file"
            ),
        )))
    }

    /// Records that `caller`'s import was refused for a stored value of `field`.
    pub(crate) fn record_conflict(&self, caller: &Caller, field: &str) -> Result<(), Error> {
        Ok(self.store.record_import_conflict(caller.audit(), field)?)
    }
}

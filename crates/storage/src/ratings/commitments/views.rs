//! What the commitments' use cases take and give.

use dangvu_domain::ratings::Commitment;

/// A stored commitment with the names a page shows beside the codes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommitmentView {
    /// The commitment.
    pub commitment: Commitment,
    /// The organization's name.
    pub org_name: String,
    /// The signer's full name.
    pub signer_name: String,
    /// The recipient's full name, if one is recorded.
    pub recipient_name: Option<String>,
}

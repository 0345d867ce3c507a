//! Quality rating: the rounds a committee opens for its subtree (each member's and each
//! organization's steps, the decisions written to the yearly ratings the reports count),
//! monthly results (`monthly`), signed commitments (`commitments`) and the statistics of
//! any subtree (`statistics`); `dangvu_domain::ratings` decides what each may be.

pub(crate) mod commitments;
pub(crate) mod monthly;
pub(crate) mod rounds;
pub(crate) mod statistics;

pub use commitments::views::*;
pub use monthly::views::*;
pub use rounds::views::*;

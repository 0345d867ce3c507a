//! Quality rating (issue 13): what the rating workflow stores. Each part keeps its own
//! folder or file: monthly results (`monthly`) and signed commitments (`commitments`).

pub(crate) mod commitments;
pub(crate) mod monthly;

pub use commitments::views::*;
pub use monthly::views::*;

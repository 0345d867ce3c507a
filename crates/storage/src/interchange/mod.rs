//! The interchange format meets the database: a whole dataset written at once ([`load`],
//! [`load_rows`]), a file imported over the stored records ([`import`]), a subtree read
//! back as a dataset ([`export`]), and the stored records both read ([`stored`]).

pub(crate) mod export;
pub(crate) mod import;
pub(crate) mod load;
pub(crate) mod load_rows;
pub(crate) mod stored;
mod use_cases;

pub use import::{
    GivenColumns, ImportCounts, ImportError, ImportProgress, ImportRequest, ImportSummary,
    TableCounts,
};
pub use load::LoadStats;

//! Members: the list of a subtree's members on a day ([`list`], its first pages of a large
//! subtree along the name index: [`name_order`]), one member's full record
//! ([`detail`]), and the member sheet's columns as read ([`sheet`]) and written ([`rows`]).

pub(crate) mod detail;
pub(crate) mod list;
mod name_order;
pub(crate) mod rows;
pub(crate) mod sheet;
mod use_cases;
mod views;

pub use views::*;

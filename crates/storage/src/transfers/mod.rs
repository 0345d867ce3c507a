//! Transfers of Party activity (chuyển sinh hoạt đảng, docs/transfers.md): official
//! transfers as a two-sided workflow and temporary attendances, stored, read through the
//! scope and written with their audit rows in the same transaction.
//!
//! A transfer is seen by both sides: the caller reaches it when the scope reaches the
//! sending or the receiving organization; otherwise it is "not found". The sending side
//! (the member's cell in scope) decides, introduces and cancels; the receiving side (the
//! receiving organization in scope) registers the member, which moves the registration
//! and refreshes both cells' tallies in the same transaction.

mod access;
mod due;
mod load;
mod read;
mod rows;
mod use_cases;
mod views;
mod write;

pub use views::*;

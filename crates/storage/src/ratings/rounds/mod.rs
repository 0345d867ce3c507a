//! Rating rounds: opened with the list of who is rated computed on the reference day,
//! stepped member by member and organization by organization, closed in one transaction.
//!
//! A round is in a caller's scope when its committee is, or when the caller's organization
//! lies in the round's subtree (a cell secretary works in the district's round); its rows
//! are then read and written only for the cells and organizations the scope reaches.

mod access;
mod close;
mod decide;
mod entries;
mod final_levels;
mod load;
mod open;
mod org_steps;
mod read;
mod rows;
mod steps;
mod use_cases;
pub mod views;

//! The figures of each cell, pre-aggregated (`dangvu_domain::summary::cells`): the periods
//! over which its counts stay the same, its admissions per day and its members' ratings per
//! year, derived from the registrations, statuses, days and ratings of its members.
//!
//! They are the source of what a cell contributes to the pre-summed figures of the
//! subtrees it is in ([`crate::reports::subtree`]). [`refresh`] keeps them: every write
//! that touches what they are derived from rewrites the tallies of the cells concerned in
//! its own transaction, and the subtrees' figures by the difference.

pub(crate) mod refresh;

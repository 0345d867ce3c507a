//! Quality rating: the rounds a committee opens for its subtree, each member's and each
//! organization's steps in them, and the decisions written to the yearly ratings the
//! reports count (`dangvu_domain::ratings` decides what a step may be).

pub(crate) mod rounds;

pub use rounds::views::*;

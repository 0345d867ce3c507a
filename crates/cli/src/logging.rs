//! The log: on standard error, so that JSON on standard output stays clean, coloured only
//! when standard error is a terminal (a log written to a file or a journal gets no escape
//! codes).
//!
//! A one-shot command prints the error it ends with itself, once, in Vietnamese and English
//! ([`crate::error::report`]); the use cases' spans log every error they return
//! (`#[instrument(err)]`), which would print a mistyped code a second time, as an `ERROR`
//! line. Those copies are left out of a command's log; the server keeps them.

use std::io::IsTerminal;
use tracing::{Level, Metadata};
use tracing_subscriber::filter::filter_fn;
use tracing_subscriber::prelude::*;

/// Starts logging with `filter` (an `EnvFilter` directive; `info` if it does not parse).
/// With `spans_errors`, errors returned through instrumented spans are logged too.
pub fn init(filter: &str, spans_errors: bool) {
    let filter = tracing_subscriber::EnvFilter::try_new(filter)
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let lines = tracing_subscriber::fmt::layer()
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .with_filter(filter_fn(move |meta| spans_errors || !is_span_error(meta)));
    tracing_subscriber::registry()
        .with(filter)
        .with(lines)
        .init();
}

/// The event `#[instrument(err)]` writes: an `ERROR` with an `error` field and no message.
fn is_span_error(meta: &Metadata<'_>) -> bool {
    meta.is_event()
        && *meta.level() == Level::ERROR
        && meta.fields().field("message").is_none()
        && meta.fields().field("error").is_some()
}

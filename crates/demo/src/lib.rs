//! Demo district generator.

//! Web.
rust_i18n::i18n!("locales", fallback = "vi");
mod i18n;

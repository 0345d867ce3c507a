//! x
use std::borrow::Cow;
pub(crate) fn tr(key: &str, locale: &str) -> Cow<'static, str> {
    rust_i18n::t!(key, locale = locale)
}
pub(crate) fn tr2(key: &str, locale: &str, code: &str) -> Cow<'static, str> {
    rust_i18n::t!(key, locale = locale, code = code)
}
#[cfg(test)]
mod tests {
    #[test]
    fn t() { assert_eq!(super::tr("app.name", "en"), "Party records"); }
}

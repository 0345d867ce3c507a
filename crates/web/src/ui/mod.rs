//! Page plumbing shared by every capability: the layout and its chrome, translations,
//! links, request parameters, static assets and the middleware around every request.

pub(crate) mod assets;
pub(crate) mod control_chars;
pub(crate) mod date_field;
pub(crate) mod href;
pub(crate) mod i18n;
pub(crate) mod layout;
pub(crate) mod middleware;
pub(crate) mod params;

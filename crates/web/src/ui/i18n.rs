//! The translation layer: every text a person reads goes through [`Lang`].
//!
//! Vietnamese is the default and the language of the records; English is available for
//! readers outside the Party apparatus. Strings live in `locales/{vi,en}.yml` (rust-i18n,
//! compiled in) and are looked up with an explicit per-request locale, never a global one,
//! because requests in both languages run on the same threads. Dates and numbers follow
//! each language's conventions (DD/MM/YYYY and `7.312`/`85,7` in Vietnamese).

use chrono::Datelike;
use dangvu_domain::enums::Enumeration;
use dangvu_domain::{Date, Period};
use std::borrow::Cow;

/// A language of the user interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Lang {
    /// Vietnamese, the default.
    #[default]
    Vi,
    /// English.
    En,
}

impl Lang {
    /// The locale code used in cookies, `?lang=` and `<html lang>`.
    pub(crate) fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    /// Reads a locale code (`vi`, `en`, `en-US`…); `None` for anything else.
    pub(crate) fn parse(raw: &str) -> Option<Self> {
        let primary = raw.trim().split(['-', '_']).next().unwrap_or_default();
        match primary.to_ascii_lowercase().as_str() {
            "vi" => Some(Lang::Vi),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The text of `key` in this language.
    pub(crate) fn t(self, key: &'static str) -> Cow<'static, str> {
        rust_i18n::t!(key, locale = self.code())
    }

    /// The text of a key built at run time (e.g. from an enumeration code).
    pub(crate) fn t_dynamic(self, key: &str) -> String {
        rust_i18n::t!(key, locale = self.code()).into_owned()
    }

    /// The name of an interchange table in this language (`import.table.*`).
    pub(crate) fn table_name(self, table: dangvu_domain::interchange::Table) -> String {
        self.t_dynamic(&format!("import.table.{}", table.name()))
    }

    /// The text of `key` with `%{name}` placeholders filled in.
    pub(crate) fn fill(self, key: &'static str, values: &[(&str, &str)]) -> String {
        let mut text = self.t(key).into_owned();
        for (name, value) in values {
            text = text.replace(&format!("%{{{name}}}"), value);
        }
        text
    }

    /// The label of an enumeration value: the domain's Vietnamese label, or the English
    /// translation keyed `enum.<field>.<CODE>`.
    pub(crate) fn label<E: Enumeration>(self, value: &E) -> Cow<'static, str> {
        let value = *value;
        match self {
            Lang::Vi => Cow::Borrowed(value.label_vi()),
            Lang::En => Cow::Owned(self.t_dynamic(&format!("enum.{}.{}", E::FIELD, value.code()))),
        }
    }

    /// The label of an optional enumeration value ("—" when unknown).
    pub(crate) fn opt_label<E: Enumeration>(self, value: &Option<E>) -> Cow<'static, str> {
        value
            .as_ref()
            .map_or(Cow::Borrowed(NONE), |v| self.label(v))
    }

    /// A date as people write it: `31/07/2020` in Vietnamese, `2020-07-31` in English.
    pub(crate) fn date(self, day: &Date) -> String {
        match self {
            Lang::Vi => day.format("%d/%m/%Y").to_string(),
            Lang::En => day.format("%Y-%m-%d").to_string(),
        }
    }

    /// An optional date ("—" when unknown).
    pub(crate) fn opt_date(self, day: &Option<Date>) -> String {
        day.as_ref()
            .map_or_else(|| NONE.to_string(), |d| self.date(d))
    }

    /// The first day of a period, or "—" when it has no known beginning.
    pub(crate) fn since(self, period: &Period) -> String {
        self.opt_date(&period.start())
    }

    /// The last day of a period (its end is exclusive), or "now" when it has not ended.
    pub(crate) fn until(self, period: &Period) -> String {
        match period.end().and_then(|end| end.pred_opt()) {
            Some(last) => self.date(&last),
            None => self.t("common.present").into_owned(),
        }
    }

    /// A count with thousands grouped: `7.312` in Vietnamese, `7,312` in English.
    pub(crate) fn count(self, n: &u64) -> String {
        let separator = match self {
            Lang::Vi => '.',
            Lang::En => ',',
        };
        let digits = n.to_string();
        let head = match digits.len() % 3 {
            0 => 3.min(digits.len()),
            partial => partial,
        };
        let (first, rest) = digits.split_at(head);
        let mut out = first.to_string();
        for group in rest.as_bytes().chunks(3) {
            out.push(separator);
            out.push_str(std::str::from_utf8(group).unwrap_or_default());
        }
        out
    }

    /// A percentage with one decimal (`85,7` / `85.7`), or "—" when nothing was rated.
    pub(crate) fn percent(self, value: &Option<f64>) -> String {
        match (*value, self) {
            (None, _) => NONE.to_string(),
            (Some(v), Lang::Vi) => format!("{v:.1}").replace('.', ","),
            (Some(v), Lang::En) => format!("{v:.1}"),
        }
    }

    /// An optional free-text value of a record ("—" when absent).
    pub(crate) fn text(self, value: &Option<String>) -> &str {
        value.as_deref().unwrap_or(NONE)
    }
}

/// Shown for a value that is unknown or does not apply.
pub(crate) const NONE: &str = "—";

/// 1 January of the year of `day`: the start of the default report period.
pub(crate) fn start_of_year(day: Date) -> Date {
    day.with_ordinal(1).unwrap_or(day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use dangvu_domain::{Gender, MemberStatus, OrgType, Rating};

    fn day(s: &str) -> Date {
        dangvu_domain::dates::parse_date("d", s).unwrap()
    }

    #[test]
    fn dates_follow_each_language() {
        assert_eq!(Lang::Vi.date(&day("2020-07-31")), "31/07/2020");
        assert_eq!(Lang::En.date(&day("2020-07-31")), "2020-07-31");
        assert_eq!(Lang::Vi.opt_date(&None), "—");
    }

    #[test]
    fn periods_show_their_last_day_and_open_ends() {
        let p = Period::new(Some(day("2015-08-01")), Some(day("2020-08-01")));
        assert_eq!(Lang::Vi.since(&p), "01/08/2015");
        assert_eq!(Lang::Vi.until(&p), "31/07/2020");
        assert_eq!(Lang::Vi.until(&Period::ALWAYS), "Nay");
        assert_eq!(Lang::En.until(&Period::ALWAYS), "Present");
        assert_eq!(Lang::En.since(&Period::ALWAYS), "—");
    }

    #[test]
    fn counts_group_thousands_the_local_way() {
        assert_eq!(Lang::Vi.count(&7312), "7.312");
        assert_eq!(Lang::En.count(&1_234_567), "1,234,567");
        assert_eq!(Lang::Vi.count(&400), "400");
        assert_eq!(Lang::Vi.count(&0), "0");
    }

    #[test]
    fn percentages_use_a_decimal_comma_in_vietnamese() {
        assert_eq!(Lang::Vi.percent(&Some(85.7)), "85,7");
        assert_eq!(Lang::En.percent(&Some(85.7)), "85.7");
        assert_eq!(Lang::Vi.percent(&Some(100.0)), "100,0");
        assert_eq!(Lang::En.percent(&None), "—");
    }

    #[test]
    fn every_enumeration_value_has_an_english_label() {
        fn check<E: Enumeration>() {
            for value in E::ALL {
                let en = Lang::En.label(value);
                assert!(!en.starts_with("enum."), "missing English label {en}");
                assert_eq!(Lang::Vi.label(value), value.label_vi());
            }
        }
        check::<OrgType>();
        check::<MemberStatus>();
        check::<Rating>();
        check::<Gender>();
        check::<dangvu_domain::roles::Role>();
        check::<dangvu_domain::ratings::AssessmentForm>();
        check::<dangvu_domain::ratings::RoundStatus>();
        check::<dangvu_domain::ratings::LegacyOrgLabel>();
        check::<dangvu_domain::ratings::LegacyMemberLabel>();
        check::<dangvu_domain::ratings::Post>();
        check::<dangvu_domain::ratings::CommitmentOutcome>();
        assert_eq!(
            Lang::En.label(&OrgType::DangBoCoSo),
            "Grassroots Party committee"
        );
    }

    #[test]
    fn every_interchange_table_has_a_name_in_both_languages() {
        for table in dangvu_domain::interchange::Table::every() {
            let vi = Lang::Vi.table_name(table);
            assert!(!vi.contains("import.table"), "{vi}");
            // A key missing in English falls back to the Vietnamese text.
            assert_ne!(Lang::En.table_name(table), vi, "no English name");
        }
        assert_eq!(
            Lang::Vi.table_name(dangvu_domain::interchange::Table::CamKet),
            "Cam kết trách nhiệm"
        );
    }

    #[test]
    fn locale_codes_parse_loosely() {
        assert_eq!(Lang::parse("en-US"), Some(Lang::En));
        assert_eq!(Lang::parse(" VI "), Some(Lang::Vi));
        assert_eq!(Lang::parse("fr"), None);
    }

    #[test]
    fn placeholders_are_filled() {
        let text = Lang::En.fill("error.not_found_org", &[("code", "XX")]);
        assert!(text.contains("XX") && !text.contains("%{"), "{text}");
    }

    fn keys(locale: &str) -> std::collections::BTreeSet<String> {
        crate::_rust_i18n_backend()
            .messages_for_locale(locale)
            .unwrap()
            .into_iter()
            .map(|(key, _)| key.into_owned())
            .filter(|key| !key.starts_with("enum.") && key != "_version")
            .collect()
    }

    #[test]
    fn both_languages_have_the_same_texts() {
        assert_eq!(keys("vi"), keys("en"));
    }

    /// Every literal key passed to `t(..)` or `fill(..)` in the sources and templates.
    fn keys_used() -> Vec<String> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        let mut dirs = vec![root.join("src"), root.join("templates")];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    dirs.push(path);
                } else {
                    files.push(std::fs::read_to_string(path).unwrap());
                }
            }
        }
        let mut used = Vec::new();
        for text in files {
            for marker in ["t(\"", "fill(\"", "_key = \"", " => \""] {
                for (start, _) in text.match_indices(marker) {
                    let rest = &text[start + marker.len()..];
                    let key = rest.split('"').next().unwrap();
                    let is_key = key.contains('.')
                        && key
                            .chars()
                            .all(|c| c.is_ascii_lowercase() || c == '.' || c == '_');
                    if is_key && !key.ends_with('.') {
                        used.push(key.to_string());
                    }
                }
            }
        }
        used
    }

    #[test]
    fn every_text_the_code_asks_for_exists_in_both_languages() {
        let (vi, en) = (keys("vi"), keys("en"));
        let used = keys_used();
        assert!(used.len() > 100, "the scan found only {} keys", used.len());
        for key in used {
            assert!(
                vi.contains(&key) && en.contains(&key),
                "missing translation {key}"
            );
        }
    }

    #[test]
    fn the_default_period_starts_on_new_year() {
        assert_eq!(start_of_year(day("2024-05-17")), day("2024-01-01"));
    }
}

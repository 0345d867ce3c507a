//! Reading the value of one cell as a typed field, reporting what is wrong with it.
//!
//! Each reader returns `None` for an empty or invalid value, after reporting the invalid
//! value (or the empty required one). Callers therefore never report field errors twice,
//! and a row with a bad field still lends its other fields to the cross-row checks.

use super::problems::{Problem, Reason};
use super::rows::Cells;
use crate::codes::{MAX_CODE_LEN, MemberCode, OrgCode};
use crate::dates::{Date, parse_date};
use crate::enums::Enumeration;
use crate::error::DomainError;
use crate::text::{has_control, nfc_trim};

/// First year a rating can be for: the Party was founded in 1930.
pub(crate) const FIRST_YEAR: i32 = 1930;
/// Last year a rating can be for; later values are typing mistakes.
pub(crate) const LAST_YEAR: i32 = 2100;

/// One row being read, with the list its problems go to.
pub(crate) struct RowReader<'a, 'p> {
    cells: Cells<'a>,
    problems: &'p mut Vec<Problem>,
    /// The last day [`RowReader::past_date`] accepts.
    today: Option<Date>,
}

impl<'a, 'p> RowReader<'a, 'p> {
    /// A reader of `cells` that reports into `problems`.
    pub fn new(cells: Cells<'a>, problems: &'p mut Vec<Problem>) -> Self {
        Self {
            cells,
            problems,
            today: None,
        }
    }

    /// The same reader, refusing in [`RowReader::past_date`] the days after `today`.
    pub fn not_after(self, today: Option<Date>) -> Self {
        Self { today, ..self }
    }

    /// The sheet row number.
    pub fn number(&self) -> usize {
        self.cells.number()
    }

    /// Reports a problem with the value under `key`.
    pub fn report(&mut self, key: &str, reason: Reason) {
        let value = self.cells.text(key);
        let problem = Problem::cell(self.cells.table(), self.number(), key, value, reason);
        self.problems.push(problem);
    }

    /// Whether the cell under `key` is empty (or the column absent).
    pub fn is_blank(&self, key: &str) -> bool {
        self.cells.text(key).is_empty()
    }

    /// The non-empty text under `key`; an empty required cell is reported. An absent
    /// column is not reported again here: the header check already did.
    /// A value holding a control character (NUL, escape…) is reported and read as absent.
    fn present(&mut self, key: &str) -> Option<&'a str> {
        let value = self.cells.get(key)?;
        if has_control(value) {
            self.report(key, control_reason());
            return None;
        }
        if !value.is_empty() {
            return Some(value);
        }
        let required = self.cells.table().column(key).is_some_and(|c| c.required);
        if required {
            self.report(key, Reason::required());
        }
        None
    }

    /// Free text, NFC-normalized and trimmed.
    pub fn text(&mut self, key: &str) -> Option<String> {
        self.present(key).map(normalized)
    }

    /// An organization code.
    pub fn org_code(&mut self, key: &str) -> Option<OrgCode> {
        let raw = self.present(key)?;
        self.accept(key, OrgCode::parse(raw), || code_reason(raw))
    }

    /// A member code.
    pub fn member_code(&mut self, key: &str) -> Option<MemberCode> {
        let raw = self.present(key)?;
        self.accept(key, MemberCode::parse(raw), || code_reason(raw))
    }

    /// A date, `YYYY-MM-DD` or `DD/MM/YYYY`; impossible dates (31/02) are rejected.
    pub fn date(&mut self, key: &str) -> Option<Date> {
        let raw = self.present(key)?;
        self.accept(key, parse_date("ngay", raw), date_reason)
    }

    /// A date of an event that cannot lie in the future (a birth, an admission): a day
    /// after the import's is reported.
    pub fn past_date(&mut self, key: &str) -> Option<Date> {
        let day = self.date(key)?;
        match self.today {
            Some(today) if day > today => {
                self.report(key, future_reason(today));
                None
            }
            _ => Some(day),
        }
    }

    /// An enumeration value, by code or by Vietnamese label.
    pub fn enumeration<E: Enumeration>(&mut self, key: &str) -> Option<E> {
        let raw = self.present(key)?;
        // Most files (every exported one) give the code itself: an exact match spares
        // folding every label of the enumeration, once per row of a million.
        if let Some(value) = E::ALL.iter().copied().find(|v| v.code() == raw) {
            return Some(value);
        }
        self.accept(key, E::parse(raw), enumeration_reason::<E>)
    }

    /// A citizen ID: exactly 12 digits, kept as text so leading zeros survive.
    pub fn citizen_id(&mut self, key: &str) -> Option<String> {
        let raw = self.present(key)?;
        let id = nfc_trim(raw);
        if id.len() == 12 && id.bytes().all(|b| b.is_ascii_digit()) {
            return Some(id);
        }
        self.report(
            key,
            Reason::new(
                "số định danh cá nhân phải gồm đúng 12 chữ số",
                "a citizen ID has exactly 12 digits",
            ),
        );
        None
    }

    /// A year between [`FIRST_YEAR`] and [`LAST_YEAR`].
    pub fn year(&mut self, key: &str) -> Option<i32> {
        let raw = self.present(key)?;
        let year = whole_number(raw).and_then(|n| i32::try_from(n).ok());
        if let Some(year) = year.filter(|y| (FIRST_YEAR..=LAST_YEAR).contains(y)) {
            return Some(year);
        }
        self.report(
            key,
            Reason::new(
                format!("không phải năm hợp lệ ({FIRST_YEAR}–{LAST_YEAR})"),
                format!("not a plausible year ({FIRST_YEAR}–{LAST_YEAR})"),
            ),
        );
        None
    }

    /// Points from 0 to 100, a whole number.
    pub fn score(&mut self, key: &str) -> Option<u8> {
        let raw = self.present(key)?;
        let score = whole_number(raw).and_then(|n| u8::try_from(n).ok());
        if let Some(score) = score.filter(|s| *s <= 100) {
            return Some(score);
        }
        self.report(
            key,
            Reason::new(
                "điểm phải là số nguyên từ 0 đến 100",
                "points are a whole number from 0 to 100",
            ),
        );
        None
    }

    fn accept<T>(
        &mut self,
        key: &str,
        parsed: Result<T, DomainError>,
        reason: impl FnOnce() -> Reason,
    ) -> Option<T> {
        let value = parsed.ok();
        if value.is_none() {
            self.report(key, reason());
        }
        value
    }
}

/// [`nfc_trim`] of `raw`, without rebuilding text that is already NFC with single spaces
/// (nearly every cell: this runs for each text cell of a million rows).
fn normalized(raw: &str) -> String {
    let mut previous_space = true;
    let tidy = raw.chars().all(|c| {
        let space = c == ' ';
        let fine = !(space && previous_space) && (space || !c.is_whitespace());
        previous_space = space;
        fine
    }) && !previous_space;
    let nfc = raw.is_ascii()
        || unicode_normalization::is_nfc_quick(raw.chars())
            == unicode_normalization::IsNormalized::Yes;
    if tidy && nfc {
        raw.to_string()
    } else {
        nfc_trim(raw)
    }
}

/// A whole number written as digits, or as a number cell's text with a zero fraction
/// (`2019.0`), as spreadsheet programs write numbers.
fn whole_number(raw: &str) -> Option<i64> {
    let digits = raw
        .strip_suffix(".0")
        .or_else(|| raw.strip_suffix(",0"))
        .unwrap_or(raw);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// Why a non-empty code was rejected by [`OrgCode::parse`]: too long, or a forbidden
/// character.
fn code_reason(raw: &str) -> Reason {
    if nfc_trim(raw).chars().count() > MAX_CODE_LEN {
        Reason::new(
            format!("mã dài quá {MAX_CODE_LEN} ký tự"),
            format!("a code is at most {MAX_CODE_LEN} characters long"),
        )
    } else {
        Reason::new(
            "mã không được chứa khoảng trắng, dấu gạch chéo hay ký tự điều khiển",
            "a code cannot contain a space, a slash or a control character",
        )
    }
}

fn control_reason() -> Reason {
    Reason::new(
        "chứa ký tự điều khiển (như NUL), không phải chữ",
        "contains a control character (such as NUL), not text",
    )
}

fn future_reason(today: Date) -> Reason {
    Reason::new(
        format!(
            "ngày này sau ngày nhập dữ liệu ({}): sự kiện này không thể ở tương lai",
            today.format("%d/%m/%Y")
        ),
        format!(
            "this day is after the day of the import ({today}): the event cannot be in the future"
        ),
    )
}

fn date_reason() -> Reason {
    Reason::new(
        "không phải ngày hợp lệ (YYYY-MM-DD hoặc DD/MM/YYYY)",
        "not a valid date (YYYY-MM-DD or DD/MM/YYYY)",
    )
}

fn enumeration_reason<E: Enumeration>() -> Reason {
    let codes: Vec<&str> = E::ALL.iter().map(|v| v.code()).collect();
    let labels: Vec<&str> = E::ALL.iter().map(|v| v.label_vi()).collect();
    Reason::new(
        format!(
            "giá trị không hợp lệ; dùng mã ({}) hoặc nhãn tiếng Việt ({})",
            codes.join(", "),
            labels.join(", ")
        ),
        format!("unknown value; use a code ({})", codes.join(", ")),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::enums::{Gender, MemberStatus, OrgType, Rating};

    fn code_is_exact<E: Enumeration + PartialEq + std::fmt::Debug>() {
        for value in E::ALL {
            assert_eq!(
                E::parse(value.code()).ok(),
                Some(*value),
                "{}",
                value.code()
            );
        }
    }

    #[test]
    fn an_exact_code_reads_as_parsing_would() {
        code_is_exact::<OrgType>();
        code_is_exact::<MemberStatus>();
        code_is_exact::<Rating>();
        code_is_exact::<Gender>();
    }

    #[test]
    fn text_is_normalized_like_nfc_trim() {
        let nfd = "Nguye\u{302}\u{303}n Va\u{306}n";
        for raw in [
            "Nguyễn Văn An",
            "Tày",
            nfd,
            "a  b",
            "a\tb",
            "a\u{a0}b",
            "x ",
            " x",
            "",
            " ",
            "Lò Thị Mai",
        ] {
            assert_eq!(normalized(raw), nfc_trim(raw), "{raw:?}");
        }
    }
}

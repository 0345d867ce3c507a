//! CSV cells that a spreadsheet would run as formulas, written as text.
//!
//! A CSV file has no cell types: a spreadsheet program that opens an exported
//! `dang_vien.csv` runs a name such as `=HYPERLINK("http://…")` or `+cmd|' /C calc'!A0` as a
//! formula (CSV injection). Following OWASP's advice, a value that begins with `=`, `+`,
//! `-`, `@`, a tab or a carriage return is written with a leading apostrophe, which
//! spreadsheets read as "this is text" and do not show. A value that begins with an
//! apostrophe gets one more, so that reading strips exactly what writing added: the import
//! removes one leading apostrophe when a trigger character or another apostrophe follows
//! it, and an exported file imports back to the same records. Workbooks need none of this:
//! their cells are typed, and every text is written as a string cell.

use std::borrow::Cow;

/// The first characters that make a spreadsheet read a cell as a formula.
const TRIGGERS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Whether `c` must not begin a CSV cell as written.
fn needs_quote(c: char) -> bool {
    TRIGGERS.contains(&c) || c == '\''
}

/// `text` as written in a CSV cell: with a leading apostrophe when it begins like a
/// formula (or with an apostrophe).
pub(crate) fn neutralized(text: &str) -> Cow<'_, str> {
    match text.chars().next() {
        Some(first) if needs_quote(first) => Cow::Owned(format!("'{text}")),
        _ => Cow::Borrowed(text),
    }
}

/// A CSV cell as read: without the apostrophe that [`neutralized`] added.
pub(crate) fn restored(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.chars().next().is_some_and(needs_quote) => rest,
        _ => cell,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_written_as_text() {
        assert_eq!(neutralized("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(neutralized("+cmd|' /C calc'!A0"), "'+cmd|' /C calc'!A0");
        assert_eq!(neutralized("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralized("-1"), "'-1");
        assert_eq!(neutralized("\tx"), "'\tx");
        assert_eq!(neutralized("Nguyễn Văn An"), "Nguyễn Văn An");
        assert_eq!(neutralized(""), "");
    }

    #[test]
    fn reading_strips_exactly_what_writing_added() {
        for value in [
            "=1+1",
            "'=1+1",
            "'abc",
            "''",
            "'",
            "-",
            "Lò Thị Ánh",
            "",
            "a'b",
        ] {
            assert_eq!(restored(&neutralized(value)), value, "{value:?}");
        }
        assert_eq!(restored("'abc"), "'abc", "a hand-typed apostrophe stays");
    }
}

//! What the import pages show: the form, and an upload's preview, problems, progress or
//! result, with the texts each needs in the reader's language.

use crate::interchange::registry::{Snapshot, Stage};
use crate::ui::i18n::Lang;
use crate::ui::layout::Chrome;
use askama::Template;
use dangvu_app::{ImportReport, TableReport};
use dangvu_app::{ReadProblem, column_label};
use dangvu_domain::Date;
use dangvu_domain::interchange::Table;

/// The upload form.
#[derive(Template)]
#[template(path = "import_form.html")]
pub(crate) struct ImportForm {
    pub lang: Lang,
    pub here: String,
    pub chrome: Chrome,
    /// The default date changes take effect.
    pub today: Date,
    /// Why the last attempt could not be used.
    pub error: Option<String>,
}

impl ImportForm {
    /// The form's address, carrying the anti-forgery token (a file upload is multipart,
    /// whose fields the token check does not read).
    fn action(&self) -> String {
        format!("/import?csrf={}", self.chrome.csrf)
    }
}

/// An upload's page.
#[derive(Template)]
#[template(path = "import_show.html")]
pub(crate) struct ImportShow {
    pub lang: Lang,
    pub here: String,
    pub chrome: Chrome,
    /// The upload's id.
    pub id: String,
    /// Where it stands.
    pub upload: Snapshot,
}

/// One line of a problem table, named as the person sees the workbook: the sheet by its
/// label and name, the column by its heading and key.
pub(crate) struct ProblemLine {
    /// The table's label in the reader's language (empty for a file that is no table).
    pub table_label: String,
    /// The sheet or file as named in the upload.
    pub source: String,
    pub row: String,
    /// The column's heading in the template (empty when it has none).
    pub column_label: String,
    /// The column key, or the header as written.
    pub column: String,
    pub value: String,
    /// The reason in the reader's language (the report file has both languages).
    pub reason: String,
}

impl ImportShow {
    /// The title of the page for the stage.
    fn title(&self) -> String {
        let key = match &self.upload.stage {
            Stage::Previewed(report) if report.changes_nothing() => "import.unchanged_title",
            Stage::Previewed(_) => "import.preview_title",
            Stage::Refused(_) | Stage::Failed(_) => "import.refused_title",
            Stage::Running => "import.running_title",
            Stage::Done(_) => "import.done_title",
            Stage::Broken => "import.broken_title",
        };
        self.lang.t(key).into_owned()
    }

    /// Whether the import is running (the page refreshes itself).
    fn running(&self) -> bool {
        self.upload.stage == Stage::Running
    }

    /// Whether the upload waits for confirmation: it would change something.
    fn previewed(&self) -> bool {
        matches!(&self.upload.stage, Stage::Previewed(r) if !r.changes_nothing())
    }

    /// Whether the preview found nothing to change: there is nothing to confirm.
    fn unchanged(&self) -> bool {
        matches!(&self.upload.stage, Stage::Previewed(r) if r.changes_nothing())
    }

    /// Whether the import is done.
    fn done(&self) -> bool {
        matches!(self.upload.stage, Stage::Done(_))
    }

    /// Whether the import failed on our side.
    fn broken(&self) -> bool {
        self.upload.stage == Stage::Broken
    }

    /// Whether the real import refused the file after a good preview.
    fn failed(&self) -> bool {
        matches!(self.upload.stage, Stage::Failed(_))
    }

    /// The figures to show: what would happen, or what happened.
    fn report(&self) -> Option<&ImportReport> {
        match &self.upload.stage {
            Stage::Previewed(report) | Stage::Done(report) => Some(report),
            _ => None,
        }
    }

    /// The problems to show.
    fn problems(&self) -> Vec<ProblemLine> {
        let problems: &[ReadProblem] = match &self.upload.stage {
            Stage::Refused(problems) | Stage::Failed(problems) => problems,
            _ => &[],
        };
        problems.iter().map(|p| self.line(p)).collect()
    }

    /// The findings of a previewed or finished import: rows kept that break a rule.
    fn findings(&self) -> Vec<ProblemLine> {
        self.report()
            .map(|r| r.findings.iter().map(|p| self.line(p)).collect())
            .unwrap_or_default()
    }

    fn line(&self, p: &ReadProblem) -> ProblemLine {
        let reason = match self.lang {
            Lang::Vi => p.reason_vi.clone(),
            Lang::En => p.reason_en.clone(),
        };
        let column = p.column.clone().unwrap_or_default();
        let heading = column_label(&column);
        ProblemLine {
            table_label: p.table.map(|t| self.table_label(&t)).unwrap_or_default(),
            source: p.source.clone(),
            row: p.row.map(|r| r.to_string()).unwrap_or_default(),
            column_label: if heading == column {
                String::new()
            } else {
                heading.to_string()
            },
            column,
            value: p.value.clone(),
            reason,
        }
    }

    /// The number of problems, as a sentence.
    fn problem_count(&self) -> String {
        let n = self.problems().len() as u64;
        self.lang
            .fill("import.problem_count", &[("n", &self.lang.count(&n))])
    }

    /// The name of a table in the reader's language.
    fn table_label(&self, table: &Table) -> String {
        self.lang.table_name(*table)
    }

    /// `done / total` of a running import, or that the file is still being checked.
    fn progress_text(&self) -> String {
        let (done, total) = self.upload.progress;
        if total == 0 {
            return self.lang.t("import.checking").into_owned();
        }
        self.lang.fill(
            "import.progress",
            &[
                ("done", &self.lang.count(&done)),
                ("total", &self.lang.count(&total)),
            ],
        )
    }

    /// `(done, total)` for the `<progress>` element (at least 1 as the maximum).
    fn progress_values(&self) -> (u64, u64) {
        let (done, total) = self.upload.progress;
        (done.min(total), total.max(1))
    }

    /// The date the changes take effect, as a sentence.
    fn effective_note(&self) -> String {
        let date = self.lang.date(&self.upload.effective_on);
        self.lang.fill("import.effective_note", &[("date", &date)])
    }

    /// The line of a table, for the template.
    fn rows(&self) -> Vec<TableReport> {
        self.report().map(|r| r.tables.clone()).unwrap_or_default()
    }
}

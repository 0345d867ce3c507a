//! Checking a file while it is read: each table's rows go to the domain's
//! [`DatasetBuilder`] one at a time, so a file of a million members is never held as text
//! besides its records (issue 3: "without holding the whole file in memory twice").
//!
//! Tables are fed in [`Table`] order — organizations, members, then what refers to them —
//! whatever the order of the sheets or file names. Problems met while reading keep the
//! order of the sheets or file names, as when the file was read whole.

use crate::problem::ReadProblem;
use crate::reading::TableRead;
use dangvu_domain::interchange::{DatasetBuilder, RawRow, Table};

/// A source of one table (a CSV file, a sheet), at its place in name order.
pub(crate) struct Found<S> {
    /// Its place among the sources, in name (or sheet) order.
    pub position: usize,
    /// The table its name gives.
    pub table: Table,
    /// How to open it.
    pub source: S,
}

/// What streaming a file gave: what each fed table held, and the problems met while
/// reading, each at its source's place.
#[derive(Debug, Default)]
pub(crate) struct Streamed {
    tables: Vec<(usize, TableRead)>,
    problems: Vec<(usize, ReadProblem)>,
    /// Whether a table could not be read to the end: checking the others would then
    /// report their references into it as unknown codes.
    pub damaged: bool,
}

impl Streamed {
    /// Records a problem of the source at `position` that leaves the rest readable.
    pub fn problem(&mut self, position: usize, problem: ReadProblem) {
        self.problems.push((position, problem));
    }

    /// Records a problem that leaves a table, or the whole file, unread.
    pub fn fail(&mut self, position: usize, problem: ReadProblem) {
        self.problem(position, problem);
        self.damaged = true;
    }

    /// The tables fed and the reading problems, both in source order.
    pub fn into_parts(mut self) -> (Vec<TableRead>, Vec<ReadProblem>) {
        self.tables.sort_by_key(|(position, _)| *position);
        self.problems.sort_by_key(|(position, _)| *position);
        (
            self.tables.into_iter().map(|(_, t)| t).collect(),
            self.problems.into_iter().map(|(_, p)| p).collect(),
        )
    }
}

/// How a table source is read: its rows are fed to the builder when one is given, else
/// only read through (for their problems). `Ok(None)`: the source holds nothing, so the
/// table is not present.
pub(crate) type ReadResult = Result<Option<TableRead>, Box<ReadProblem>>;

/// Feeds the sources to `builder` in table order. A table named by two sources is rare
/// (two sheets whose names match like headers): each copy is read through for its
/// problems, then the last one that holds anything is fed — read a second time — and the
/// others are reported, as when the file was read whole.
pub(crate) fn feed<'k, S>(
    found: &[Found<S>],
    builder: &mut DatasetBuilder<'k>,
    streamed: &mut Streamed,
    mut read: impl FnMut(&S, Table, Option<&mut DatasetBuilder<'k>>) -> ReadResult,
) {
    for table in Table::every() {
        let copies: Vec<&Found<S>> = found.iter().filter(|f| f.table == table).collect();
        let last = match copies.as_slice() {
            [] => continue,
            [only] => *only,
            several => {
                let mut present = Vec::new();
                for copy in several {
                    match read(&copy.source, table, None) {
                        Ok(Some(_)) => present.push(*copy),
                        Ok(None) => {}
                        Err(problem) => streamed.fail(copy.position, *problem),
                    }
                }
                let Some((last, earlier)) = present.split_last() else {
                    continue;
                };
                if streamed.damaged {
                    continue;
                }
                for _ in earlier {
                    builder.repeated_table(table);
                }
                *last
            }
        };
        match read(&last.source, table, Some(&mut *builder)) {
            Ok(Some(read)) => streamed.tables.push((last.position, read)),
            Ok(None) => {}
            Err(problem) => streamed.fail(last.position, *problem),
        }
    }
}

/// The rows of a reader up to its first problem, which is kept: the rest of a table
/// cannot be trusted then.
pub(crate) struct UntilProblem<I> {
    inner: I,
    problem: Option<Box<ReadProblem>>,
}

impl<I> UntilProblem<I> {
    /// The rows of `inner`.
    pub fn new(inner: I) -> Self {
        Self {
            inner,
            problem: None,
        }
    }

    /// The reader, for what it knows after the rows.
    pub fn inner(&self) -> &I {
        &self.inner
    }
}

impl<I: Iterator<Item = Result<RawRow, Box<ReadProblem>>>> Iterator for UntilProblem<I> {
    type Item = RawRow;

    fn next(&mut self) -> Option<RawRow> {
        if self.problem.is_some() {
            return None;
        }
        match self.inner.next()? {
            Ok(row) => Some(row),
            Err(problem) => {
                self.problem = Some(problem);
                None
            }
        }
    }
}

/// Feeds (or reads through) the rows of one table whose header row is `headers`.
/// `holds_anything` tells, once the rows are known to be none, whether the source still
/// counts as present (a sheet with only blank values does; an empty CSV file does not).
pub(crate) fn read_rows<I>(
    table: Table,
    headers: Vec<String>,
    mut rows: UntilProblem<I>,
    builder: Option<&mut DatasetBuilder<'_>>,
    holds_anything: impl FnOnce(&I) -> bool,
) -> ReadResult
where
    I: Iterator<Item = Result<RawRow, Box<ReadProblem>>>,
{
    let mut peeked = (&mut rows).peekable();
    let count = if peeked.peek().is_some() {
        Some(match builder {
            Some(builder) => builder.table(table, &headers, &mut peeked),
            None => peeked.count(),
        })
    } else if holds_anything(rows.inner()) {
        // Nothing was peeked, so no row is lost by reading the header row alone.
        Some(match builder {
            Some(builder) => builder.table(table, &headers, std::iter::empty::<RawRow>()),
            None => 0,
        })
    } else {
        None
    };
    if let Some(problem) = rows.problem.take() {
        return Err(problem);
    }
    Ok(count.map(|rows| TableRead {
        table,
        rows,
        headers,
    }))
}

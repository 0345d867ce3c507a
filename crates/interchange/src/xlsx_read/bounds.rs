//! Bounds on what a workbook may unpack to, checked before the workbook is opened.
//!
//! An `.xlsx` file is a zip of XML parts, and the reader holds some parts whole in memory
//! (the shared strings). A 1 MB workbook whose shared-strings part unpacks to one 1 GiB
//! string would exhaust the server, so every part is bounded — by the size the zip's
//! directory declares and, since a directory can lie, by the bytes it actually unpacks to,
//! counted while streaming it once without keeping it — each part to [`MAX_PART`], all
//! together to [`MAX_TOTAL`], and each against its compressed size (`crate::unpack`).

use crate::problem::ReadProblem;
use crate::unpack::ratio_bound;
use std::fs::File;
use std::io::{BufReader, Read};
use std::path::Path;
use zip::ZipArchive;

/// Most one part may unpack to.
pub(crate) const MAX_PART: u64 = 256 * 1024 * 1024;
/// Most all parts together may unpack to.
pub(crate) const MAX_TOTAL: u64 = 1024 * 1024 * 1024;
/// `Err` with the problem to report when the workbook at `path` unpacks to more than the
/// bounds; `Ok` otherwise, or when it is no zip at all (the reader says so itself).
pub(crate) fn check_parts(path: &Path, source: &str) -> Result<(), Box<ReadProblem>> {
    let Ok(file) = File::open(path) else {
        return Ok(());
    };
    let Ok(mut archive) = ZipArchive::new(BufReader::new(file)) else {
        return Ok(());
    };
    let mut total = 0u64;
    for index in 0..archive.len() {
        let Ok(mut part) = archive.by_index(index) else {
            return Err(Box::new(damaged(source)));
        };
        let name = part.name().map(|n| n.into_owned()).unwrap_or_default();
        let bound = part_bound(part.compressed_size()).min(MAX_TOTAL - total);
        if part.size() > bound {
            return Err(Box::new(too_large(source, &name)));
        }
        let actual = std::io::copy(&mut (&mut part).take(bound + 1), &mut std::io::sink())
            .map_err(|_| Box::new(damaged(source)))?;
        if actual > bound {
            return Err(Box::new(too_large(source, &name)));
        }
        total += actual;
    }
    Ok(())
}

/// The most a part of `compressed` bytes may unpack to.
fn part_bound(compressed: u64) -> u64 {
    ratio_bound(compressed).min(MAX_PART)
}

fn too_large(source: &str, part: &str) -> ReadProblem {
    ReadProblem::whole(
        source,
        format!(
            "tệp .xlsx giải nén ra quá lớn (phần {part}: quá 256 MiB, hoặc nén quá mức so với \
             dữ liệu thật); với danh sách rất lớn, hãy dùng các tệp CSV"
        ),
        format!(
            "the .xlsx workbook unpacks to too much data (part {part}: over 256 MiB, or far \
             more compressed than real data); for very large lists, use CSV files"
        ),
    )
}

fn damaged(source: &str) -> ReadProblem {
    ReadProblem::whole(
        source,
        "tệp .xlsx bị hỏng, không giải nén được",
        "the .xlsx workbook is damaged and cannot be unpacked",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn workbook_with(part: &str, bytes: &[u8]) -> tempfile::NamedTempFile {
        let file = tempfile::Builder::new().suffix(".xlsx").tempfile().unwrap();
        let mut writer = zip::ZipWriter::new(file.reopen().unwrap());
        let options = zip::write::SimpleFileOptions::default();
        writer.start_file(part, options).unwrap();
        writer.write_all(bytes).unwrap();
        writer.finish().unwrap();
        file
    }

    #[test]
    fn a_huge_shared_strings_part_is_refused_before_the_reader_opens_it() {
        let mut xml = b"<sst><si><t>".to_vec();
        xml.resize(40 * 1024 * 1024, b'a');
        let book = workbook_with("xl/sharedStrings.xml", &xml);
        assert!(std::fs::metadata(book.path()).unwrap().len() < 1024 * 1024);
        let problem = check_parts(book.path(), "bom.xlsx").unwrap_err();
        assert!(
            problem.reason_en.contains("xl/sharedStrings.xml"),
            "{problem}"
        );
        assert!(problem.reason_vi.contains("quá lớn"));
    }

    #[test]
    fn ordinary_parts_pass() {
        let book = workbook_with(
            "xl/sharedStrings.xml",
            b"<sst><si><t>Lo Thi Anh</t></si></sst>",
        );
        assert!(check_parts(book.path(), "a.xlsx").is_ok());
    }
}

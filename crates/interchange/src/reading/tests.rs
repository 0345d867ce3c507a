//! Checking while reading gives what reading the whole file first gave: the same dataset,
//! or the same problems in the same order — whatever the order of the files or sheets.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use super::*;
use dangvu_domain::interchange::build_dataset_with;

const ORGS: &str = "ma,ten,loai,ma_cap_tren\nVX,Huyện,HUYEN,\nVX.C1,Chi bộ 1,CHI_BO_CO_SO,VX\n";
const MEMBERS: &str = "ma,ho_ten,gioi_tinh,ngay_sinh,ngay_vao_dang,ma_to_chuc\n\
                       M1,Lò Văn An,NAM,1980-01-01,2010-05-01,VX.C1\n";
const MOVES: &str = "ma_dang_vien,ngay,tu_to_chuc,den_to_chuc\n";

/// The check as it was before streaming: read every table whole, then build.
fn whole(path: &Path) -> Result<Dataset, Vec<ReadProblem>> {
    let reading = read_any(path);
    if reading.damaged {
        return Err(reading.problems);
    }
    match build_dataset_with(&reading.tables, &KnownCodes::none()) {
        Ok(dataset) if reading.problems.is_empty() => Ok(dataset),
        Ok(_) => Err(reading.problems),
        Err(found) => {
            let mut problems = reading.problems;
            problems.extend(found.into_iter().map(ReadProblem::from));
            Err(problems)
        }
    }
}

/// A scratch folder holding `files`, removed with them when dropped.
fn folder(name: &str, files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::Builder::new()
        .prefix(&format!("dangvu-stream-{name}-"))
        .tempdir()
        .unwrap();
    for (file, bytes) in files {
        std::fs::write(dir.path().join(file), bytes).unwrap();
    }
    dir
}

fn same_as_whole(path: &Path) -> Result<Dataset, Vec<ReadProblem>> {
    let streamed = check_path(path, &KnownCodes::none()).map(|c| c.dataset);
    assert_eq!(streamed, whole(path), "{}", path.display());
    streamed
}

#[test]
fn files_named_in_any_order_give_the_same_dataset() {
    let dir = folder(
        "order",
        &[
            ("a_chuyen_sinh_hoat.csv", b"x"),
            ("chuyen_sinh_hoat.csv", MOVES.as_bytes()),
            ("Dang vien.csv", MEMBERS.as_bytes()),
            ("to_chuc.csv", ORGS.as_bytes()),
        ],
    );
    // An unknown file name is reported; the rest is checked all the same.
    assert_eq!(same_as_whole(dir.path()).unwrap_err().len(), 1);
    std::fs::remove_file(dir.path().join("a_chuyen_sinh_hoat.csv")).unwrap();
    let dataset = same_as_whole(dir.path()).unwrap();
    assert_eq!((dataset.orgs.len(), dataset.members.len()), (2, 1));
}

#[test]
fn problems_come_in_the_same_order() {
    let members = "ma,ho_ten,gioi_tinh,ngay_sinh,ngay_vao_dang,ma_to_chuc,,x\n\
                   M1,An,NAM,1980-02-31,2010-05-01,VX.C9,7,y\n\
                   M1,Bình,NU,1980-01-01,2010-05-01,VX,,\n";
    let dir = folder(
        "problems",
        &[
            ("zz.txt", b"?"),
            (
                "chuyen_sinh_hoat.csv",
                b"ma_dang_vien,ngay,tu_to_chuc,den_to_chuc\nM2,2020-01-01,VX,VX\n",
            ),
            ("dang_vien.csv", members.as_bytes()),
            (
                "to_chuc.csv",
                b"ma,ten,loai,ma_cap_tren\nVX,Huyen,HUYEN,VX.C1\nVX.C1,C1,CHI_BO_CO_SO,VX\n",
            ),
        ],
    );
    assert!(same_as_whole(dir.path()).unwrap_err().len() > 6);
}

#[test]
fn a_table_given_twice_is_reported_and_the_last_copy_read() {
    let other = MEMBERS.replace("M1", "M7");
    let dir = folder(
        "twice",
        &[
            ("Dang vien.csv", MEMBERS.as_bytes()),
            ("dang_vien.csv", other.as_bytes()),
            ("DANG-VIEN.csv", b""),
            ("to_chuc.csv", ORGS.as_bytes()),
        ],
    );
    let problems = same_as_whole(dir.path()).unwrap_err();
    assert_eq!(problems.len(), 1, "{problems:?}");
    std::fs::write(dir.path().join("dang_vien.csv"), b"ma\n\xff\n").unwrap();
    assert!(same_as_whole(dir.path()).is_err());
}

#[test]
fn a_damaged_file_lists_only_reading_problems() {
    let dir = folder(
        "damaged",
        &[
            ("b.csv", b"?"),
            ("dang_vien.csv", b"ma,ho_ten\nM1,L\xf2\n"),
            ("to_chuc.csv", b"ma\nVX\n"),
        ],
    );
    let problems = same_as_whole(dir.path()).unwrap_err();
    assert_eq!(problems.len(), 2, "{problems:?}");
}

#[test]
fn a_workbook_is_read_by_sheet_name_in_table_order() {
    use rust_xlsxwriter::Workbook;
    let dir = folder("xlsx", &[]);
    let path = dir.path().join("book.xlsx");
    let mut book = Workbook::new();
    let sheets: [(&str, &str); 5] = [
        ("Ghi chú", "note"),
        ("chuyen_sinh_hoat", MOVES),
        ("dang_vien", MEMBERS),
        ("Đảng viên", ""),
        ("to_chuc", ORGS),
    ];
    for (name, text) in sheets {
        let sheet = book.add_worksheet().set_name(name).unwrap();
        for (r, line) in text.lines().enumerate() {
            for (c, cell) in line.split(',').enumerate() {
                if !cell.is_empty() {
                    sheet.write_string(r as u32, c as u16, cell).unwrap();
                }
            }
        }
    }
    book.save(&path).unwrap();
    assert_eq!(same_as_whole(&path).unwrap_err().len(), 1);
}

//! A folder of CSV files: names, BOM, quoting, row numbers, encodings, size.

use crate::support::{import, problems, sample_folder, scratch};
use dangvu_domain::interchange::Table;
use dangvu_interchange::{CsvRows, read_path};
use std::io::Write;
use std::path::Path;

const ORGS: &str = "\u{feff}ma,ten,loai,ma_cap_tren\r\n\
    VX,\"Đảng bộ \"\"Vị Xuyên\"\", Hà Giang\",HUYEN,\r\n\
    \r\n\
    VX.01,\"Chi bộ\r\nhai dòng\",CHI_BO_CO_SO,VX\r\n\
    VX.02,Chi bộ X,KHONG_CO,VX\r\n";

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    std::fs::write(dir.join(name), bytes).unwrap();
}

#[test]
fn rows_are_numbered_as_a_spreadsheet_shows_them() {
    let dir = scratch("csv_rows");
    write(&dir, "to_chuc.csv", ORGS.as_bytes());
    let tables = read_path(&dir).unwrap();
    let orgs = &tables[0];
    assert_eq!(
        orgs.headers,
        ["ma", "ten", "loai", "ma_cap_tren"],
        "BOM stripped"
    );
    let numbers: Vec<usize> = orgs.rows.iter().map(|r| r.number).collect();
    assert_eq!(numbers, [2, 4, 5]);
    assert_eq!(orgs.rows[0].cells[1], "Đảng bộ \"Vị Xuyên\", Hà Giang");
    assert_eq!(orgs.rows[1].cells[1], "Chi bộ\r\nhai dòng");
    let found = problems(&dir);
    assert_eq!(found.len(), 1, "{found:#?}");
    let problem = &found[0];
    assert_eq!(problem.table, Some(Table::ToChuc));
    assert_eq!(
        (problem.row, problem.column.as_deref()),
        (Some(5), Some("loai"))
    );
    assert_eq!(problem.value, "KHONG_CO");
}

#[test]
fn file_names_match_like_headers_and_other_files_are_reported() {
    let dir = scratch("csv_names");
    write(
        &dir,
        "Tổ chức.CSV",
        "ma,ten,loai\nVX,Đảng bộ Vị Xuyên,HUYEN\n".as_bytes(),
    );
    write(&dir, "dang_vien_2024.csv", b"ma\nX\n");
    write(&dir, "ghi_chu.txt", b"notes");
    write(&dir, "to_chuc", b"no extension");
    write(&dir, ".DS_Store", b"\0\0");
    std::fs::create_dir(dir.join("cu")).unwrap();
    let mut sources: Vec<String> = problems(&dir).into_iter().map(|p| p.source).collect();
    sources.sort();
    assert_eq!(sources, ["dang_vien_2024.csv", "ghi_chu.txt", "to_chuc"]);
    std::fs::remove_file(dir.join("dang_vien_2024.csv")).unwrap();
    std::fs::remove_file(dir.join("ghi_chu.txt")).unwrap();
    std::fs::remove_file(dir.join("to_chuc")).unwrap();
    assert_eq!(import(&dir).orgs[0].name, "Đảng bộ Vị Xuyên");
}

#[test]
fn text_that_is_not_utf8_is_reported_where_it_is() {
    let dir = scratch("csv_encoding");
    std::fs::copy(sample_folder().join("to_chuc.csv"), dir.join("to_chuc.csv")).unwrap();
    // "Nguyễn" in a legacy single-byte encoding: 0xEA is not UTF-8 on its own.
    write(
        &dir,
        "dang_vien.csv",
        b"ma,ho_ten,gioi_tinh\nM1,Tran An,NAM\nM2,Nguy\xean B,NAM\n",
    );
    let found = problems(&dir);
    assert_eq!(found.len(), 1, "only the encoding, not echoes: {found:#?}");
    let problem = &found[0];
    assert_eq!(problem.source, "dang_vien.csv");
    assert_eq!(problem.table, Some(Table::DangVien));
    assert_eq!(
        (problem.row, problem.column.as_deref()),
        (Some(3), Some("ho_ten"))
    );
    assert!(problem.reason_en.contains("UTF-8") && problem.reason_vi.contains("UTF-8"));
}

#[test]
fn an_empty_file_is_a_table_not_present() {
    let dir = scratch("csv_empty");
    write(&dir, "danh_gia_to_chuc.csv", b"");
    assert_eq!(read_path(&dir).unwrap(), []);
}

#[test]
fn a_million_rows_are_read_one_at_a_time() {
    let path = scratch("csv_million").join("danh_gia_dang_vien.csv");
    let mut file = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    writeln!(file, "nam,ma_dang_vien,xep_loai").unwrap();
    for i in 0..1_000_000 {
        writeln!(file, "2020,M{i:07},HTTNV").unwrap();
    }
    file.flush().unwrap();
    drop(file);
    let rows = CsvRows::open(&path, Table::DanhGiaDangVien).unwrap();
    assert_eq!(rows.headers(), ["nam", "ma_dang_vien", "xep_loai"]);
    let mut count = 0;
    let mut last = None;
    for row in rows {
        let row = row.unwrap();
        count += 1;
        last = Some(row);
    }
    assert_eq!(count, 1_000_000);
    let last = last.unwrap();
    assert_eq!(last.number, 1_000_001);
    assert_eq!(last.cells, ["2020", "M0999999", "HTTNV"]);
}

//! The one rule for how much a compressed part may unpack to, against its compressed size:
//! the zip of CSV files the web accepts and the parts of a workbook are held to it alike.

/// Most a part above [`RATIO_FLOOR`] may unpack to per compressed byte: CSV and
/// spreadsheet XML of real records deflate 5 to 30 times; a bomb about a thousand.
pub const MAX_RATIO: u64 = 200;
/// Parts up to this size are not held to [`MAX_RATIO`] (tiny files compress oddly).
pub const RATIO_FLOOR: u64 = 16 * 1024 * 1024;

/// The most a part of `compressed` bytes may unpack to by the ratio rule.
pub fn ratio_bound(compressed: u64) -> u64 {
    compressed.saturating_mul(MAX_RATIO).max(RATIO_FLOOR)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_parts_get_the_floor_and_large_ones_two_hundred_times() {
        assert_eq!(ratio_bound(1), RATIO_FLOOR);
        assert_eq!(ratio_bound(1024 * 1024), 200 * 1024 * 1024);
        assert_eq!(ratio_bound(u64::MAX), u64::MAX);
    }
}

//! Standard output for the commands' results.
//!
//! `println!` panics when the reader has gone (`dangvu audit list | head`): Rust ignores
//! SIGPIPE, so the write fails and the macro panics with a backtrace. Every command prints
//! through [`out!`] instead, which ends the process quietly and successfully when the
//! reader closed the pipe — what `head` expects of any Unix tool — and reports any other
//! failure to write in both languages.

use std::io::Write;

/// Writes one line to standard output (like `println!`), see the module's note.
macro_rules! out {
    () => {
        $crate::output::line(format_args!(""))
    };
    ($($arg:tt)*) => {
        $crate::output::line(format_args!($($arg)*))
    };
}
pub(crate) use out;

/// Writes `text` and a new line; a closed pipe ends the process with success, another
/// failure with status 1. Work is done before results are printed, so nothing is left
/// half-written by stopping here.
pub(crate) fn line(text: std::fmt::Arguments<'_>) {
    let mut stdout = std::io::stdout().lock();
    let written = stdout
        .write_fmt(text)
        .and_then(|()| stdout.write_all(b"\n"));
    if let Err(e) = written {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!(
            "Lỗi: không ghi được ra đầu ra chuẩn: {e}\nError: cannot write to standard output: {e}"
        );
        std::process::exit(1);
    }
}

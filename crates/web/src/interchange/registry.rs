//! Uploads kept between their preview and their import, in memory.
//!
//! An upload is checked and previewed at once; the person then confirms it, and the real
//! import runs in the background while its page shows how far it is. Until then the file
//! waits here, under a random id, visible only to the account that sent it (any other
//! account gets the same 404 as for an id that never existed). An upload expires an hour
//! after it was sent (its files are deleted with it); an import in progress does not
//! expire. Each account keeps at most a few uploads: a new one drops its oldest.

use super::upload::Staged;
use chrono::{NaiveDateTime, TimeDelta};
use dangvu_app::ImportReport;
use dangvu_app::ReadProblem;
use dangvu_domain::Date;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

/// How long an upload waits for its confirmation.
const LIFETIME: TimeDelta = TimeDelta::hours(1);
/// Most uploads one account keeps at a time.
const PER_ACCOUNT: usize = 5;

/// Where an upload stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Stage {
    /// Checked and importable: what the import would do. Waiting for confirmation.
    Previewed(ImportReport),
    /// Refused when checked; nothing was written.
    Refused(Vec<ReadProblem>),
    /// Confirmed: the import is running.
    Running,
    /// Imported.
    Done(ImportReport),
    /// The real import refused the file (the records changed since the preview).
    Failed(Vec<ReadProblem>),
    /// The import could not run (a failure on our side, logged).
    Broken,
}

/// How far a running import is, updated by its progress callback.
#[derive(Debug, Default)]
pub(crate) struct Progress {
    done: AtomicU64,
    total: AtomicU64,
}

impl Progress {
    /// Records `done` of `total`.
    pub(crate) fn set(&self, done: u64, total: u64) {
        self.total.store(total, Ordering::Relaxed);
        self.done.store(done, Ordering::Relaxed);
    }

    /// `(done, total)`; total 0 while the file is still being checked.
    pub(crate) fn get(&self) -> (u64, u64) {
        (
            self.done.load(Ordering::Relaxed),
            self.total.load(Ordering::Relaxed),
        )
    }
}

/// One upload.
struct Entry {
    owner: String,
    sent_at: NaiveDateTime,
    name: String,
    effective_on: Date,
    files: Option<Staged>,
    stage: Stage,
    progress: Arc<Progress>,
}

/// What the upload's page shows.
#[derive(Debug, Clone)]
pub(crate) struct Snapshot {
    /// The file name as sent.
    pub name: String,
    /// The date changes without a date take effect.
    pub effective_on: Date,
    /// Where it stands.
    pub stage: Stage,
    /// `(done, total)` of a running import.
    pub progress: (u64, u64),
}

/// What the background import needs.
pub(crate) struct Job {
    /// The files to read (deleted when dropped).
    pub files: Staged,
    /// The date changes without a date take effect.
    pub effective_on: Date,
    /// Where to report how far it is.
    pub progress: Arc<Progress>,
}

/// What confirming an upload found.
pub(crate) enum Start {
    /// No such upload for this account.
    NotFound,
    /// It is not waiting for confirmation (refused, already confirmed or done).
    NotWaiting,
    /// Run this import.
    Run(Job),
}

/// The uploads of the server. Cheap to share (`Arc`).
#[derive(Default)]
pub(crate) struct Uploads {
    entries: Mutex<HashMap<String, Entry>>,
}

/// A new upload to keep.
pub(crate) struct NewUpload {
    /// The account that sent it.
    pub owner: String,
    /// When it was sent.
    pub sent_at: NaiveDateTime,
    /// The file name as sent.
    pub name: String,
    /// The date changes without a date take effect.
    pub effective_on: Date,
    /// Its files, kept only while an import may follow.
    pub files: Option<Staged>,
    /// Its first stage.
    pub stage: Stage,
}

impl Uploads {
    fn lock(&self) -> MutexGuard<'_, HashMap<String, Entry>> {
        self.entries.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Keeps `upload` under a fresh random id; `None` without a random source.
    pub(crate) fn insert(&self, upload: NewUpload) -> Option<String> {
        let id = random_id()?;
        let mut entries = self.lock();
        expire(&mut entries, upload.sent_at);
        let mut own: Vec<(NaiveDateTime, String)> = entries
            .iter()
            .filter(|(_, e)| e.owner == upload.owner && e.stage != Stage::Running)
            .map(|(id, e)| (e.sent_at, id.clone()))
            .collect();
        own.sort();
        let excess = (own.len() + 1).saturating_sub(PER_ACCOUNT);
        for (_, old) in own.into_iter().take(excess) {
            entries.remove(&old);
        }
        let entry = Entry {
            owner: upload.owner,
            sent_at: upload.sent_at,
            name: upload.name,
            effective_on: upload.effective_on,
            files: upload.files,
            stage: upload.stage,
            progress: Arc::new(Progress::default()),
        };
        entries.insert(id.clone(), entry);
        Some(id)
    }

    /// The upload `id` as `owner` sees it at `now`; `None` if it is not theirs (or gone).
    pub(crate) fn view(&self, id: &str, owner: &str, now: NaiveDateTime) -> Option<Snapshot> {
        let mut entries = self.lock();
        expire(&mut entries, now);
        let entry = entries.get(id).filter(|e| e.owner == owner)?;
        Some(Snapshot {
            name: entry.name.clone(),
            effective_on: entry.effective_on,
            stage: entry.stage.clone(),
            progress: entry.progress.get(),
        })
    }

    /// Marks a previewed upload as running and hands over its files.
    pub(crate) fn start(&self, id: &str, owner: &str, now: NaiveDateTime) -> Start {
        let mut entries = self.lock();
        expire(&mut entries, now);
        let Some(entry) = entries.get_mut(id).filter(|e| e.owner == owner) else {
            return Start::NotFound;
        };
        if !matches!(entry.stage, Stage::Previewed(_)) {
            return Start::NotWaiting;
        }
        let Some(files) = entry.files.take() else {
            return Start::NotWaiting;
        };
        entry.stage = Stage::Running;
        Start::Run(Job {
            files,
            effective_on: entry.effective_on,
            progress: Arc::clone(&entry.progress),
        })
    }

    /// Records how the import of `id` ended; counts from `now` for expiry.
    pub(crate) fn finish(&self, id: &str, stage: Stage, now: NaiveDateTime) {
        if let Some(entry) = self.lock().get_mut(id) {
            entry.stage = stage;
            entry.sent_at = now;
        }
    }
}

/// Drops the uploads sent more than [`LIFETIME`] before `now` (their files with them),
/// except imports still running.
fn expire(entries: &mut HashMap<String, Entry>, now: NaiveDateTime) {
    entries.retain(|_, e| e.stage == Stage::Running || now - e.sent_at <= LIFETIME);
}

/// 128 random bits as hexadecimal.
fn random_id() -> Option<String> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).ok()?;
    Some(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(minutes: i64) -> NaiveDateTime {
        chrono::NaiveDate::from_ymd_opt(2025, 11, 26)
            .unwrap()
            .and_hms_opt(3, 0, 0)
            .unwrap()
            + TimeDelta::minutes(minutes)
    }

    fn upload(owner: &str, minutes: i64) -> NewUpload {
        NewUpload {
            owner: owner.into(),
            sent_at: at(minutes),
            name: "a.xlsx".into(),
            effective_on: at(0).date(),
            files: None,
            stage: Stage::Refused(Vec::new()),
        }
    }

    #[test]
    fn only_the_owner_sees_an_upload_and_only_for_an_hour() {
        let uploads = Uploads::default();
        let id = uploads.insert(upload("canbo", 0)).unwrap();
        assert_eq!(id.len(), 32);
        assert!(uploads.view(&id, "canbo", at(59)).is_some());
        assert!(uploads.view(&id, "bithu", at(1)).is_none());
        assert!(matches!(
            uploads.start(&id, "bithu", at(1)),
            Start::NotFound
        ));
        assert!(matches!(
            uploads.start(&id, "canbo", at(1)),
            Start::NotWaiting
        ));
        assert!(uploads.view(&id, "canbo", at(61)).is_none());
    }

    #[test]
    fn an_account_keeps_its_newest_uploads() {
        let uploads = Uploads::default();
        let ids: Vec<String> = (0..PER_ACCOUNT as i64 + 1)
            .map(|i| uploads.insert(upload("canbo", i)).unwrap())
            .collect();
        assert!(uploads.view(&ids[0], "canbo", at(10)).is_none());
        assert!(
            ids[1..]
                .iter()
                .all(|id| uploads.view(id, "canbo", at(10)).is_some())
        );
    }
}

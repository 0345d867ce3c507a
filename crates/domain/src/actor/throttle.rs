//! How long a sign-in must wait after failures: the rule, without storage.
//!
//! Failures are counted over the last [`WINDOW`] three ways. A username typed from one
//! address (the *pair*) gets [`PAIR_FREE`] failures, then each further attempt must wait
//! a delay that doubles from [`FIRST_DELAY`] up to [`MAX_DELAY`] after the pair's last
//! failure. One address gets [`ADDRESS_FREE`] failures (an office shares one) under the same
//! growing delay. A username guessed from many addresses gets [`USERNAME_FREE`] failures,
//! then attempts for it are spaced by [`USERNAME_SPACING`] — a pause, never a lock-out:
//! whoever guesses, the owner signing in from a clean address gets in after a few seconds
//! at most. Refused attempts are not counted as failures (they could not succeed), so no
//! one can keep an account locked by retrying.

use chrono::{NaiveDateTime, TimeDelta};

/// How far back failures count.
pub const WINDOW: TimeDelta = TimeDelta::minutes(15);
/// Failures of one username from one address before delays begin.
pub const PAIR_FREE: u64 = 5;
/// Failures from one address before delays begin.
pub const ADDRESS_FREE: u64 = 20;
/// Failures of one username from all addresses before attempts are spaced.
pub const USERNAME_FREE: u64 = 10;
/// The first delay; each further failure doubles it.
pub const FIRST_DELAY: TimeDelta = TimeDelta::seconds(30);
/// The longest delay.
pub const MAX_DELAY: TimeDelta = TimeDelta::minutes(15);
/// The pause between attempts for a username guessed from many addresses.
pub const USERNAME_SPACING: TimeDelta = TimeDelta::seconds(3);

/// Failures within the window: how many, and when the last was.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Failures {
    /// How many.
    pub count: u64,
    /// When the latest was.
    pub last: Option<NaiveDateTime>,
}

/// The recent failures that bear on one attempt.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RecentFailures {
    /// Of this username from this address.
    pub pair: Failures,
    /// From this address, whatever the username.
    pub address: Failures,
    /// Of this username, from any address.
    pub username: Failures,
}

/// How long the attempt at `now` must still wait; `None` when it may go ahead.
pub fn wait_before(recent: &RecentFailures, now: NaiveDateTime) -> Option<TimeDelta> {
    let waits = [
        growing(recent.pair, PAIR_FREE),
        growing(recent.address, ADDRESS_FREE),
        spaced(recent.username),
    ];
    waits
        .into_iter()
        .flatten()
        .map(|until| until - now)
        .filter(|left| *left > TimeDelta::zero())
        .max()
}

/// How many more failures `recent` allows before attempts from this address must wait: `1`
/// is the last attempt before a delay, which the sign-in page warns about.
pub fn failures_before_wait(recent: &RecentFailures) -> u64 {
    let pair = PAIR_FREE.saturating_sub(recent.pair.count);
    let address = ADDRESS_FREE.saturating_sub(recent.address.count);
    pair.min(address)
}

/// When attempts may go on after `failures` beyond `free`, delayed by a doubling delay.
fn growing(failures: Failures, free: u64) -> Option<NaiveDateTime> {
    let beyond = failures.count.checked_sub(free)?;
    let doublings = u32::try_from(beyond).unwrap_or(u32::MAX).min(16);
    let delay = FIRST_DELAY
        .checked_mul(1 << doublings)
        .unwrap_or(MAX_DELAY)
        .min(MAX_DELAY);
    Some(failures.last? + delay)
}

/// When the next attempt for a username guessed from many addresses may go on.
fn spaced(failures: Failures) -> Option<NaiveDateTime> {
    (failures.count >= USERNAME_FREE).then_some(failures.last? + USERNAME_SPACING)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(seconds: i64) -> NaiveDateTime {
        chrono::DateTime::from_timestamp(1_700_000_000 + seconds, 0)
            .unwrap()
            .naive_utc()
    }

    fn failures(count: u64, last: i64) -> Failures {
        Failures {
            count,
            last: Some(t(last)),
        }
    }

    #[test]
    fn a_pair_gets_five_failures_then_a_delay_that_doubles() {
        let mut recent = RecentFailures {
            pair: failures(4, 0),
            ..Default::default()
        };
        assert_eq!(wait_before(&recent, t(1)), None);
        recent.pair = failures(5, 0);
        assert_eq!(wait_before(&recent, t(1)), Some(TimeDelta::seconds(29)));
        assert_eq!(wait_before(&recent, t(30)), None);
        recent.pair = failures(7, 100);
        assert_eq!(wait_before(&recent, t(100)), Some(TimeDelta::seconds(120)));
        recent.pair = failures(40, 100);
        assert_eq!(wait_before(&recent, t(100)), Some(MAX_DELAY));
    }

    #[test]
    fn the_attempts_left_before_a_wait_are_the_fewest_of_the_pair_and_the_address() {
        let mut recent = RecentFailures {
            pair: failures(4, 0),
            address: failures(4, 0),
            username: failures(9, 0),
        };
        assert_eq!(failures_before_wait(&recent), 1);
        recent.address = failures(19, 0);
        recent.pair = failures(1, 0);
        assert_eq!(failures_before_wait(&recent), 1);
        recent.pair = failures(7, 0);
        assert_eq!(failures_before_wait(&recent), 0);
        assert_eq!(failures_before_wait(&RecentFailures::default()), PAIR_FREE);
    }

    #[test]
    fn a_username_guessed_from_everywhere_is_only_spaced_never_locked() {
        let recent = RecentFailures {
            username: failures(500, 0),
            ..Default::default()
        };
        assert_eq!(wait_before(&recent, t(1)), Some(TimeDelta::seconds(2)));
        assert_eq!(wait_before(&recent, t(3)), None, "the owner gets in");
    }

    #[test]
    fn an_address_gets_twenty_failures_and_the_longest_wait_wins() {
        let recent = RecentFailures {
            pair: failures(5, 10),
            address: failures(22, 10),
            username: failures(10, 10),
        };
        assert_eq!(wait_before(&recent, t(10)), Some(TimeDelta::seconds(120)));
    }
}

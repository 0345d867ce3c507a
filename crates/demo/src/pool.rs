//! A set of member indices with O(1) insert, remove and random draw.
//!
//! Events pick "a random member who …" thousands of times; drawing from a pool with a
//! bounded number of rejections, then scanning once, keeps that linear in the events
//! instead of members × events.

use rand::Rng;

const ABSENT: usize = usize::MAX;
const DRAWS_BEFORE_SCAN: usize = 400;

/// Member indices currently eligible for some kind of event.
#[derive(Debug, Default, Clone)]
pub(crate) struct Pool {
    items: Vec<usize>,
    slots: Vec<usize>,
}

impl Pool {
    /// Adds `member` (no effect if present).
    pub fn insert(&mut self, member: usize) {
        if self.slots.len() <= member {
            self.slots.resize(member + 1, ABSENT);
        }
        if self.slots.get(member) == Some(&ABSENT) {
            if let Some(slot) = self.slots.get_mut(member) {
                *slot = self.items.len();
            }
            self.items.push(member);
        }
    }

    /// Removes `member` (no effect if absent).
    pub fn remove(&mut self, member: usize) {
        let Some(&slot) = self.slots.get(member) else {
            return;
        };
        if slot == ABSENT {
            return;
        }
        self.items.swap_remove(slot);
        if let Some(&moved) = self.items.get(slot)
            && let Some(moved_slot) = self.slots.get_mut(moved)
        {
            *moved_slot = slot;
        }
        if let Some(old) = self.slots.get_mut(member) {
            *old = ABSENT;
        }
    }

    /// Number of members in the pool.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// A random member that is `eligible` and passes the random `accept` test; after a
    /// bounded number of draws, the first eligible one from a random starting point.
    pub fn find<R: Rng>(
        &self,
        rng: &mut R,
        eligible: impl Fn(usize) -> bool,
        accept: impl Fn(&mut R, usize) -> bool,
    ) -> Option<usize> {
        let len = self.items.len();
        if len == 0 {
            return None;
        }
        for _ in 0..DRAWS_BEFORE_SCAN {
            let Some(&member) = self.items.get(rng.random_range(0..len)) else {
                continue;
            };
            if eligible(member) && accept(rng, member) {
                return Some(member);
            }
        }
        let start = rng.random_range(0..len);
        (0..len)
            .filter_map(|k| self.items.get((start + k) % len).copied())
            .find(|&member| eligible(member))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand_chacha::ChaCha8Rng;

    #[test]
    fn removal_keeps_the_other_members() {
        let mut pool = Pool::default();
        for m in [3, 7, 1, 9] {
            pool.insert(m);
        }
        pool.insert(7);
        assert_eq!(pool.len(), 4);
        pool.remove(3);
        pool.remove(3);
        pool.remove(42);
        assert_eq!(pool.len(), 3);
        let mut rng = ChaCha8Rng::seed_from_u64(1);
        for wanted in [7, 1, 9] {
            assert_eq!(
                pool.find(&mut rng, |m| m == wanted, |_, _| true),
                Some(wanted)
            );
        }
        assert_eq!(pool.find(&mut rng, |m| m == 3, |_, _| true), None);
    }

    #[test]
    fn a_rare_eligible_member_is_found_by_the_scan() {
        let mut pool = Pool::default();
        for m in 0..10_000 {
            pool.insert(m);
        }
        let mut rng = ChaCha8Rng::seed_from_u64(2);
        let found = pool.find(&mut rng, |m| m == 4321, |_, _| true);
        assert_eq!(found, Some(4321));
    }
}

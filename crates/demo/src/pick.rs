//! Weighted random choices, the one sampling primitive the generator builds on.

use rand::Rng;

/// One of `options`, each with a relative weight; `fallback` when every weight is zero.
pub(crate) fn weighted<T: Copy>(rng: &mut impl Rng, options: &[(T, u32)], fallback: T) -> T {
    weighted_index(rng, options.iter().map(|(_, w)| *w))
        .and_then(|i| options.get(i))
        .map_or(fallback, |(value, _)| *value)
}

/// The index of one of `weights`, chosen in proportion to them; `None` when all are zero.
pub(crate) fn weighted_index(
    rng: &mut impl Rng,
    weights: impl Iterator<Item = u32> + Clone,
) -> Option<usize> {
    let total: u64 = weights.clone().map(u64::from).sum();
    if total == 0 {
        return None;
    }
    let mut roll = rng.random_range(0..total);
    for (index, weight) in weights.enumerate() {
        let weight = u64::from(weight);
        if roll < weight {
            return Some(index);
        }
        roll -= weight;
    }
    None
}

/// A value close to a standard normal one (sum of twelve uniforms, the Irwin–Hall way).
pub(crate) fn normal(rng: &mut impl Rng) -> f64 {
    (0..12).map(|_| rng.random::<f64>()).sum::<f64>() - 6.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand_chacha::ChaCha8Rng;

    #[test]
    fn zero_weights_are_never_chosen() {
        let mut rng = ChaCha8Rng::seed_from_u64(1);
        for _ in 0..500 {
            assert_eq!(
                weighted(&mut rng, &[("a", 0), ("b", 3), ("c", 0)], "z"),
                "b"
            );
        }
        assert_eq!(weighted(&mut rng, &[("a", 0)], "z"), "z");
        assert_eq!(weighted_index(&mut rng, [0u32, 0].into_iter()), None);
    }

    #[test]
    fn choices_follow_their_weights() {
        let mut rng = ChaCha8Rng::seed_from_u64(2);
        let heavy = (0..4000)
            .filter(|_| weighted(&mut rng, &[(1, 1), (2, 3)], 0) == 2)
            .count();
        assert!((2800..3200).contains(&heavy), "{heavy}");
    }
}

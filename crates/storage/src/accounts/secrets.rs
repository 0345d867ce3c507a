//! Secrets: random tokens, their SHA-256, and argon2id password hashes.
//!
//! Session tokens and API secrets are 256 random bits from the operating system; only their
//! SHA-256 is stored, so a copy of the database signs nobody in. Passwords are argon2id PHC
//! strings with the crate's default parameters. Types that hold a secret print as
//! `<redacted>` so that no log or panic message can leak one.

use crate::StoreError;
use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use dangvu_domain::actor::NewPassword;
use sha2::{Digest, Sha256};

/// Random bytes from the operating system.
pub(crate) fn random_bytes<const N: usize>() -> Result<[u8; N], StoreError> {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes)
        .map_err(|e| StoreError::Crypto(format!("no random source: {e}")))?;
    Ok(bytes)
}

/// Lower-case hexadecimal.
pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The SHA-256 of `text`, in hexadecimal.
pub(crate) fn sha256_hex(text: &[u8]) -> String {
    hex(&Sha256::digest(text))
}

macro_rules! secret_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, PartialEq, Eq)]
        pub struct $name(String);

        impl $name {
            /// The secret itself, to hand to its owner once (a cookie, a terminal).
            pub fn expose(&self) -> &str {
                &self.0
            }
        }

        impl std::fmt::Debug for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(concat!(stringify!($name), "(<redacted>)"))
            }
        }
    };
}

secret_type!(
    /// The token of a browser session (64 hexadecimal characters), for the cookie.
    SessionToken
);
secret_type!(
    /// The secret of an API token (`dvt_` and 64 hexadecimal characters), shown once.
    TokenSecret
);

/// Prefix of API token secrets, so that a leaked one is recognizable by scanners.
pub(crate) const TOKEN_PREFIX: &str = "dvt_";

/// A new session token.
pub(crate) fn new_session_token() -> Result<SessionToken, StoreError> {
    Ok(SessionToken(hex(&random_bytes::<32>()?)))
}

/// A new API token secret.
pub(crate) fn new_token_secret() -> Result<TokenSecret, StoreError> {
    Ok(TokenSecret(format!(
        "{TOKEN_PREFIX}{}",
        hex(&random_bytes::<32>()?)
    )))
}

/// Letters of generated passwords: no `0/o`, `1/l/i` to misread.
const PASSWORD_ALPHABET: &[u8; 32] = b"abcdefghjkmnpqrstuvwxyz23456789-";

/// A random password of 20 characters (100 bits), shown once to its owner.
pub(crate) fn generated_password() -> Result<NewPassword, StoreError> {
    let bytes = random_bytes::<20>()?;
    let text: String = bytes
        .iter()
        .map(|b| char::from(PASSWORD_ALPHABET[usize::from(b % 32)]))
        .collect();
    NewPassword::parse(&text).map_err(|e| StoreError::Invalid(e.to_string()))
}

/// The argon2id PHC string of `password`, with a random salt.
pub(crate) fn hash_password(password: &NewPassword) -> Result<String, StoreError> {
    let salt = SaltString::encode_b64(&random_bytes::<16>()?)
        .map_err(|e| StoreError::Crypto(format!("salt: {e}")))?;
    Argon2::default()
        .hash_password(password.expose().as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|e| StoreError::Crypto(format!("password hashing: {e}")))
}

/// Whether `password` matches the stored PHC string. A malformed stored hash matches
/// nothing.
pub(crate) fn verify_password(stored: &str, password: &str) -> bool {
    match PasswordHash::new(stored) {
        Ok(hash) => Argon2::default()
            .verify_password(password.as_bytes(), &hash)
            .is_ok(),
        Err(_) => false,
    }
}

/// A hash with the default parameters that no password is known to match, verified when
/// the username is unknown so that the answer takes as long as for a real account.
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$ZGFuZ3Z1LWR1bW15LXNhbHQ$IuEhqcUQbM9hXGiAZIKakvyYwM6Agk6MxQ4sTyM6UYA";

/// Spends the time of one verification, for an unknown username.
pub(crate) fn verify_dummy(password: &str) {
    let _ = verify_password(DUMMY_HASH, password);
}

#[cfg(test)]
mod tests {
    use super::*;
    use argon2::Params;

    #[test]
    fn a_password_verifies_against_its_own_hash_only() {
        let pw = NewPassword::parse("mật khẩu đủ dài").unwrap();
        let hash = hash_password(&pw).unwrap();
        assert!(hash.starts_with("$argon2id$"), "{hash}");
        assert!(!hash.contains("mật"));
        assert!(verify_password(&hash, "mật khẩu đủ dài"));
        assert!(!verify_password(&hash, "mật khẩu đủ dài "));
        assert_ne!(hash, hash_password(&pw).unwrap(), "salts differ");
        assert!(!verify_password("not a hash", "anything"));
    }

    #[test]
    fn the_dummy_hash_costs_what_a_real_one_costs() {
        let dummy = PasswordHash::new(DUMMY_HASH).unwrap();
        let params = Params::try_from(&dummy).unwrap();
        assert_eq!(params.m_cost(), Params::default().m_cost());
        assert_eq!(params.t_cost(), Params::default().t_cost());
        assert_eq!(params.p_cost(), Params::default().p_cost());
        assert_eq!(dummy.algorithm.as_str(), "argon2id");
    }

    #[test]
    fn tokens_are_random_and_never_printed() {
        let a = new_session_token().unwrap();
        let b = new_session_token().unwrap();
        assert_ne!(a, b);
        assert_eq!(a.expose().len(), 64);
        assert!(!format!("{a:?}").contains(a.expose()));
        let secret = new_token_secret().unwrap();
        assert!(secret.expose().starts_with(TOKEN_PREFIX));
        assert_eq!(format!("{secret:?}"), "TokenSecret(<redacted>)");
        let pw = generated_password().unwrap();
        assert_eq!(pw.expose().chars().count(), 20);
    }

    #[test]
    fn sha256_is_the_standard_one() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}

//! Pseudonymisation: replace every id in an instance with a keyed hash, so that an instance can
//! leave the organisation that holds the key (to a researcher, into a bug report) without ids
//! that lead back to people. See docs/privacy.md.

use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::model::{HostId, Instance, ProviderId, SeekerId};

/// Hex digits kept of each keyed hash: 80 bits, so a collision among a million ids has a
/// probability below 10^-12.
const KEPT_HEX_DIGITS: usize = 20;

/// Replaces ids with keyed hashes (HMAC-SHA-256), the same id always with the same pseudonym
/// under the same key, so references (preferences, blocks, history, constraints) stay intact.
#[derive(Clone)]
pub struct Pseudonymizer {
    mac: Hmac<Sha256>,
}

impl std::fmt::Debug for Pseudonymizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Pseudonymizer { key: <hidden> }")
    }
}

impl Pseudonymizer {
    /// A pseudonymizer with a secret key (keep it to map results back; at least 16 bytes of
    /// randomness is recommended).
    #[must_use]
    pub fn new(key: &[u8]) -> Self {
        Self {
            mac: Hmac::<Sha256>::new_from_slice(key).expect("HMAC accepts keys of any length"),
        }
    }

    /// The pseudonym of an id of a kind (`s` seeker, `p` provider, `h` host): the kind, an
    /// underscore and 20 hex digits.
    #[must_use]
    pub fn pseudonym(&self, kind: &str, id: &str) -> String {
        let mut mac = self.mac.clone();
        mac.update(kind.as_bytes());
        mac.update(&[0]);
        mac.update(id.as_bytes());
        let digest = mac.finalize().into_bytes();
        let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
        format!("{kind}_{}", &hex[..KEPT_HEX_DIGITS])
    }

    fn seeker(&self, id: &SeekerId) -> SeekerId {
        self.pseudonym("s", id.as_str()).into()
    }

    fn provider(&self, id: &ProviderId) -> ProviderId {
        self.pseudonym("p", id.as_str()).into()
    }

    fn host(&self, id: &str) -> HostId {
        self.pseudonym("h", id).into()
    }

    /// The instance with every seeker, provider and host id replaced, everywhere it occurs.
    /// A provider without a host gets a host pseudonym derived from its id, so history that
    /// refers to the provider's id still matches.
    #[must_use]
    pub fn instance(&self, instance: &Instance) -> Instance {
        let mut out = instance.clone();
        for seeker in &mut out.seekers {
            seeker.id = self.seeker(&seeker.id);
            seeker.preferences = seeker
                .preferences
                .iter()
                .map(|p| self.provider(p))
                .collect();
            seeker.blocked = seeker.blocked.iter().map(|p| self.provider(p)).collect();
        }
        for provider in &mut out.providers {
            provider.host = Some(self.host(provider.history_key()));
            provider.id = self.provider(&provider.id);
            provider.preferences = provider
                .preferences
                .iter()
                .map(|s| self.seeker(s))
                .collect();
            provider.blocked = provider.blocked.iter().map(|s| self.seeker(s)).collect();
        }
        for meeting in &mut out.history.meetings {
            meeting.seeker = self.seeker(&meeting.seeker);
            meeting.host = self.host(meeting.host.as_str());
        }
        let constraints = &mut out.constraints;
        for set in constraints
            .keep_together
            .iter_mut()
            .chain(constraints.keep_apart.iter_mut())
        {
            *set = set.iter().map(|s| self.seeker(s)).collect();
        }
        for lock in &mut constraints.locked {
            lock.seeker = self.seeker(&lock.seeker);
            lock.provider = self.provider(&lock.provider);
        }
        out
    }
}

/// Pseudonymise an instance with a key: see [`Pseudonymizer::instance`].
#[must_use]
pub fn pseudonymize(instance: &Instance, key: &[u8]) -> Instance {
    Pseudonymizer::new(key).instance(instance)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::{Params, dinners};
    use crate::graph::CandidateGraph;

    #[test]
    fn ids_are_replaced_everywhere_and_the_graph_is_unchanged() {
        let mut instance = dinners(&Params {
            size: 80,
            ..Params::default()
        });
        instance.seekers[0].preferences = vec![instance.providers[3].id.clone()];
        instance.constraints.keep_apart = vec![vec![
            instance.seekers[1].id.clone(),
            instance.seekers[2].id.clone(),
        ]];
        let hidden = pseudonymize(&instance, b"a secret key of the programme");
        crate::validate::validate(&hidden).unwrap();
        let text = serde_json::to_string(&hidden).unwrap();
        for seeker in &instance.seekers {
            assert!(
                !text.contains(&format!("\"{}\"", seeker.id)),
                "{} leaked",
                seeker.id
            );
        }
        for provider in &instance.providers {
            assert!(!text.contains(&format!("\"{}\"", provider.id)));
        }
        let before: Vec<(u32, u32, f64)> = CandidateGraph::build(&instance)
            .unwrap()
            .candidates()
            .map(|c| (c.seeker, c.provider, c.score))
            .collect();
        let after: Vec<(u32, u32, f64)> = CandidateGraph::build(&hidden)
            .unwrap()
            .candidates()
            .map(|c| (c.seeker, c.provider, c.score))
            .collect();
        assert_eq!(before, after);
    }

    #[test]
    fn the_key_decides_the_pseudonym() {
        let a = Pseudonymizer::new(b"key one");
        let b = Pseudonymizer::new(b"key two");
        assert_eq!(a.pseudonym("s", "anna"), a.pseudonym("s", "anna"));
        assert_ne!(a.pseudonym("s", "anna"), b.pseudonym("s", "anna"));
        assert_ne!(a.pseudonym("s", "anna"), a.pseudonym("p", "anna"));
        assert_eq!(a.pseudonym("s", "anna").len(), 2 + KEPT_HEX_DIGITS);
        assert_eq!(format!("{a:?}"), "Pseudonymizer { key: <hidden> }");
    }
}

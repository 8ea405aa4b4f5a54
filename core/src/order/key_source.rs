//! How the order's key pair and CSR come about: made in this browser, pasted, or (Huawei
//! only) made by the provider, which then holds the private key.

use super::draft::OrderDraft;
use crate::csr::CheckedCsr;

/// The person's answer to "how will you provide the CSR?".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsrSource {
    Generate,
    Paste,
    /// The provider makes the key pair (Huawei's `key_algorithm`, no `csr`).
    Provider,
}

impl CsrSource {
    pub const ALL: [CsrSource; 3] = [CsrSource::Generate, CsrSource::Paste, CsrSource::Provider];

    pub fn slug(self) -> &'static str {
        match self {
            CsrSource::Generate => "generate",
            CsrSource::Paste => "paste",
            CsrSource::Provider => "provider",
        }
    }

    pub fn from_slug(slug: &str) -> Option<CsrSource> {
        CsrSource::ALL.into_iter().find(|s| s.slug() == slug)
    }

    /// The choices offered, the recommended one first; the provider's own key pair only
    /// where it makes one (`Provider::makes_key_pairs`, and its API carries the choice).
    pub fn offered(provider_makes_keys: bool) -> Vec<CsrSource> {
        CsrSource::ALL
            .into_iter()
            .filter(|s| *s != CsrSource::Provider || provider_makes_keys)
            .collect()
    }

    /// The draft's choice. A draft saved before the question existed that holds a CSR
    /// reads as pasted, so nothing typed then is asked again.
    pub fn of(draft: &OrderDraft) -> Option<CsrSource> {
        CsrSource::from_slug(&draft.csr_source)
            .or_else(|| (!draft.csr.trim().is_empty()).then_some(CsrSource::Paste))
    }
}

/// The key pair Huawei makes when no CSR is sent (`key_algorithm`; Huawei's default is
/// RSA_2048). The values are those Huawei's SCM documents for the key pairs it makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum KeyAlgorithm {
    #[default]
    Rsa2048,
    Rsa3072,
    Rsa4096,
    EcP256,
    EcP384,
}

impl KeyAlgorithm {
    pub const ALL: [KeyAlgorithm; 5] = [
        KeyAlgorithm::Rsa2048,
        KeyAlgorithm::Rsa3072,
        KeyAlgorithm::Rsa4096,
        KeyAlgorithm::EcP256,
        KeyAlgorithm::EcP384,
    ];

    /// The value sent as `key_algorithm`, also the draft's.
    pub fn wire(self) -> &'static str {
        match self {
            KeyAlgorithm::Rsa2048 => "RSA_2048",
            KeyAlgorithm::Rsa3072 => "RSA_3072",
            KeyAlgorithm::Rsa4096 => "RSA_4096",
            KeyAlgorithm::EcP256 => "EC_P256",
            KeyAlgorithm::EcP384 => "EC_P384",
        }
    }

    pub fn from_wire(raw: &str) -> Option<KeyAlgorithm> {
        KeyAlgorithm::ALL.into_iter().find(|k| k.wire() == raw)
    }

    /// The draft's choice; none (or one no longer offered) is Huawei's default.
    pub fn of(draft: &OrderDraft) -> KeyAlgorithm {
        KeyAlgorithm::from_wire(&draft.key_algorithm).unwrap_or_default()
    }

    /// The choice as offered (names of algorithms read the same in every language).
    pub fn label(self) -> &'static str {
        match self {
            KeyAlgorithm::Rsa2048 => "RSA 2048",
            KeyAlgorithm::Rsa3072 => "RSA 3072",
            KeyAlgorithm::Rsa4096 => "RSA 4096",
            KeyAlgorithm::EcP256 => "ECDSA P-256",
            KeyAlgorithm::EcP384 => "ECDSA P-384",
        }
    }
}

/// Where a validated order's key pair comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeySource {
    /// The person holds the key; the CSR was checked (boxed: it is far larger than the other).
    Csr(Box<CheckedCsr>),
    /// The provider makes the key pair and holds the private key.
    Provider(KeyAlgorithm),
}

impl KeySource {
    pub fn csr(&self) -> Option<&CheckedCsr> {
        match self {
            KeySource::Csr(csr) => Some(csr.as_ref()),
            KeySource::Provider(_) => None,
        }
    }

    /// The CSR as sent. Only Huawei orders can be without one (`Provider::makes_key_pairs`),
    /// and only its adapter sends none; the others never see a `Provider` source.
    pub fn pem(&self) -> &str {
        self.csr().map_or("", |csr| csr.pem.as_str())
    }

    pub fn key_algorithm(&self) -> Option<KeyAlgorithm> {
        match self {
            KeySource::Csr(_) => None,
            KeySource::Provider(algorithm) => Some(*algorithm),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::order::Provider;

    #[test]
    fn only_huawei_offers_to_make_the_key_pair() {
        assert_eq!(
            CsrSource::offered(Provider::Huawei.profile().makes_key_pairs),
            [CsrSource::Generate, CsrSource::Paste, CsrSource::Provider]
        );
        for provider in [Provider::GoGetSsl, Provider::Cpanel] {
            assert_eq!(
                CsrSource::offered(provider.profile().makes_key_pairs),
                [CsrSource::Generate, CsrSource::Paste]
            );
        }
    }

    #[test]
    fn the_choice_reads_from_the_draft_and_an_old_draft_with_a_csr_reads_as_pasted() {
        let mut draft = OrderDraft::default();
        assert_eq!(CsrSource::of(&draft), None);
        draft.csr = "-----BEGIN CERTIFICATE REQUEST-----".into();
        assert_eq!(CsrSource::of(&draft), Some(CsrSource::Paste));
        draft.csr_source = "generate".into();
        assert_eq!(CsrSource::of(&draft), Some(CsrSource::Generate));
        draft.csr_source = "provider".into();
        assert_eq!(CsrSource::of(&draft), Some(CsrSource::Provider));
    }

    #[test]
    fn the_key_algorithm_defaults_to_huaweis_rsa_2048() {
        let mut draft = OrderDraft::default();
        assert_eq!(KeyAlgorithm::of(&draft), KeyAlgorithm::Rsa2048);
        draft.key_algorithm = "EC_P384".into();
        assert_eq!(KeyAlgorithm::of(&draft), KeyAlgorithm::EcP384);
        draft.key_algorithm = "DSA_1024".into();
        assert_eq!(KeyAlgorithm::of(&draft), KeyAlgorithm::Rsa2048);
        for algorithm in KeyAlgorithm::ALL {
            assert_eq!(KeyAlgorithm::from_wire(algorithm.wire()), Some(algorithm));
        }
    }
}

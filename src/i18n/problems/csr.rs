//! The words for what the core finds in a CSR (`csr::check`, `csr::match_order`) and why
//! one could not be built (`csr::build`).

use crate::csr::build::{BuildError, KeyKind, SubjectPart};
use crate::csr::{CsrError, CsrNote, CsrWarning, Curve, PublicKey, SignatureAlgorithm};
use crate::i18n::Texts;

/// Why a pasted CSR cannot be used, as shown under the CSR field.
pub fn csr_error_words(e: &CsrError, texts: &Texts) -> String {
    let t = &texts.csr;
    match e {
        CsrError::Empty => t.error_empty.to_string(),
        CsrError::PrivateKey => t.error_private_key.to_string(),
        CsrError::Certificate => t.error_certificate.to_string(),
        CsrError::NotPem => t.error_not_pem.to_string(),
        CsrError::WrongLabel(label) => (t.error_wrong_label)(label),
        CsrError::Truncated => t.error_truncated.to_string(),
        CsrError::Base64 => t.error_base64.to_string(),
        CsrError::Der => t.error_der.to_string(),
        CsrError::TooLong { len, max } => (t.error_too_long)(*len, *max),
        CsrError::NoCommonName => t.error_no_common_name.to_string(),
        CsrError::WeakRsa(bits) => (t.error_weak_rsa)(*bits),
        CsrError::OddRsa(bits) => (t.error_odd_rsa)(*bits),
        CsrError::UnsupportedKey(key) => (t.error_unsupported_key)(&public_key_words(key, texts)),
        CsrError::BrokenHash(hash) => (t.error_broken_hash)(hash.name()),
        CsrError::UnsupportedSignature(algorithm) => {
            (t.error_unsupported_signature)(&signature_algorithm_words(algorithm, texts))
        }
        CsrError::SignatureKeyMismatch => t.error_signature_key_mismatch.to_string(),
        CsrError::Mismatch { wanted, found } => (t.error_mismatch)(wanted, &found.join(", ")),
        CsrError::BadSignature => t.error_bad_signature.to_string(),
        CsrError::NotWildcard(common_name) => (t.error_not_wildcard)(common_name),
    }
}

/// A warning under the summary of an accepted CSR.
pub fn csr_warning_words(w: &CsrWarning, texts: &Texts) -> &'static str {
    match w {
        CsrWarning::CurveP521 => texts.csr.warning_p521,
    }
}

/// A note under the summary: names the CSR and the order do not share.
pub fn csr_note_words(n: &CsrNote, texts: &Texts) -> String {
    let t = &texts.csr;
    match n {
        CsrNote::NotInCsr(names) => (t.note_not_in_csr)(&names.join(", "), names.len()),
        CsrNote::ExtraInCsr(names) => (t.note_extra_in_csr)(&names.join(", "), names.len()),
    }
}

/// A CSR's key, as its summary row and the refusals name it.
pub fn public_key_words(key: &PublicKey, texts: &Texts) -> String {
    match key {
        PublicKey::Rsa { bits } => (texts.csr.key_rsa)(*bits),
        PublicKey::Ec(curve) => format!("ECDSA {}", curve_words(curve, texts)),
        PublicKey::Ed25519 => "Ed25519".to_string(),
        PublicKey::Ed448 => "Ed448".to_string(),
        PublicKey::Other(oid) => (texts.csr.key_unknown)(oid),
    }
}

/// An elliptic curve, after "ECDSA ".
pub fn curve_words(curve: &Curve, texts: &Texts) -> String {
    match curve {
        Curve::P256 => "P-256".to_string(),
        Curve::P384 => "P-384".to_string(),
        Curve::P521 => "P-521".to_string(),
        Curve::Other(oid) => (texts.csr.curve_other)(oid),
        Curve::Explicit => (texts.csr.curve_other)(texts.csr.curve_explicit_parameters),
    }
}

/// How a CSR is signed, as its summary row and the refusals name it.
pub fn signature_algorithm_words(algorithm: &SignatureAlgorithm, texts: &Texts) -> String {
    match algorithm {
        SignatureAlgorithm::Rsa(hash) => (texts.csr.signature_rsa)(hash.name()),
        SignatureAlgorithm::Ecdsa(hash) => (texts.csr.signature_ecdsa)(hash.name()),
        SignatureAlgorithm::Ed25519 => "Ed25519".to_string(),
        SignatureAlgorithm::Other(oid) => (texts.csr.signature_unknown)(oid),
    }
}

/// A key type the browser can make, as its radio button says it.
pub fn key_kind_words(kind: KeyKind, texts: &Texts) -> &'static str {
    match kind {
        KeyKind::Rsa2048 => texts.csr.key_kind_rsa_2048,
        KeyKind::Rsa3072 => texts.csr.key_kind_rsa_3072,
        KeyKind::Rsa4096 => texts.csr.key_kind_rsa_4096,
        KeyKind::P256 => "ECDSA P-256",
        KeyKind::P384 => "ECDSA P-384",
    }
}

/// A part of the subject, as `build_too_long` names it.
pub fn subject_part_words(part: SubjectPart, texts: &Texts) -> &'static str {
    match part {
        SubjectPart::CommonName => texts.csr.part_common_name_domain,
        SubjectPart::State => texts.csr.part_state,
        SubjectPart::Locality => texts.csr.part_locality,
        SubjectPart::Organisation => texts.csr.part_organisation,
    }
}

/// Why a CSR could not be built in the browser, as the CSR step shows it.
pub fn build_error_words(e: &BuildError, texts: &Texts) -> String {
    let t = &texts.csr;
    match e {
        BuildError::NoCommonName => t.build_no_common_name.to_string(),
        BuildError::TooLong { part, len, max } => {
            (t.build_too_long)(subject_part_words(*part, texts), *len, *max)
        }
        BuildError::Country(country) => (t.build_country)(country),
        BuildError::DnsName(name) => (t.build_dns_name)(name),
        BuildError::PublicKey => t.build_public_key.to_string(),
        BuildError::SignatureLength {
            kind,
            len,
            expected,
        } => (t.build_signature_length)(key_kind_words(*kind, texts), *len, *expected),
        BuildError::EcdsaSignatureLength { len, expected } => {
            (t.build_signature_length)("ECDSA", *len, *expected)
        }
        BuildError::Encoding => t.build_encoding.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::csr::Hash;

    use crate::i18n::problems::check::{en, zh};

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|n| n.to_string()).collect()
    }

    /// One of each variant. The match fails to compile when a variant is added: add it here.
    fn every_csr_error() -> Vec<CsrError> {
        let all = vec![
            CsrError::Empty,
            CsrError::PrivateKey,
            CsrError::Certificate,
            CsrError::NotPem,
            CsrError::WrongLabel("PUBLIC KEY".into()),
            CsrError::Truncated,
            CsrError::Base64,
            CsrError::Der,
            CsrError::TooLong {
                len: 6000,
                max: 5120,
            },
            CsrError::NoCommonName,
            CsrError::WeakRsa(1024),
            CsrError::OddRsa(2050),
            CsrError::UnsupportedKey(PublicKey::Ed25519),
            CsrError::BrokenHash(Hash::Sha1),
            CsrError::UnsupportedSignature(SignatureAlgorithm::Other("1.2.3".into())),
            CsrError::SignatureKeyMismatch,
            CsrError::Mismatch {
                wanted: "www.example.org".into(),
                found: names(&["api.example.org"]),
            },
            CsrError::BadSignature,
            CsrError::NotWildcard("shop.example.com".into()),
        ];
        for e in &all {
            match e {
                CsrError::Empty
                | CsrError::PrivateKey
                | CsrError::Certificate
                | CsrError::NotPem
                | CsrError::WrongLabel(_)
                | CsrError::Truncated
                | CsrError::Base64
                | CsrError::Der
                | CsrError::TooLong { .. }
                | CsrError::NoCommonName
                | CsrError::WeakRsa(_)
                | CsrError::OddRsa(_)
                | CsrError::UnsupportedKey(_)
                | CsrError::BrokenHash(_)
                | CsrError::UnsupportedSignature(_)
                | CsrError::SignatureKeyMismatch
                | CsrError::Mismatch { .. }
                | CsrError::BadSignature
                | CsrError::NotWildcard(_) => {}
            }
        }
        all
    }

    /// One of each variant, as above.
    fn every_build_error() -> Vec<BuildError> {
        let all = vec![
            BuildError::NoCommonName,
            BuildError::TooLong {
                part: SubjectPart::Organisation,
                len: 65,
                max: 64,
            },
            BuildError::Country("UK ".into()),
            BuildError::DnsName("bücher.example".into()),
            BuildError::PublicKey,
            BuildError::SignatureLength {
                kind: KeyKind::Rsa2048,
                len: 64,
                expected: 256,
            },
            BuildError::EcdsaSignatureLength {
                len: 63,
                expected: 64,
            },
            BuildError::Encoding,
        ];
        for e in &all {
            match e {
                BuildError::NoCommonName
                | BuildError::TooLong { .. }
                | BuildError::Country(_)
                | BuildError::DnsName(_)
                | BuildError::PublicKey
                | BuildError::SignatureLength { .. }
                | BuildError::EcdsaSignatureLength { .. }
                | BuildError::Encoding => {}
            }
        }
        all
    }

    /// Each `(English, Chinese)` pair is non-empty and not the same words in both.
    fn assert_said_in_both(pairs: impl IntoIterator<Item = (String, String)>) {
        for (english, chinese) in pairs {
            assert!(!english.trim().is_empty(), "empty English");
            assert!(!chinese.trim().is_empty(), "empty Chinese for {english}");
            assert_ne!(english, chinese);
        }
    }

    #[test]
    fn every_csr_refusal_has_its_own_english_and_chinese_words() {
        let all = every_csr_error();
        let kinds: std::collections::HashSet<_> = all.iter().map(std::mem::discriminant).collect();
        assert_eq!(kinds.len(), all.len(), "one sample per variant");
        assert_said_in_both(
            all.iter()
                .map(|e| (csr_error_words(e, en()), csr_error_words(e, zh()))),
        );
        let english: std::collections::HashSet<_> =
            all.iter().map(|e| csr_error_words(e, en())).collect();
        assert_eq!(english.len(), all.len(), "no two refusals read the same");
    }

    #[test]
    fn every_build_refusal_note_and_warning_has_english_and_chinese_words() {
        assert_said_in_both(
            every_build_error()
                .iter()
                .map(|e| (build_error_words(e, en()), build_error_words(e, zh()))),
        );
        let notes = [
            CsrNote::NotInCsr(names(&["a.example"])),
            CsrNote::ExtraInCsr(names(&["b.example"])),
        ];
        assert_said_in_both(
            notes
                .iter()
                .map(|n| (csr_note_words(n, en()), csr_note_words(n, zh()))),
        );
        let warning = CsrWarning::CurveP521;
        assert_said_in_both([(
            csr_warning_words(&warning, en()).to_string(),
            csr_warning_words(&warning, zh()).to_string(),
        )]);
    }

    #[test]
    fn refusals_read_as_they_always_have() {
        assert_eq!(
            csr_error_words(&CsrError::WeakRsa(1024), zh()),
            "CSR 的 RSA 密钥为 1024 位，证书颁发机构要求至少 2048 位。请生成 2048 位或以上的新密钥（或 EC P-256 密钥），并用它生成 CSR"
        );
        assert_eq!(
            csr_error_words(&CsrError::NoCommonName, en()),
            "The CSR has no Common Name (CN). Generate a new CSR with the domain name as its Common Name"
        );
        assert_eq!(
            csr_error_words(
                &CsrError::Mismatch {
                    wanted: "c.example".into(),
                    found: names(&["a.example", "b.example"]),
                },
                en()
            ),
            "The CSR is for a.example, b.example, not c.example. Generate a CSR for c.example, or change the domain name to match it"
        );
        let curve = CsrError::UnsupportedKey(PublicKey::Ec(Curve::Other("1.3.132.0.10".into())));
        assert!(csr_error_words(&curve, en())
            .starts_with("The CSR's key uses ECDSA curve 1.3.132.0.10, which"));
        assert!(csr_error_words(&CsrError::BrokenHash(Hash::Md5), en())
            .starts_with("The CSR is signed with MD5, which is broken"));
    }

    #[test]
    fn notes_name_every_name_and_count_them() {
        assert_eq!(
            csr_note_words(
                &CsrNote::NotInCsr(names(&["api.example.com", "cdn.example.com"])),
                en()
            ),
            "Not in the CSR: api.example.com, cdn.example.com. The order still asks for them; some CAs read names from the CSR only, so a CSR that lists every name is safest."
        );
        assert_eq!(
            csr_note_words(&CsrNote::ExtraInCsr(names(&["example.com"])), en()),
            "The CSR also names example.com, which the order does not include: the certificate will not cover it."
        );
        assert_eq!(
            csr_note_words(&CsrNote::ExtraInCsr(names(&["www.shop.example.com"])), zh()),
            "CSR 还包含 www.shop.example.com，但订单中没有：证书将不包含该域名。"
        );
        assert!(csr_warning_words(&CsrWarning::CurveP521, zh()).starts_with("密钥使用 P-521 曲线"));
    }

    #[test]
    fn keys_and_signatures_are_named_in_each_language() {
        let rsa = PublicKey::Rsa { bits: 2048 };
        assert_eq!(public_key_words(&rsa, zh()), "RSA 2048 位");
        assert_eq!(public_key_words(&rsa, en()), "RSA 2048 bits");
        assert_eq!(
            signature_algorithm_words(&SignatureAlgorithm::Ecdsa(Hash::Sha256), zh()),
            "ECDSA（SHA-256）"
        );
        assert_eq!(
            signature_algorithm_words(&SignatureAlgorithm::Rsa(Hash::Sha384), en()),
            "RSA with SHA-384"
        );
        assert_eq!(
            public_key_words(&PublicKey::Ec(Curve::P256), zh()),
            "ECDSA P-256"
        );
        assert_eq!(
            public_key_words(&PublicKey::Ec(Curve::Other("1.2.3".into())), en()),
            "ECDSA curve 1.2.3"
        );
        assert_eq!(
            public_key_words(&PublicKey::Ec(Curve::Explicit), en()),
            "ECDSA curve explicit parameters"
        );
        assert_eq!(
            public_key_words(&PublicKey::Other("1.2.3.4".into()), en()),
            "an unknown key type (1.2.3.4)"
        );
    }

    #[test]
    fn build_refusals_and_key_types_read_as_they_always_have() {
        assert_eq!(
            build_error_words(
                &BuildError::TooLong {
                    part: SubjectPart::CommonName,
                    len: 72,
                    max: 64
                },
                zh()
            ),
            "通用名称（即域名）长度为 72 个字符，证书中最多 64 个字符"
        );
        assert_eq!(
            build_error_words(&BuildError::PublicKey, zh()),
            "无法读取浏览器生成的公钥"
        );
        assert_eq!(
            build_error_words(&BuildError::Country("UK ".into()), en()),
            "The country must be a two-letter code such as GB, not \"UK \""
        );
        assert_eq!(
            build_error_words(
                &BuildError::SignatureLength {
                    kind: KeyKind::P384,
                    len: 64,
                    expected: 96
                },
                en()
            ),
            "The browser's signature has 64 bytes; a ECDSA P-384 signature has 96"
        );
        assert_eq!(key_kind_words(KeyKind::Rsa2048, zh()), "RSA 2048 位");
        assert_eq!(key_kind_words(KeyKind::Rsa2048, en()), "RSA 2048-bit");
        assert_eq!(key_kind_words(KeyKind::P256, en()), "ECDSA P-256");
    }
}

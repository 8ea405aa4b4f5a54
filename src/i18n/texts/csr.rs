//! Pasted and generated CSRs and keys (see `super::Texts::csr`).

pub struct CsrTexts {
    // Reading a pasted CSR (`csr::CsrError`), shown under the CSR field.
    /// The CSR field is empty.
    pub error_empty: &'static str,
    /// A private key was pasted into the CSR field (it was cleared).
    pub error_private_key: &'static str,
    /// A certificate was pasted instead of a CSR.
    pub error_certificate: &'static str,
    /// The text is not a PEM block.
    pub error_not_pem: &'static str,
    /// A PEM block with another label; the parameter is the label.
    pub error_wrong_label: fn(&str) -> String,
    /// The END line is missing.
    pub error_truncated: &'static str,
    /// The body is not valid base64.
    pub error_base64: &'static str,
    /// The DER structure cannot be read.
    pub error_der: &'static str,
    /// The CSR is longer than the provider takes: (length, maximum), in characters.
    pub error_too_long: fn(usize, usize) -> String,
    /// The CSR has no Common Name.
    pub error_no_common_name: &'static str,
    /// An RSA key under 2048 bits; the parameter is its size.
    pub error_weak_rsa: fn(usize) -> String,
    /// An RSA key whose size is not a multiple of 8; the parameter is its size.
    pub error_odd_rsa: fn(usize) -> String,
    /// A key type CAs refuse; the parameter names it (see `key_*`, `curve_other`).
    pub error_unsupported_key: fn(&str) -> String,
    /// Signed with MD5 or SHA-1; the parameter is the hash's name.
    pub error_broken_hash: fn(&str) -> String,
    /// A signature algorithm CAs refuse; the parameter names it (see `signature_*`).
    pub error_unsupported_signature: fn(&str) -> String,
    /// The signature's algorithm does not fit the CSR's key.
    pub error_signature_key_mismatch: &'static str,
    /// The CSR does not name the order's domain: (wanted, the names it holds joined by ", ").
    pub error_mismatch: fn(&str, &str) -> String,
    /// The browser found the CSR's signature does not verify.
    pub error_bad_signature: &'static str,
    /// A wildcard product, but the CSR's Common Name (the parameter) is not a wildcard.
    pub error_not_wildcard: fn(&str) -> String,
    /// Note under the CSR summary for a P-521 key.
    pub warning_p521: &'static str,
    /// Note under the CSR summary: order names missing from the CSR (joined by ", "; count).
    pub note_not_in_csr: fn(&str, usize) -> String,
    /// Note under the CSR summary: names in the CSR the order lacks (joined by ", "; count).
    pub note_extra_in_csr: fn(&str, usize) -> String,

    // Naming keys and signatures (summary rows and the messages above).
    /// An RSA key of the given number of bits.
    pub key_rsa: fn(usize) -> String,
    /// A key type this reader does not know; the parameter is its OID.
    pub key_unknown: fn(&str) -> String,
    /// An elliptic curve by OID (after "ECDSA ").
    pub curve_other: fn(&str) -> String,
    /// Stands for the OID of a curve given by explicit parameters.
    pub curve_explicit_parameters: &'static str,
    /// RSA PKCS#1 v1.5 signature with the named hash.
    pub signature_rsa: fn(&str) -> String,
    /// ECDSA signature with the named hash.
    pub signature_ecdsa: fn(&str) -> String,
    /// A signature algorithm this reader does not know; the parameter is its OID.
    pub signature_unknown: fn(&str) -> String,

    // Building a CSR in the browser (`csr::build`).
    /// Radio label of the key type RSA 2048.
    pub key_kind_rsa_2048: &'static str,
    /// Radio label of the key type RSA 3072.
    pub key_kind_rsa_3072: &'static str,
    /// Radio label of the key type RSA 4096.
    pub key_kind_rsa_4096: &'static str,
    /// Generating without a domain name.
    pub build_no_common_name: &'static str,
    /// A subject part is too long: (part, see `part_*`; length; maximum).
    pub build_too_long: fn(&str, usize, usize) -> String,
    /// The country is not a two-letter code; the parameter is what was given.
    pub build_country: fn(&str) -> String,
    /// A name not in ASCII form; the parameter is the name.
    pub build_dns_name: fn(&str) -> String,
    /// The browser's public key is not DER.
    pub build_public_key: &'static str,
    /// The browser's signature has the wrong length: (key type, length, expected), in bytes.
    pub build_signature_length: fn(&str, usize, usize) -> String,
    /// The CSR could not be encoded.
    pub build_encoding: &'static str,
    /// The Common Name, as a part in `build_too_long`.
    pub part_common_name_domain: &'static str,
    /// The state, as a part in `build_too_long`.
    pub part_state: &'static str,
    /// The town, as a part in `build_too_long`.
    pub part_locality: &'static str,
    /// The organisation's name, as a part in `build_too_long`.
    pub part_organisation: &'static str,

    // The browser's WebCrypto and clipboard (`ui::keygen`).
    /// No WebCrypto on this page.
    pub keygen_unavailable: &'static str,
    /// A browser call failed: (step, see `step_*`; the browser's own message).
    pub keygen_browser: fn(&str, &str) -> String,
    /// Step: making the key pair.
    pub step_make_key_pair: &'static str,
    /// Step: signing the CSR.
    pub step_sign: &'static str,
    /// Step: offering a file for download.
    pub step_download: &'static str,
    /// Step: copying to the clipboard.
    pub step_copy: &'static str,
    /// Step: exporting the public key.
    pub step_export_public_key: &'static str,
    /// Step: exporting the private key.
    pub step_export_private_key: &'static str,
    /// The browser's message when the page has no clipboard.
    pub no_clipboard: &'static str,
    /// The browser's message when a result has no bytes.
    pub no_bytes: &'static str,
    /// The browser's message when the page has no body to put a download link in.
    pub no_page_body: &'static str,
    /// The browser's message when it gave none.
    pub unknown_error: &'static str,
    /// Status beside a Copy button once copied; the parameter says what (from the caller).
    pub copied: fn(&str) -> String,

    // The CSR step (`ui::steps::csr`).
    /// Intro, before the example openssl command.
    pub intro_before_command: &'static str,
    /// Intro, after the example openssl command.
    pub intro_after_command: &'static str,
    /// Alert after a private key was pasted into the CSR field.
    pub private_key_pasted: &'static str,
    /// Hint under the CSR field.
    pub paste_hint: &'static str,
    /// Summary row: the Common Name.
    pub row_common_name: &'static str,
    /// Summary row: the subjectAltNames.
    pub row_other_names: &'static str,
    /// Value of "Other names" when there are none.
    pub row_none: &'static str,
    /// Summary row: the key.
    pub row_key: &'static str,
    /// Summary row: the signature algorithm.
    pub row_signed_with: &'static str,
    /// Summary row: O.
    pub row_organisation: &'static str,
    /// Summary row: OU.
    pub row_department: &'static str,
    /// Summary row: L.
    pub row_locality: &'static str,
    /// Summary row: ST.
    pub row_state: &'static str,
    /// Summary row: C.
    pub row_country: &'static str,
    /// Summary row: emailAddress.
    pub row_email: &'static str,
    /// Summary row: the browser's signature check.
    pub row_signature: &'static str,
    /// The signature verified.
    pub signature_verified: &'static str,
    /// The signature did not verify.
    pub signature_failed: &'static str,
    /// The browser could not check the signature.
    pub signature_unchecked: &'static str,
    /// Button: take the CSR's names into the order.
    pub use_csr_names: &'static str,
    /// Button: take the CSR's organisation into the order.
    pub use_csr_organisation: &'static str,

    // Generating in the browser (`ui::steps::csr_generate`).
    /// Asked before leaving the page while a generated key is not saved.
    pub leave_warning: &'static str,
    /// Error when generating before the domain names read.
    pub names_first: &'static str,
    /// Status after the key was downloaded; the parameter is the file name.
    pub key_downloaded: fn(&str) -> String,
    /// Status after the key was copied.
    pub key_copied: &'static str,
    /// Hint under the P-256 key type.
    pub hint_p256: &'static str,
    /// Hint under the P-384 key type.
    pub hint_p384: &'static str,
    /// Hint under the RSA 2048 key type.
    pub hint_rsa_2048: &'static str,
    /// Hint under the RSA 3072 and 4096 key types.
    pub hint_rsa_larger: &'static str,
    /// The generated CSR is too long for the provider: (length, maximum), in characters.
    pub generated_too_long: fn(usize, usize) -> String,
    /// Status while generating.
    pub generating: &'static str,
    /// Status once generated.
    pub generated: &'static str,
    /// Heading of the generate panel.
    pub generate_heading: &'static str,
    /// Intro of the generate panel.
    pub generate_intro: &'static str,
    /// Note when the organisation is asked later and not yet filled in.
    pub organisation_later: &'static str,
    /// Legend of the key types.
    pub key_type: &'static str,
    /// Button that generates.
    pub generate_button: &'static str,
    /// Warning beside the generated key, its bold start.
    pub save_key_now: &'static str,
    /// Warning beside the generated key, the rest.
    pub save_key_now_rest: &'static str,
    /// Label of the generated private key.
    pub private_key_label: &'static str,
    /// Button: download the private key.
    pub download_key: &'static str,
    /// Button: copy the private key.
    pub copy_key: &'static str,
    /// Note when the CSR field no longer holds the generated CSR.
    pub csr_replaced: &'static str,

    // How the CSR is provided (`order::CsrSource`), asked first on the CSR step.
    /// Error: no way of providing the CSR was chosen.
    pub choose_source: &'static str,
    /// Error: "the provider makes the key pair" was chosen for a provider that cannot.
    pub provider_key_not_offered: &'static str,
    /// Error: "generate here" was chosen but nothing was generated yet.
    pub generate_first: &'static str,
    /// Choice: generate the key pair and CSR in this browser.
    pub source_generate: &'static str,
    pub source_generate_hint: &'static str,
    /// Choice: paste a CSR made elsewhere.
    pub source_paste: &'static str,
    pub source_paste_hint: &'static str,
    /// Choice (Huawei only): Huawei makes the key pair.
    pub source_provider: &'static str,
    pub source_provider_hint: &'static str,
    /// The step's heading for each choice.
    pub title_generate: &'static str,
    pub title_paste: &'static str,
    pub title_provider: &'static str,
    /// What choosing Huawei's key pair means: Huawei holds the private key.
    pub provider_key_intro: &'static str,
    /// Legend of the key types Huawei can make.
    pub provider_key_type: &'static str,
    /// Hint beside Huawei's default key type.
    pub provider_key_default: &'static str,
    /// Hint of the CSR field when the CSR is generated here.
    pub generated_field_hint: &'static str,
}

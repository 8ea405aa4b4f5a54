use crate::i18n::texts::CsrTexts;

/// "it" for one, "them" for more.
fn it_or_them(count: usize) -> &'static str {
    if count == 1 {
        "it"
    } else {
        "them"
    }
}

pub const CSR: CsrTexts = CsrTexts {
    error_empty: "Paste your certificate signing request: the text from -----BEGIN CERTIFICATE REQUEST----- to -----END CERTIFICATE REQUEST-----",
    error_private_key: "That is a private key, not a CSR. It has been cleared and was not saved or sent. Keep it secret; paste the CSR made with it instead",
    error_certificate: "That is a certificate, not a certificate signing request. Paste the CSR, which starts with -----BEGIN CERTIFICATE REQUEST-----",
    error_not_pem: "This is not a CSR in PEM form: paste the whole block including the -----BEGIN CERTIFICATE REQUEST----- and -----END CERTIFICATE REQUEST----- lines",
    error_wrong_label: |label| {
        format!("This PEM block is labelled \"{label}\", not CERTIFICATE REQUEST: paste the CSR instead")
    },
    error_truncated: "The CSR's -----END CERTIFICATE REQUEST----- line is missing: it may have been cut off, paste it again whole",
    error_base64: "The CSR's text is damaged (it is not valid base64): paste it again exactly as it was produced",
    error_der: "The CSR could not be read: its content is damaged, cut off, or not a certificate signing request. Paste it again exactly as produced, or generate a new one",
    error_too_long: |len, max| {
        format!("The CSR is {len} characters long; the provider accepts at most {max}. Generate a shorter one (fewer names, or an EC key)")
    },
    error_no_common_name: "The CSR has no Common Name (CN). Generate a new CSR with the domain name as its Common Name",
    error_weak_rsa: |bits| {
        format!("The CSR's RSA key has {bits} bits; certificate authorities require at least 2048. Generate a new key of 2048 bits or more (or an EC P-256 key) and a CSR with it")
    },
    error_odd_rsa: |bits| {
        format!("The CSR's RSA key has {bits} bits, which is not a multiple of 8; certificate authorities refuse such keys. Generate a new key of 2048, 3072 or 4096 bits")
    },
    error_unsupported_key: |key| {
        format!("The CSR's key uses {key}, which certificate authorities do not accept. Generate a new key: RSA of 2048 bits or more, or EC on curve P-256 or P-384")
    },
    error_broken_hash: |hash| {
        format!("The CSR is signed with {hash}, which is broken and refused by certificate authorities. Generate it again with SHA-256 (openssl req -sha256)")
    },
    error_unsupported_signature: |algorithm| {
        format!("The CSR is signed with {algorithm}, which certificate authorities do not accept. Generate it again with SHA-256 and an RSA or EC key")
    },
    error_signature_key_mismatch: "The CSR's signature is signed with a different kind of key than the one it carries: it is damaged. Generate a new CSR",
    error_mismatch: |wanted, found| {
        format!("The CSR is for {found}, not {wanted}. Generate a CSR for {wanted}, or change the domain name to match it")
    },
    error_bad_signature: "The CSR's signature does not match its content: it was altered or damaged after it was made. Paste it again exactly as produced, or generate a new one",
    error_not_wildcard: |common_name| {
        format!("This is a wildcard certificate, but the CSR's Common Name is {common_name}. Generate a CSR whose Common Name is the wildcard name, like *.example.com")
    },
    warning_p521: "The key is on curve P-521: the Baseline Requirements allow it, but some root programs (such as Mozilla's) do not, so some CAs refuse it. P-256 or P-384 is the safe choice",
    note_not_in_csr: |names, count| {
        format!(
            "Not in the CSR: {names}. The order still asks for {}; some CAs read names from the CSR only, so a CSR that lists every name is safest.",
            it_or_them(count)
        )
    },
    note_extra_in_csr: |names, count| {
        format!(
            "The CSR also names {names}, which the order does not include: the certificate will not cover {}.",
            it_or_them(count)
        )
    },

    key_rsa: |bits| format!("RSA {bits} bits"),
    key_unknown: |oid| format!("an unknown key type ({oid})"),
    curve_other: |oid| format!("curve {oid}"),
    curve_explicit_parameters: "explicit parameters",
    signature_rsa: |hash| format!("RSA with {hash}"),
    signature_ecdsa: |hash| format!("ECDSA with {hash}"),
    signature_unknown: |oid| format!("an unknown algorithm ({oid})"),

    key_kind_rsa_2048: "RSA 2048-bit",
    key_kind_rsa_3072: "RSA 3072-bit",
    key_kind_rsa_4096: "RSA 4096-bit",
    build_no_common_name: "Enter the domain name first: it becomes the CSR's Common Name",
    build_too_long: |part, len, max| {
        format!("The {part} is {len} characters long; a certificate holds at most {max}")
    },
    build_country: |country| {
        format!("The country must be a two-letter code such as GB, not \"{country}\"")
    },
    build_dns_name: |name| {
        format!("{name} cannot go into a CSR: a domain name must be in ASCII (xn--) form")
    },
    build_public_key: "The browser's public key could not be read",
    build_signature_length: |kind, len, expected| {
        format!("The browser's signature has {len} bytes; a {kind} signature has {expected}")
    },
    build_encoding: "The CSR could not be encoded",
    part_common_name_domain: "Common Name (the domain name)",
    part_state: "state or province",
    part_locality: "town or city",
    part_organisation: "organisation's name",

    keygen_unavailable: "This browser offers no Web Cryptography on this page (it needs HTTPS, or localhost). Generate the key and CSR on your server instead and paste the CSR",
    keygen_browser: |step, message| format!("The browser could not {step}: {message}"),
    step_make_key_pair: "make the key pair",
    step_sign: "sign the CSR",
    step_download: "offer the file as a download",
    step_copy: "copy the text",
    step_export_public_key: "export the public key",
    step_export_private_key: "export the private key",
    no_clipboard: "this page has no access to the clipboard; select the text and copy it instead",
    no_bytes: "it returned no bytes",
    no_page_body: "no page body",
    unknown_error: "unknown error",
    copied: |what| format!("Copied {what}."),

    intro_before_command: "Generate the CSR on your server (for example with ",
    intro_after_command: "), keep the key there, and paste only the CSR here.",
    private_key_pasted: "You pasted a private key. It has been removed from the page and was not saved or sent. Keep it secret, and paste the certificate signing request instead.",
    paste_hint: "Paste everything from -----BEGIN CERTIFICATE REQUEST----- to -----END CERTIFICATE REQUEST-----.",
    row_common_name: "Common Name",
    row_other_names: "Other names",
    row_none: "none",
    row_key: "Key",
    row_signed_with: "Signed with",
    row_organisation: "Organisation",
    row_department: "Department",
    row_locality: "Town or city",
    row_state: "State or province",
    row_country: "Country",
    row_email: "Email",
    row_signature: "Signature",
    signature_verified: "verified: the CSR is intact",
    signature_failed: "does not verify",
    signature_unchecked: "not checked by this browser",
    use_csr_names: "Use the CSR's names for the order",
    use_csr_organisation: "Use the CSR's organisation details",

    leave_warning: "The private key made on this page has not been saved. If you leave, it is lost.",
    names_first: "Enter the domain names first: go back to the Domains step, then generate the CSR here.",
    key_downloaded: |file| {
        format!("The private key was downloaded as {file}. Keep that file secret, on the server that will use the certificate.")
    },
    key_copied: "The private key was copied. Paste it into a file on the server that will use the certificate now, and keep it secret.",
    hint_p256: "Recommended: small and fast, accepted by every current browser and CA.",
    hint_p384: "A larger curve; slightly slower.",
    hint_rsa_2048: "For old software that does not accept ECDSA keys.",
    hint_rsa_larger: "Larger RSA keys: slower to make and to use.",
    generated_too_long: |len, max| {
        format!("The CSR is {len} characters long; the provider accepts at most {max}. Choose an ECDSA key, which makes a shorter CSR.")
    },
    generating: "Generating…",
    generated: "Key pair and CSR generated: the CSR is now in the CSR field.",
    generate_heading: "Generate the key and CSR in this browser",
    generate_intro: "Your browser makes the key pair with its built-in Web Cryptography, and the CSR is built for the names of this order. The private key is not saved or sent anywhere: you download or copy it here.",
    organisation_later: "The organisation's details are asked on a later step, so this CSR will name only the domains. The CA takes the organisation from the order; to have it in the CSR as well, fill in the Organisation step first, then come back and generate.",
    key_type: "Key type",
    generate_button: "Generate key and CSR",
    save_key_now: "Save the private key now. ",
    save_key_now_rest: "It exists only on this page: it was not saved or sent anywhere, and it is gone once you leave this step or close the page. Without it the certificate cannot be used. Keep it secret.",
    private_key_label: "Private key (PKCS#8)",
    download_key: "Download private key",
    copy_key: "Copy private key",
    csr_replaced: "The CSR field no longer holds the CSR made with this key. Generate again, or put that CSR back.",
    choose_source: "Choose how you will provide the certificate signing request (CSR)",
    provider_key_not_offered: "This provider cannot make the key pair: generate the CSR here or paste one",
    generate_first: "Generate the key pair and CSR with the button below, or choose another way to provide the CSR",
    source_generate: "Generate it here (recommended)",
    source_generate_hint: "Your browser makes the key pair and a CSR for this order's names. You keep the private key: download or copy it here.",
    source_paste: "Paste one made elsewhere",
    source_paste_hint: "A CSR you made on your server, for example with openssl. The private key stays there.",
    source_provider: "Let Huawei make the key pair",
    source_provider_hint: "No CSR needed. Huawei then holds the private key; you export it with the certificate from the Huawei Cloud console.",
    title_generate: "Generate your key pair and CSR",
    title_paste: "Paste your certificate signing request",
    title_provider: "Huawei makes the key pair",
    provider_key_intro: "Huawei Cloud makes the key pair and the CSR for the names of this order, so there is nothing to paste. Huawei then holds the private key, not you: once the certificate is issued, export the certificate together with its private key from the Huawei Cloud console (SSL Certificate Manager).",
    provider_key_type: "Key type Huawei makes",
    provider_key_default: "Huawei's default.",
    generated_field_hint: "The CSR generated above is put here.",
};

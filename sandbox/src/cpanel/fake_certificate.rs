//! The "issued certificate": a PEM block that looks like one (a DER SEQUENCE header and
//! random content) but is not a real certificate. Nothing in the sandbox can sign, and a
//! caller only needs to see that a PEM arrives and show or store it.

use base64ct::{Base64, Encoding};
use rand::Rng;

/// About the size of a real RSA-2048 leaf certificate.
const CONTENT_LEN: usize = 1_200;
const LINE_LEN: usize = 64;

pub fn fake_certificate_pem(rng: &mut impl Rng) -> String {
    let mut der = Vec::with_capacity(CONTENT_LEN + 4);
    // SEQUENCE with a two-byte length, as every DER certificate of this size starts.
    der.extend_from_slice(&[0x30, 0x82]);
    der.extend_from_slice(&u16::try_from(CONTENT_LEN).unwrap_or(u16::MAX).to_be_bytes());
    der.extend((0..CONTENT_LEN).map(|_| rng.random::<u8>()));
    let base64 = Base64::encode_string(&der);
    let mut pem = String::from("-----BEGIN CERTIFICATE-----\n");
    for line in base64.as_bytes().chunks(LINE_LEN) {
        pem.push_str(&String::from_utf8_lossy(line));
        pem.push('\n');
    }
    pem.push_str("-----END CERTIFICATE-----\n");
    pem
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pem_is_one_well_formed_certificate_block() {
        let pem = fake_certificate_pem(&mut rand::rng());
        let lines: Vec<&str> = pem.lines().collect();
        assert_eq!(lines.first(), Some(&"-----BEGIN CERTIFICATE-----"));
        assert_eq!(lines.last(), Some(&"-----END CERTIFICATE-----"));
        let body = &lines[1..lines.len() - 1];
        assert!(body.iter().all(|line| line.len() <= LINE_LEN));
        let der = Base64::decode_vec(&body.concat()).unwrap();
        assert_eq!(der.len(), CONTENT_LEN + 4);
        assert_eq!(&der[..2], &[0x30, 0x82]);
    }
}

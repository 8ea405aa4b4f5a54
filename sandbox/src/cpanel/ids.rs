//! Random identifiers shaped like the cPanel Store's.

use rand::Rng;

const LOWER_HEX: &[u8] = b"0123456789abcdef";

/// An order or order item ID: eight digits, as in cPanel's examples (`10427508`).
pub fn numeric_id(rng: &mut impl Rng) -> String {
    rng.random_range(10_000_000_u32..=99_999_999).to_string()
}

/// A key ID as cPanel's SSL storage writes them: `xxxxx_xxxxx_` and 32 hex digits. The
/// sandbox holds no key (the caller made the CSR), so this only looks like one.
pub fn key_id(rng: &mut impl Rng) -> String {
    format!("{}_{}_{}", hex(rng, 5), hex(rng, 5), hex(rng, 32))
}

pub fn hex(rng: &mut impl Rng, len: usize) -> String {
    (0..len)
        .map(|_| char::from(LOWER_HEX[rng.random_range(0..LOWER_HEX.len())]))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_have_their_documented_shapes() {
        let mut rng = rand::rng();
        for _ in 0..100 {
            let id = numeric_id(&mut rng);
            assert_eq!(id.len(), 8);
            assert!(id.bytes().all(|b| b.is_ascii_digit()) && !id.starts_with('0'));
        }
        let key = key_id(&mut rng);
        let parts: Vec<usize> = key.split('_').map(str::len).collect();
        assert_eq!(parts, [5, 5, 32]);
        assert!(key.bytes().all(|b| b == b'_' || b.is_ascii_hexdigit()));
    }
}

//! Eight bytes at a time ("SIMD within a register"): loading a word of
//! text into a `u64` and marking the bytes of a class in it, with no
//! branch per byte.

const ONES: u64 = 0x0101_0101_0101_0101;
/// The high bit of every byte.
pub const HIGHS: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `x` that lies strictly between `lo` and
/// `hi` (both at most 128): the "has byte between" trick, exact per byte.
#[inline]
pub fn between(x: u64, lo: u8, hi: u8) -> u64 {
    let low7 = x & !HIGHS;
    (ONES * (127 + hi as u64)).wrapping_sub(low7) & !x & (low7 + ONES * (127 - lo as u64)) & HIGHS
}

/// The high bit of each ASCII letter of `x`.
#[inline]
pub fn letters(x: u64) -> u64 {
    between(x | 0x2020_2020_2020_2020, b'a' - 1, b'z' + 1)
}

/// `x` with its ASCII capitals lower-cased.
#[inline]
pub fn lower(x: u64) -> u64 {
    x | (between(x, b'A' - 1, b'Z' + 1) >> 2)
}

/// The first eight bytes of `bytes` (zeros past its end) as a
/// little-endian word, read with at most two loads: a short slice is read
/// as overlapping halves rather than copied byte by byte.
#[inline]
pub fn load_head(bytes: &[u8]) -> u64 {
    let n = bytes.len();
    match n {
        8.. => u64::from_le_bytes([
            bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
        ]),
        4..=7 => {
            let a = u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]) as u64;
            let b = u32::from_le_bytes([bytes[n - 4], bytes[n - 3], bytes[n - 2], bytes[n - 1]]) as u64;
            a | b << (8 * (n - 4))
        }
        1..=3 => {
            bytes[0] as u64 | (bytes[n / 2] as u64) << (8 * (n / 2)) | (bytes[n - 1] as u64) << (8 * (n - 1))
        }
        0 => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_letters_and_lowers_capitals() {
        let x = load_head(b"aZ@[`{9\xC3");
        assert_eq!(letters(x), 0x0000_0000_0000_8080);
        assert_eq!(lower(x).to_le_bytes(), *b"az@[`{9\xC3");
        assert_eq!(load_head(b"ab").to_le_bytes(), *b"ab\0\0\0\0\0\0");
        for n in 0..=9 {
            let b = &b"abcdefghi"[..n];
            let mut padded = [0u8; 8];
            padded[..n.min(8)].copy_from_slice(&b[..n.min(8)]);
            assert_eq!(load_head(b), u64::from_le_bytes(padded), "{n} bytes");
        }
    }
}

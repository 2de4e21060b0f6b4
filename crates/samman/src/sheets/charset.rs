//! The text encodings of CSV files other than UTF-8: Windows-1252 and UTF-16, decoded and
//! encoded as the WHATWG Encoding Standard defines them (what browsers and encoding_rs do),
//! without a table of every encoding (which would weigh on the WebAssembly package).

/// The characters of the bytes 0x80 to 0x9F in Windows-1252; every other byte is the
/// character of the same number (ASCII and Latin-1). The five bytes Windows leaves unassigned
/// (0x81, 0x8D, 0x8F, 0x90, 0x9D) are the C1 controls of their number, as in the standard.
const HIGH: [char; 32] = [
    '\u{20AC}', '\u{0081}', '\u{201A}', '\u{0192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{02C6}', '\u{2030}', '\u{0160}', '\u{2039}', '\u{0152}', '\u{008D}', '\u{017D}', '\u{008F}',
    '\u{0090}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{02DC}', '\u{2122}', '\u{0161}', '\u{203A}', '\u{0153}', '\u{009D}', '\u{017E}', '\u{0178}',
];

/// Decode Windows-1252 bytes; every byte is a character, so this never fails.
pub(crate) fn decode_windows_1252(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => HIGH[usize::from(b - 0x80)],
            _ => char::from(b),
        })
        .collect()
}

/// Encode text as Windows-1252; a character the encoding lacks is written as an HTML numeric
/// character reference (`&#8364;`), as the standard's encoder for the web does.
pub(crate) fn encode_windows_1252(text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    for c in text.chars() {
        let byte = match u32::from(c) {
            0..=0x7F | 0xA0..=0xFF => u8::try_from(u32::from(c)).ok(),
            _ => HIGH
                .iter()
                .position(|&h| h == c)
                .and_then(|i| u8::try_from(0x80 + i).ok()),
        };
        match byte {
            Some(b) => out.push(b),
            None => out.extend_from_slice(format!("&#{};", u32::from(c)).as_bytes()),
        }
    }
    out
}

/// Decode UTF-16 bytes after the byte-order mark, little- or big-endian; an unpaired
/// surrogate or a last odd byte reads as U+FFFD.
pub(crate) fn decode_utf16(bytes: &[u8], big_endian: bool) -> String {
    let units = bytes.chunks_exact(2).map(|pair| {
        let pair = [pair[0], pair[1]];
        if big_endian {
            u16::from_be_bytes(pair)
        } else {
            u16::from_le_bytes(pair)
        }
    });
    let last = units.clone().next_back();
    let mut text: String = char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect();
    // The odd byte after a lead surrogate is part of the same broken character: one U+FFFD.
    let lead_at_end = last.is_some_and(|u| (0xD800..0xDC00).contains(&u));
    if bytes.len() % 2 == 1 && !lead_at_end {
        text.push(char::REPLACEMENT_CHARACTER);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_decodes_every_byte_as_the_standard_table() {
        // Known bytes from the WHATWG index (index-windows-1252.txt) and Latin-1.
        let bytes = b"A\x80\x81\x8A\x8D\x9F\xA0\xC5\xE4\xF6\xFF";
        assert_eq!(
            decode_windows_1252(bytes),
            "A\u{20AC}\u{0081}\u{0160}\u{008D}\u{0178}\u{00A0}Åäöÿ"
        );
        let all: Vec<u8> = (0..=255).collect();
        let text = decode_windows_1252(&all);
        assert_eq!(text.chars().count(), 256);
        assert_eq!(encode_windows_1252(&text), all);
    }

    #[test]
    fn windows_1252_writes_what_it_lacks_as_a_character_reference() {
        assert_eq!(encode_windows_1252("Åsa €5 – ok"), b"\xC5sa \x805 \x96 ok");
        assert_eq!(
            encode_windows_1252("Łódź \u{80}"),
            b"&#321;\xF3d&#378; &#128;"
        );
    }

    #[test]
    fn utf16_both_byte_orders_and_broken_input() {
        assert_eq!(decode_utf16(b"i\0d\0", false), "id");
        assert_eq!(decode_utf16(b"\0\xC5\0s", true), "Ås");
        // A smiley as a surrogate pair, a lone lead surrogate, then an odd last byte.
        assert_eq!(decode_utf16(b"\x3D\xD8\x00\xDE", false), "\u{1F600}");
        assert_eq!(decode_utf16(b"\x3D\xD8a\0x", false), "\u{FFFD}a\u{FFFD}");
        assert_eq!(decode_utf16(b"a\0\x3D\xD8x", false), "a\u{FFFD}");
    }

    proptest::proptest! {
        /// Differential: the same text and bytes as encoding_rs, the WHATWG implementation.
        #[test]
        fn agrees_with_encoding_rs(bytes: Vec<u8>, text: String) {
            let (reference, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&bytes);
            proptest::prop_assert_eq!(decode_windows_1252(&bytes), reference.into_owned());
            let (reference, _, _) = encoding_rs::WINDOWS_1252.encode(&text);
            proptest::prop_assert_eq!(encode_windows_1252(&text), reference.into_owned());
            for (encoding, big_endian) in
                [(encoding_rs::UTF_16LE, false), (encoding_rs::UTF_16BE, true)]
            {
                let (reference, _) = encoding.decode_without_bom_handling(&bytes);
                proptest::prop_assert_eq!(decode_utf16(&bytes, big_endian), reference.into_owned());
            }
        }
    }
}

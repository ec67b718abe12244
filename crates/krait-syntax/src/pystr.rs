//! `PyString`: a Python `str` value as the front end produces it.
//!
//! Invariant: the bytes are the code points of the string, each encoded on its
//! own with UTF-8's scheme, lone surrogates (U+D800..U+DFFF) included and never
//! paired up. A string without surrogates is therefore plain UTF-8, and
//! `as_str` returns it without copying.

#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub struct PyString {
    bytes: Vec<u8>,
}

impl PyString {
    pub fn new() -> Self {
        PyString { bytes: Vec::new() }
    }

    /// A string from its encoded bytes, which must be generalized UTF-8 as
    /// this type's invariant says (as `as_bytes` returns them).
    pub fn from_bytes(bytes: Vec<u8>) -> Self {
        PyString { bytes }
    }

    pub fn push_str(&mut self, s: &str) {
        self.bytes.extend_from_slice(s.as_bytes());
    }

    pub fn push_char(&mut self, c: char) {
        let mut buf = [0u8; 4];
        self.bytes.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
    }

    /// Push any code point, a lone surrogate included. `cp` must be <= 0x10FFFF.
    pub fn push_code_point(&mut self, cp: u32) {
        debug_assert!(cp <= 0x10FFFF);
        if let Some(c) = char::from_u32(cp) {
            self.push_char(c);
        } else {
            // A surrogate: the three-byte form UTF-8 would give it.
            self.bytes.push(0xE0 | (cp >> 12) as u8);
            self.bytes.push(0x80 | ((cp >> 6) & 0x3F) as u8);
            self.bytes.push(0x80 | (cp & 0x3F) as u8);
        }
    }

    pub fn push_pystr(&mut self, other: &PyString) {
        self.bytes.extend_from_slice(&other.bytes);
    }

    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    /// The string as `&str`, if it holds no surrogate.
    pub fn as_str(&self) -> Option<&str> {
        std::str::from_utf8(&self.bytes).ok()
    }

    /// The encoded bytes (UTF-8 where there are no surrogates).
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// The code points, in order.
    pub fn code_points(&self) -> CodePoints<'_> {
        CodePoints { bytes: &self.bytes, pos: 0 }
    }

    /// Number of code points (Python's `len`).
    pub fn len(&self) -> usize {
        self.bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count()
    }
}

impl From<&str> for PyString {
    fn from(s: &str) -> Self {
        PyString { bytes: s.as_bytes().to_vec() }
    }
}

impl From<String> for PyString {
    fn from(s: String) -> Self {
        PyString { bytes: s.into_bytes() }
    }
}

impl std::fmt::Debug for PyString {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.as_str() {
            Some(s) => write!(f, "{s:?}"),
            None => write!(f, "{:?}", self.code_points().collect::<Vec<_>>()),
        }
    }
}

/// The code points of generalized UTF-8 bytes (see `PyString`).
pub fn decode_code_points(bytes: &[u8]) -> CodePoints<'_> {
    CodePoints { bytes, pos: 0 }
}

pub struct CodePoints<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Iterator for CodePoints<'_> {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        let b = &self.bytes[self.pos..];
        let first = *b.first()? as u32;
        let (cp, n) = if first < 0x80 {
            (first, 1)
        } else if first < 0xE0 {
            (((first & 0x1F) << 6) | (b[1] as u32 & 0x3F), 2)
        } else if first < 0xF0 {
            (((first & 0x0F) << 12) | ((b[1] as u32 & 0x3F) << 6) | (b[2] as u32 & 0x3F), 3)
        } else {
            (
                ((first & 0x07) << 18)
                    | ((b[1] as u32 & 0x3F) << 12)
                    | ((b[2] as u32 & 0x3F) << 6)
                    | (b[3] as u32 & 0x3F),
                4,
            )
        };
        self.pos += n;
        Some(cp)
    }
}

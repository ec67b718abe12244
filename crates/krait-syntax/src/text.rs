//! Byte ranges into decoded source text, and the line index that turns them
//! into CPython's positions.
//!
//! Invariant: every offset is a byte offset into the UTF-8 text the tokenizer
//! saw (after PEP 263 decoding and BOM removal), so a `TextRange` slices that
//! text directly. CPython's `col_offset` is a UTF-8 byte offset from the start
//! of the line, so it falls out of the same numbers; `SyntaxError.offset` is in
//! characters and is derived on demand.

/// A half-open byte range `start..end` in the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct TextRange {
    pub start: u32,
    pub end: u32,
}

impl TextRange {
    #[inline]
    pub const fn new(start: u32, end: u32) -> Self {
        TextRange { start, end }
    }

    #[inline]
    pub const fn empty(at: u32) -> Self {
        TextRange { start: at, end: at }
    }

    /// The smallest range covering both.
    #[inline]
    pub fn cover(self, other: TextRange) -> TextRange {
        TextRange { start: self.start.min(other.start), end: self.end.max(other.end) }
    }

    #[inline]
    pub fn len(self) -> u32 {
        self.end - self.start
    }

    #[inline]
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    #[inline]
    pub fn slice(self, source: &str) -> &str {
        &source[self.start as usize..self.end as usize]
    }
}

/// Start offsets of every line, for offset -> (line, column) look-ups.
///
/// A tree made from Python objects (`compile()` of an `ast` tree) has no
/// text: its ranges are indices into a table of the (line, column) pairs
/// its nodes carry (`LineIndex::from_positions`), and `line`/`line_col`
/// read that table. Such an index has no line texts.
#[derive(Debug, Clone)]
pub struct LineIndex {
    /// `line_starts[i]` is the byte offset where line `i + 1` begins.
    line_starts: Vec<u32>,
    /// For a tree without text: offset `i` stands for `positions[i]`.
    positions: Option<Vec<(u32, u32)>>,
}

impl LineIndex {
    /// Lines end at `\n`, `\r\n` or a lone `\r`, as CPython's universal newlines.
    pub fn new(source: &str) -> Self {
        let bytes = source.as_bytes();
        let mut line_starts = vec![0u32];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => line_starts.push(i as u32 + 1),
                b'\r' => {
                    if bytes.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    line_starts.push(i as u32 + 1);
                }
                _ => {}
            }
            i += 1;
        }
        LineIndex { line_starts, positions: None }
    }

    /// The index of a tree without text, whose offset `i` means the
    /// (1-based line, byte column) `positions[i]`.
    pub fn from_positions(positions: Vec<(u32, u32)>) -> Self {
        LineIndex { line_starts: vec![0], positions: Some(positions) }
    }

    /// 1-based line number of `offset`.
    #[inline]
    pub fn line(&self, offset: u32) -> usize {
        if let Some(p) = &self.positions {
            return p.get(offset as usize).map_or(1, |&(line, _)| line as usize);
        }
        match self.line_starts.binary_search(&offset) {
            Ok(i) => i + 1,
            Err(i) => i,
        }
    }

    /// Byte offset where 1-based `line` starts.
    #[inline]
    pub fn line_start(&self, line: usize) -> u32 {
        self.line_starts[line - 1]
    }

    /// (1-based line, 0-based UTF-8 byte column), as CPython's `lineno`/`col_offset`.
    #[inline]
    pub fn line_col(&self, offset: u32) -> (usize, u32) {
        if let Some(p) = &self.positions {
            return p.get(offset as usize).map_or((1, 0), |&(line, col)| (line as usize, col));
        }
        let line = self.line(offset);
        (line, offset - self.line_starts[line - 1])
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// The text of 1-based `line`, without its line ending.
    pub fn line_text<'s>(&self, source: &'s str, line: usize) -> &'s str {
        let start = self.line_starts[line - 1] as usize;
        let end = self.line_starts.get(line).map_or(source.len(), |&e| e as usize);
        source[start..end].trim_end_matches(['\n', '\r'])
    }
}

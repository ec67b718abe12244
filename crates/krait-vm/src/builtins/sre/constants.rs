//! The numbers of SRE's code: opcodes, AT codes, category codes and INFO
//! flags, as CPython 3.11's `Lib/re/_constants.py` numbers them (MAGIC
//! 20220615). `re._compiler` emits a list of these; the engine reads it.
//!
//! Invariant: every value here equals the position of its name in
//! `_constants.py`'s `OPCODES`, `ATCODES` and `CHCODES` lists (the run
//! programs under tests/run/re/ exercise each family against CPython).

/// `_sre.MAGIC`: the version of the code format `re._compiler` checks.
pub const MAGIC: i64 = 20220615;
/// `_sre.CODESIZE`: bytes per code word.
pub const CODESIZE: i64 = 4;
/// `_sre.MAXREPEAT`: the "no upper bound" of a repeat.
pub const MAXREPEAT: u32 = u32::MAX;
/// `_sre.MAXGROUPS`: the most capturing groups a pattern may have.
pub const MAXGROUPS: usize = (u32::MAX / 4) as usize;

// Opcodes. Operands follow each in the code; "skip" is a forward distance
// from the skip word itself.
/// Fail here (also ends a charset).
pub const FAILURE: u32 = 0;
/// The pattern (or a sub-pattern run on its own) has matched.
pub const SUCCESS: u32 = 1;
/// Any character but `\n`.
pub const ANY: u32 = 2;
/// Any character.
pub const ANY_ALL: u32 = 3;
/// `<skip> <back> pattern SUCCESS`: lookahead (back 0) or lookbehind.
pub const ASSERT: u32 = 4;
/// `<skip> <back> pattern SUCCESS`: negative lookahead or lookbehind.
pub const ASSERT_NOT: u32 = 5;
/// `<code>`: a zero-width position test (AT_* below).
pub const AT: u32 = 6;
/// `<skip> alternative JUMP ... 0`: alternatives, tried in order.
pub const BRANCH: u32 = 7;
/// `<code>`: one character of a category (CATEGORY_* below); in charsets.
pub const CATEGORY: u32 = 8;
/// `<8 words>`: a 256-bit map of the characters below 256; in charsets.
pub const CHARSET: u32 = 9;
/// `<count> <64 words of block numbers> <count * 8 words>`: a map of the
/// BMP by 256-character blocks; in charsets.
pub const BIGCHARSET: u32 = 10;
/// `<group>`: the text group `group` matched, again.
pub const GROUPREF: u32 = 11;
/// `<group> <skip> yes JUMP no`: `(?(group)yes|no)`.
pub const GROUPREF_EXISTS: u32 = 12;
/// `<skip> charset FAILURE`: one character of the set.
pub const IN: u32 = 13;
/// `<skip> <flags> <min> <max> ...`: facts for the search (skippable).
pub const INFO: u32 = 14;
/// `<skip>`: go forward.
pub const JUMP: u32 = 15;
/// `<char>`: this character.
pub const LITERAL: u32 = 16;
/// `<index>`: record the position as group mark `index` (2g start, 2g+1 end).
pub const MARK: u32 = 17;
/// Ends a REPEAT's item: repeat greedily.
pub const MAX_UNTIL: u32 = 18;
/// Ends a REPEAT's item: repeat lazily.
pub const MIN_UNTIL: u32 = 19;
/// `<char>`: any character but this one.
pub const NOT_LITERAL: u32 = 20;
/// Inverts the set it starts; in charsets.
pub const NEGATE: u32 = 21;
/// `<lo> <hi>`: a character in lo..=hi; in charsets.
pub const RANGE: u32 = 22;
/// `<skip> <min> <max> item MAX_UNTIL|MIN_UNTIL`: a general repeat.
pub const REPEAT: u32 = 23;
/// `<skip> <min> <max> item SUCCESS`: a greedy repeat of a one-character item.
pub const REPEAT_ONE: u32 = 24;
/// Parser-only (never in code).
#[allow(dead_code)]
pub const SUBPATTERN: u32 = 25;
/// `<skip> <min> <max> item SUCCESS`: a lazy repeat of a one-character item.
pub const MIN_REPEAT_ONE: u32 = 26;
/// `<skip> pattern SUCCESS`: `(?>...)`, matched once, never backtracked into.
pub const ATOMIC_GROUP: u32 = 27;
/// `<skip> <min> <max> item SUCCESS`: a possessive general repeat.
pub const POSSESSIVE_REPEAT: u32 = 28;
/// `<skip> <min> <max> item SUCCESS`: a possessive one-character repeat.
pub const POSSESSIVE_REPEAT_ONE: u32 = 29;
/// GROUPREF, ASCII case-insensitively.
pub const GROUPREF_IGNORE: u32 = 30;
/// IN, the character lowercased (ASCII) first.
pub const IN_IGNORE: u32 = 31;
/// LITERAL (lowercase), ASCII case-insensitively.
pub const LITERAL_IGNORE: u32 = 32;
/// NOT_LITERAL, ASCII case-insensitively.
pub const NOT_LITERAL_IGNORE: u32 = 33;
/// GROUPREF, case-insensitively in the locale.
pub const GROUPREF_LOC_IGNORE: u32 = 34;
/// IN, case-insensitively in the locale.
pub const IN_LOC_IGNORE: u32 = 35;
/// LITERAL, case-insensitively in the locale.
pub const LITERAL_LOC_IGNORE: u32 = 36;
/// NOT_LITERAL, case-insensitively in the locale.
pub const NOT_LITERAL_LOC_IGNORE: u32 = 37;
/// GROUPREF, Unicode case-insensitively.
pub const GROUPREF_UNI_IGNORE: u32 = 38;
/// IN, the character lowercased (Unicode) first.
pub const IN_UNI_IGNORE: u32 = 39;
/// LITERAL (lowercase), Unicode case-insensitively.
pub const LITERAL_UNI_IGNORE: u32 = 40;
/// NOT_LITERAL, Unicode case-insensitively.
pub const NOT_LITERAL_UNI_IGNORE: u32 = 41;
/// `<lo> <hi>`: RANGE of the character or its uppercase; in charsets.
pub const RANGE_UNI_IGNORE: u32 = 42;

// AT codes.
pub const AT_BEGINNING: u32 = 0;
pub const AT_BEGINNING_LINE: u32 = 1;
pub const AT_BEGINNING_STRING: u32 = 2;
pub const AT_BOUNDARY: u32 = 3;
pub const AT_NON_BOUNDARY: u32 = 4;
pub const AT_END: u32 = 5;
pub const AT_END_LINE: u32 = 6;
pub const AT_END_STRING: u32 = 7;
pub const AT_LOC_BOUNDARY: u32 = 8;
pub const AT_LOC_NON_BOUNDARY: u32 = 9;
pub const AT_UNI_BOUNDARY: u32 = 10;
pub const AT_UNI_NON_BOUNDARY: u32 = 11;

// Category codes.
pub const CATEGORY_DIGIT: u32 = 0;
pub const CATEGORY_NOT_DIGIT: u32 = 1;
pub const CATEGORY_SPACE: u32 = 2;
pub const CATEGORY_NOT_SPACE: u32 = 3;
pub const CATEGORY_WORD: u32 = 4;
pub const CATEGORY_NOT_WORD: u32 = 5;
pub const CATEGORY_LINEBREAK: u32 = 6;
pub const CATEGORY_NOT_LINEBREAK: u32 = 7;
pub const CATEGORY_LOC_WORD: u32 = 8;
pub const CATEGORY_LOC_NOT_WORD: u32 = 9;
pub const CATEGORY_UNI_DIGIT: u32 = 10;
pub const CATEGORY_UNI_NOT_DIGIT: u32 = 11;
pub const CATEGORY_UNI_SPACE: u32 = 12;
pub const CATEGORY_UNI_NOT_SPACE: u32 = 13;
pub const CATEGORY_UNI_WORD: u32 = 14;
pub const CATEGORY_UNI_NOT_WORD: u32 = 15;
pub const CATEGORY_UNI_LINEBREAK: u32 = 16;
pub const CATEGORY_UNI_NOT_LINEBREAK: u32 = 17;

// INFO flags.
/// The pattern starts with a known literal prefix.
pub const INFO_PREFIX: u32 = 1;
/// The whole pattern is that prefix.
pub const INFO_LITERAL: u32 = 2;
/// The pattern starts with a character from a known set.
pub const INFO_CHARSET: u32 = 4;

// Pattern flags (the ones `_sre` itself reads).
pub const FLAG_IGNORECASE: i64 = 2;
pub const FLAG_LOCALE: i64 = 4;
pub const FLAG_MULTILINE: i64 = 8;
pub const FLAG_DOTALL: i64 = 16;
pub const FLAG_UNICODE: i64 = 32;
pub const FLAG_VERBOSE: i64 = 64;
pub const FLAG_DEBUG: i64 = 128;
pub const FLAG_ASCII: i64 = 256;

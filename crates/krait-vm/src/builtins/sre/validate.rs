//! The check `_sre.compile` makes of its code before any match runs it
//! (CPython's `_validate` in `Modules/_sre/sre.c`): every opcode known,
//! every operand present, every skip inside its block, every block ending
//! with the opcode the engine expects. Code that fails is CPython's
//! RuntimeError "invalid SRE code".
//!
//! Invariant: all jumps in valid code go forward and stay inside the
//! block that contains them, so the engine (which reads the code through
//! `chars::at` anyway) never runs off its end or loops without moving.

use super::constants::*;

type Check = Result<(), ()>;

/// How deeply blocks may nest. `re` makes far shallower code (its parser
/// stops at the recursion limit); hand-made code nested deeper is refused
/// rather than checked on an ever deeper Rust stack.
const MAX_DEPTH: usize = 5000;

/// A reader of one block `code[pos..end]`.
struct Reader<'a> {
    code: &'a [u32],
    pos: usize,
    end: usize,
}

impl Reader<'_> {
    fn word(&mut self) -> Result<u32, ()> {
        if self.pos >= self.end {
            return Err(());
        }
        let w = self.code[self.pos];
        self.pos += 1;
        Ok(w)
    }

    /// A skip word: the distance it gives (less `adj`) must stay in the block.
    fn skip(&mut self, adj: usize) -> Result<usize, ()> {
        if self.pos >= self.end {
            return Err(());
        }
        let skip = self.code[self.pos] as usize;
        if skip < adj || skip - adj > self.end - self.pos {
            return Err(());
        }
        self.pos += 1;
        Ok(skip)
    }
}

fn charset(code: &[u32], pos: usize, end: usize) -> Check {
    let mut r = Reader { code, pos, end };
    while r.pos < end {
        match r.word()? {
            NEGATE => {}
            LITERAL => {
                r.word()?;
            }
            RANGE | RANGE_UNI_IGNORE => {
                r.word()?;
                r.word()?;
            }
            CHARSET => {
                if 8 > end - r.pos {
                    return Err(());
                }
                r.pos += 8;
            }
            BIGCHARSET => {
                let blocks = r.word()? as usize;
                if 64 > end - r.pos {
                    return Err(());
                }
                // Each of the 256 block numbers (bytes) names a block that exists.
                let table = &code[r.pos..r.pos + 64];
                if table.iter().flat_map(|w| w.to_ne_bytes()).any(|b| b as usize >= blocks) {
                    return Err(());
                }
                r.pos += 64;
                let bitmaps = blocks.checked_mul(8).ok_or(())?;
                if bitmaps > end - r.pos {
                    return Err(());
                }
                r.pos += bitmaps;
            }
            CATEGORY => {
                if r.word()? > CATEGORY_UNI_NOT_LINEBREAK {
                    return Err(());
                }
            }
            _ => return Err(()),
        }
    }
    Ok(())
}

/// Check a block that must not end with a JUMP.
fn block(code: &[u32], pos: usize, end: usize, groups: usize, depth: usize) -> Check {
    match inner(code, pos, end, groups, depth)? {
        false => Ok(()),
        true => Err(()),
    }
}

/// Check `code[pos..end]`; `Ok(true)` if its last opcode is a JUMP.
fn inner(code: &[u32], pos: usize, end: usize, groups: usize, depth: usize) -> Result<bool, ()> {
    if pos > end || depth > MAX_DEPTH {
        return Err(());
    }
    let mut r = Reader { code, pos, end };
    while r.pos < end {
        let op = r.word()?;
        match op {
            MARK => {
                if r.word()? as usize > 2 * groups + 1 {
                    return Err(());
                }
            }
            LITERAL | NOT_LITERAL | LITERAL_IGNORE | NOT_LITERAL_IGNORE | LITERAL_UNI_IGNORE | NOT_LITERAL_UNI_IGNORE
            | LITERAL_LOC_IGNORE | NOT_LITERAL_LOC_IGNORE => {
                r.word()?;
            }
            SUCCESS | FAILURE | ANY | ANY_ALL => {}
            AT => {
                if r.word()? > AT_UNI_NON_BOUNDARY {
                    return Err(());
                }
            }
            IN | IN_IGNORE | IN_UNI_IGNORE | IN_LOC_IGNORE => {
                let skip = r.skip(0)?;
                // The set, then its FAILURE.
                if skip < 2 {
                    return Err(());
                }
                charset(code, r.pos, r.pos + skip - 2)?;
                if code[r.pos + skip - 2] != FAILURE {
                    return Err(());
                }
                r.pos += skip - 1;
            }
            INFO => {
                // <INFO> <skip> <flags> <min> <max> [prefix | charset]
                let skip = r.skip(0)?;
                if skip < 1 {
                    return Err(());
                }
                let block_end = r.pos + skip - 1;
                let flags = r.word()?;
                r.word()?;
                r.word()?;
                if flags & !(INFO_PREFIX | INFO_LITERAL | INFO_CHARSET) != 0
                    || (flags & INFO_PREFIX != 0 && flags & INFO_CHARSET != 0)
                    || (flags & INFO_LITERAL != 0 && flags & INFO_PREFIX == 0)
                {
                    return Err(());
                }
                if flags & INFO_PREFIX != 0 {
                    let len = r.word()? as usize;
                    r.word()?;
                    if block_end < r.pos || len > block_end - r.pos {
                        return Err(());
                    }
                    r.pos += len;
                    if len > block_end - r.pos {
                        return Err(());
                    }
                    // The overlap table: each value below the prefix length.
                    if code[r.pos..r.pos + len].iter().any(|&o| o as usize >= len) {
                        return Err(());
                    }
                    r.pos += len;
                }
                if flags & INFO_CHARSET != 0 {
                    if block_end < 1 || block_end - 1 < r.pos {
                        return Err(());
                    }
                    charset(code, r.pos, block_end - 1)?;
                    if code[block_end - 1] != FAILURE {
                        return Err(());
                    }
                    r.pos = block_end;
                } else if r.pos != block_end {
                    return Err(());
                }
            }
            BRANCH => {
                let mut target = None;
                loop {
                    let skip = r.skip(0)?;
                    if skip == 0 {
                        break;
                    }
                    // The alternative, then a JUMP to the common end.
                    if skip < 3 {
                        return Err(());
                    }
                    block(code, r.pos, r.pos + skip - 3, groups, depth + 1)?;
                    r.pos += skip - 3;
                    if r.word()? != JUMP {
                        return Err(());
                    }
                    let jump = r.skip(0)?;
                    let to = r.pos + jump - 1;
                    match target {
                        None => target = Some(to),
                        Some(t) if t != to => return Err(()),
                        _ => {}
                    }
                }
                if target != Some(r.pos) {
                    return Err(());
                }
            }
            REPEAT_ONE | MIN_REPEAT_ONE | POSSESSIVE_REPEAT_ONE => {
                let skip = r.skip(0)?;
                let min = r.word()?;
                let max = r.word()?;
                if min > max || skip < 4 {
                    return Err(());
                }
                block(code, r.pos, r.pos + skip - 4, groups, depth + 1)?;
                r.pos += skip - 4;
                if r.word()? != SUCCESS {
                    return Err(());
                }
            }
            REPEAT | POSSESSIVE_REPEAT => {
                let skip = r.skip(0)?;
                let min = r.word()?;
                let max = r.word()?;
                if min > max || skip < 3 {
                    return Err(());
                }
                block(code, r.pos, r.pos + skip - 3, groups, depth + 1)?;
                r.pos += skip - 3;
                let until = r.word()?;
                let ok = if op == POSSESSIVE_REPEAT { until == SUCCESS } else { until == MAX_UNTIL || until == MIN_UNTIL };
                if !ok {
                    return Err(());
                }
            }
            ATOMIC_GROUP => {
                let skip = r.skip(0)?;
                if skip < 2 {
                    return Err(());
                }
                block(code, r.pos, r.pos + skip - 2, groups, depth + 1)?;
                r.pos += skip - 2;
                if r.word()? != SUCCESS {
                    return Err(());
                }
            }
            GROUPREF | GROUPREF_IGNORE | GROUPREF_UNI_IGNORE | GROUPREF_LOC_IGNORE => {
                if r.word()? as usize >= groups {
                    return Err(());
                }
            }
            GROUPREF_EXISTS => {
                // <GROUPREF_EXISTS> <group> <skip> yes [<JUMP> <skip> no]
                if r.word()? as usize >= groups {
                    return Err(());
                }
                let skip = r.skip(1)?;
                // The skip counts from the group word, the "then" part
                // from the skip word.
                let base = r.pos - 1;
                if skip < 2 {
                    return Err(());
                }
                let then_end = base + skip - 1;
                if then_end > end {
                    return Err(());
                }
                if inner(code, base + 1, then_end, groups, depth + 1)? {
                    // The "then" part ends with a JUMP over the "else" part.
                    r.pos = then_end - 1;
                    let skip2 = r.skip(0)?;
                    if skip2 < 1 {
                        return Err(());
                    }
                    if inner(code, r.pos, r.pos + skip2 - 1, groups, depth + 1)? {
                        return Err(());
                    }
                    r.pos += skip2 - 1;
                } else {
                    r.pos = then_end;
                }
            }
            ASSERT | ASSERT_NOT => {
                // <ASSERT> <skip> <back> pattern SUCCESS
                let skip = r.skip(0)?;
                r.word()?;
                let base = r.pos - 1;
                if skip < 3 {
                    return Err(());
                }
                block(code, base + 1, base + skip - 2, groups, depth + 1)?;
                r.pos = base + skip - 2;
                if r.word()? != SUCCESS {
                    return Err(());
                }
            }
            JUMP => {
                if r.pos + 1 != end {
                    return Err(());
                }
                return Ok(true);
            }
            _ => return Err(()),
        }
    }
    Ok(false)
}

/// Is `code` valid SRE code for a pattern with `groups` groups?
pub fn validate(code: &[u32], groups: usize) -> bool {
    if groups > MAXGROUPS || code.last() != Some(&SUCCESS) {
        return false;
    }
    block(code, 0, code.len() - 1, groups, 0).is_ok()
}

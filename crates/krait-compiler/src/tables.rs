//! CPython 3.11's byte formats for a code object's tables: the location
//! table (`co_linetable`), the deprecated line-number table (`co_lnotab`)
//! and the exception table (`co_exceptiontable`), encoded from Krait's own
//! per-unit positions and entries and decoded back.
//!
//! Invariants:
//! - Offsets are Krait's code units; only the byte formats are CPython's
//!   (Objects/locations.md), so `dis`, `co_lines()`, `co_positions()` and
//!   `code.replace(co_linetable=...)` read them as CPython's.
//! - A location entry covers 1 to 8 code units of one instruction (with its
//!   `EXTENDED_ARG` prefixes and cache units), as CPython's assembler writes
//!   them: entries are never merged across instructions.
//! - Decoding never fails: a truncated or malformed table ends where it
//!   stops making sense, and what it does not cover has no location.

use crate::code::{ExceptionTableEntry, Position};
use crate::opcode::Opcode;

/// Location entry kinds (bits 3..6 of an entry's first byte).
const SHORT_FORMS: u8 = 10;
const ONE_LINE_0: u8 = 10;
const NO_COLUMNS: u8 = 13;
const LONG: u8 = 14;
const NONE: u8 = 15;

/// One decoded location entry: `units` code units at one position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LocationEntry {
    pub units: u32,
    pub position: Position,
    /// The line counter after this entry (CPython's `computed_line`): the
    /// entry's line, or the previous one where the entry has none.
    pub computed_line: i64,
}

/// The length in code units of the instruction starting at `i`, its
/// `EXTENDED_ARG` prefixes and cache units included (at least 1).
fn instruction_units(code: &[u16], i: usize) -> usize {
    let mut j = i;
    while j < code.len() && Opcode::from_byte(code[j] as u8) == Some(Opcode::EXTENDED_ARG) {
        j += 1;
    }
    let caches = code.get(j).and_then(|u| Opcode::from_byte(*u as u8)).map_or(0, |op| op.cache_entries());
    (j + 1 + caches).min(code.len()).max(i + 1) - i
}

/// Write `value` as CPython's location varint: 6-bit groups, least
/// significant first, 0x40 flagging that another group follows.
fn push_varint(out: &mut Vec<u8>, mut value: u32) {
    while value >= 64 {
        out.push(0x40 | (value & 63) as u8);
        value >>= 6;
    }
    out.push(value as u8);
}

/// A signed varint: the magnitude shifted left, the sign in bit 0.
fn push_svarint(out: &mut Vec<u8>, value: i64) {
    let magnitude = value.unsigned_abs().min(u64::from(u32::MAX >> 1)) as u32;
    push_varint(out, if value < 0 { magnitude << 1 | 1 } else { magnitude << 1 });
}

/// `co_linetable` for `code` whose units have `positions`, lines counted
/// from `firstlineno` (CPython's `write_location_info_entry`).
pub fn encode_linetable(code: &[u16], positions: &[Position], firstlineno: u32) -> Vec<u8> {
    let mut out = Vec::new();
    let mut line = i64::from(firstlineno);
    let mut i = 0;
    while i < code.len() {
        let end = i + instruction_units(code, i);
        // Split the instruction where its units' positions differ (they do
        // not in compiled code), then into entries of at most 8 units.
        let mut start = i;
        while start < end {
            let p = positions.get(start).copied().unwrap_or_default();
            let mut stop = start + 1;
            while stop < end && stop - start < 8 && positions.get(stop).copied().unwrap_or_default() == p {
                stop += 1;
            }
            push_location(&mut out, (stop - start) as u8, &p, &mut line);
            start = stop;
        }
        i = end;
    }
    out
}

fn push_location(out: &mut Vec<u8>, units: u8, p: &Position, line: &mut i64) {
    let head = |kind: u8| 0x80 | kind << 3 | (units - 1);
    let Some(lineno) = p.lineno else {
        out.push(head(NONE));
        return;
    };
    let lineno = i64::from(lineno);
    let delta = lineno - *line;
    let same_line = !matches!(p.end_lineno, Some(e) if i64::from(e) != lineno);
    match (p.col_offset, p.end_col_offset) {
        (Some(col), Some(end_col)) if p.end_lineno.is_some() && same_line => {
            if delta == 0 && col < 80 && end_col >= col && end_col - col < 16 {
                out.push(head((col / 8) as u8));
                out.push(((col % 8) << 4 | (end_col - col)) as u8);
                return;
            }
            if (0..3).contains(&delta) && col < 128 && end_col < 128 {
                out.push(head(ONE_LINE_0 + delta as u8));
                out.push(col as u8);
                out.push(end_col as u8);
                *line = lineno;
                return;
            }
        }
        (None, _) | (_, None) if same_line => {
            out.push(head(NO_COLUMNS));
            push_svarint(out, delta);
            *line = lineno;
            return;
        }
        _ => {}
    }
    out.push(head(LONG));
    push_svarint(out, delta);
    push_varint(out, p.end_lineno.map_or(0, |e| (i64::from(e) - lineno).max(0) as u32));
    push_varint(out, p.col_offset.map_or(0, |c| c.saturating_add(1)));
    push_varint(out, p.end_col_offset.map_or(0, |c| c.saturating_add(1)));
    *line = lineno;
}

/// A reader over a location table's bytes.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn byte(&mut self) -> Option<u8> {
        let b = *self.bytes.get(self.at)?;
        self.at += 1;
        Some(b)
    }

    fn varint(&mut self) -> Option<u32> {
        let mut b = self.byte()?;
        let mut value = u32::from(b & 63);
        let mut shift = 0;
        while b & 64 != 0 {
            b = self.byte()?;
            shift += 6;
            if shift < 32 {
                value |= u32::from(b & 63) << shift;
            }
        }
        Some(value)
    }

    fn svarint(&mut self) -> Option<i64> {
        let v = self.varint()?;
        let magnitude = i64::from(v >> 1);
        Some(if v & 1 != 0 { -magnitude } else { magnitude })
    }
}

/// The entries of location table `table`, lines counted from
/// `firstlineno` (CPython's `advance` in Objects/codeobject.c).
pub fn decode_linetable(table: &[u8], firstlineno: u32) -> Vec<LocationEntry> {
    let mut entries = Vec::new();
    let mut r = Reader { bytes: table, at: 0 };
    let mut line = i64::from(firstlineno);
    let to_u32 = |v: i64| u32::try_from(v).ok();
    while let Some(first) = r.byte() {
        let kind = (first >> 3) & 15;
        let units = u32::from(first & 7) + 1;
        let decoded = (|| -> Option<Position> {
            Some(match kind {
                NONE => Position::default(),
                LONG => {
                    line += r.svarint()?;
                    let end_line = line + i64::from(r.varint()?);
                    let col = r.varint()?;
                    let end_col = r.varint()?;
                    Position {
                        lineno: to_u32(line),
                        end_lineno: to_u32(end_line),
                        col_offset: col.checked_sub(1),
                        end_col_offset: end_col.checked_sub(1),
                    }
                }
                NO_COLUMNS => {
                    line += r.svarint()?;
                    Position { lineno: to_u32(line), end_lineno: to_u32(line), col_offset: None, end_col_offset: None }
                }
                k if k >= SHORT_FORMS => {
                    line += i64::from(k - ONE_LINE_0);
                    let col = u32::from(r.byte()?);
                    let end_col = u32::from(r.byte()?);
                    Position {
                        lineno: to_u32(line),
                        end_lineno: to_u32(line),
                        col_offset: Some(col),
                        end_col_offset: Some(end_col),
                    }
                }
                k => {
                    let second = r.byte()?;
                    let col = u32::from(k) * 8 + u32::from(second >> 4 & 7);
                    Position {
                        lineno: to_u32(line),
                        end_lineno: to_u32(line),
                        col_offset: Some(col),
                        end_col_offset: Some(col + u32::from(second & 15)),
                    }
                }
            })
        })();
        let Some(position) = decoded else { break };
        entries.push(LocationEntry { units, position, computed_line: line });
    }
    entries
}

/// One position per code unit of a `units`-long code from location table
/// `table`; units the table does not cover have none.
pub fn positions_from_linetable(table: &[u8], firstlineno: u32, units: usize) -> Vec<Position> {
    let mut positions = Vec::with_capacity(units);
    for e in decode_linetable(table, firstlineno) {
        let n = (e.units as usize).min(units - positions.len());
        positions.resize(positions.len() + n, e.position);
    }
    positions.resize(units, Position::default());
    positions
}

/// `co_lnotab` from location table `table`: (byte delta, line delta) pairs
/// wherever the computed line changes (CPython's `decode_linetable`).
pub fn lnotab(table: &[u8], firstlineno: u32) -> Vec<u8> {
    let mut out = Vec::new();
    let (mut line, mut offset, mut start) = (i64::from(firstlineno), 0i64, 0i64);
    for e in decode_linetable(table, firstlineno) {
        if e.computed_line != line {
            let (mut bdelta, mut ldelta) = (start - offset, e.computed_line - line);
            while bdelta > 255 {
                out.extend([255, 0]);
                bdelta -= 255;
            }
            while ldelta > 127 {
                out.extend([bdelta as u8, 127]);
                bdelta = 0;
                ldelta -= 127;
            }
            while ldelta < -128 {
                out.extend([bdelta as u8, 128]);
                bdelta = 0;
                ldelta += 128;
            }
            out.extend([bdelta as u8, ldelta as i8 as u8]);
            offset = start;
            line = e.computed_line;
        }
        start += 2 * i64::from(e.units);
    }
    out
}

/// `co_exceptiontable`: per entry its start, length, target and
/// `depth << 1 | lasti`, each as 6-bit groups most significant first, 0x40
/// flagging that another group follows, 0x80 marking an entry's first byte.
pub fn encode_exception_table(entries: &[ExceptionTableEntry]) -> Vec<u8> {
    let mut out = Vec::new();
    for e in entries {
        push_be_varint(&mut out, e.start, 0x80);
        push_be_varint(&mut out, e.end - e.start, 0);
        push_be_varint(&mut out, e.target, 0);
        push_be_varint(&mut out, e.depth << 1 | u32::from(e.lasti), 0);
    }
    out
}

fn push_be_varint(out: &mut Vec<u8>, value: u32, first: u8) {
    let mut flag = first;
    for shift in [30, 24, 18, 12, 6] {
        if value >= 1 << shift {
            out.push(((value >> shift) & 0x3f) as u8 | 0x40 | flag);
            flag = 0;
        }
    }
    out.push((value & 0x3f) as u8 | flag);
}

/// The entries of exception table `table`, or None where it is malformed
/// (an entry that does not start with 0x80, a truncated entry).
pub fn decode_exception_table(table: &[u8]) -> Option<Vec<ExceptionTableEntry>> {
    let mut entries = Vec::new();
    let mut at = 0;
    let mut read = |first: bool| -> Option<u32> {
        let mut b = *table.get(at)?;
        if first != (b & 0x80 != 0) {
            return None;
        }
        at += 1;
        let mut value = u32::from(b & 0x3f);
        while b & 0x40 != 0 {
            b = *table.get(at)?;
            if b & 0x80 != 0 {
                return None;
            }
            at += 1;
            value = value.checked_mul(64)? | u32::from(b & 0x3f);
        }
        Some(value)
    };
    while let Some(start) = read(true) {
        let len = read(false)?;
        let target = read(false)?;
        let depth_lasti = read(false)?;
        entries.push(ExceptionTableEntry {
            start,
            end: start.checked_add(len)?,
            target,
            depth: depth_lasti >> 1,
            lasti: depth_lasti & 1 != 0,
        });
    }
    (at == table.len()).then_some(entries)
}

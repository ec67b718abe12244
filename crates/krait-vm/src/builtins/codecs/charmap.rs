//! The one-byte codecs: latin-1, ascii and charmap (CPython's
//! `unicode_encode_ucs1`, `_PyUnicode_DecodeASCII`,
//! `PyUnicode_DecodeCharmap`, `PyUnicode_EncodeCharmap`,
//! `PyUnicode_BuildEncodingMap`).
//!
//! Invariants:
//! - A charmap decoding table is a `str` indexed by byte (U+FFFE and bytes
//!   past its end are undefined) or any mapping from byte to int, str or
//!   None (a LookupError is undefined too); an encoding map is a mapping
//!   from code point to int (0..256), bytes or None. `None` as the map is
//!   latin-1.
//! - Undefined characters are errors named `charmap` with reason
//!   "character maps to <undefined>"; when encoding, a run of them is one
//!   error, and a text replacement is encoded through the same map (a
//!   character of it that maps nowhere re-raises the error).

use krait_syntax::pystr::PyString;

use crate::builtins::bytes::as_buffer;
use crate::builtins::codecs::errors::{DecodeErrors, EncodeErrors, Replacement};
use crate::builtins::codecs::unicode::encode_with;
use crate::builtins::exceptions::LOOKUP_ERROR;
use crate::builtins::int::{int_of, new_int, Int};
use crate::builtins::str::{as_str_data, StrData};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// `text.encode('latin-1' or 'ascii', errors)`: `limit` is 256 or 128.
pub fn encode_ucs1(vm: &mut Vm, text: &StrData, errors: &str, limit: u32) -> PyResult<Vec<u8>> {
    if limit == 128 && text.bytes().is_ascii() {
        return Ok(text.bytes().to_vec());
    }
    let cps: Vec<u32> = text.code_points().collect();
    let (name, reason) = if limit == 128 {
        ("ascii", "ordinal not in range(128)")
    } else {
        ("latin-1", "ordinal not in range(256)")
    };
    let mut errs = EncodeErrors::new(name, text, &cps, errors);
    let mut out = Vec::with_capacity(cps.len());
    encode_with(vm, &mut errs, &cps, &mut out, reason, true, 1, |c| c >= limit, |c| c < limit, |o, c| o.push(c as u8))?;
    Ok(out)
}

/// `data.decode('latin-1')`.
pub fn decode_latin1(data: &[u8]) -> PyString {
    let mut out = PyString::new();
    data.iter().for_each(|&b| out.push_code_point(b as u32));
    out
}

/// `data.decode('ascii', errors)`.
pub fn decode_ascii(vm: &mut Vm, data: &[u8], errors: &str) -> PyResult<PyString> {
    let mut out = PyString::new();
    let mut errs = DecodeErrors::new("ascii", data, errors);
    let mut i = 0;
    while i < data.len() {
        let n = data[i..].iter().position(|&b| b >= 0x80).unwrap_or(data.len() - i);
        out.push_str(std::str::from_utf8(&data[i..i + n]).unwrap_or(""));
        i += n;
        if i < data.len() {
            i = errs.handle(vm, &mut out, i, i + 1, "ordinal not in range(128)")?;
        }
    }
    Ok(out)
}

/// What a decoding mapping gives for byte `b`: code points, or `None`
/// when it is undefined.
fn decode_one(vm: &mut Vm, mapping: &Value, b: u8) -> PyResult<Option<Vec<u32>>> {
    if let Some(table) = as_str_data(mapping) {
        // A str of at most 256 characters: index it.
        return Ok(match table.code_points().nth(b as usize) {
            Some(0xFFFE) | None => None,
            Some(c) => Some(vec![c]),
        });
    }
    let x = match crate::ops::getitem(vm, mapping, &new_int(b as i64)) {
        Ok(x) => x,
        Err(e) if vm.type_of(&e.exception).is_subtype(&LOOKUP_ERROR) => return Ok(None),
        Err(e) => return Err(e),
    };
    if crate::builtins::singletons::is_none(&x) {
        return Ok(None);
    }
    if let Some(i) = int_of(&x) {
        return match i {
            Int::Small(c @ 0..=0x10FFFF) if c != 0xFFFE => Ok(Some(vec![c as u32])),
            Int::Small(0xFFFE) => Ok(None),
            _ => Err(vm.type_error("character mapping must be in range(0x110000)")),
        };
    }
    if let Some(s) = as_str_data(&x) {
        let cps: Vec<u32> = s.code_points().collect();
        return Ok(if cps == [0xFFFE] { None } else { Some(cps) });
    }
    Err(vm.type_error("character mapping must return integer, None or str"))
}

/// `charmap_decode(data, errors, mapping)`.
pub fn decode_charmap(vm: &mut Vm, data: &[u8], errors: &str, mapping: &Value) -> PyResult<PyString> {
    if crate::builtins::singletons::is_none(mapping) {
        return Ok(decode_latin1(data));
    }
    let mut out = PyString::new();
    let mut errs = DecodeErrors::new("charmap", data, errors);
    let mut i = 0;
    while i < data.len() {
        match decode_one(vm, mapping, data[i])? {
            Some(cps) => {
                cps.into_iter().for_each(|c| out.push_code_point(c));
                i += 1;
            }
            None => i = errs.handle(vm, &mut out, i, i + 1, "character maps to <undefined>")?,
        }
    }
    Ok(out)
}

/// What an encoding mapping gives for code point `c`: bytes, or `None`
/// when it is undefined.
fn encode_one(vm: &mut Vm, mapping: &Value, c: u32) -> PyResult<Option<Vec<u8>>> {
    let x = match crate::ops::getitem(vm, mapping, &new_int(c as i64)) {
        Ok(x) => x,
        Err(e) if vm.type_of(&e.exception).is_subtype(&LOOKUP_ERROR) => return Ok(None),
        Err(e) => return Err(e),
    };
    if crate::builtins::singletons::is_none(&x) {
        return Ok(None);
    }
    if let Some(i) = int_of(&x) {
        return match i {
            Int::Small(b @ 0..=255) => Ok(Some(vec![b as u8])),
            _ => Err(vm.type_error("character mapping must be in range(256)")),
        };
    }
    if let Some(b) = crate::builtins::bytes::as_bytes(&x) {
        return Ok(Some(b.to_vec()));
    }
    let msg = format!("character mapping must return integer, bytes or None, not {}", vm.type_of(&x).name());
    Err(vm.type_error(msg))
}

/// `charmap_encode(text, errors, mapping)`.
pub fn encode_charmap(vm: &mut Vm, text: &StrData, errors: &str, mapping: &Value) -> PyResult<Vec<u8>> {
    if crate::builtins::singletons::is_none(mapping) {
        return encode_ucs1(vm, text, errors, 256);
    }
    let cps: Vec<u32> = text.code_points().collect();
    let mut errs = EncodeErrors::new("charmap", text, &cps, errors);
    let mut out = Vec::new();
    let reason = "character maps to <undefined>";
    let mut i = 0;
    while i < cps.len() {
        if let Some(b) = encode_one(vm, mapping, cps[i])? {
            out.extend_from_slice(&b);
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < cps.len() && encode_one(vm, mapping, cps[end])?.is_none() {
            end += 1;
        }
        let (rep, pos) = errs.handle(vm, i, end, reason)?;
        match rep {
            Replacement::Bytes(b) => out.extend_from_slice(&b),
            Replacement::Text(t) => {
                for c in t {
                    match encode_one(vm, mapping, c)? {
                        Some(b) => out.extend_from_slice(&b),
                        None => return Err(errs.error(i, end, reason)),
                    }
                }
            }
        }
        i = pos;
    }
    Ok(out)
}

/// `charmap_build(decoding_table)`: the inverse of a decoding table, as a
/// dict from code point to byte.
pub fn build_encoding_map(vm: &mut Vm, table: &StrData) -> PyResult<Value> {
    let d = crate::builtins::dict::new_dict();
    let dd = crate::builtins::dict::as_dict(&d).expect("a dict");
    // A character listed twice maps to its last byte, as in CPython. A
    // table CPython turns into an EncodingMap (256 characters, the first
    // U+0000 and no other, all in the BMP) leaves U+FFFE unmapped.
    let cps: Vec<u32> = table.code_points().collect();
    let compact = cps.len() == 256 && cps[0] == 0 && cps[1..].iter().all(|&c| c != 0 && c <= 0xFFFF);
    for (i, &c) in cps.iter().enumerate().take(256) {
        if compact && c == 0xFFFE {
            continue;
        }
        dd.set(vm, new_int(c as i64), new_int(i as i64))?;
    }
    Ok(d)
}

/// The bytes of a bytes-like value, copied.
pub fn buffer_bytes(v: &Value) -> Option<Vec<u8>> {
    as_buffer(v).map(|b| b.to_vec())
}

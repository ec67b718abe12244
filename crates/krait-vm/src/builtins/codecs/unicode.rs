//! The Unicode transformation formats: UTF-8, UTF-16, UTF-32 and UTF-7
//! (CPython's `PyUnicode_DecodeUTF8Stateful`, `PyUnicode_DecodeUTF16Stateful`,
//! `PyUnicode_DecodeUTF32Stateful`, `PyUnicode_DecodeUTF7Stateful` and their
//! encoders).
//!
//! Invariants:
//! - A decoder takes `final`: when it is false, an incomplete sequence at
//!   the end is left unread (the returned count stops before it) instead of
//!   being an error, which is what incremental decoders rely on.
//! - Error ranges and reasons are CPython's: UTF-8 reports the maximal
//!   invalid subpart; UTF-16 and UTF-32 report one code unit; an encoder
//!   reports a run of unencodable code points for UTF-8 and one code point
//!   for UTF-16 and UTF-32.
//! - Byte order: `0` reads a BOM if there is one (else little-endian, the
//!   machine's order) and writes one; `-1` is little-endian, `1` big-endian.

use krait_syntax::pystr::PyString;

use crate::builtins::codecs::errors::{DecodeErrors, EncodeErrors, Replacement};
use crate::builtins::str::StrData;
use crate::vm::PyResult;
use crate::vm::Vm;

/// Encode `cps`, one code point at a time, with `put`; `bad` marks what the
/// codec cannot encode, reported as a run (`run`) or one at a time. A text
/// replacement must consist of code points `rep_ok` accepts (else the
/// original error is raised); bytes replacements of a length that is not a
/// multiple of `unit` likewise.
#[allow(clippy::too_many_arguments)]
pub fn encode_with(
    vm: &mut Vm,
    errs: &mut EncodeErrors,
    cps: &[u32],
    out: &mut Vec<u8>,
    reason: &str,
    run: bool,
    unit: usize,
    bad: impl Fn(u32) -> bool,
    rep_ok: impl Fn(u32) -> bool,
    put: impl Fn(&mut Vec<u8>, u32),
) -> PyResult<()> {
    let mut i = 0;
    while i < cps.len() {
        let cp = cps[i];
        if !bad(cp) {
            put(out, cp);
            i += 1;
            continue;
        }
        let mut end = i + 1;
        if run {
            while end < cps.len() && bad(cps[end]) {
                end += 1;
            }
        }
        let (rep, pos) = errs.handle(vm, i, end, reason)?;
        match rep {
            Replacement::Bytes(b) => {
                if b.len() % unit != 0 {
                    return Err(errs.error(i, end, reason));
                }
                out.extend_from_slice(&b);
            }
            Replacement::Text(t) => {
                for c in t {
                    if !rep_ok(c) {
                        return Err(errs.error(i, end, reason));
                    }
                    put(out, c);
                }
            }
        }
        i = pos;
    }
    Ok(())
}

fn is_surrogate(cp: u32) -> bool {
    (0xD800..=0xDFFF).contains(&cp)
}

fn push_utf8(out: &mut Vec<u8>, cp: u32) {
    match cp {
        0..=0x7F => out.push(cp as u8),
        0x80..=0x7FF => out.extend_from_slice(&[0xC0 | (cp >> 6) as u8, 0x80 | (cp & 0x3F) as u8]),
        0x800..=0xFFFF => {
            out.extend_from_slice(&[0xE0 | (cp >> 12) as u8, 0x80 | ((cp >> 6) & 0x3F) as u8, 0x80 | (cp & 0x3F) as u8])
        }
        _ => out.extend_from_slice(&[
            0xF0 | (cp >> 18) as u8,
            0x80 | ((cp >> 12) & 0x3F) as u8,
            0x80 | ((cp >> 6) & 0x3F) as u8,
            0x80 | (cp & 0x3F) as u8,
        ]),
    }
}

/// `text.encode('utf-8', errors)`.
pub fn encode_utf8(vm: &mut Vm, text: &StrData, errors: &str) -> PyResult<Vec<u8>> {
    if std::str::from_utf8(text.bytes()).is_ok() {
        return Ok(text.bytes().to_vec());
    }
    let cps: Vec<u32> = text.code_points().collect();
    let mut errs = EncodeErrors::new("utf-8", text, &cps, errors);
    let mut out = Vec::with_capacity(text.bytes().len());
    encode_with(vm, &mut errs, &cps, &mut out, "surrogates not allowed", true, 1, is_surrogate, |c| c < 0x80, push_utf8)?;
    Ok(out)
}

/// `data.decode('utf-8', errors)`: the text and how many bytes were read.
pub fn decode_utf8(vm: &mut Vm, data: &[u8], errors: &str, final_: bool) -> PyResult<(PyString, usize)> {
    let mut out = PyString::new();
    let mut errs = DecodeErrors::new("utf-8", data, errors);
    let mut i = 0;
    while i < data.len() {
        match std::str::from_utf8(&data[i..]) {
            Ok(s) => {
                out.push_str(s);
                i = data.len();
            }
            Err(e) => {
                let valid = e.valid_up_to();
                out.push_str(std::str::from_utf8(&data[i..i + valid]).unwrap_or(""));
                i += valid;
                // A surrogate's first two bytes at the end of incremental
                // input wait for the third (CPython, for surrogatepass).
                let truncated_surrogate = data[i] == 0xED && data.len() - i == 2 && (0xA0..=0xBF).contains(&data[i + 1]);
                let (end, reason) = match e.error_len() {
                    None if !final_ => break,
                    Some(_) if !final_ && truncated_surrogate => break,
                    None => (data.len(), "unexpected end of data"),
                    Some(n) if n > 1 || (0xC2..=0xF4).contains(&data[i]) => (i + n, "invalid continuation byte"),
                    Some(_) => (i + 1, "invalid start byte"),
                };
                i = errs.handle(vm, &mut out, i, end, reason)?;
            }
        }
    }
    Ok((out, i))
}

/// The byte order a UTF-16/32 call works in: little-endian for 0 and -1.
fn little(byteorder: i32) -> bool {
    byteorder <= 0
}

/// `utf_16_encode(text, errors, byteorder)`.
pub fn encode_utf16(vm: &mut Vm, text: &StrData, errors: &str, byteorder: i32) -> PyResult<Vec<u8>> {
    let cps: Vec<u32> = text.code_points().collect();
    let name = match byteorder {
        0 => "utf-16",
        -1 => "utf-16-le",
        _ => "utf-16-be",
    };
    let le = little(byteorder);
    let mut out = Vec::with_capacity(2 * cps.len() + 2);
    let unit = move |out: &mut Vec<u8>, u: u16| out.extend_from_slice(&if le { u.to_le_bytes() } else { u.to_be_bytes() });
    if byteorder == 0 {
        unit(&mut out, 0xFEFF);
    }
    let mut errs = EncodeErrors::new(name, text, &cps, errors);
    let put = move |out: &mut Vec<u8>, cp: u32| {
        if cp >= 0x10000 {
            let c = cp - 0x10000;
            unit(out, 0xD800 | (c >> 10) as u16);
            unit(out, 0xDC00 | (c & 0x3FF) as u16);
        } else {
            unit(out, cp as u16);
        }
    };
    encode_with(vm, &mut errs, &cps, &mut out, "surrogates not allowed", false, 2, is_surrogate, |c| c < 0x80, put)?;
    Ok(out)
}

/// `utf_16_ex_decode`: reads a BOM when `byteorder` is 0 and sets it to
/// the order found.
pub fn decode_utf16(vm: &mut Vm, data: &[u8], errors: &str, byteorder: &mut i32, final_: bool) -> PyResult<(PyString, usize)> {
    let mut q = 0;
    if *byteorder == 0 && data.len() >= 2 {
        match u16::from_le_bytes([data[0], data[1]]) {
            0xFEFF => {
                q = 2;
                *byteorder = -1;
            }
            0xFFFE => {
                q = 2;
                *byteorder = 1;
            }
            _ => {}
        }
    }
    let le = little(*byteorder);
    let mut errs = DecodeErrors::new(if le { "utf-16-le" } else { "utf-16-be" }, data, errors);
    let unit = |at: usize| {
        let u = [data[at], data[at + 1]];
        (if le { u16::from_le_bytes(u) } else { u16::from_be_bytes(u) }) as u32
    };
    let e = data.len();
    let mut out = PyString::new();
    while q < e {
        let (start, end, reason) = if e - q < 2 {
            if !final_ {
                break;
            }
            (q, e, "truncated data")
        } else {
            let ch = unit(q);
            if !is_surrogate(ch) {
                out.push_code_point(ch);
                q += 2;
                continue;
            }
            if ch >= 0xDC00 {
                (q, q + 2, "illegal encoding")
            } else if e - q < 4 {
                if !final_ {
                    break;
                }
                (q, e, "unexpected end of data")
            } else {
                let ch2 = unit(q + 2);
                if (0xDC00..=0xDFFF).contains(&ch2) {
                    out.push_code_point(0x10000 + (((ch & 0x3FF) << 10) | (ch2 & 0x3FF)));
                    q += 4;
                    continue;
                }
                (q, q + 2, "illegal UTF-16 surrogate")
            }
        };
        q = errs.handle(vm, &mut out, start, end, reason)?;
    }
    Ok((out, q))
}

/// `utf_32_encode(text, errors, byteorder)`.
pub fn encode_utf32(vm: &mut Vm, text: &StrData, errors: &str, byteorder: i32) -> PyResult<Vec<u8>> {
    let cps: Vec<u32> = text.code_points().collect();
    let name = match byteorder {
        0 => "utf-32",
        -1 => "utf-32-le",
        _ => "utf-32-be",
    };
    let le = little(byteorder);
    let mut out = Vec::with_capacity(4 * cps.len() + 4);
    let put = move |out: &mut Vec<u8>, cp: u32| out.extend_from_slice(&if le { cp.to_le_bytes() } else { cp.to_be_bytes() });
    if byteorder == 0 {
        put(&mut out, 0xFEFF);
    }
    let mut errs = EncodeErrors::new(name, text, &cps, errors);
    encode_with(vm, &mut errs, &cps, &mut out, "surrogates not allowed", false, 4, is_surrogate, |c| c < 0x80, put)?;
    Ok(out)
}

/// `utf_32_ex_decode`.
pub fn decode_utf32(vm: &mut Vm, data: &[u8], errors: &str, byteorder: &mut i32, final_: bool) -> PyResult<(PyString, usize)> {
    let mut q = 0;
    if *byteorder == 0 && data.len() >= 4 {
        match u32::from_le_bytes([data[0], data[1], data[2], data[3]]) {
            0xFEFF => {
                q = 4;
                *byteorder = -1;
            }
            0xFFFE_0000 => {
                q = 4;
                *byteorder = 1;
            }
            _ => {}
        }
    }
    let le = little(*byteorder);
    let mut errs = DecodeErrors::new(if le { "utf-32-le" } else { "utf-32-be" }, data, errors);
    let e = data.len();
    let mut out = PyString::new();
    while q < e {
        let (end, reason) = if e - q < 4 {
            if !final_ {
                break;
            }
            (e, "truncated data")
        } else {
            let u = [data[q], data[q + 1], data[q + 2], data[q + 3]];
            let ch = if le { u32::from_le_bytes(u) } else { u32::from_be_bytes(u) };
            if is_surrogate(ch) {
                (q + 4, "code point in surrogate code point range(0xd800, 0xe000)")
            } else if ch >= 0x11_0000 {
                (q + 4, "code point not in range(0x110000)")
            } else {
                out.push_code_point(ch);
                q += 4;
                continue;
            }
        };
        q = errs.handle(vm, &mut out, q, end, reason)?;
    }
    Ok((out, q))
}

// ----- UTF-7 (RFC 2152) ---------------------------------------------------------

const BASE64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn is_base64(c: u32) -> bool {
    c < 128 && (c as u8 == b'+' || c as u8 == b'/' || (c as u8).is_ascii_alphanumeric())
}

fn from_base64(c: u8) -> u32 {
    BASE64.iter().position(|&b| b == c).unwrap_or(0) as u32
}

/// May `c` be written as itself (CPython's `ENCODE_DIRECT` with the
/// optional direct characters and white space allowed)? Everything but
/// `+`, `\`, `~` and controls other than tab, CR and LF.
fn encode_direct(c: u32) -> bool {
    c > 0 && c < 128 && !matches!(c as u8, b'+' | b'\\' | b'~') && (c >= 0x20 || matches!(c as u8, b'\t' | b'\r' | b'\n'))
        && c != 0x7F
}

/// `text.encode('utf-7')` (lone surrogates are encoded as they are).
pub fn encode_utf7(text: &StrData) -> Vec<u8> {
    let mut out = Vec::new();
    let (mut in_shift, mut bits, mut buffer) = (false, 0u32, 0u64);
    let flush = |out: &mut Vec<u8>, bits: &mut u32, buffer: &mut u64| {
        while *bits >= 6 {
            out.push(BASE64[((*buffer >> (*bits - 6)) & 0x3F) as usize]);
            *bits -= 6;
        }
        *buffer &= (1u64 << *bits) - 1;
    };
    for cp in text.code_points() {
        if in_shift {
            if encode_direct(cp) {
                if bits > 0 {
                    out.push(BASE64[((buffer << (6 - bits)) & 0x3F) as usize]);
                    buffer = 0;
                    bits = 0;
                }
                in_shift = false;
                if is_base64(cp) || cp == '-' as u32 {
                    out.push(b'-');
                }
                out.push(cp as u8);
                continue;
            }
        } else if cp == '+' as u32 {
            out.extend_from_slice(b"+-");
            continue;
        } else if encode_direct(cp) {
            out.push(cp as u8);
            continue;
        } else {
            out.push(b'+');
            in_shift = true;
        }
        let mut units = vec![cp];
        if cp >= 0x10000 {
            let c = cp - 0x10000;
            units = vec![0xD800 | (c >> 10), 0xDC00 | (c & 0x3FF)];
        }
        for u in units {
            bits += 16;
            buffer = (buffer << 16) | u as u64;
            flush(&mut out, &mut bits, &mut buffer);
        }
    }
    if bits > 0 {
        out.push(BASE64[((buffer << (6 - bits)) & 0x3F) as usize]);
    }
    if in_shift {
        out.push(b'-');
    }
    out
}

/// `utf_7_decode(data, errors, final)`.
pub fn decode_utf7(vm: &mut Vm, data: &[u8], errors: &str, final_: bool) -> PyResult<(PyString, usize)> {
    let mut errs = DecodeErrors::new("utf7", data, errors);
    let mut out = PyString::new();
    let e = data.len();
    let (mut in_shift, mut bits, mut buffer, mut surrogate) = (false, 0u32, 0u64, 0u32);
    let (mut start, mut shift_out_start) = (0, 0);
    let mut s = 0;
    loop {
        while s < e {
            let ch = data[s] as u32;
            let reason;
            if in_shift {
                if is_base64(ch) {
                    buffer = (buffer << 6) | from_base64(ch as u8) as u64;
                    bits += 6;
                    s += 1;
                    if bits >= 16 {
                        let unit = ((buffer >> (bits - 16)) & 0xFFFF) as u32;
                        bits -= 16;
                        buffer &= (1u64 << bits) - 1;
                        if surrogate != 0 {
                            if (0xDC00..=0xDFFF).contains(&unit) {
                                out.push_code_point(0x10000 + (((surrogate & 0x3FF) << 10) | (unit & 0x3FF)));
                                surrogate = 0;
                                continue;
                            }
                            out.push_code_point(surrogate);
                            surrogate = 0;
                        }
                        if (0xD800..=0xDBFF).contains(&unit) {
                            surrogate = unit;
                        } else {
                            out.push_code_point(unit);
                        }
                    }
                    continue;
                }
                in_shift = false;
                if bits >= 6 {
                    s += 1;
                    reason = "partial character in shift sequence";
                } else if bits > 0 && buffer != 0 {
                    s += 1;
                    reason = "non-zero padding bits in shift sequence";
                } else {
                    if surrogate != 0 && ch < 128 && ch != '+' as u32 {
                        out.push_code_point(surrogate);
                    }
                    surrogate = 0;
                    if ch == '-' as u32 {
                        s += 1;
                    }
                    continue;
                }
            } else if ch == '+' as u32 {
                start = s;
                s += 1;
                if s < e && data[s] == b'-' {
                    s += 1;
                    out.push_code_point('+' as u32);
                    continue;
                } else if s < e && !is_base64(data[s] as u32) {
                    s += 1;
                    reason = "ill-formed sequence";
                } else {
                    in_shift = true;
                    surrogate = 0;
                    shift_out_start = out.as_bytes().len();
                    bits = 0;
                    buffer = 0;
                    continue;
                }
            } else if ch < 128 {
                out.push_code_point(ch);
                s += 1;
                continue;
            } else {
                start = s;
                s += 1;
                reason = "unexpected special character";
            }
            s = errs.handle(vm, &mut out, start, s, reason)?;
        }
        if in_shift && final_ {
            in_shift = false;
            if surrogate != 0 || bits >= 6 || (bits > 0 && buffer != 0) {
                s = errs.handle(vm, &mut out, start, e, "unterminated shift sequence")?;
                if s < e {
                    continue;
                }
            }
        }
        break;
    }
    if in_shift {
        // Not final: the shift sequence is read again with what follows.
        let kept = out.as_bytes()[..shift_out_start].to_vec();
        return Ok((PyString::from_bytes(kept), start));
    }
    Ok((out, s))
}

//! The `binascii` module (CPython's `Modules/binascii.c`, 3.11: no hqx
//! functions): hex, base64, uuencode and quoted-printable codings and the
//! CRC-32 and CRC-CCITT checksums, under CPython's `base64`, `uu`,
//! `quopri` and `email` modules.
//!
//! Invariants:
//! - Decoders (`a2b_*`, `unhexlify`) take bytes-like objects or ASCII-only
//!   `str` (CPython's `ascii_buffer_converter`); encoders (`b2a_*`,
//!   `hexlify`, the CRCs) take bytes-like objects only.
//! - Every result is `bytes`, every failure of the data a `binascii.Error`
//!   (a ValueError) with CPython's message; `Error` and `Incomplete` are
//!   classes made with the module and kept per thread.
//! - The decoders read their input as CPython's C code does, including its
//!   quirks: `a2b_uu` of an empty line reads the C string's terminating
//!   NUL as its length byte (32 zero bytes), non-strict `a2b_base64` skips
//!   what is not base64 and stops at the first complete padding.

use std::cell::RefCell;

use crate::builtins::bytes::{as_buffer, buffer_arg, new_bytes};
use crate::builtins::dict::{as_dict, new_dict};
use crate::builtins::function::{new_builtin, new_module, no_keywords};
use crate::builtins::int::{int_of, new_int, Int};
use crate::builtins::itertools::bind;
use crate::builtins::singletons::none;
use crate::builtins::str::{as_str_data, intern, new_str};
use crate::types::TYPE_TYPE;
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

thread_local! {
    /// `binascii.Error` and `binascii.Incomplete`, made with the module.
    static ERROR: RefCell<Value> = const { RefCell::new(Value::NULL) };
    static INCOMPLETE: RefCell<Value> = const { RefCell::new(Value::NULL) };
}

/// A `binascii.Error` with `msg`.
fn error(vm: &mut Vm, msg: &str) -> PyErr {
    let cls = ERROR.with(|e| e.borrow().clone());
    match crate::eval::call(vm, &cls, &[new_str(msg)], &[]) {
        Ok(exc) => PyErr { exception: exc },
        Err(e) => e,
    }
}

/// The data of a decoder: bytes-like, or a `str` of ASCII characters.
fn ascii_data(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(s) = as_str_data(v) {
        if !s.bytes().is_ascii() {
            return Err(vm.value_error("string argument should contain only ASCII characters"));
        }
        return Ok(s.bytes().to_vec());
    }
    crate::builtins::memoryview::check_simple_buffer(vm, v)?;
    match as_buffer(v) {
        Some(b) => Ok(b.to_vec()),
        None => {
            let msg = format!("argument should be bytes, buffer or ASCII string, not '{}'", vm.type_of(v).name());
            Err(vm.type_error(msg))
        }
    }
}

/// The data of an encoder: bytes-like only.
fn binary_data(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    crate::builtins::memoryview::check_simple_buffer(vm, v)?;
    Ok(buffer_arg(vm, v)?.to_vec())
}

/// The one positional argument of a function whose others are keywords
/// (`name(data, /, *, ...)`), with Argument Clinic's message.
fn data_positional<'a>(vm: &mut Vm, name: &str, args: &'a [Value], kwnames: &[Value]) -> PyResult<&'a Value> {
    let npos = args.len() - kwnames.len();
    if npos != 1 {
        return Err(vm.type_error(format!("{name}() takes exactly 1 positional argument ({npos} given)")));
    }
    Ok(&args[0])
}

/// A keyword-only flag of `name` (`newline`, `strict_mode`, `backtick`).
fn keyword_flag(vm: &mut Vm, name: &str, flag: &str, default: bool, args: &[Value], kwnames: &[Value]) -> PyResult<bool> {
    let npos = args.len() - kwnames.len();
    let mut value = default;
    for (k, v) in kwnames.iter().zip(&args[npos..]) {
        match crate::builtins::str::as_str(k) {
            Some(k) if k == flag => value = crate::ops::truthy(vm, v)?,
            Some(k) => return Err(vm.type_error(format!("'{k}' is an invalid keyword argument for {name}()"))),
            None => return Err(vm.type_error("keywords must be strings")),
        }
    }
    Ok(value)
}

fn truthy_or(vm: &mut Vm, v: Option<Value>, default: bool) -> PyResult<bool> {
    match v {
        Some(v) => crate::ops::truthy(vm, &v),
        None => Ok(default),
    }
}

// ----- uuencode -----------------------------------------------------------------

/// `a2b_uu(data, /)`: one line of uuencoded data.
fn a2b_uu(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let data = one_positional(vm, "a2b_uu", args, kwnames)?;
    let ascii = ascii_data(vm, data)?;
    // The first byte is the length; CPython reads the C string's NUL for
    // an empty line.
    let first = ascii.first().copied().unwrap_or(0);
    let mut bin_len = usize::from(first.wrapping_sub(b' ') & 0o77);
    let mut rest = ascii.get(1..).unwrap_or(&[]).iter().copied();
    let mut out = Vec::with_capacity(bin_len);
    let (mut leftchar, mut leftbits) = (0u32, 0u32);
    while bin_len > 0 {
        let ch = match rest.next() {
            None | Some(b'\n') | Some(b'\r') => 0,
            Some(c) => {
                // '@' and '`' past ' ' + 63 are accepted as zero.
                if !(b' '..=b' ' + 64).contains(&c) {
                    return Err(error(vm, "Illegal char"));
                }
                (c - b' ') & 0o77
            }
        };
        leftchar = (leftchar << 6) | u32::from(ch);
        leftbits += 6;
        if leftbits >= 8 {
            leftbits -= 8;
            out.push((leftchar >> leftbits) as u8);
            leftchar &= (1 << leftbits) - 1;
            bin_len -= 1;
        }
    }
    // What is left of the line may only be blanks or padding.
    if rest.any(|c| !matches!(c, b' ' | b'`' | b'\n' | b'\r')) {
        return Err(error(vm, "Trailing garbage"));
    }
    Ok(new_bytes(out))
}

/// `b2a_uu(data, /, *, backtick=False)`: one line of at most 45 bytes.
fn b2a_uu(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let data = data_positional(vm, "b2a_uu", args, kwnames)?;
    let backtick = keyword_flag(vm, "b2a_uu", "backtick", false, args, kwnames)?;
    let bin = binary_data(vm, data)?;
    if bin.len() > 45 {
        return Err(error(vm, "At most 45 bytes at once"));
    }
    let encode = |c: u32| if backtick && c == 0 { b'`' } else { b' ' + c as u8 };
    let mut out = Vec::with_capacity(2 + bin.len() * 4 / 3 + 4);
    out.push(encode(bin.len() as u32));
    for chunk in bin.chunks(3) {
        let mut group = [0u8; 3];
        group[..chunk.len()].copy_from_slice(chunk);
        let n = (u32::from(group[0]) << 16) | (u32::from(group[1]) << 8) | u32::from(group[2]);
        for shift in [18, 12, 6, 0] {
            out.push(encode((n >> shift) & 0x3f));
        }
    }
    out.push(b'\n');
    Ok(new_bytes(out))
}

fn one_positional<'a>(vm: &mut Vm, name: &str, args: &'a [Value], kwnames: &[Value]) -> PyResult<&'a Value> {
    no_keywords(vm, name, kwnames)?;
    match args {
        [a] => Ok(a),
        _ => Err(vm.type_error(format!("{name}() takes exactly one argument ({} given)", args.len()))),
    }
}

// ----- base64 -------------------------------------------------------------------

const B64_ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn b64_value(c: u8) -> Option<u8> {
    match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    }
}

/// `a2b_base64(data, /, *, strict_mode=False)`.
fn a2b_base64(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let data = data_positional(vm, "a2b_base64", args, kwnames)?;
    let strict = keyword_flag(vm, "a2b_base64", "strict_mode", false, args, kwnames)?;
    let ascii = ascii_data(vm, data)?;
    match decode_base64(&ascii, strict) {
        Ok(out) => Ok(new_bytes(out)),
        Err(msg) => Err(error(vm, &msg)),
    }
}

/// Base64 decoding as `binascii_a2b_base64_impl`: non-alphabet bytes are
/// skipped (an error in strict mode), a pad completing a quad ends the
/// data.
fn decode_base64(ascii: &[u8], strict: bool) -> Result<Vec<u8>, String> {
    if strict && ascii.first() == Some(&b'=') {
        return Err("Leading padding not allowed".into());
    }
    let mut out = Vec::with_capacity(ascii.len() / 4 * 3 + 3);
    let (mut quad_pos, mut leftchar, mut pads) = (0u32, 0u8, 0u32);
    let mut padding_started = false;
    for (i, &c) in ascii.iter().enumerate() {
        if c == b'=' {
            padding_started = true;
            pads += 1;
            if quad_pos >= 2 && quad_pos + pads >= 4 {
                if strict && i + 1 < ascii.len() {
                    return Err("Excess data after padding".into());
                }
                return Ok(out);
            }
            continue;
        }
        let Some(v) = b64_value(c) else {
            if strict {
                return Err("Only base64 data is allowed".into());
            }
            continue;
        };
        if strict && padding_started {
            return Err("Discontinuous padding not allowed".into());
        }
        pads = 0;
        match quad_pos {
            0 => {
                quad_pos = 1;
                leftchar = v;
            }
            1 => {
                quad_pos = 2;
                out.push((leftchar << 2) | (v >> 4));
                leftchar = v & 0x0f;
            }
            2 => {
                quad_pos = 3;
                out.push((leftchar << 4) | (v >> 2));
                leftchar = v & 0x03;
            }
            _ => {
                quad_pos = 0;
                out.push((leftchar << 6) | v);
                leftchar = 0;
            }
        }
    }
    match quad_pos {
        0 => Ok(out),
        1 => Err(format!(
            "Invalid base64-encoded string: number of data characters ({}) cannot be 1 more than a multiple of 4",
            out.len() / 3 * 4 + 1
        )),
        _ => Err("Incorrect padding".into()),
    }
}

/// `b2a_base64(data, /, *, newline=True)`.
fn b2a_base64(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let data = data_positional(vm, "b2a_base64", args, kwnames)?;
    let newline = keyword_flag(vm, "b2a_base64", "newline", true, args, kwnames)?;
    let bin = binary_data(vm, data)?;
    let mut out = Vec::with_capacity(bin.len().div_ceil(3) * 4 + 1);
    for chunk in bin.chunks(3) {
        let mut group = [0u8; 3];
        group[..chunk.len()].copy_from_slice(chunk);
        let n = (u32::from(group[0]) << 16) | (u32::from(group[1]) << 8) | u32::from(group[2]);
        let chars = [18, 12, 6, 0].map(|s| B64_ALPHABET[((n >> s) & 0x3f) as usize]);
        let keep = chunk.len() + 1;
        out.extend_from_slice(&chars[..keep]);
        out.resize(out.len() + 4 - keep, b'=');
    }
    if newline {
        out.push(b'\n');
    }
    Ok(new_bytes(out))
}

// ----- hex ----------------------------------------------------------------------

/// `b2a_hex(data, sep=<none>, bytes_per_sep=1)` and `hexlify`: as
/// `bytes.hex`, as bytes.
fn b2a_hex(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [data, sep, per] = bind(vm, "b2a_hex", args, kwnames, ["data", "sep", "bytes_per_sep"], 3, 1)?;
    let bin = binary_data(vm, &data.expect("a required argument"))?;
    let (rest, names) = match (sep, per) {
        (Some(s), Some(p)) => (vec![s, p], vec![]),
        (Some(s), None) => (vec![s], vec![]),
        (None, Some(p)) => (vec![p], vec![new_str("bytes_per_sep")]),
        (None, None) => (vec![], vec![]),
    };
    let hex = crate::builtins::bytes_methods::hex(vm, &new_bytes(bin), &rest, &names)?;
    let text = crate::builtins::str::as_str(&hex).unwrap_or_default().as_bytes().to_vec();
    Ok(new_bytes(text))
}

fn hex_value(c: u8) -> Option<u8> {
    (c as char).to_digit(16).map(|d| d as u8)
}

/// `a2b_hex(hexstr, /)` and `unhexlify`.
fn a2b_hex(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let data = one_positional(vm, "a2b_hex", args, kwnames)?;
    let ascii = ascii_data(vm, data)?;
    if ascii.len() % 2 != 0 {
        return Err(error(vm, "Odd-length string"));
    }
    let mut out = Vec::with_capacity(ascii.len() / 2);
    for pair in ascii.chunks(2) {
        match (hex_value(pair[0]), hex_value(pair[1])) {
            (Some(hi), Some(lo)) => out.push(hi << 4 | lo),
            _ => return Err(error(vm, "Non-hexadecimal digit found")),
        }
    }
    Ok(new_bytes(out))
}

// ----- CRCs ---------------------------------------------------------------------

/// The table of the reflected CRC-32 (polynomial 0xEDB88320), as zlib's.
const CRC32_TABLE: [u32; 256] = {
    let mut table = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut c = i as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 { 0xedb8_8320 ^ (c >> 1) } else { c >> 1 };
            k += 1;
        }
        table[i] = c;
        i += 1;
    }
    table
};

/// The table of CRC-CCITT (polynomial 0x1021, not reflected), binhex's.
const CRC_HQX_TABLE: [u16; 256] = {
    let mut table = [0u16; 256];
    let mut i = 0;
    while i < 256 {
        let mut c = (i as u16) << 8;
        let mut k = 0;
        while k < 8 {
            c = if c & 0x8000 != 0 { (c << 1) ^ 0x1021 } else { c << 1 };
            k += 1;
        }
        table[i] = c;
        i += 1;
    }
    table
};

/// An `unsigned int` taken bitwise (`PyLong_AsUnsignedLongMask`): the low
/// 32 bits of any int.
pub(crate) fn bitwise_u32(vm: &mut Vm, v: &Value) -> PyResult<u32> {
    let Some(i) = crate::ops::index(vm, v)? else {
        let msg = format!("'{}' object cannot be interpreted as an integer", vm.type_of(v).name());
        return Err(vm.type_error(msg));
    };
    Ok(match int_of(&i) {
        Some(Int::Small(n)) => n as u32,
        Some(Int::Big(b)) => {
            let (sign, words) = b.as_sign_words();
            let low = words.first().map_or(0, |&w| w as u32);
            if sign == dashu_int::Sign::Negative {
                low.wrapping_neg()
            } else {
                low
            }
        }
        None => 0,
    })
}

fn positional_range<'a>(vm: &mut Vm, name: &str, args: &'a [Value], kwnames: &[Value], min: usize, max: usize) -> PyResult<&'a [Value]> {
    no_keywords(vm, name, kwnames)?;
    if args.len() < min || args.len() > max {
        let (how, n) = if args.len() < min { ("at least ", min) } else { ("at most ", max) };
        let how = if min == max { "" } else { how };
        let s = if n == 1 { "" } else { "s" };
        return Err(vm.type_error(format!("{name} expected {how}{n} argument{s}, got {}", args.len())));
    }
    Ok(args)
}

/// `crc32(data, crc=0, /)`.
fn crc32(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let args = positional_range(vm, "crc32", args, kwnames, 1, 2)?;
    let bin = binary_data(vm, &args[0])?;
    let start = match args.get(1) {
        Some(c) => bitwise_u32(vm, c)?,
        None => 0,
    };
    let mut crc = !start;
    for &b in &bin {
        crc = CRC32_TABLE[((crc ^ u32::from(b)) & 0xff) as usize] ^ (crc >> 8);
    }
    Ok(new_int(i64::from(!crc)))
}

/// `crc_hqx(data, crc, /)`.
fn crc_hqx(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let args = positional_range(vm, "crc_hqx", args, kwnames, 2, 2)?;
    let bin = binary_data(vm, &args[0])?;
    let mut crc = bitwise_u32(vm, &args[1])? as u16;
    for &b in &bin {
        crc = (crc << 8) ^ CRC_HQX_TABLE[usize::from((crc >> 8) as u8 ^ b)];
    }
    Ok(new_int(i64::from(crc)))
}

// ----- quoted-printable ---------------------------------------------------------

/// `a2b_qp(data, header=False)`.
fn a2b_qp(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [data, header] = bind(vm, "a2b_qp", args, kwnames, ["data", "header"], 2, 1)?;
    let ascii = ascii_data(vm, &data.expect("a required argument"))?;
    let header = truthy_or(vm, header, false)?;
    let n = ascii.len();
    let mut out = Vec::with_capacity(n);
    let mut i = 0;
    while i < n {
        let c = ascii[i];
        if c == b'=' {
            i += 1;
            if i >= n {
                break;
            }
            if ascii[i] == b'\n' || ascii[i] == b'\r' {
                // A soft line break: skip to the end of the line.
                while i < n && ascii[i] != b'\n' {
                    i += 1;
                }
                if i < n {
                    i += 1;
                }
            } else if ascii[i] == b'=' {
                out.push(b'=');
                i += 1;
            } else if let (true, Some(hi), Some(lo)) = (i + 1 < n, hex_value(ascii[i]), ascii.get(i + 1).copied().and_then(hex_value)) {
                out.push(hi << 4 | lo);
                i += 2;
            } else {
                out.push(b'=');
            }
        } else if header && c == b'_' {
            out.push(b' ');
            i += 1;
        } else {
            out.push(c);
            i += 1;
        }
    }
    Ok(new_bytes(out))
}

/// `b2a_qp(data, quotetabs=False, istext=True, header=False)`: lines of
/// at most 76 characters, with CRLF line ends if the data's first line
/// ends so (CPython's `binascii_b2a_qp_impl`, its second pass).
fn b2a_qp(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    const MAXLINESIZE: usize = 76;
    let [data, quotetabs, istext, header] = bind(vm, "b2a_qp", args, kwnames, ["data", "quotetabs", "istext", "header"], 4, 1)?;
    let bin = binary_data(vm, &data.expect("a required argument"))?;
    let quotetabs = truthy_or(vm, quotetabs, false)?;
    let istext = truthy_or(vm, istext, true)?;
    let header = truthy_or(vm, header, false)?;
    let n = bin.len();
    let crlf = bin.iter().position(|&c| c == b'\n').is_some_and(|p| p > 0 && bin[p - 1] == b'\r');
    let soft_break = |out: &mut Vec<u8>| {
        out.push(b'=');
        if crlf {
            out.push(b'\r');
        }
        out.push(b'\n');
    };
    let push_hex = |out: &mut Vec<u8>, c: u8| {
        const HEX: &[u8; 16] = b"0123456789ABCDEF";
        out.push(HEX[usize::from(c >> 4)]);
        out.push(HEX[usize::from(c & 15)]);
    };
    let mut out: Vec<u8> = Vec::with_capacity(n * 3 / 2 + 4);
    let (mut i, mut linelen) = (0usize, 0usize);
    while i < n {
        let c = bin[i];
        let next = bin.get(i + 1).copied();
        let quote = c > 126
            || c == b'='
            || (header && c == b'_')
            || (c == b'.' && linelen == 0 && matches!(next, None | Some(b'\n') | Some(b'\r') | Some(0)))
            || (!istext && (c == b'\r' || c == b'\n'))
            || ((c == b'\t' || c == b' ') && next.is_none())
            || (c < 33 && c != b'\r' && c != b'\n' && (quotetabs || (c != b'\t' && c != b' ')));
        if quote {
            if linelen + 3 >= MAXLINESIZE {
                soft_break(&mut out);
                linelen = 0;
            }
            out.push(b'=');
            push_hex(&mut out, c);
            i += 1;
            linelen += 3;
        } else if istext && (c == b'\n' || (c == b'\r' && next == Some(b'\n'))) {
            linelen = 0;
            // A blank before a line end is quoted.
            if let Some(&last) = out.last().filter(|&&l| l == b' ' || l == b'\t') {
                *out.last_mut().expect("not empty") = b'=';
                push_hex(&mut out, last);
            }
            if crlf {
                out.push(b'\r');
            }
            out.push(b'\n');
            i += if c == b'\r' { 2 } else { 1 };
        } else {
            if next.is_some() && next != Some(b'\n') && linelen + 1 >= MAXLINESIZE {
                soft_break(&mut out);
                linelen = 0;
            }
            linelen += 1;
            out.push(if header && c == b' ' { b'_' } else { c });
            i += 1;
        }
    }
    Ok(new_bytes(out))
}

/// The `binascii` module.
pub fn new_binascii_module(vm: &mut Vm) -> PyResult<Value> {
    let d = new_dict();
    let dd = as_dict(&d).expect("a dict");
    dd.set(vm, new_str("__name__"), new_str("binascii"))?;
    dd.set(vm, new_str("__doc__"), new_str("Conversion between binary data and ASCII"))?;
    dd.set(vm, new_str("__package__"), new_str(""))?;
    dd.set(vm, new_str("__loader__"), none())?;
    dd.set(vm, new_str("__spec__"), none())?;

    let value_error = crate::types::type_value(&crate::builtins::exceptions::VALUE_ERROR);
    let exception = crate::types::type_value(&crate::builtins::exceptions::EXCEPTION);
    for (name, base, cell) in [("Error", value_error, &ERROR), ("Incomplete", exception, &INCOMPLETE)] {
        let ns = new_dict();
        as_dict(&ns).expect("a dict").set(vm, intern("__module__"), new_str("binascii"))?;
        let cls = crate::builtins::classes::new_class(vm, &TYPE_TYPE, name, &[base], &ns, &[])?;
        cell.with(|c| *c.borrow_mut() = cls.clone());
        dd.set(vm, new_str(name), cls)?;
    }

    let functions: [(&'static str, crate::types::CallFn); 12] = [
        ("a2b_uu", a2b_uu),
        ("b2a_uu", b2a_uu),
        ("a2b_base64", a2b_base64),
        ("b2a_base64", b2a_base64),
        ("a2b_hex", a2b_hex),
        ("unhexlify", a2b_hex),
        ("b2a_hex", b2a_hex),
        ("hexlify", b2a_hex),
        ("crc32", crc32),
        ("crc_hqx", crc_hqx),
        ("a2b_qp", a2b_qp),
        ("b2a_qp", b2a_qp),
    ];
    for (name, f) in functions {
        dd.set(vm, new_str(name), new_builtin(name, f))?;
    }
    Ok(new_module("binascii", d))
}

#[cfg(test)]
mod tests {
    use super::decode_base64;

    #[test]
    fn base64_padding_rules() {
        assert_eq!(decode_base64(b"YWJj", false).unwrap(), b"abc");
        assert_eq!(decode_base64(b"YQ==trailing", false).unwrap(), b"a");
        assert_eq!(decode_base64(b"YQ", false).unwrap_err(), "Incorrect padding");
        assert_eq!(decode_base64(b"=YQ==", true).unwrap_err(), "Leading padding not allowed");
    }
}

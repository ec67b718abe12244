//! `_json`: the accelerator `json` imports (CPython's `Modules/_json.c`):
//! `scanstring`, `encode_basestring(_ascii)`, and the types
//! `make_scanner` (`_json.Scanner`) and `make_encoder` (`_json.Encoder`).
//!
//! Invariants:
//! - Strings are scanned over their generalized UTF-8 bytes: every byte
//!   JSON's syntax looks at is ASCII, and a byte >= 0x80 is never one, so
//!   positions are byte offsets inside and code-point indexes (`index_of`,
//!   `offset_of`) wherever Python sees them (ends, error positions).
//! - Decoding errors are `json.decoder.JSONDecodeError(msg, doc, pos)`,
//!   looked up when raised, as CPython's `raise_errmsg`; a missing value
//!   is `StopIteration(pos)`, which `JSONDecoder.raw_decode` turns into
//!   "Expecting value".
//! - 3.11's messages: no "Illegal trailing comma" (a comma before `]` is
//!   "Expecting value", before `}` "Expecting property name ...").

mod encoder;
mod scanner;

use krait_syntax::pystr::PyString;

use crate::builtins::exceptions::{exception_with_args, STOP_ITERATION};
use crate::builtins::int::new_int;
use crate::builtins::str::{as_str_data, new_str, new_str_from_pystring, StrData};
use crate::builtins::tuple::new_tuple;
use crate::eval::call;
use crate::ops;
use crate::types::type_value;
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

/// `first argument must be a string, not T` (the functions' and the
/// scanner's check).
fn need_str<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a StrData> {
    match as_str_data(v) {
        Some(d) => Ok(d),
        None => {
            let msg = format!("first argument must be a string, not {:.80}", vm.type_of(v).name());
            Err(vm.type_error(msg))
        }
    }
}

/// `JSONDecodeError(msg, doc, pos)` with `pos` a byte offset into `doc`.
fn decode_error(vm: &mut Vm, msg: &str, doc: &Value, pos: usize) -> PyErr {
    let text = as_str_data(doc).expect("a str");
    let index = text.index_of(pos.min(text.bytes().len()));
    let made = (|| {
        let module = crate::import::import_module(vm, "json.decoder")?;
        let cls = ops::getattr(vm, &module, &crate::builtins::str::intern("JSONDecodeError"))?;
        call(vm, &cls, &[new_str(msg), doc.clone(), new_int(index as i64)], &[])
    })();
    match made {
        Ok(exc) => PyErr { exception: exc },
        Err(e) => e,
    }
}

/// `StopIteration(index)`: no JSON value starts at byte offset `pos`.
fn stop_iteration(doc: &StrData, pos: usize) -> PyErr {
    let index = doc.index_of(pos.min(doc.bytes().len()));
    PyErr { exception: exception_with_args(&STOP_ITERATION, vec![new_int(index as i64)]) }
}

/// The value of hex digit `b`.
fn hex_value(b: u8) -> Option<u32> {
    (b as char).to_digit(16)
}

/// Do at least `n` code points follow byte offset `pos`?
fn has_code_points(bytes: &[u8], pos: usize, n: usize) -> bool {
    bytes.get(pos..).is_some_and(|rest| rest.iter().filter(|&&b| b & 0xC0 != 0x80).take(n).count() == n)
}

/// Four hex digits at byte offset `at` (ASCII only).
fn hex4(bytes: &[u8], at: usize) -> Option<u32> {
    let digits = bytes.get(at..at + 4)?;
    digits.iter().try_fold(0, |acc, &b| Some(acc << 4 | hex_value(b)?))
}

/// Decode the JSON string whose body starts at byte offset `end` of
/// `doc` (just after its opening quote): the string and the byte offset
/// after its closing quote (CPython's `scanstring_unicode`).
pub(super) fn scan_string(vm: &mut Vm, doc: &Value, mut end: usize, strict: bool) -> PyResult<(Value, usize)> {
    let text = as_str_data(doc).expect("a str");
    let b = text.bytes();
    let begin = end - 1;
    let mut out = PyString::new();
    loop {
        let mut next = end;
        while next < b.len() {
            let d = b[next];
            if d == b'"' || d == b'\\' {
                break;
            }
            if d <= 0x1f && strict {
                return Err(decode_error(vm, "Invalid control character at", doc, next));
            }
            next += 1;
        }
        if next == b.len() {
            return Err(decode_error(vm, "Unterminated string starting at", doc, begin));
        }
        if b[next] == b'"' && out.is_empty() {
            // No escape met: the slice as it is.
            let body = b[end..next].to_vec();
            return Ok((new_str_from_pystring(&PyString::from_bytes(body)), next + 1));
        }
        out.push_pystr(&PyString::from_bytes(b[end..next].to_vec()));
        if b[next] == b'"' {
            return Ok((new_str_from_pystring(&out), next + 1));
        }
        next += 1;
        if next == b.len() {
            return Err(decode_error(vm, "Unterminated string starting at", doc, begin));
        }
        let c = b[next];
        if c != b'u' {
            end = next + 1;
            let unescaped = match c {
                b'"' | b'\\' | b'/' => c,
                b'b' => 8,
                b'f' => 12,
                b'n' => b'\n',
                b'r' => b'\r',
                b't' => b'\t',
                _ => return Err(decode_error(vm, "Invalid \\escape", doc, next - 1)),
            };
            out.push_code_point(unescaped as u32);
            continue;
        }
        // `\uXXXX`: four hex digits and at least one code point after them.
        let u = next;
        if !has_code_points(b, u + 1, 5) {
            return Err(decode_error(vm, "Invalid \\uXXXX escape", doc, u));
        }
        let Some(mut cp) = hex4(b, u + 1) else {
            return Err(decode_error(vm, "Invalid \\uXXXX escape", doc, u));
        };
        end = u + 5;
        // A high surrogate followed by an escaped low one is one code point.
        if (0xD800..=0xDBFF).contains(&cp) && has_code_points(b, end, 7) && b[end] == b'\\' && b[end + 1] == b'u' {
            let Some(low) = hex4(b, end + 2) else {
                return Err(decode_error(vm, "Invalid \\uXXXX escape", doc, end + 1));
            };
            if (0xDC00..=0xDFFF).contains(&low) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                end += 6;
            }
        }
        out.push_code_point(cp);
    }
}

/// `scanstring(string, end, strict=True) -> (string, end)`.
fn scanstring(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::function::no_keywords(vm, "scanstring", kwnames)?;
    if !(2..=3).contains(&args.len()) {
        let how = if args.len() < 2 { "at least 2" } else { "at most 3" };
        let msg = format!("scanstring expected {how} arguments, got {}", args.len());
        return Err(vm.type_error(msg));
    }
    let end = crate::builtins::str_methods::ssize_arg(vm, &args[1])?;
    let strict = match args.get(2) {
        Some(v) => ops::truthy(vm, v)?,
        None => true,
    };
    let text = need_str(vm, &args[0])?;
    if end < 0 || end as usize > text.len() {
        return Err(vm.value_error("end is out of bounds"));
    }
    let start = text.offset_of(end as usize);
    let (s, next) = scan_string(vm, &args[0], start, strict)?;
    let text = as_str_data(&args[0]).expect("a str");
    Ok(new_tuple(vec![s, new_int(text.index_of(next) as i64)]))
}

/// Append `cp` as `\uXXXX` (a surrogate pair above the BMP).
fn push_u_escape(out: &mut String, cp: u32) {
    if cp >= 0x10000 {
        let v = cp - 0x10000;
        push_u_escape(out, 0xD800 | (v >> 10));
        push_u_escape(out, 0xDC00 | (v & 0x3FF));
    } else {
        out.push_str(&format!("\\u{cp:04x}"));
    }
}

/// The two-character escape of `cp`, if JSON has one.
fn short_escape(cp: u32) -> Option<&'static str> {
    Some(match cp {
        0x5C => "\\\\",
        0x22 => "\\\"",
        0x08 => "\\b",
        0x0C => "\\f",
        0x0A => "\\n",
        0x0D => "\\r",
        0x09 => "\\t",
        _ => return None,
    })
}

/// `encode_basestring_ascii(s)`: `s` quoted, everything outside
/// printable ASCII escaped.
pub(super) fn escape_ascii(text: &StrData) -> Value {
    let mut out = String::with_capacity(text.bytes().len() + 2);
    out.push('"');
    for cp in text.code_points() {
        if let Some(e) = short_escape(cp) {
            out.push_str(e);
        } else if (0x20..=0x7E).contains(&cp) {
            out.push(cp as u8 as char);
        } else {
            push_u_escape(&mut out, cp);
        }
    }
    out.push('"');
    new_str(&out)
}

/// `encode_basestring(s)`: `s` quoted, only `"`, `\` and control
/// characters escaped.
pub(super) fn escape(text: &StrData) -> Value {
    let mut out = PyString::new();
    out.push_str("\"");
    for cp in text.code_points() {
        if let Some(e) = short_escape(cp) {
            out.push_str(e);
        } else if cp <= 0x1F {
            out.push_str(&format!("\\u{cp:04x}"));
        } else {
            out.push_code_point(cp);
        }
    }
    out.push_str("\"");
    new_str_from_pystring(&out)
}

fn one_str_arg<'a>(vm: &mut Vm, name: &str, args: &'a [Value], kwnames: &[Value]) -> PyResult<&'a StrData> {
    crate::builtins::function::no_keywords(vm, name, kwnames)?;
    let [s] = args else {
        let msg = format!("{name}() takes exactly one argument ({} given)", args.len());
        return Err(vm.type_error(msg));
    };
    need_str(vm, s)
}

fn encode_basestring_ascii(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    Ok(escape_ascii(one_str_arg(vm, "encode_basestring_ascii", args, kwnames)?))
}

fn encode_basestring(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    Ok(escape(one_str_arg(vm, "encode_basestring", args, kwnames)?))
}

/// The `_json` module.
pub fn new_json_module(vm: &mut Vm) -> PyResult<Value> {
    const DOC: &str = "json speedups\n";
    let functions: [(&'static str, crate::types::CallFn); 3] = [
        ("encode_basestring_ascii", encode_basestring_ascii),
        ("encode_basestring", encode_basestring),
        ("scanstring", scanstring),
    ];
    let d = crate::builtins::function::native_module_dict(vm, "_json", DOC, &functions)?;
    let dd = crate::builtins::dict::as_dict(&d).expect("a dict");
    dd.set(vm, new_str("make_scanner"), type_value(&scanner::SCANNER_TYPE))?;
    dd.set(vm, new_str("make_encoder"), type_value(&encoder::ENCODER_TYPE))?;
    Ok(crate::builtins::function::new_module("_json", d))
}

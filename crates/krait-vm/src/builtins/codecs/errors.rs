//! Codec error handlers (CPython's `Python/codecs.c` handlers and
//! `unicode_encode_call_errorhandler`/`unicode_decode_call_errorhandler`
//! in `Objects/unicodeobject.c`).
//!
//! Invariants:
//! - A handler is resolved from its name only when the first error
//!   happens (`b'x'.decode('ascii', 'bogus')` succeeds), and once per call.
//!   The built-in names are handled natively by name, as CPython's codecs
//!   do; any other name goes through the registry (`register_error`).
//! - A Python handler gets one exception object per codec call, whose
//!   `start`, `end` and `reason` are updated before each call, and must
//!   return `(replacement, position)`; a negative position counts from
//!   the end, one outside the input is an IndexError.
//! - The native handlers and the functions `lookup_error` returns for the
//!   built-in names (`strict_errors`, ...) compute the same replacements.

use std::cell::RefCell;

use krait_syntax::pystr::PyString;

use crate::builtins::bytes::{as_buffer, new_bytes};
use crate::builtins::exceptions::{
    as_exception, exception_with_args, LOOKUP_ERROR, UNICODE_DECODE_ERROR, UNICODE_ENCODE_ERROR,
    UNICODE_TRANSLATE_ERROR,
};
use crate::builtins::int::new_int;
use crate::builtins::str::{as_str_data, new_str, StrData};
use crate::builtins::tuple::{as_tuple, new_tuple};
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

thread_local! {
    /// Handlers registered with `register_error`, by name.
    static REGISTERED: RefCell<Vec<(String, Value)>> = const { RefCell::new(Vec::new()) };
}

/// The built-in handler names, in the order CPython registers them.
pub const BUILTIN_NAMES: [&str; 8] =
    ["strict", "ignore", "replace", "xmlcharrefreplace", "backslashreplace", "namereplace", "surrogateescape", "surrogatepass"];

/// An error handler.
#[derive(Clone)]
pub enum Handler {
    Strict,
    Ignore,
    Replace,
    XmlCharRefReplace,
    BackslashReplace,
    NameReplace,
    SurrogateEscape,
    SurrogatePass,
    /// A handler registered from Python (or a built-in's function object
    /// registered under another name).
    Custom(Value),
}

/// `register_error(name, handler)`.
pub fn register(name: &str, handler: Value) {
    REGISTERED.with(|r| {
        let mut r = r.borrow_mut();
        match r.iter_mut().find(|(n, _)| n == name) {
            Some(slot) => slot.1 = handler,
            None => r.push((name.to_string(), handler)),
        }
    });
}

/// The handler object registered under `name` (`lookup_error`), the
/// built-in functions included.
pub fn lookup_object(vm: &mut Vm, name: &str) -> PyResult<Value> {
    if let Some(h) = REGISTERED.with(|r| r.borrow().iter().find(|(n, _)| n == name).map(|(_, h)| h.clone())) {
        return Ok(h);
    }
    if let Some(i) = BUILTIN_NAMES.iter().position(|n| *n == name) {
        return Ok(crate::builtins::function::new_builtin(BUILTIN_FUNCTIONS[i].0, BUILTIN_FUNCTIONS[i].1));
    }
    Err(vm.error(&LOOKUP_ERROR, format!("unknown error handler name '{name}'")))
}

/// The handler for `errors` (CPython's `_Py_GetErrorHandler` fast path by
/// name, then `PyCodec_LookupError`).
pub fn resolve(vm: &mut Vm, errors: &str) -> PyResult<Handler> {
    Ok(match errors {
        "strict" => Handler::Strict,
        "ignore" => Handler::Ignore,
        "replace" => Handler::Replace,
        "xmlcharrefreplace" => Handler::XmlCharRefReplace,
        "backslashreplace" => Handler::BackslashReplace,
        "namereplace" => Handler::NameReplace,
        "surrogateescape" => Handler::SurrogateEscape,
        "surrogatepass" => Handler::SurrogatePass,
        _ => Handler::Custom(lookup_object(vm, errors)?),
    })
}

/// What an encoding error handler gives back.
pub enum Replacement {
    /// Text the codec must encode itself.
    Text(Vec<u32>),
    /// Bytes written as they are.
    Bytes(Vec<u8>),
}

/// The standard encodings `surrogatepass` knows (CPython's
/// `get_standard_encoding`), from a codec's name.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Standard {
    Utf8,
    Utf16Le,
    Utf16Be,
    Utf32Le,
    Utf32Be,
}

fn standard_encoding(name: &str) -> Option<Standard> {
    let lower = name.to_ascii_lowercase();
    let rest = lower.strip_prefix("utf")?;
    let rest = rest.strip_prefix(['-', '_']).unwrap_or(rest);
    let (width, order) = match rest {
        "8" => return Some(Standard::Utf8),
        _ if rest.starts_with("16") => (16, &rest[2..]),
        _ if rest.starts_with("32") => (32, &rest[2..]),
        _ => return None,
    };
    let little = match order.trim_start_matches(['-', '_']) {
        "" | "le" => true,
        "be" => false,
        _ => return None,
    };
    Some(match (width, little) {
        (16, true) => Standard::Utf16Le,
        (16, false) => Standard::Utf16Be,
        (32, true) => Standard::Utf32Le,
        _ => Standard::Utf32Be,
    })
}

/// `\xhh`, `\uhhhh` or `\Uhhhhhhhh` for a code point.
pub fn push_escape(out: &mut Vec<u32>, cp: u32) {
    let text = match cp {
        0..=0xff => format!("\\x{cp:02x}"),
        0x100..=0xffff => format!("\\u{cp:04x}"),
        _ => format!("\\U{cp:08x}"),
    };
    out.extend(text.chars().map(|c| c as u32));
}

/// The replacement a built-in handler gives for code points `cps` of an
/// encoding error, or `None` where it re-raises the error (and the index
/// of the first code point it could not handle).
fn builtin_encode(h: &Handler, encoding: &str, cps: &[u32]) -> Result<Replacement, usize> {
    Ok(match h {
        Handler::Ignore => Replacement::Text(Vec::new()),
        Handler::Replace => Replacement::Text(vec!['?' as u32; cps.len()]),
        Handler::XmlCharRefReplace => {
            Replacement::Text(cps.iter().flat_map(|c| format!("&#{c};").chars().map(|c| c as u32).collect::<Vec<_>>()).collect())
        }
        Handler::BackslashReplace => {
            let mut out = Vec::new();
            cps.iter().for_each(|&c| push_escape(&mut out, c));
            Replacement::Text(out)
        }
        Handler::NameReplace => {
            let mut out = Vec::new();
            for &c in cps {
                match krait_syntax::ucd::name(c, krait_syntax::ucd::Version::V14) {
                    Some(name) => out.extend(format!("\\N{{{name}}}").chars().map(|c| c as u32)),
                    None => push_escape(&mut out, c),
                }
            }
            Replacement::Text(out)
        }
        Handler::SurrogateEscape => {
            let mut out = Vec::new();
            for (i, &c) in cps.iter().enumerate() {
                if !(0xDC80..=0xDCFF).contains(&c) {
                    return Err(i);
                }
                out.push((c - 0xDC00) as u8);
            }
            Replacement::Bytes(out)
        }
        Handler::SurrogatePass => {
            let Some(std) = standard_encoding(encoding) else { return Err(0) };
            let mut out = Vec::new();
            for (i, &c) in cps.iter().enumerate() {
                if !(0xD800..=0xDFFF).contains(&c) {
                    return Err(i);
                }
                match std {
                    Standard::Utf8 => out.extend_from_slice(&[0xE0 | (c >> 12) as u8, 0x80 | ((c >> 6) & 0x3F) as u8, 0x80 | (c & 0x3F) as u8]),
                    Standard::Utf16Le => out.extend_from_slice(&(c as u16).to_le_bytes()),
                    Standard::Utf16Be => out.extend_from_slice(&(c as u16).to_be_bytes()),
                    Standard::Utf32Le => out.extend_from_slice(&c.to_le_bytes()),
                    Standard::Utf32Be => out.extend_from_slice(&c.to_be_bytes()),
                }
            }
            Replacement::Bytes(out)
        }
        Handler::Strict | Handler::Custom(_) => return Err(0),
    })
}

/// What a built-in handler does with a decoding error over `data[start..end]`:
/// the replacement text and where decoding resumes, or `None` to re-raise.
/// `Err` is a TypeError message (a handler that cannot decode).
fn builtin_decode(h: &Handler, encoding: &str, data: &[u8], start: usize, end: usize) -> Result<Option<(Vec<u32>, usize)>, &'static str> {
    Ok(Some(match h {
        Handler::Ignore => (Vec::new(), end),
        Handler::Replace => (vec![0xFFFD], end),
        Handler::BackslashReplace => {
            let mut out = Vec::new();
            data[start..end].iter().for_each(|&b| push_escape(&mut out, b as u32));
            (out, end)
        }
        Handler::SurrogateEscape => {
            let mut out = Vec::new();
            for &b in data[start..end].iter().take(4) {
                if b < 0x80 {
                    break;
                }
                out.push(0xDC00 + b as u32);
            }
            if out.is_empty() {
                return Ok(None);
            }
            let n = out.len();
            (out, start + n)
        }
        Handler::SurrogatePass => {
            let Some(std) = standard_encoding(encoding) else { return Ok(None) };
            let at = &data[start..];
            let cp = match std {
                Standard::Utf8 => match at {
                    [b0, b1, b2, ..] if b0 & 0xF0 == 0xE0 && b1 & 0xC0 == 0x80 && b2 & 0xC0 == 0x80 => {
                        ((*b0 as u32 & 0x0F) << 12) | ((*b1 as u32 & 0x3F) << 6) | (*b2 as u32 & 0x3F)
                    }
                    _ => return Ok(None),
                },
                Standard::Utf16Le | Standard::Utf16Be if at.len() >= 2 => {
                    let u = [at[0], at[1]];
                    (if std == Standard::Utf16Le { u16::from_le_bytes(u) } else { u16::from_be_bytes(u) }) as u32
                }
                Standard::Utf32Le | Standard::Utf32Be if at.len() >= 4 => {
                    let u = [at[0], at[1], at[2], at[3]];
                    if std == Standard::Utf32Le { u32::from_le_bytes(u) } else { u32::from_be_bytes(u) }
                }
                _ => return Ok(None),
            };
            if !(0xD800..=0xDFFF).contains(&cp) {
                return Ok(None);
            }
            let n = match std {
                Standard::Utf8 => 3,
                Standard::Utf16Le | Standard::Utf16Be => 2,
                _ => 4,
            };
            (vec![cp], start + n)
        }
        Handler::XmlCharRefReplace | Handler::NameReplace => {
            return Err("don't know how to handle UnicodeDecodeError in error callback")
        }
        Handler::Strict | Handler::Custom(_) => return Ok(None),
    }))
}

/// A new exception of `ty` with the five fields (or four, for a
/// UnicodeTranslateError, which has no encoding).
fn unicode_error(ty: &'static crate::types::TypeObject, encoding: &str, object: Value, start: usize, end: usize, reason: &str) -> Value {
    let mut args = vec![new_str(encoding), object, new_int(start as i64), new_int(end as i64), new_str(reason)];
    if std::ptr::eq(ty, &UNICODE_TRANSLATE_ERROR) {
        args.remove(0);
    }
    exception_with_args(ty, args)
}

/// Point an exception made by a codec at another range.
fn update(exc: &Value, start: usize, end: usize, reason: &str) {
    if let Some(data) = as_exception(exc) {
        let mut args = data.args.borrow_mut();
        if args.len() == 5 {
            args[2] = new_int(start as i64);
            args[3] = new_int(end as i64);
            args[4] = new_str(reason);
        }
    }
}

/// A handler's `(replacement, position)` result, checked; the position
/// made absolute against `len`.
fn handler_result(vm: &mut Vm, result: &Value, len: usize, encoding: bool) -> PyResult<(Value, usize)> {
    let pair = as_tuple(result).filter(|t| t.items.len() == 2).map(|t| (t.items[0].clone(), t.items[1].clone()));
    let ok_rep = |r: &Value| as_str_data(r).is_some() || (encoding && crate::builtins::bytes::as_bytes(r).is_some());
    let Some((rep, pos)) = pair.filter(|(r, _)| ok_rep(r)) else {
        let msg = if encoding {
            "encoding error handler must return (str/bytes, int) tuple"
        } else {
            "decoding error handler must return (str, int) tuple"
        };
        return Err(vm.type_error(msg));
    };
    let pos = crate::builtins::str_methods::ssize_arg(vm, &pos)?;
    let abs = if pos < 0 { pos + len as i64 } else { pos };
    if abs < 0 || abs > len as i64 {
        return Err(vm.index_error(format!("position {pos} from error handler out of bounds")));
    }
    Ok((rep, abs as usize))
}

/// The errors of one encoding call: the text, the handler's name, and
/// what resolving it and calling it made.
pub struct EncodeErrors<'a> {
    pub encoding: &'static str,
    text: &'a StrData,
    cps: &'a [u32],
    errors: &'a str,
    handler: Option<Handler>,
    exc: Value,
}

impl<'a> EncodeErrors<'a> {
    pub fn new(encoding: &'static str, text: &'a StrData, cps: &'a [u32], errors: &'a str) -> Self {
        EncodeErrors { encoding, text, cps, errors, handler: None, exc: Value::NULL }
    }

    fn text_value(&self) -> Value {
        crate::builtins::str::new_str_bytes(self.text.bytes().into(), self.text.len())
    }

    /// The UnicodeEncodeError for `start..end`.
    pub fn error(&mut self, start: usize, end: usize, reason: &str) -> PyErr {
        if self.exc.is_null() {
            self.exc = unicode_error(&UNICODE_ENCODE_ERROR, self.encoding, self.text_value(), start, end, reason);
        } else {
            update(&self.exc, start, end, reason);
        }
        PyErr { exception: self.exc.clone() }
    }

    /// Handle code points `start..end` that cannot be encoded: the
    /// replacement and the position encoding resumes at.
    pub fn handle(&mut self, vm: &mut Vm, start: usize, end: usize, reason: &str) -> PyResult<(Replacement, usize)> {
        if self.handler.is_none() {
            self.handler = Some(resolve(vm, self.errors)?);
        }
        let h = self.handler.clone().expect("resolved above");
        if let Handler::Custom(f) = h {
            let exc = self.error(start, end, reason).exception;
            let result = crate::eval::call(vm, &f, &[exc], &[])?;
            let (rep, pos) = handler_result(vm, &result, self.cps.len(), true)?;
            let rep = match as_str_data(&rep) {
                Some(s) => Replacement::Text(s.code_points().collect()),
                None => Replacement::Bytes(as_buffer(&rep).map(|b| b.to_vec()).unwrap_or_default()),
            };
            return Ok((rep, pos));
        }
        match builtin_encode(&h, self.encoding, &self.cps[start..end]) {
            Ok(rep) => Ok((rep, end)),
            Err(bad) => Err(self.error(start + bad, end, reason)),
        }
    }
}

/// The errors of one decoding call.
pub struct DecodeErrors<'a> {
    pub encoding: &'static str,
    data: &'a [u8],
    errors: &'a str,
    handler: Option<Handler>,
    exc: Value,
}

impl<'a> DecodeErrors<'a> {
    pub fn new(encoding: &'static str, data: &'a [u8], errors: &'a str) -> Self {
        DecodeErrors { encoding, data, errors, handler: None, exc: Value::NULL }
    }

    /// The UnicodeDecodeError for `start..end`.
    pub fn error(&mut self, start: usize, end: usize, reason: &str) -> PyErr {
        if self.exc.is_null() {
            self.exc = unicode_error(&UNICODE_DECODE_ERROR, self.encoding, new_bytes(self.data.to_vec()), start, end, reason);
        } else {
            update(&self.exc, start, end, reason);
        }
        PyErr { exception: self.exc.clone() }
    }

    /// Handle bytes `start..end` that cannot be decoded: append the
    /// replacement to `out` and return where decoding resumes.
    pub fn handle(&mut self, vm: &mut Vm, out: &mut PyString, start: usize, end: usize, reason: &str) -> PyResult<usize> {
        if self.handler.is_none() {
            self.handler = Some(resolve(vm, self.errors)?);
        }
        let h = self.handler.clone().expect("resolved above");
        if let Handler::Custom(f) = h {
            let exc = self.error(start, end, reason).exception;
            let result = crate::eval::call(vm, &f, &[exc], &[])?;
            let (rep, pos) = handler_result(vm, &result, self.data.len(), false)?;
            if let Some(s) = as_str_data(&rep) {
                s.code_points().for_each(|c| out.push_code_point(c));
            }
            return Ok(pos);
        }
        match builtin_decode(&h, self.encoding, self.data, start, end) {
            Ok(Some((rep, pos))) => {
                rep.into_iter().for_each(|c| out.push_code_point(c));
                Ok(pos)
            }
            Ok(None) => Err(self.error(start, end, reason)),
            Err(msg) => Err(vm.type_error(msg)),
        }
    }
}

// ----- the handlers as functions (`codecs.lookup_error(name)`) ----------------

type HandlerFn = fn(&mut Vm, &Value, &[Value], &[Value]) -> PyResult<Value>;

/// The function objects of the built-in handlers, in `BUILTIN_NAMES` order.
pub const BUILTIN_FUNCTIONS: [(&str, HandlerFn); 8] = [
    ("strict_errors", strict_errors),
    ("ignore_errors", |vm, _, a, k| call_builtin(vm, Handler::Ignore, a, k)),
    ("replace_errors", |vm, _, a, k| call_builtin(vm, Handler::Replace, a, k)),
    ("xmlcharrefreplace_errors", |vm, _, a, k| call_builtin(vm, Handler::XmlCharRefReplace, a, k)),
    ("backslashreplace_errors", |vm, _, a, k| call_builtin(vm, Handler::BackslashReplace, a, k)),
    ("namereplace_errors", |vm, _, a, k| call_builtin(vm, Handler::NameReplace, a, k)),
    ("surrogateescape", |vm, _, a, k| call_builtin(vm, Handler::SurrogateEscape, a, k)),
    ("surrogatepass", |vm, _, a, k| call_builtin(vm, Handler::SurrogatePass, a, k)),
];

/// `strict_errors(exc)`: raise `exc` (a TypeError for a non-exception).
fn strict_errors(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::dict::check_args(vm, "strict_errors", args, kwnames, 1, 1)?;
    if as_exception(&args[0]).is_some() {
        return Err(PyErr { exception: args[0].clone() });
    }
    Err(vm.type_error("codec must pass exception instance"))
}

/// An int field of a Unicode error (`start`, `end`).
fn field_index(vm: &mut Vm, exc: &Value, name: &str) -> PyResult<usize> {
    let v = crate::ops::getattr(vm, exc, &new_str(name))?;
    let i = crate::builtins::str_methods::ssize_arg(vm, &v)?;
    Ok(i.max(0) as usize)
}

/// A built-in handler called from Python with a Unicode error.
fn call_builtin(vm: &mut Vm, h: Handler, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    crate::builtins::dict::check_args(vm, "handler", args, kwnames, 1, 1)?;
    let exc = &args[0];
    let ty = vm.type_of_static(exc);
    let wrong = |vm: &mut Vm, ty: &crate::types::TypeObject| {
        vm.type_error(format!("don't know how to handle {} in error callback", ty.name()))
    };
    let object = crate::ops::getattr(vm, exc, &new_str("object"))?;
    let start = field_index(vm, exc, "start")?;
    let end = field_index(vm, exc, "end")?;
    if ty.is_subtype(&UNICODE_ENCODE_ERROR) || ty.is_subtype(&UNICODE_TRANSLATE_ERROR) {
        let translate = ty.is_subtype(&UNICODE_TRANSLATE_ERROR);
        if translate && !matches!(h, Handler::Ignore | Handler::Replace | Handler::BackslashReplace) {
            return Err(wrong(vm, ty));
        }
        let Some(text) = as_str_data(&object) else { return Err(vm.type_error("object attribute must be unicode")) };
        let cps: Vec<u32> = text.code_points().collect();
        let end = end.min(cps.len());
        let start = start.min(end);
        let encoding = if translate {
            String::new()
        } else {
            let e = crate::ops::getattr(vm, exc, &new_str("encoding"))?;
            crate::builtins::str::as_str(&e).unwrap_or("").to_string()
        };
        let rep = match (&h, builtin_encode(&h, &encoding, &cps[start..end])) {
            (Handler::Replace, _) if translate => new_str(&"\u{fffd}".repeat(end - start)),
            (_, Ok(Replacement::Text(t))) => crate::builtins::str_methods::str_of_code_points(&t),
            (_, Ok(Replacement::Bytes(b))) => new_bytes(b),
            (_, Err(_)) => return Err(PyErr { exception: exc.clone() }),
        };
        return Ok(new_tuple(vec![rep, new_int(end as i64)]));
    }
    if ty.is_subtype(&UNICODE_DECODE_ERROR) {
        let Some(data) = as_buffer(&object).map(|b| b.to_vec()) else {
            return Err(vm.type_error("object attribute must be bytes"));
        };
        let end = end.min(data.len());
        let start = start.min(end);
        let e = crate::ops::getattr(vm, exc, &new_str("encoding"))?;
        let encoding = crate::builtins::str::as_str(&e).unwrap_or("").to_string();
        return match builtin_decode(&h, &encoding, &data, start, end) {
            Ok(Some((rep, pos))) => {
                Ok(new_tuple(vec![crate::builtins::str_methods::str_of_code_points(&rep), new_int(pos as i64)]))
            }
            Ok(None) => Err(PyErr { exception: exc.clone() }),
            Err(_) => Err(wrong(vm, ty)),
        };
    }
    Err(wrong(vm, ty))
}

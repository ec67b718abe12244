//! The `_codecs` module (CPython's `Modules/_codecsmodule.c`): the
//! registry's functions and the codec functions `encodings/*.py` call.
//!
//! Invariants: arguments are parsed as CPython's Argument Clinic does for
//! these functions (positional only but `encode`/`decode`, the same
//! messages): text is a `str`, data a bytes-like object (a `str` too for
//! the escape decoders, as its UTF-8), `errors` a `str` or None (strict).
//! Encoders return `(bytes, number of code points)`, decoders `(str,
//! number of bytes read)`.

use krait_syntax::pystr::PyString;

use crate::builtins::bytes::new_bytes;
use crate::builtins::codecs::{charmap, errors, escape, registry, unicode};
use crate::builtins::dict::{as_dict, check_args, new_dict};
use crate::builtins::function::{new_builtin, new_module};
use crate::builtins::int::new_int;
use crate::builtins::str::{as_str_data, new_str, new_str_from_pystring, StrData};
use crate::builtins::tuple::new_tuple;
use crate::types::CallFn;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Check the count of positional arguments of `_codecs.NAME`.
fn arity(vm: &mut Vm, name: &str, args: &[Value], kwnames: &[Value], min: usize, max: usize) -> PyResult<()> {
    check_args(vm, &format!("_codecs.{name}"), args, kwnames, min, max)
}

/// Argument `n` (from 1) as a str.
fn text_arg<'a>(vm: &mut Vm, name: &str, n: usize, v: &'a Value) -> PyResult<&'a StrData> {
    match as_str_data(v) {
        Some(s) => Ok(s),
        None => Err(vm.type_error(format!("{name}() argument {n} must be str, not {}", vm.type_of(v).name()))),
    }
}

/// The `errors` argument: absent or None is strict.
fn errors_arg(vm: &mut Vm, name: &str, n: usize, args: &[Value]) -> PyResult<String> {
    match args.get(n - 1) {
        None => Ok("strict".to_string()),
        Some(v) if crate::builtins::singletons::is_none(v) => Ok("strict".to_string()),
        Some(v) => match registry::name_of(v) {
            Some(s) if as_str_data(v).is_some() => Ok(s),
            _ => Err(vm.type_error(format!("{name}() argument {n} must be str or None, not {}", vm.type_of(v).name()))),
        },
    }
}

/// A bytes-like argument's bytes; with `text_too`, a str's UTF-8.
fn data_arg(vm: &mut Vm, v: &Value, text_too: bool) -> PyResult<Vec<u8>> {
    if text_too {
        if let Some(s) = as_str_data(v) {
            return unicode::encode_utf8(vm, s, "strict");
        }
    }
    Ok(crate::builtins::bytes::buffer_arg(vm, v)?.to_vec())
}

/// An int argument (`final`, `byteorder`), `default` when absent.
fn int_arg(vm: &mut Vm, args: &[Value], n: usize, default: i64) -> PyResult<i64> {
    match args.get(n - 1) {
        None => Ok(default),
        Some(v) => {
            let i = crate::builtins::str_methods::ssize_arg(vm, v)?;
            i32::try_from(i).map(i64::from).map_err(|_| vm.overflow_error("Python int too large to convert to C int"))
        }
    }
}

fn pair(first: Value, n: usize) -> Value {
    new_tuple(vec![first, new_int(n as i64)])
}

fn text_pair(s: &PyString, n: usize) -> Value {
    pair(new_str_from_pystring(s), n)
}

// ----- the registry ---------------------------------------------------------------

fn register(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    arity(vm, "register", args, kwnames, 1, 1)?;
    registry::register(vm, args[0].clone())?;
    Ok(vm.none())
}

fn unregister(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    arity(vm, "unregister", args, kwnames, 1, 1)?;
    registry::unregister(&args[0]);
    Ok(vm.none())
}

/// A name argument of `lookup` and friends: "lookup() argument must be str, not int".
fn name_arg(vm: &mut Vm, fname: &str, v: &Value) -> PyResult<String> {
    match registry::name_of(v) {
        Some(s) if as_str_data(v).is_some() => Ok(s),
        _ => Err(vm.type_error(format!("{fname}() argument must be str, not {}", vm.type_of(v).name()))),
    }
}

fn lookup(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    arity(vm, "lookup", args, kwnames, 1, 1)?;
    let name = name_arg(vm, "lookup", &args[0])?;
    registry::lookup(vm, &name)
}

fn forget_codec(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    arity(vm, "_forget_codec", args, kwnames, 1, 1)?;
    let name = name_arg(vm, "_forget_codec", &args[0])?;
    registry::forget(&name)?;
    Ok(vm.none())
}

/// `encode(obj, encoding='utf-8', errors='strict')` and `decode(...)`.
fn encode_or_decode(vm: &mut Vm, fname: &str, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [obj, encoding, errs] = crate::builtins::str_methods::bind(vm, fname, ["obj", "encoding", "errors"], args, kwnames)?;
    let Some(obj) = obj else {
        return Err(vm.type_error(format!("{fname}() missing required argument 'obj' (pos 1)")));
    };
    let text = |vm: &mut Vm, v: Option<&Value>, default: &str, n: usize| -> PyResult<String> {
        match v {
            None => Ok(default.to_string()),
            Some(v) => match registry::name_of(v) {
                Some(s) if as_str_data(v).is_some() => Ok(s),
                _ => {
                    let what = if n == 2 { "encoding" } else { "errors" };
                    Err(vm.type_error(format!("{fname}() argument '{what}' must be str, not {}", vm.type_of(v).name())))
                }
            },
        }
    };
    let encoding = text(vm, encoding, "utf-8", 2)?;
    let errs = text(vm, errs, "strict", 3)?;
    if fname == "encode" {
        registry::encode(vm, obj, &encoding, &errs)
    } else {
        registry::decode(vm, obj, &encoding, &errs)
    }
}

fn encode(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    encode_or_decode(vm, "encode", args, kwnames)
}

fn decode(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    encode_or_decode(vm, "decode", args, kwnames)
}

fn register_error(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    arity(vm, "register_error", args, kwnames, 2, 2)?;
    let Some(name) = as_str_data(&args[0]).map(|s| String::from_utf8_lossy(s.bytes()).into_owned()) else {
        let msg = format!("register_error() argument 1 must be str, not {}", vm.type_of(&args[0]).name());
        return Err(vm.type_error(msg));
    };
    if !crate::ops::is_callable(vm, &args[1]) {
        return Err(vm.type_error("handler must be callable"));
    }
    errors::register(&name, args[1].clone());
    Ok(vm.none())
}

fn lookup_error(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    arity(vm, "lookup_error", args, kwnames, 1, 1)?;
    let Some(name) = as_str_data(&args[0]).map(|s| String::from_utf8_lossy(s.bytes()).into_owned()) else {
        let msg = format!("lookup_error() argument must be str, not {}", vm.type_of(&args[0]).name());
        return Err(vm.type_error(msg));
    };
    errors::lookup_object(vm, &name)
}

// ----- encoders -----------------------------------------------------------------

/// The encoders taking `(str, errors=None)`, by name.
fn simple_encoder(vm: &mut Vm, name: &str, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let max = match name {
        "utf_16_encode" | "utf_32_encode" | "charmap_encode" => 3,
        _ => 2,
    };
    arity(vm, name, args, kwnames, 1, max)?;
    let text = text_arg(vm, name, 1, &args[0])?;
    let errs = errors_arg(vm, name, 2, args)?;
    let out = match name {
        "utf_8_encode" => unicode::encode_utf8(vm, text, &errs)?,
        "utf_7_encode" => unicode::encode_utf7(text),
        "utf_16_encode" => {
            let bo = int_arg(vm, args, 3, 0)?;
            unicode::encode_utf16(vm, text, &errs, bo.signum() as i32)?
        }
        "utf_16_le_encode" => unicode::encode_utf16(vm, text, &errs, -1)?,
        "utf_16_be_encode" => unicode::encode_utf16(vm, text, &errs, 1)?,
        "utf_32_encode" => {
            let bo = int_arg(vm, args, 3, 0)?;
            unicode::encode_utf32(vm, text, &errs, bo.signum() as i32)?
        }
        "utf_32_le_encode" => unicode::encode_utf32(vm, text, &errs, -1)?,
        "utf_32_be_encode" => unicode::encode_utf32(vm, text, &errs, 1)?,
        "latin_1_encode" => charmap::encode_ucs1(vm, text, &errs, 256)?,
        "ascii_encode" => charmap::encode_ucs1(vm, text, &errs, 128)?,
        "charmap_encode" => {
            let none = vm.none();
            let mapping = args.get(2).unwrap_or(&none);
            charmap::encode_charmap(vm, text, &errs, mapping)?
        }
        "unicode_escape_encode" => escape::encode_unicode_escape(&text.code_points().collect::<Vec<_>>()),
        _ => escape::encode_raw_unicode_escape(&text.code_points().collect::<Vec<_>>()),
    };
    Ok(pair(new_bytes(out), text.len()))
}

// ----- decoders -------------------------------------------------------------------

/// The decoders, by name.
fn simple_decoder(vm: &mut Vm, name: &str, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let max = match name {
        "latin_1_decode" | "ascii_decode" => 2,
        "utf_16_ex_decode" | "utf_32_ex_decode" => 4,
        _ => 3,
    };
    arity(vm, name, args, kwnames, 1, max)?;
    let escapes = matches!(name, "unicode_escape_decode" | "raw_unicode_escape_decode");
    let data = data_arg(vm, &args[0], escapes)?;
    let errs = errors_arg(vm, name, 2, args)?;
    let final_default = if escapes { 1 } else { 0 };
    let final_ = |vm: &mut Vm, n: usize| -> PyResult<bool> { Ok(int_arg(vm, args, n, final_default)? != 0) };
    let (text, n) = match name {
        "utf_8_decode" => {
            let f = final_(vm, 3)?;
            unicode::decode_utf8(vm, &data, &errs, f)?
        }
        "utf_7_decode" => {
            let f = final_(vm, 3)?;
            unicode::decode_utf7(vm, &data, &errs, f)?
        }
        "utf_16_decode" | "utf_16_le_decode" | "utf_16_be_decode" | "utf_32_decode" | "utf_32_le_decode"
        | "utf_32_be_decode" => {
            let f = final_(vm, 3)?;
            let mut bo = if name.contains("_le_") {
                -1
            } else if name.contains("_be_") {
                1
            } else {
                0
            };
            if name.starts_with("utf_16") {
                unicode::decode_utf16(vm, &data, &errs, &mut bo, f)?
            } else {
                unicode::decode_utf32(vm, &data, &errs, &mut bo, f)?
            }
        }
        "utf_16_ex_decode" | "utf_32_ex_decode" => {
            let mut bo = int_arg(vm, args, 3, 0)?.signum() as i32;
            let f = final_(vm, 4)?;
            let (text, n) = if name.starts_with("utf_16") {
                unicode::decode_utf16(vm, &data, &errs, &mut bo, f)?
            } else {
                unicode::decode_utf32(vm, &data, &errs, &mut bo, f)?
            };
            return Ok(new_tuple(vec![new_str_from_pystring(&text), new_int(n as i64), new_int(bo as i64)]));
        }
        "latin_1_decode" => (charmap::decode_latin1(&data), data.len()),
        "ascii_decode" => (charmap::decode_ascii(vm, &data, &errs)?, data.len()),
        "charmap_decode" => {
            let none = vm.none();
            let mapping = args.get(2).unwrap_or(&none).clone();
            (charmap::decode_charmap(vm, &data, &errs, &mapping)?, data.len())
        }
        "unicode_escape_decode" => {
            let f = final_(vm, 3)?;
            escape::decode_unicode_escape(vm, &data, &errs, f)?
        }
        _ => {
            let f = final_(vm, 3)?;
            escape::decode_raw_unicode_escape(vm, &data, &errs, f)?
        }
    };
    Ok(text_pair(&text, n))
}

fn charmap_build(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    arity(vm, "charmap_build", args, kwnames, 1, 1)?;
    let table = text_arg(vm, "charmap_build", 1, &args[0])?;
    charmap::build_encoding_map(vm, table)
}

/// `escape_encode(data, errors=None)`: `data` must be bytes.
fn escape_encode(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    arity(vm, "escape_encode", args, kwnames, 1, 2)?;
    let Some(data) = crate::builtins::bytes::as_bytes(&args[0]) else {
        let msg = format!("escape_encode() argument 1 must be bytes, not {}", vm.type_of(&args[0]).name());
        return Err(vm.type_error(msg));
    };
    errors_arg(vm, "escape_encode", 2, args)?;
    Ok(pair(new_bytes(escape::escape_encode(data)), data.len()))
}

/// `escape_decode(data, errors=None)`.
fn escape_decode(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    arity(vm, "escape_decode", args, kwnames, 1, 2)?;
    let data = data_arg(vm, &args[0], true)?;
    let errs = match args.get(1) {
        Some(v) if !crate::builtins::singletons::is_none(v) => Some(errors_arg(vm, "escape_decode", 2, args)?),
        _ => None,
    };
    let out = escape::escape_decode(vm, &data, errs.as_deref())?;
    Ok(pair(new_bytes(out), data.len()))
}

/// `readbuffer_encode(data, errors=None)`: the bytes of a buffer or a
/// str's UTF-8.
fn readbuffer_encode(vm: &mut Vm, _: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    arity(vm, "readbuffer_encode", args, kwnames, 1, 2)?;
    let data = data_arg(vm, &args[0], true)?;
    errors_arg(vm, "readbuffer_encode", 2, args)?;
    let n = data.len();
    Ok(pair(new_bytes(data), n))
}

macro_rules! codec_functions {
    ($kind:ident: $($name:literal),* $(,)?) => {
        [$(($name, (|vm: &mut Vm, _: &Value, a: &[Value], k: &[Value]| $kind(vm, $name, a, k)) as CallFn)),*]
    };
}

/// The `_codecs` module.
pub fn new_codecs_module(vm: &mut Vm) -> PyResult<Value> {
    let d = new_dict();
    let dd = as_dict(&d).expect("a dict");
    dd.set(vm, new_str("__name__"), new_str("_codecs"))?;
    dd.set(vm, new_str("__doc__"), vm.none())?;
    dd.set(vm, new_str("__package__"), new_str(""))?;
    dd.set(vm, new_str("__loader__"), vm.none())?;
    dd.set(vm, new_str("__spec__"), vm.none())?;
    let functions: [(&'static str, CallFn); 12] = [
        ("register", register),
        ("unregister", unregister),
        ("lookup", lookup),
        ("encode", encode),
        ("decode", decode),
        ("_forget_codec", forget_codec),
        ("register_error", register_error),
        ("lookup_error", lookup_error),
        ("charmap_build", charmap_build),
        ("escape_encode", escape_encode),
        ("escape_decode", escape_decode),
        ("readbuffer_encode", readbuffer_encode),
    ];
    let encoders = codec_functions!(simple_encoder:
        "utf_7_encode", "utf_8_encode", "utf_16_encode", "utf_16_le_encode", "utf_16_be_encode", "utf_32_encode",
        "utf_32_le_encode", "utf_32_be_encode", "latin_1_encode", "ascii_encode", "charmap_encode",
        "unicode_escape_encode", "raw_unicode_escape_encode",
    );
    let decoders = codec_functions!(simple_decoder:
        "utf_7_decode", "utf_8_decode", "utf_16_decode", "utf_16_le_decode", "utf_16_be_decode", "utf_16_ex_decode",
        "utf_32_decode", "utf_32_le_decode", "utf_32_be_decode", "utf_32_ex_decode", "latin_1_decode",
        "ascii_decode", "charmap_decode", "unicode_escape_decode", "raw_unicode_escape_decode",
    );
    for (name, f) in functions.into_iter().chain(encoders).chain(decoders) {
        dd.set(vm, new_str(name), new_builtin(name, f))?;
    }
    Ok(new_module("_codecs", d))
}

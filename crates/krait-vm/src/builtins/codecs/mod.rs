//! Text encodings: `str.encode`, `bytes.decode`, `str(b, encoding)` and
//! the `_codecs` module under CPython's own `codecs.py` and `encodings`
//! package.
//!
//! Invariants:
//! - utf-8, ascii and latin-1 (and their aliases) are encoded and decoded
//!   natively without the registry, as CPython's fast paths do; every
//!   other name goes through the registry (`registry.rs`), which imports
//!   `encodings` on first use, and whose codecs call back into the native
//!   codecs of `_codecs` (`module.rs`).
//! - Errors go through `errors.rs`: the built-in handlers by name, any
//!   other through `register_error`, resolved only when an error happens.
//!
//! Files: `errors.rs` (handlers), `registry.rs` (search functions and the
//! cache), `unicode.rs` (UTF-8/16/32/7), `charmap.rs` (latin-1, ascii,
//! charmap), `escape.rs` (the escape codecs), `module.rs` (`_codecs`).

pub mod charmap;
pub mod errors;
pub mod escape;
pub mod module;
pub mod registry;
pub mod unicode;

use crate::builtins::bytes::new_bytes;
use crate::builtins::str::{as_str_data, new_str_from_pystring, StrData};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// A codec Krait runs without the registry.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Codec {
    Utf8,
    Ascii,
    Latin1,
}

/// The native codec a name stands for, if any (the aliases `encodings`
/// gives utf_8, ascii and latin_1).
pub fn native(name: &str) -> Option<Codec> {
    if name == "utf-8" {
        return Some(Codec::Utf8);
    }
    match registry::normalize(name).as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "utf8_ucs2" | "utf8_ucs4" | "cp65001" => Some(Codec::Utf8),
        "ascii" | "646" | "ansi_x3.4_1968" | "ansi_x3_4_1968" | "ansi_x3.4_1986" | "cp367" | "csascii" | "ibm367"
        | "iso646_us" | "iso_646.irv_1991" | "iso_ir_6" | "us" | "us_ascii" => Some(Codec::Ascii),
        "latin_1" | "8859" | "cp819" | "csisolatin1" | "ibm819" | "iso8859" | "iso8859_1" | "iso_8859_1"
        | "iso_8859_1_1987" | "iso_ir_100" | "l1" | "latin" | "latin1" => Some(Codec::Latin1),
        _ => None,
    }
}

/// `text.encode(codec, errors)` for a native codec.
pub fn encode(vm: &mut Vm, text: &StrData, codec: Codec, errors: &str) -> PyResult<Vec<u8>> {
    match codec {
        Codec::Utf8 => unicode::encode_utf8(vm, text, errors),
        Codec::Ascii => charmap::encode_ucs1(vm, text, errors, 128),
        Codec::Latin1 => charmap::encode_ucs1(vm, text, errors, 256),
    }
}

/// `data.decode(codec, errors)` for a native codec, as a `str`.
pub fn decode(vm: &mut Vm, data: &[u8], codec: Codec, errors: &str) -> PyResult<Value> {
    let text = match codec {
        Codec::Utf8 => unicode::decode_utf8(vm, data, errors, true)?.0,
        Codec::Ascii => charmap::decode_ascii(vm, data, errors)?,
        Codec::Latin1 => charmap::decode_latin1(data),
    };
    Ok(new_str_from_pystring(&text))
}

/// In development mode (`-X dev`), look the codec and the error handler
/// up before any data needs them, so a misspelt name is a LookupError even
/// for empty input (CPython's `unicode_check_encoding_errors`, with its
/// fast path for the common names).
fn check_encoding_errors(vm: &mut Vm, encoding: Option<&str>, errors: Option<&str>) -> PyResult<()> {
    if !crate::config::get().dev_mode {
        return Ok(());
    }
    if let Some(encoding) = encoding.filter(|e| !matches!(*e, "utf-8" | "utf8" | "ascii")) {
        registry::lookup(vm, encoding)?;
    }
    if let Some(errors) = errors.filter(|e| !matches!(*e, "strict" | "ignore" | "replace" | "surrogateescape" | "surrogatepass")) {
        errors::lookup_object(vm, errors)?;
    }
    Ok(())
}

/// `s.encode(encoding, errors)` for a `str` value `s` (CPython's
/// `PyUnicode_AsEncodedString`).
pub fn encode_str(vm: &mut Vm, s: &Value, encoding: Option<&str>, errors: Option<&str>) -> PyResult<Vec<u8>> {
    check_encoding_errors(vm, encoding, errors)?;
    let encoding = encoding.unwrap_or("utf-8");
    match native(encoding) {
        Some(codec) => encode(vm, as_str_data(s).expect("a str"), codec, errors.unwrap_or("strict")),
        None => registry::encode_text(vm, s, encoding, errors),
    }
}

/// `data.decode(encoding, errors)` (CPython's `PyUnicode_Decode`).
pub fn decode_bytes(vm: &mut Vm, data: Vec<u8>, encoding: Option<&str>, errors: Option<&str>) -> PyResult<Value> {
    check_encoding_errors(vm, encoding, errors)?;
    let encoding = encoding.unwrap_or("utf-8");
    match native(encoding) {
        Some(codec) => decode(vm, &data, codec, errors.unwrap_or("strict")),
        None => registry::decode_text(vm, data, encoding, errors),
    }
}

/// `str.encode(encoding='utf-8', errors='strict')`.
pub fn str_encode(vm: &mut Vm, this: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let [encoding, errors] = crate::builtins::str_methods::bind(vm, "encode", ["encoding", "errors"], args, kwnames)?;
    let encoding = crate::builtins::bytes::text_arg(vm, "encode", "encoding", encoding)?;
    let errors = crate::builtins::bytes::text_arg(vm, "encode", "errors", errors)?;
    let out = encode_str(vm, this, encoding.as_deref(), errors.as_deref())?;
    Ok(new_bytes(out))
}

/// `str(object, encoding, errors)` with an encoding or errors given
/// (CPython's `PyUnicode_FromEncodedObject`): `object` must be bytes-like.
pub fn decode_object(vm: &mut Vm, object: &Value, encoding: Option<&str>, errors: Option<&str>) -> PyResult<Value> {
    if as_str_data(object).is_some() {
        return Err(vm.type_error("decoding str is not supported"));
    }
    let Some(data) = crate::builtins::bytes::as_buffer(object).map(|b| b.to_vec()) else {
        let msg = format!("decoding to str: need a bytes-like object, {} found", vm.type_of(object).name());
        return Err(vm.type_error(msg));
    };
    decode_bytes(vm, data, encoding, errors)
}
